// The three states every screen shows the same way: loading, an error with what to do, and nothing yet.
import type { ReactNode } from 'react';
import type { ErrorCode } from '../../shared/ipc/error-codes';
import { useT, type MessageKey } from '../i18n/i18n';

export function Loading({ label }: { label?: string }) {
  const t = useT();
  return (
    <p className="state state-loading" role="status" aria-live="polite">
      {label ?? t('state.loading')}
    </p>
  );
}

export function errorKey(code: ErrorCode): MessageKey {
  return `error.${code}`;
}

export function ErrorNotice({ code, onRetry, detail }: { code: ErrorCode; onRetry?: () => void; detail?: string }) {
  const t = useT();
  return (
    <div className="state state-error" role="alert">
      <p>{t(errorKey(code))}</p>
      {detail ? <p className="muted">{detail}</p> : null}
      {onRetry ? (
        <button type="button" onClick={onRetry}>
          {t('action.retry')}
        </button>
      ) : null}
    </div>
  );
}

export function Empty({ children }: { children: ReactNode }) {
  return <p className="state state-empty">{children}</p>;
}
