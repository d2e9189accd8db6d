// Named output and input types of the contract, for the renderer (which imports types only) and for the
// handlers. Each is inferred from its schema, so they cannot drift apart.
import type { z } from 'zod';
import type * as c from './connection.schemas';
import type * as t from './transfer.schemas';
import type * as till from './till.schemas';
import type * as cash from './cashier.schemas';
import type * as records from './records.schemas';

export type SettingsPatch = z.input<typeof c.settingsPatchSchema>;
export type LoginStart = z.output<typeof c.loginStartSchema>;
export type StartupStatus = z.output<typeof c.startupStatusSchema>;
export type MigrationProgressInfo = z.output<typeof c.migrationProgressSchema>;
export type LoginStatus = z.output<typeof c.loginStatusSchema>;
export type LoginFailureReason = z.output<typeof c.loginFailureReasonSchema>;
export type AuthStatus = z.output<typeof c.authStatusSchema>;
export type Organization = z.output<typeof c.organizationSchema>;
export type Chart = z.output<typeof c.chartSchema>;
export type ChartAccount = Chart['accounts'][number];
export type AppInfo = z.output<typeof c.appInfoSchema>;
export type UpdateStatus = z.output<typeof c.updateStatusSchema>;
export type SupportFileInfo = z.output<typeof c.supportFileSchema>;

export type Cashier = z.output<typeof cash.cashierSchema>;
export type CashierSession = z.output<typeof cash.cashierSessionSchema>;
export type CashierRole = z.output<typeof cash.cashierRoleSchema>;

export type RecordedSale = z.output<typeof till.recordedSaleSchema>;
export type CashMovementInput = z.input<typeof till.cashMovementInputSchema>;
export type CashMovement = z.output<typeof till.cashMovementSchema>;
export type OpenCashMovement = z.output<typeof till.openCashMovementSchema>;
export type OpenPeriod = z.output<typeof till.openPeriodSchema>;
export type TrainingStatus = z.output<typeof till.trainingStatusSchema>;
export type JournalSigning = z.output<typeof till.journalSigningSchema>;
export type JournalStatus = z.output<typeof records.journalStatusSchema>;
export type CloseDayInput = z.input<typeof till.closeDayInputSchema>;
export type PaymentTypeCreateInput = z.input<typeof till.paymentTypeCreateInputSchema>;
export type PaymentTypeUpdateInput = z.input<typeof till.paymentTypeUpdateInputSchema>;

export type TransferState = z.output<typeof t.transferStateSchema>;
export type TransferQuestion = z.output<typeof t.transferQuestionSchema>;
export type PostingPreview = z.output<typeof t.postingPreviewSchema>;
export type TransferPreviewInput = z.input<typeof t.transferPreviewInputSchema>;
export type TransferSummary = z.output<typeof t.transferSummarySchema>;
export type TransferDetail = z.output<typeof t.transferDetailSchema>;
export type TransferAttempt = z.output<typeof t.transferAttemptSchema>;
export type TransferProblem = z.output<typeof t.transferProblemSchema>;
export type TransferReason = z.output<typeof t.transferReasonSchema>;
export type ReportListItem = z.output<typeof t.reportListItemSchema>;
export type ReportList = z.output<typeof t.reportListSchema>;
export type ReportDetail = z.output<typeof t.reportDetailSchema>;
export type ReportExport = z.output<typeof t.reportExportSchema>;
export type ReportExportRow = z.output<typeof t.reportExportRowSchema>;
export type VoucherPdf = z.output<typeof t.voucherPdfSchema>;
export type CloseDayResult = z.output<typeof t.closeDayResultSchema>;
export type RetransferResult = z.output<typeof t.retransferResultSchema>;
export type BlockingAction = z.output<typeof t.blockingActionSchema>;
export type SyncStatus = z.output<typeof t.syncStatusSchema>;
