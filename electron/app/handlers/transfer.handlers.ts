// The posting preview (for a closed report, or the open period as a close with this count would report it),
// "Post to Dinero", and the confirmed reversal plus corrected voucher. The sending itself is the sync
// worker's: these calls queue behind whatever it is doing, so nothing is ever sent twice at once.
import { projectReport } from '../../../shared/till/z-report';
import type { ZReport } from '../../../shared/till/till.types';
import type { AppServices, HandlerGroup, ServicesOf } from './handler.types';
import { storedReport } from './reports.handlers';

/** The report a close would produce now with this count (never stored). */
function openPeriodReport(s: Pick<AppServices, 'settings' | 'till'>, countedCashOre: ZReport['countedCashOre'], cashToBankAtCloseOre: ZReport['cashToBankAtCloseOre']): ZReport {
  const settings = s.settings.get();
  const p = s.till.previewOpenPeriod(settings.registerId, settings.dayChangeHour);
  return projectReport({
    aggregates: p.aggregates,
    place: {
      id: 'open-period', registerId: settings.registerId, registerName: settings.registerName, number: p.nextNumber,
      periodStart: p.periodStart ?? p.asOf, closedAt: p.asOf, businessDate: p.date.businessDate,
    },
    openingFloatOre: p.openingFloatOre,
    countedCashOre,
    cashToBankAtCloseOre,
    // A preview never refuses an empty day: the dialog asks for the confirmation itself.
    confirmEmptyDay: true,
  });
}

/** The services transferHandlers uses, and nothing else (app-core hands over exactly these). */
export const TRANSFER_DEPS = ['preview', 'settings', 'till', 'worker'] as const;

export function transferHandlers(s: ServicesOf<typeof TRANSFER_DEPS>): HandlerGroup<'transfer.preview' | 'transfer.retransfer' | 'transfer.reverseAndRepost' | 'transfer.answer'> {
  return {
    'transfer.preview': (input) =>
      s.preview.preview(input.scope === 'report' ? storedReport(s, input.reportId) : openPeriodReport(s, input.countedCashOre, input.cashToBankAtCloseOre)),
    'transfer.retransfer': ({ reportId }) => {
      storedReport(s, reportId);
      return s.worker.retransfer(reportId);
    },
    'transfer.reverseAndRepost': ({ reportId, confirm }) => {
      storedReport(s, reportId);
      return s.worker.reverseAndRepost(reportId, { confirmed: confirm });
    },
    'transfer.answer': ({ reportId, answer }) => {
      storedReport(s, reportId);
      return s.worker.answer(reportId, answer);
    },
  };
}
