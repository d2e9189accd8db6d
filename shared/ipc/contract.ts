// THE contract between the renderer and main: every channel with its zod input schema and its output
// schema (the output type is what the handler must return). Both shells serve exactly this table (see
// transport.ts for how) and reply with the envelope in error-codes.ts. Imports only zod and shared files.
//
// The renderer imports this file with `import type` only, so no schema ends up in its bundle.
import { z } from 'zod';
import { settingsSchema } from '../settings/settings.schema';
import { emptyInputSchema } from './common.schemas';
import {
  backupFileInputSchema, backupListSchema, backupSchema, installCertificateInputSchema, journalStatusSchema, journalVerificationSchema,
  saftExportInputSchema, saftExportSchema,
} from './records.schemas';
import {
  articleByEanInputSchema,
  articleCreateInputSchema,
  articleIdInputSchema,
  articleSchema,
  articlesImportInputSchema,
  articlesImportSchema,
  articlesListInputSchema,
  articlesListSchema,
  articleUpdateInputSchema,
  groupCreateInputSchema,
  groupsListInputSchema,
  groupUpdateInputSchema,
  productGroupSchema,
} from './catalogue.schemas';
import { cashierCreateInputSchema, cashierSchema, cashierSessionSchema, cashierUpdateInputSchema, signInInputSchema } from './cashier.schemas';
import {
  appInfoSchema,
  startupStatusSchema,
  updateStatusSchema,
  supportFileSchema,
  authStatusSchema,
  chartInputSchema,
  chartSchema,
  chooseOrganizationInputSchema,
  loginIdInputSchema,
  loginStartSchema,
  loginStatusSchema,
  organizationSchema,
  settingsPatchSchema,
} from './connection.schemas';
import {
  cashMovementInputSchema,
  countOpeningInputSchema,
  cashMovementSchema,
  closeDayInputSchema,
  openCashMovementSchema,
  openMovementsInputSchema,
  openPeriodSchema,
  paymentTypeCreateInputSchema,
  paymentTypeSchema,
  paymentTypesListInputSchema,
  paymentTypeUpdateInputSchema,
  recordedSaleSchema,
  saleInputSchema,
  salesRecentInputSchema,
  saleByNumberInputSchema,
  voidSaleInputSchema,
  refundInputSchema,
  undoMovementInputSchema,
  trainingStatusSchema,
} from './till.schemas';
import {
  closeDayResultSchema,
  postingPreviewSchema,
  reportDetailSchema,
  correctCountInputSchema,
  reportIdInputSchema,
  reportExportInputSchema,
  reportExportSchema,
  voucherPdfInputSchema,
  voucherPdfSchema,
  reportListInputSchema,
  reportListSchema,
  retransferResultSchema,
  reverseAndRepostInputSchema,
  syncOnlineInputSchema,
  syncStatusSchema,
  transferPreviewInputSchema,
  transferAnswerInputSchema,
} from './transfer.schemas';

function channel<I extends z.ZodType, O extends z.ZodType>(input: I, output: O) {
  return { input, output };
}

export const contract = {
  'app.info': channel(emptyInputSchema, appInfoSchema),
  /** Answered from the app's first moment: 'starting', 'migrating' (with its progress) or 'ready'. Before 'ready', every other channel is refused with app_starting. */
  'app.startup': channel(emptyInputSchema, startupStatusSchema),
  /** The app's update: looked for at start and daily, downloaded in the background, installed on quit. */
  'app.updateStatus': channel(emptyInputSchema, updateStatusSchema),
  /** Writes the support file (a zip without secrets: docs/SUPPORT.md) and says where it is. */
  'support.createFile': channel(emptyInputSchema, supportFileSchema),

  'settings.get': channel(emptyInputSchema, settingsSchema),
  /** Validated as a whole; on any issue nothing is written (settings_invalid with details.issues). */
  'settings.update': channel(settingsPatchSchema, settingsSchema),

  /** Active types in their order; includeInactive adds the deactivated ones after them. */
  'paymentTypes.list': channel(paymentTypesListInputSchema, z.array(paymentTypeSchema)),
  'paymentTypes.create': channel(paymentTypeCreateInputSchema, paymentTypeSchema),
  'paymentTypes.update': channel(paymentTypeUpdateInputSchema, paymentTypeSchema),

  /** Product groups: active ones in the register's order; includeInactive adds the deactivated after them. */
  'groups.list': channel(groupsListInputSchema, z.array(productGroupSchema)),
  'groups.create': channel(groupCreateInputSchema, productGroupSchema),
  'groups.update': channel(groupUpdateInputSchema, productGroupSchema),

  /** Articles by name; query finds part of a name or the start of an EAN. total = all articles in the till. */
  'articles.list': channel(articlesListInputSchema, articlesListSchema),
  /** The active article with this barcode, or null (the register says the code is unknown). */
  'articles.byEan': channel(articleByEanInputSchema, articleSchema.nullable()),
  'articles.create': channel(articleCreateInputSchema, articleSchema),
  'articles.update': channel(articleUpdateInputSchema, articleSchema),
  'articles.remove': channel(articleIdInputSchema, articlesListSchema.pick({ total: true })),
  /** Adds the rows of a CSV file that pass; each refused row comes back with its line and reason. */
  'articles.import': channel(articlesImportInputSchema, articlesImportSchema),

  /** The chosen company's chart and VAT codes: live, else the cached copy (dinero_offline if none). */
  'accounts.chart': channel(chartInputSchema, chartSchema),

  'orgs.list': channel(emptyInputSchema, z.array(organizationSchema)),
  /** dinero_no_pro when the company lacks Dinero Pro. Returns the updated settings. */
  'orgs.choose': channel(chooseOrganizationInputSchema, settingsSchema),

  /** Starts a Visma login. Electron main opens its own popup; the browser renderer opens authorizeUrl. */
  'auth.startLogin': channel(emptyInputSchema, loginStartSchema),
  /** Polled by the renderer until the state is no longer 'pending'. */
  'auth.loginStatus': channel(loginIdInputSchema, loginStatusSchema),
  /** The user closed the popup: forget the pending login. */
  'auth.cancelLogin': channel(loginIdInputSchema, loginStatusSchema),
  /** Revokes the refresh token and forgets the tokens. */
  'auth.logout': channel(emptyInputSchema, authStatusSchema),
  'auth.status': channel(emptyInputSchema, authStatusSchema),

  /** Who is at the till, and whether cashiers are set up (then the till needs someone signed in). */
  'cashiers.session': channel(emptyInputSchema, cashierSessionSchema),
  /** Every cashier (names and roles only; never a PIN): the sign-in list and the owner's settings. */
  'cashiers.list': channel(emptyInputSchema, z.array(cashierSchema)),
  /** The owner adds a cashier (the first one set up must be the owner, and is then signed in). */
  'cashiers.create': channel(cashierCreateInputSchema, cashierSchema),
  /** The owner renames, changes the role or the PIN of, or (de)activates a cashier. */
  'cashiers.update': channel(cashierUpdateInputSchema, cashierSchema),
  /** Sign in (or switch) at the till with a PIN; cashier_pin_wrong / cashier_pin_locked otherwise. */
  'cashiers.signIn': channel(signInInputSchema, cashierSessionSchema),
  'cashiers.signOut': channel(emptyInputSchema, cashierSessionSchema),

  /** In training mode the sale comes back as a training sale (training: true), kept in the journal only. */
  'sales.record': channel(saleInputSchema, recordedSaleSchema),
  /** Training mode at this register (read by the banner on every screen). */
  'training.status': channel(emptyInputSchema, trainingStatusSchema),
  /** The owner turns training mode on (a journal entry); till_training_unchanged when it is on already. */
  'training.start': channel(emptyInputSchema, trainingStatusSchema),
  /** Any cashier turns it off again (a journal entry with the session's count). */
  'training.stop': channel(emptyInputSchema, trainingStatusSchema),
  /** The newest sales first. */
  'sales.recent': channel(salesRecentInputSchema, z.array(recordedSaleSchema)),
  /** One sale of this register by its number (not_found otherwise). */
  'sales.byNumber': channel(saleByNumberInputSchema, recordedSaleSchema),
  /** Voids a sale of the open period as a whole, once, with a reason; a closed period's sale is refunded instead. */
  'sales.void': channel(voidSaleInputSchema, recordedSaleSchema),
  /** A refund of lines of an earlier sale, linked to it; never more than was sold. Returns the refund. */
  'sales.refund': channel(refundInputSchema, recordedSaleSchema),
  'cashMovements.record': channel(cashMovementInputSchema, cashMovementSchema),
  /** The open period's movements, newest first, each with its undo if it was undone. */
  'cashMovements.open': channel(openMovementsInputSchema, z.array(openCashMovementSchema)),
  /** Undoes a movement of the open period, once, with a reason (it then counts in neither direction). */
  'cashMovements.undo': channel(undoMovementInputSchema, openCashMovementSchema),

  'reports.openPeriod': channel(emptyInputSchema, openPeriodSchema),
  /** "Byttepenge ved start": opens the day with a count of the drawer, before its first sale, once. Returns the open period. */
  'reports.countOpening': channel(countOpeningInputSchema, openPeriodSchema),
  /** Closes the day: the report and (when transfer is true) its outbox row in one local transaction. */
  'reports.close': channel(closeDayInputSchema, closeDayResultSchema),
  /** An X-report: the open period's totals, taken as a journal entry (reading the status does not take one). */
  'reports.xReport': channel(emptyInputSchema, openPeriodSchema),
  /** The electronic journal: signed or not, the certificate and its expiry. */
  'journal.status': channel(emptyInputSchema, journalStatusSchema),
  'journal.installCertificate': channel(installCertificateInputSchema, journalStatusSchema),
  'journal.verify': channel(emptyInputSchema, journalVerificationSchema),
  /** Writes the SAF-T Cash Register file of the period into the data folder's saft/ (and the backup folder). */
  'saft.export': channel(saftExportInputSchema, saftExportSchema),
  'backups.list': channel(emptyInputSchema, backupListSchema),
  'backups.run': channel(emptyInputSchema, backupSchema),
  /** Verifies the backup and restores it at the next start of TillBridge. */
  'backups.restore': channel(backupFileInputSchema, backupSchema),
  /** Newest first. */
  'reports.list': channel(reportListInputSchema, reportListSchema),
  'reports.get': channel(reportIdInputSchema, reportDetailSchema),
  /** The reports of a date range with their figures, for the accountant's CSV (written by the screen). */
  'reports.export': channel(reportExportInputSchema, reportExportSchema),
  /** The PDF on a voucher (a report's or a correction's), exactly as uploaded to Dinero; not_found when none went. */
  'reports.pdf': channel(voucherPdfInputSchema, voucherPdfSchema),
  /** "Ret optælling": corrects the latest report's count (its voucher queued when the report is transferred). Returns the detail. */
  'reports.correctCount': channel(correctCountInputSchema, reportDetailSchema),

  'transfer.preview': channel(transferPreviewInputSchema, postingPreviewSchema),
  /** "Post to Dinero": transfer a report (again). Works for reports closed without a transfer too. */
  'transfer.retransfer': channel(reportIdInputSchema, retransferResultSchema),
  /** For an item already booked in Dinero: a reversal plus a corrected voucher, on explicit confirmation. */
  'transfer.reverseAndRepost': channel(reverseAndRepostInputSchema, retransferResultSchema),
  /** The user's answer to a transfer's question (needs_answer): keep it as it is, or post a new voucher. */
  'transfer.answer': channel(transferAnswerInputSchema, retransferResultSchema),

  'sync.status': channel(emptyInputSchema, syncStatusSchema),
  /** Wake the sync worker now (after reconnecting or fixing an account). */
  'sync.retryNow': channel(emptyInputSchema, syncStatusSchema),
  /**
   * The browser's online/offline events. The browser shell has no other view of the PC's network; in Electron
   * main also watches it itself. Offline: the worker stops trying; online again: it goes at once.
   */
  'sync.setOnline': channel(syncOnlineInputSchema, syncStatusSchema),
} as const;

export type Contract = typeof contract;
export type ChannelName = keyof Contract;
/** What the caller sends (before zod defaults/transforms). */
export type ChannelInput<C extends ChannelName> = z.input<Contract[C]['input']>;
/** What the handler receives after parsing. */
export type ParsedInput<C extends ChannelName> = z.output<Contract[C]['input']>;
export type ChannelOutput<C extends ChannelName> = z.output<Contract[C]['output']>;

export const CHANNEL_NAMES = Object.keys(contract) as ChannelName[];

export function isChannelName(value: string): value is ChannelName {
  return Object.hasOwn(contract, value);
}
