// The open period's cash movements under the cash form, newest first, each with "Fortryd": a typo such as
// 100000 for 1000 is undone with a reason (a reversal record in main), and then counts in neither direction.
// A movement of a closed report cannot be undone; main says so.
import { useEffect, useState } from 'react';
import type { OpenCashMovement } from '../../shared/ipc/contract.types';
import type { ErrorCode } from '../../shared/ipc/error-codes';
import { api, errorCodeOf } from '../api/api';
import { ReasonDialog } from '../components/ReasonDialog';
import { Empty, ErrorNotice } from '../components/States';
import { useLang, useT } from '../i18n/i18n';
import { formatOre, formatTime } from '../money/amount.format';

export function OpenMovements({ version }: { version: number }) {
  const t = useT();
  const lang = useLang();
  const [movements, setMovements] = useState<OpenCashMovement[] | null>(null);
  const [loadError, setLoadError] = useState<ErrorCode | null>(null);
  const [undoing, setUndoing] = useState<OpenCashMovement | null>(null);

  const load = () => {
    setLoadError(null);
    api().call('cashMovements.open', {}).then(setMovements, (e: unknown) => setLoadError(errorCodeOf(e)));
  };
  useEffect(load, [version]);

  const describe = (m: OpenCashMovement) => ({
    amount: formatOre(m.amountOre, lang),
    direction: t(`movements.direction.${m.direction}`),
    time: formatTime(m.recordedAt, lang),
  });

  return (
    <section className="recent movements" aria-labelledby="movements-title">
      <h3 id="movements-title">{t('movements.title')}</h3>
      {loadError ? <ErrorNotice code={loadError} onRetry={load} /> : null}
      {movements !== null && movements.length === 0 ? <Empty>{t('movements.none')}</Empty> : null}
      {movements !== null && movements.length > 0 ? (
        <ul>
          {movements.map((m) => (
            <li key={m.id} className={m.undone ? 'undone' : undefined}>
              <span className={m.undone ? 'struck' : undefined}>{t(`movements.row.${m.direction}`, { time: formatTime(m.recordedAt, lang), amount: formatOre(m.amountOre, lang) })}</span>
              {m.note ? <span className="muted" translate="no"> {m.note}</span> : null}
              {m.cashierName ? <span className="muted small" translate="no"> · {m.cashierName}</span> : null}
              {m.undone ? (
                <small className="muted"> {t('movements.undone', { time: formatTime(m.undone.at, lang), reason: m.undone.reason })}{m.undone.cashierName ? ` · ${m.undone.cashierName}` : ''}</small>
              ) : (
                <button type="button" className="link" aria-label={t('movements.undoLabel', describe(m))} onClick={() => setUndoing(m)}>
                  {t('movements.undo')}
                </button>
              )}
            </li>
          ))}
        </ul>
      ) : null}
      {undoing ? (
        <UndoDialog
          movement={undoing}
          text={t('movements.undoText', describe(undoing))}
          onClose={() => setUndoing(null)}
          onDone={() => {
            setUndoing(null);
            load();
          }}
        />
      ) : null}
    </section>
  );
}

function UndoDialog({ movement, text, onClose, onDone }: { movement: OpenCashMovement; text: string; onClose: () => void; onDone: () => void }) {
  const t = useT();
  return (
    <ReasonDialog
      id="undo-reason"
      title={t('movements.undoTitle')}
      placeholder={t('movements.reasonPlaceholder')}
      confirm={t('movements.confirmUndo')}
      onClose={onClose}
      onSubmit={(reason) => api().call('cashMovements.undo', { id: movement.id, reason })}
      onDone={onDone}
    >
      <p>{text}</p>
    </ReasonDialog>
  );
}
