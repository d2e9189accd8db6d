// "Why?": the dialog before a record is taken back (a cash movement undone, a sale voided). The reason is
// required and kept with the record; main's refusal shows in the dialog, which stays open to try again.
import { useState, type FormEvent, type ReactNode } from 'react';
import type { ErrorCode } from '../../shared/ipc/error-codes';
import { errorCodeOf } from '../api/api';
import { useT } from '../i18n/i18n';
import { Dialog } from './Dialog';
import { ErrorNotice } from './States';

export function ReasonDialog(props: {
  id: string;
  title: string;
  children: ReactNode;
  placeholder: string;
  confirm: string;
  danger?: boolean;
  onClose: () => void;
  /** Sends the reason (trimmed); resolves when main accepted it. */
  onSubmit: (reason: string) => Promise<unknown>;
  onDone: () => void;
}) {
  const t = useT();
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorCode | null>(null);
  const missing = reason.trim() === '';

  async function submit(event: FormEvent) {
    event.preventDefault();
    setTried(true);
    if (missing || busy) return;
    setBusy(true);
    setError(null);
    try {
      await props.onSubmit(reason.trim());
      props.onDone();
    } catch (e) {
      setError(errorCodeOf(e));
      setBusy(false);
    }
  }

  return (
    <Dialog title={props.title} onClose={props.onClose}>
      <form onSubmit={submit} noValidate>
        {props.children}
        <div className="field">
          <label htmlFor={props.id}>{t('movements.reason')}</label>
          <input id={props.id} data-autofocus value={reason} maxLength={200} placeholder={props.placeholder} aria-invalid={tried && missing ? true : undefined} onChange={(e) => setReason(e.target.value)} />
          {tried && missing ? <small className="field-error" role="alert">{t('movements.reasonRequired')}</small> : null}
        </div>
        {error ? <ErrorNotice code={error} /> : null}
        <div className="actions">
          <button type="button" onClick={props.onClose}>{t('action.cancel')}</button>
          <button type="submit" className={props.danger ? 'primary danger' : 'primary'} disabled={busy}>{props.confirm}</button>
        </div>
      </form>
    </Dialog>
  );
}
