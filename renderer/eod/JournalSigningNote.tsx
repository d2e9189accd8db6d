// Under an X- or Z-report, on screen and on paper: whether the period's transactions are signed in the
// electronic journal, or kept by the hash chain only (the owner has not installed a certificate). Main counts
// them from the entries (electron/journal/journal-signing.ts); shared/journal/signing-state.ts picks the words.
import type { JournalSigning } from '../../shared/ipc/contract.types';
import { signingState } from '../../shared/journal/signing-state';
import { counted, useT } from '../i18n/i18n';

export function JournalSigningNote({ journal }: { journal: JournalSigning | null }) {
  const t = useT();
  if (!journal) return null;
  const state = signingState(journal);
  const warn = state === 'unsigned' || state === 'partly';
  return (
    <p className={warn ? 'notice warning journal-signing' : 'muted small journal-signing'} data-testid="journal-signing" data-state={state}>
      {t(`journal.signing.${state}`, { count: counted('transaction', journal.transactions), signed: journal.signed })}
      {journal.entryNr !== null ? ` ${t('journal.signing.entry', { nr: journal.entryNr })}` : ''}
    </p>
  );
}
