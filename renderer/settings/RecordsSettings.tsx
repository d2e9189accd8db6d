// Settings → Journal & backup ([2.6]): whether the electronic journal is signed (and the certificate's expiry),
// installing the OCES certificate from its .p12 file, checking the journal, the SAF-T file for the tax
// authority, and the backups: the folder, "back up now", the list with time and size, and a restore at the
// next start. Main does the work; this screen only sends codes and shows what comes back.
import { useEffect, useState, type FormEvent } from 'react';
import type { ErrorCode } from '../../shared/ipc/error-codes';
import type { ChannelOutput } from '../../shared/ipc/contract';
import type { Settings } from '../../shared/settings/settings.schema';
import { formatFileSize } from '../../shared/format/file-size';
import { api, errorCodeOf } from '../api/api';
import { ErrorNotice, Loading } from '../components/States';
import { useLang, useT } from '../i18n/i18n';
import { formatDateTime } from '../money/amount.format';
import { loadJournal, updateSettings, useApp } from '../stores/app.store';

type Status = ChannelOutput<'journal.status'>;
type Verification = ChannelOutput<'journal.verify'>;
type Backups = ChannelOutput<'backups.list'>;

/** The previous calendar month: what an authority usually asks for first. */
function lastMonth(now = new Date()): { from: string; to: string } {
  const first = new Date(Date.UTC(now.getFullYear(), now.getMonth() - 1, 1));
  const last = new Date(Date.UTC(now.getFullYear(), now.getMonth(), 0));
  return { from: first.toISOString().slice(0, 10), to: last.toISOString().slice(0, 10) };
}

async function fileBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary);
}

export function RecordsSettings() {
  const t = useT();
  const settings = useApp((s) => s.settings);
  // The app's one copy of the journal's state: asked afresh here, and a new certificate updates it for the
  // status bar's warning too.
  const status = useApp((s) => s.journal);
  const [error, setError] = useState<ErrorCode | null>(null);
  useEffect(() => {
    loadJournal().catch((e: unknown) => setError(errorCodeOf(e)));
  }, []);
  if (error) return <ErrorNotice code={error} />;
  if (!status || !settings) return <Loading />;
  return (
    <section className="screen settings-records" aria-labelledby="records-title">
      <h1 id="records-title">{t('nav.records')}</h1>
      <JournalCard status={status} onStatus={(journal) => useApp.setState({ journal })} />
      <SaftCard cvrSet={status.cvrSet} />
      <BackupCard settings={settings} />
    </section>
  );
}

function JournalCard({ status, onStatus }: { status: Status; onStatus: (s: Status) => void }) {
  const t = useT();
  const lang = useLang();
  const [file, setFile] = useState<File | null>(null);
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorCode | null>(null);
  const [installed, setInstalled] = useState(false);
  const [verification, setVerification] = useState<Verification | null>(null);
  const cert = status.certificate;

  async function install(event: FormEvent) {
    event.preventDefault();
    if (!file) return;
    setBusy(true);
    setError(null);
    setInstalled(false);
    try {
      onStatus(await api().call('journal.installCertificate', { base64: await fileBase64(file), password }));
      setInstalled(true);
      setPassword('');
    } catch (e) {
      setError(errorCodeOf(e));
    } finally {
      setBusy(false);
    }
  }

  async function verify() {
    setError(null);
    try {
      setVerification(await api().call('journal.verify', {}));
    } catch (e) {
      setError(errorCodeOf(e));
    }
  }

  return (
    <section className="card" aria-labelledby="journal-title">
      <h2 id="journal-title">{t('records.journalTitle')}</h2>
      <p>{t('records.journalExplained')}</p>
      <p className={status.state === 'signed' ? 'notice' : 'notice warning'} role="status">
        {t(`records.state.${status.state}`)} {t('records.entries', { count: status.entries })}
      </p>
      {cert ? (
        <dl className="facts">
          <dt>{t('records.certSubject')}</dt>
          <dd translate="no">{cert.subject}</dd>
          <dt>{t('records.certValidTo')}</dt>
          <dd>{formatDateTime(cert.notAfter, lang)}</dd>
        </dl>
      ) : null}
      {cert && status.expiresSoon ? (
        <p className="notice warning" role="alert">{status.expired ? t('records.certExpired') : t('records.certExpiresSoon', { days: cert.daysLeft })}</p>
      ) : null}
      {!status.cvrSet ? <p className="notice warning">{t('records.cvrMissing')}</p> : null}
      <form onSubmit={install} noValidate aria-labelledby="cert-title">
        <h3 id="cert-title">{cert ? t('records.certReplace') : t('records.certInstall')}</h3>
        <p className="muted small">{t('records.certExplained')}</p>
        <div className="field">
          <label htmlFor="cert-file">{t('records.certFile')}</label>
          <input id="cert-file" type="file" accept=".p12,.pfx,application/x-pkcs12" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
        </div>
        <div className="field">
          <label htmlFor="cert-password">{t('records.certPassword')}</label>
          <input id="cert-password" type="password" autoComplete="off" value={password} maxLength={200} onChange={(e) => setPassword(e.target.value)} />
        </div>
        <button type="submit" className="primary" disabled={!file || busy}>{busy ? t('records.installing') : t('records.installButton')}</button>
      </form>
      {installed ? <p className="notice" role="status">{t('records.installed')}</p> : null}
      <h3>{t('records.verifyTitle')}</h3>
      <button type="button" onClick={() => void verify()}>{t('records.verifyButton')}</button>
      {verification ? (
        verification.firstBreak ? (
          <p className="notice warning" role="alert">{t('records.verifyBroken', { nr: verification.firstBreak.nr, reason: t(`journal.break.${verification.firstBreak.code}`) })}</p>
        ) : (
          <p className="notice" role="status">{t('records.verifyOk', { entries: verification.entries, transactions: verification.transactions, signed: verification.signed, unsigned: verification.unsigned })}</p>
        )
      ) : null}
      {error ? <ErrorNotice code={error} /> : null}
    </section>
  );
}

function SaftCard({ cvrSet }: { cvrSet: boolean }) {
  const t = useT();
  const lang = useLang();
  const initial = lastMonth();
  const [from, setFrom] = useState(initial.from);
  const [to, setTo] = useState(initial.to);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorCode | null>(null);
  const [written, setWritten] = useState<ChannelOutput<'saft.export'> | null>(null);

  async function run(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setWritten(null);
    try {
      setWritten(await api().call('saft.export', { fromDate: from, toDate: to }));
    } catch (e) {
      setError(errorCodeOf(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="card" onSubmit={run} noValidate aria-labelledby="saft-title">
      <h2 id="saft-title">{t('records.saftTitle')}</h2>
      <p>{t('records.saftExplained')}</p>
      <div className="field-row">
        <div className="field">
          <label htmlFor="saft-from">{t('records.from')}</label>
          <input id="saft-from" type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="saft-to">{t('records.to')}</label>
          <input id="saft-to" type="date" value={to} onChange={(e) => setTo(e.target.value)} />
        </div>
      </div>
      <button type="submit" className="primary" disabled={busy || !cvrSet}>{busy ? t('records.exporting') : t('records.exportButton')}</button>
      {written ? (
        <div className="notice" role="status">
          <p>{t('records.exported', { transactions: written.transactions, events: written.events, size: formatFileSize(written.bytes, lang) })}</p>
          <p><code translate="no">{written.path}</code></p>
        </div>
      ) : null}
      {error ? <ErrorNotice code={error} /> : null}
    </form>
  );
}

function BackupCard({ settings }: { settings: Settings }) {
  const t = useT();
  const lang = useLang();
  const [folder, setFolder] = useState(settings.backupFolder ?? '');
  const [afterClose, setAfterClose] = useState(settings.backupAfterClose);
  const [list, setList] = useState<Backups | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorCode | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);

  const refresh = () => api().call('backups.list', {}).then(setList, (e: unknown) => setError(errorCodeOf(e)));
  useEffect(() => {
    void refresh();
  }, []);

  async function act(work: () => Promise<string>) {
    setBusy(true);
    setError(null);
    setNotice(null);
    try {
      setNotice(await work());
      await refresh();
    } catch (e) {
      setError(errorCodeOf(e));
    } finally {
      setBusy(false);
    }
  }

  const save = (event: FormEvent) => {
    event.preventDefault();
    void act(async () => {
      await updateSettings({ backupFolder: folder.trim() === '' ? null : folder.trim(), backupAfterClose: afterClose });
      return t('registerSettings.saved');
    });
  };

  return (
    <section className="card" aria-labelledby="backup-title">
      <h2 id="backup-title">{t('records.backupTitle')}</h2>
      <p>{t('records.backupExplained')}</p>
      <form onSubmit={save} noValidate>
        <div className="field">
          <label htmlFor="backup-folder">{t('records.backupFolder')}</label>
          <input id="backup-folder" value={folder} maxLength={500} placeholder={t('records.backupFolderPlaceholder')} translate="no" onChange={(e) => setFolder(e.target.value)} />
        </div>
        <label className="check">
          <input type="checkbox" checked={afterClose} onChange={(e) => setAfterClose(e.target.checked)} /> {t('records.backupAfterClose')}
        </label>
        <div className="actions">
          <button type="submit">{t('action.save')}</button>
          <button type="button" className="primary" disabled={busy || !settings.backupFolder} onClick={() => void act(async () => {
            const b = await api().call('backups.run', {});
            return t('records.backedUp', { size: formatFileSize(b.bytes, lang) });
          })}>{busy ? t('records.backingUp') : t('records.backupNow')}</button>
        </div>
      </form>
      {notice ? <p className="notice" role="status">{notice}</p> : null}
      {error ? <ErrorNotice code={error} /> : null}
      {list && list.backups.length > 0 ? (
        <table className="data">
          <caption>{t('records.backupList')}</caption>
          <thead>
            <tr><th scope="col">{t('records.backupTime')}</th><th scope="col">{t('records.backupFile')}</th><th scope="col" className="num">{t('records.backupSize')}</th><th scope="col"><span className="sr-only">{t('records.restore')}</span></th></tr>
          </thead>
          <tbody>
            {list.backups.map((b) => (
              <tr key={b.fileName}>
                <td>{formatDateTime(b.createdAt, lang)}</td>
                <td translate="no">{b.fileName}</td>
                <td className="num">{formatFileSize(b.bytes, lang)}</td>
                <td>
                  {confirming === b.fileName ? (
                    <span className="actions">
                      <button type="button" className="danger" disabled={busy} onClick={() => void act(async () => {
                        await api().call('backups.restore', { fileName: b.fileName });
                        setConfirming(null);
                        return t('records.restoreScheduled', { when: formatDateTime(b.createdAt, lang) });
                      })}>{t('records.restoreConfirm')}</button>
                      <button type="button" onClick={() => setConfirming(null)}>{t('action.cancel')}</button>
                    </span>
                  ) : (
                    <button type="button" onClick={() => setConfirming(b.fileName)}>{t('records.restore')}</button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : list ? <p className="muted">{t('records.noBackups')}</p> : null}
    </section>
  );
}
