// Every attempt to send the report (append-only): when, what, Dinero's answer, and the exact item sent.
import { formatFileSize } from '../../shared/format/file-size';
import type { TransferAttempt } from '../../shared/ipc/contract.types';
import { Empty } from '../components/States';
import type { Language } from '../../shared/settings/settings.schema';
import { useLang, useT, type T } from '../i18n/i18n';
import { formatDateTime } from '../money/amount.format';
import { dineroStatusText } from './dinero-status';
import { problemText, reasonText } from './problem-text';

export function AttemptLog({ attempts }: { attempts: TransferAttempt[] }) {
  const t = useT();
  const lang = useLang();
  if (attempts.length === 0) return <Empty>{t('attempts.empty')}</Empty>;
  return (
    <table className="attempts">
      <caption className="sr-only">{t('attempts.title')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('attempts.col.at')}</th>
          <th scope="col">{t('attempts.col.operation')}</th>
          <th scope="col">{t('attempts.col.outcome')}</th>
          <th scope="col">{t('attempts.col.http')}</th>
          <th scope="col">{t('attempts.col.message')}</th>
        </tr>
      </thead>
      <tbody>
        {attempts.map((a) => (
          <tr key={a.id}>
            <td><time dateTime={a.at}>{formatDateTime(a.at, lang)}</time></td>
            <td>{t(`attempts.op.${a.operation}`)}</td>
            <td>{outcomeText(t, a)}</td>
            <td>{a.httpStatus ?? ''}{a.dineroCode !== null ? ` (${a.dineroCode})` : ''}</td>
            <td>
              {detailText(t, lang, a)}
              {a.problems.length > 0 ? (
                <ul className="problems small">{a.problems.map((p, i) => <li key={i}>{problemText(t, lang, p)}</li>)}</ul>
              ) : null}
              {a.attachment && a.outcome !== 'attached' ? (
                <div className="muted small">{t(a.attachment === 'attached' ? 'attempts.pdfAttached' : a.attachment === 'not_made' ? 'attempts.pdfNotMade' : 'attempts.pdfNotAttached')}</div>
              ) : null}
              {a.payload ? (
                <details className="no-print">
                  <summary>{t('attempts.payload')}</summary>
                  <pre>{pretty(a.payload)}</pre>
                </details>
              ) : null}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function outcomeText(t: T, a: TransferAttempt): string {
  if (a.outcome === 'answered') {
    return a.params.answer === 'keep' || a.params.answer === 'new_voucher' ? t(`attempts.outcome.answer_${a.params.answer}`) : t('attempts.outcome.answered');
  }
  return t(`attempts.outcome.${a.outcome}`, a.params);
}

const str = (v: string | number | undefined) => (v === undefined ? '' : String(v));

/** The outcome's data in words. Rows written before outcomes had data show the sentence stored then. */
function detailText(t: T, lang: Language, a: TransferAttempt): string {
  if (a.legacyMessage !== null) return a.outcome === 'other' || !QUIET_WHEN_LEGACY.has(a.outcome) ? a.legacyMessage : '';
  const p = a.params;
  const reason = reasonText(t, p.reason);
  const dinero = str(p.dinero) === '' ? '' : t('attempts.detail.dinero', { dinero: str(p.dinero) });
  switch (a.outcome) {
    case 'found':
      return str(p.version) === ''
        ? t('attempts.detail.foundNoVersion', { status: dineroStatusText(t, str(p.status)) })
        : t('attempts.detail.found', { status: dineroStatusText(t, str(p.status)), version: str(p.version) });
    case 'not_found':
    case 'unclear':
    case 'other_id':
      return [reason && a.outcome === 'unclear' ? reason : '', dinero].filter(Boolean).join(' · ');
    case 'uploaded':
      return t('attempts.detail.uploaded', { fileName: str(p.fileName), size: formatFileSize(Number(p.bytes ?? 0), lang) });
    case 'updated':
      return t('attempts.detail.updated', { fromVersion: str(p.fromVersion), version: str(p.version) });
    case 'booked':
      return p.voucherNumber === undefined ? '' : t('attempts.detail.booked', { voucherNumber: p.voucherNumber });
    case 'not_draft':
      return dineroStatusText(t, str(p.status));
    case 'interrupted':
      return t('attempts.detail.interrupted');
    case 'deleted_in_dinero':
      return t('attempts.detail.deleted_in_dinero', { itemId: str(p.itemId) });
    case 'company_changed':
      return t('attempts.detail.company_changed', { fromOrgId: str(p.fromOrgId), toOrgId: str(p.toOrgId) });
    case 'stale_version':
      return t('attempts.detail.stale_version', { version: str(p.version) });
    case 'update_unconfirmed':
      return p.gone !== undefined ? t('attempts.detail.update_gone') : t('attempts.detail.update_unconfirmed', { version: str(p.version) });
    case 'sent':
      return a.operation === 'create' ? t('attempts.detail.sent') : '';
    case 'attached':
      return t('attempts.detail.attached', { fileName: str(p.fileName) });
    case 'attach_failed':
      return attachFailedText(t, p, reason);
    case 'answered':
      return p.answer === 'new_voucher'
        ? t('attempts.detail.answered.new_voucher', { newItemId: str(p.newItemId), orgId: str(p.orgId) })
        : p.question === 'company_changed' ? t('attempts.detail.answered.keep_company', { orgId: str(p.orgId) }) : t('attempts.detail.answered.keep');
    default:
      // retry, unknown, upload_failed, needs_attention and the queue-wide problems: why, in words.
      return reason;
  }
}

/** Outcomes whose name said it all in older rows (their stored sentence was technical English). */
const QUIET_WHEN_LEGACY = new Set<TransferAttempt['outcome']>([
  'sent', 'updated', 'found', 'uploaded', 'duplicate', 'other_id', 'duplicate_but_absent', 'company_changed', 'not_draft',
  'nothing_to_transfer', 'attached', 'attach_failed', 'unclear', 'no_version', 'update_unconfirmed', 'answered', 'lost_answer',
]);

function attachFailedText(t: T, p: TransferAttempt['params'], reason: string): string {
  switch (p.why) {
    case 'off': return t('attempts.detail.attach.off');
    case 'not_draft': return t('attempts.detail.attach.not_draft', { status: dineroStatusText(t, str(p.status)) });
    case 'unreadable': return t('attempts.detail.attach.unreadable');
    case 'unconfirmed': return t('attempts.detail.attach.unconfirmed');
    case 'refused': return t('attempts.detail.attach.refused', { reason });
    case 'later': return t('attempts.detail.attach.later', { reason });
    default: return reason;
  }
}

function pretty(payload: string): string {
  try {
    return JSON.stringify(JSON.parse(payload), null, 2);
  } catch {
    return payload;
  }
}
