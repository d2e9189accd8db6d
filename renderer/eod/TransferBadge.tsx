import type { TransferState, TransferSummary } from '../../shared/ipc/contract.types';
import { useT } from '../i18n/i18n';
import { isSandbox, useApp } from '../stores/app.store';

const TONE: Record<TransferState, string> = {
  queued: 'pending',
  sending: 'pending',
  unknown: 'pending',
  retry_wait: 'pending',
  sent: 'ok',
  needs_attention: 'problem',
  blocked: 'problem',
  needs_answer: 'problem',
  nothing: 'muted',
};

/** The transfer state of a report in words; "not transferred" when it was never queued. */
export function TransferBadge({ transfer }: { transfer: TransferSummary | null }) {
  const t = useT();
  const sandbox = useApp(isSandbox);
  if (transfer === null) return <span className="badge muted">{t('transfer.state.none')}</span>;
  return (
    <span className={`badge badge-${TONE[transfer.state]}`}>
      {t(`transfer.state.${transfer.state}`)}
      {sandbox && transfer.state === 'sent' ? ` (${t('transfer.demo')})` : ''}
    </span>
  );
}
