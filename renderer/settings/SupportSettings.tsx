// Settings → Support: which TillBridge this is (version, its update), and the support file a shop sends when
// it calls for help: one click, main writes the zip and says where it is and what it holds (and does not).
import { useState } from 'react';
import type { ErrorCode } from '../../shared/ipc/error-codes';
import type { SupportFileInfo } from '../../shared/ipc/contract.types';
import { api, errorCodeOf } from '../api/api';
import { ErrorNotice, Loading } from '../components/States';
import { useLang, useT, type MessageKey } from '../i18n/i18n';
import { formatFileSize } from '../../shared/format/file-size';
import { useApp } from '../stores/app.store';

const UPDATE_TEXT: Record<string, MessageKey> = {
  unsupported: 'support.update.unsupported',
  idle: 'support.update.idle',
  checking: 'support.update.checking',
  downloading: 'support.update.downloading',
  ready: 'support.update.ready',
  failed: 'support.update.failed',
};

export function SupportSettings() {
  const t = useT();
  const lang = useLang();
  const info = useApp((s) => s.info);
  const update = useApp((s) => s.update);
  const [busy, setBusy] = useState(false);
  const [written, setWritten] = useState<SupportFileInfo | null>(null);
  const [error, setError] = useState<ErrorCode | null>(null);

  async function create() {
    setBusy(true);
    setError(null);
    setWritten(null);
    try {
      setWritten(await api().call('support.createFile', {}));
    } catch (e) {
      setError(errorCodeOf(e));
    } finally {
      setBusy(false);
    }
  }

  if (!info) return <Loading />;
  return (
    <section className="screen settings-support" aria-labelledby="support-title">
      <h1 id="support-title">{t('nav.support')}</h1>

      <section className="card" aria-labelledby="version-title">
        <h2 id="version-title">{t('support.versionTitle')}</h2>
        <p>{t('status.version', { version: info.version })}</p>
        {update ? <p className="muted">{t(UPDATE_TEXT[update.phase]!, { version: update.available ?? '', percent: update.percent ?? 0 })}</p> : null}
      </section>

      <section className="card" aria-labelledby="support-file-title">
        <h2 id="support-file-title">{t('support.fileTitle')}</h2>
        <p>{t('support.fileExplained')}</p>
        <p className="muted small">{t('support.fileHolds')}</p>
        <button type="button" className="primary" disabled={busy} onClick={() => void create()}>
          {busy ? t('support.creating') : t('support.create')}
        </button>
        {written ? (
          <div className="notice ok" role="status">
            <p>{t('support.created', { size: formatFileSize(written.bytes, lang) })}</p>
            <p><code translate="no">{written.path}</code></p>
          </div>
        ) : null}
        {error ? <ErrorNotice code={error} /> : null}
      </section>
    </section>
  );
}
