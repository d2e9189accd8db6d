// The exact lines that land in Dinero's cash journal (kassekladde), or the problems that block them.
import type { PostingPreview } from '../../shared/ipc/contract.types';
import { Money } from '../components/Money';
import { useLang, useT } from '../i18n/i18n';
import { go } from '../stores/nav.store';
import { isAccountProblem, problemText } from './problem-text';

export function PostingPreviewTable({ preview }: { preview: PostingPreview }) {
  const t = useT();
  const lang = useLang();
  if (preview.problems.length > 0) {
    return (
      <div className="problems" role="alert">
        <p><strong>{t('preview.blocked')}</strong></p>
        <ul>
          {preview.problems.map((p, i) => (
            <li key={i}>{problemText(t, lang, p)}</li>
          ))}
        </ul>
        {preview.problems.some(isAccountProblem) ? (
          <button type="button" className="link no-print" onClick={() => go('cash', { focusAccounts: true })}>{t('preview.goToAccounts')}</button>
        ) : null}
      </div>
    );
  }
  if (preview.lines.length === 0) return <p className="muted">{t('preview.noLines')}</p>;
  return (
    <>
      <table className="preview">
        <caption className="sr-only">{t('preview.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('preview.col.description')}</th>
            <th scope="col">{t('preview.col.account')}</th>
            <th scope="col">{t('preview.col.balancing')}</th>
            <th scope="col" className="num">{t('preview.col.amount')}</th>
          </tr>
        </thead>
        <tbody>
          {preview.lines.map((l, i) => (
            <tr key={i}>
              {/* The voucher text as it lands in Dinero (Danish, for the accountant): data, not UI. */}
              <td translate="no">{l.description}</td>
              <td>{l.accountNumber} / {l.accountVatCode}</td>
              <td>{l.balancingAccountNumber} / {l.balancingAccountVatCode}</td>
              <td className="num"><Money ore={l.amountOre} /></td>
            </tr>
          ))}
        </tbody>
      </table>
      {preview.chartSource === 'cache' ? <p className="muted small">{t('preview.chartCache')}</p> : null}
      {preview.chartSource === 'none' ? <p className="muted small">{t('preview.chartNone')}</p> : null}
    </>
  );
}
