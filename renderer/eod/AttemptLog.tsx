// Every attempt to send the report (append-only): when, what, Dinero's answer, and the exact item sent.
import type { TransferAttempt } from '../../shared/ipc/contract.types';
import { Empty } from '../components/States';
import { useLang, useT, type MessageKey, type T } from '../i18n/i18n';
import { formatDateTime } from '../money/amount.format';

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
            <td>{outcomeText(t, a.outcome)}</td>
            <td>{a.httpStatus ?? ''}{a.dineroCode !== null ? ` (${a.dineroCode})` : ''}</td>
            <td title={a.message ?? undefined}>
              {PLAIN_OUTCOMES.has(a.outcome) || a.operation === 'answer' ? '' : (a.message ?? '')}
              {a.attachmentNote ? (
                // Main's note is English and technical (file name, upload error): the reason stays in the tooltip.
                <div className="muted small" title={a.attachmentNote}>
                  {t(a.fileGuid ? 'attempts.pdfAttached' : 'attempts.pdfNotAttached')}
                </div>
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

/**
 * Outcomes whose translated name says it all. Main's text for them is technical and English (item versions,
 * file sizes): it stays in the cell's tooltip for support instead of in front of a Danish cashier. Problems
 * keep their message, which is often Dinero's own words and says what to fix.
 */
const PLAIN_OUTCOMES = new Set([
  'sent', 'updated', 'found', 'uploaded', 'duplicate',
  // [2.1]: the question, the answer or Dinero's own reply is shown in the transfer panel, in the user's language.
  'other_id', 'duplicate_but_absent', 'company_changed', 'not_draft', 'nothing_to_transfer', 'attached', 'attach_failed', 'unclear', 'no_version', 'update_unconfirmed',
]);

const OUTCOMES = new Set([
  'sent', 'updated', 'found', 'not_found', 'uploaded', 'upload_failed', 'deleted_in_dinero', 'stale_version', 'needs_attention', 'unknown',
  'retry', 'interrupted', 'duplicate', 'booked', 'blocked',
  // A problem that stopped the whole queue is logged under the action that fixes it.
  'reconnect', 'dinero_pro_required', 'no_access', 'choose_company', 'fix_account', 'check_transfer', 'wait_rate_limit', 'other_instance',
  // Answers the engine did not understand, the questions they led to, and what else [2.1] added.
  'unclear', 'other_id', 'duplicate_but_absent', 'company_changed', 'not_draft', 'update_unconfirmed', 'no_version', 'nothing_to_transfer',
  'attached', 'attach_failed',
]);

/** The outcome is an open string in the contract; the known ones are translated, anything new shows as sent. */
function outcomeText(t: T, outcome: string): string {
  // The user's own answers are logged as "<question>:<answer>".
  const answer = /^[a-z_]+:(keep|new_voucher)$/.exec(outcome)?.[1];
  if (answer) return t(`attempts.outcome.answer_${answer as 'keep' | 'new_voucher'}`);
  return OUTCOMES.has(outcome) ? t(`attempts.outcome.${outcome}` as MessageKey) : outcome;
}

function pretty(payload: string): string {
  try {
    return JSON.stringify(JSON.parse(payload), null, 2);
  } catch {
    return payload;
  }
}
