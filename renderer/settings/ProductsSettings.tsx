// Settings → Products ("Varer"): the product groups (the register's quick keys, each with its VAT rate, Dinero
// revenue account and SAF-T article group code) and the articles (name, group, price, barcode), with an
// import from a CSV file that says which rows it refused and why. A shop that sets up nothing works as before:
// the two default groups post to the accounts under Settings → Cash → Accounts.
import { useEffect, useState, type ChangeEvent, type FormEvent } from 'react';
import type { ErrorCode } from '../../shared/ipc/error-codes';
import type { Article, GroupKind, ProductGroup } from '../../shared/till/till.types';
import { isDefaultGroup } from '../../shared/till/groups';
import { MAX_ARTICLE_IMPORT_CHARS } from '../../shared/till/articles';
import { isValidGtin } from '../../shared/till/ean';
import { errorCodeOf } from '../api/api';
import { AmountField } from '../components/AmountField';
import { NameField } from '../components/NameField';
import { ErrorNotice, Loading } from '../components/States';
import { useLang, useT, type MessageKey } from '../i18n/i18n';
import { formatOre } from '../money/amount.format';
import { parseAmount } from '../money/amount.parse';
import { dineroReady, useApp } from '../stores/app.store';
import { loadChart, useCashSettings } from '../stores/cash-settings.store';
import {
  createArticle, createGroup, importArticles, loadGroups, moveGroup, removeArticle, searchArticles, updateArticle, updateGroup, useCatalogue,
} from '../stores/catalogue.store';
import { ChartOptions } from './AccountField';
import { chartIssue, parseAccountNumber } from './accounts-validate';
import { revenueVatCode } from '../../shared/dinero/ledger-item.builder';

/** The SAF-T article group codes a Danish shop uses (PredefinedBasicID-04), each with its name in the catalogue. */
export const SAFT_CODES = ['04003', '04006', '04007', '04008', '04009', '04010', '04011', '04012', '04013', '04014', '04999'] as const;
type SaftCode = (typeof SAFT_CODES)[number];
const saftKey = (code: string): MessageKey => `saft.${(SAFT_CODES as readonly string[]).includes(code) ? (code as SaftCode) : '04999'}`;
const LIST_ID = 'group-chart-accounts';

export function ProductsSettings() {
  const t = useT();
  const settings = useApp((s) => s.settings);
  const connected = useApp((s) => s.auth?.connected === true);
  const canFetch = dineroReady(settings) && connected;
  const chart = useCashSettings((s) => (canFetch ? s.chart : null));
  useEffect(() => {
    void loadGroups();
    void searchArticles('');
    if (canFetch) void loadChart();
  }, [canFetch]);
  return (
    <section className="screen settings" aria-labelledby="products-title">
      <h1 id="products-title">{t('nav.products')}</h1>
      {chart ? <ChartOptions chart={chart} listId={LIST_ID} /> : null}
      <GroupsEditor />
      <ArticlesEditor />
    </section>
  );
}

function useRun(): [ErrorCode | null, (action: () => Promise<unknown>) => Promise<boolean>] {
  const [error, setError] = useState<ErrorCode | null>(null);
  const run = async (action: () => Promise<unknown>) => {
    setError(null);
    try {
      await action();
      return true;
    } catch (e) {
      setError(errorCodeOf(e));
      return false;
    }
  };
  return [error, run];
}

function GroupsEditor() {
  const t = useT();
  const { groups, groupsError } = useCatalogue();
  const [error, run] = useRun();
  const sorted = [...(groups ?? [])].sort((a, b) => a.sortOrder - b.sortOrder);
  return (
    <section className="card" aria-labelledby="groups-title">
      <h2 id="groups-title">{t('groups.title')}</h2>
      <p className="muted">{t('groups.intro')}</p>
      {groups === null && !groupsError ? <Loading /> : null}
      {groupsError ? <ErrorNotice code={groupsError} onRetry={() => void loadGroups()} /> : null}
      {sorted.length > 0 ? (
        <table className="types groups">
          <thead>
            <tr>
              <th scope="col">{t('groups.name')}</th>
              <th scope="col">{t('groups.kindVat')}</th>
              <th scope="col">{t('groups.account')}</th>
              <th scope="col">{t('groups.saft')}</th>
              <th scope="col">{t('types.active')}</th>
              <th scope="col">{t('types.order')}</th>
            </tr>
          </thead>
          <tbody>
            {sorted.map((g, i) => <GroupRow key={g.id} group={g} first={i === 0} last={i === sorted.length - 1} run={run} />)}
          </tbody>
        </table>
      ) : null}
      {error ? <ErrorNotice code={error} /> : null}
      <AddGroupForm run={run} />
    </section>
  );
}

function GroupAccount({ group, run }: { group: ProductGroup; run: (a: () => Promise<unknown>) => Promise<boolean> }) {
  const t = useT();
  const [text, setText] = useState(group.accountNumber === null ? '' : String(group.accountNumber));
  const chart = useCashSettings((s) => s.chart);
  const settingsVatCode = useApp((s) => s.settings?.accounts.revenueVatCode ?? 'U25');
  const parsed = parseAccountNumber(text);
  const account = typeof parsed === 'number' ? chart?.accounts.find((a) => a.accountNumber === parsed) : undefined;
  // The group's lines post with the revenue VAT code at 25 %, with none at 0 %: the chart's code must agree.
  const posted = revenueVatCode(group.vatRateBp, settingsVatCode);
  const found = parsed === 'format' ? 'format' : typeof parsed === 'number' && chart ? chartIssue(account, posted) : undefined;
  const issue: MessageKey | null = found ? `accounts.issue.${found}` : null;
  if (group.kind === 'gift_card') return <span className="small">{t('groups.giftCardAccount')}</span>;
  const save = () => {
    if (parsed === 'format' || parsed === group.accountNumber) return;
    void run(() => updateGroup({ id: group.id, accountNumber: parsed }));
  };
  return (
    <div className="account-field">
      <input
        aria-label={t('groups.accountLabel', { name: group.name })}
        inputMode="numeric"
        autoComplete="off"
        list={chart ? LIST_ID : undefined}
        placeholder={t(group.vatRateBp === 0 ? 'groups.accountDefaultExempt' : 'groups.accountDefault')}
        value={text}
        aria-invalid={issue ? true : undefined}
        onChange={(e) => setText(e.target.value)}
        onBlur={save}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            save();
          }
        }}
      />
      <small className={issue ? 'field-error' : 'account-name'} role={issue ? 'alert' : undefined}>
        {issue ? t(issue, { number: text.trim() }) : <span translate="no">{account?.name ?? ''}</span>}
      </small>
    </div>
  );
}

function GroupRow({ group, first, last, run }: { group: ProductGroup; first: boolean; last: boolean; run: (a: () => Promise<unknown>) => Promise<boolean> }) {
  const t = useT();
  return (
    <tr className={group.active ? undefined : 'inactive'} data-group={group.id}>
      <td>
        <NameField label={t('groups.renameLabel', { name: group.name })} name={group.name} onRename={(name) => run(() => updateGroup({ id: group.id, name }))} />
        {isDefaultGroup(group.id) ? <small className="hint">{t('groups.defaultHint')}</small> : null}
      </td>
      <td>{group.kind === 'gift_card' ? t('groups.kind.gift_card') : t('groups.vatRate', { rate: group.vatRateBp / 100 })}</td>
      <td><GroupAccount group={group} run={run} /></td>
      <td>
        <select aria-label={t('groups.saftLabel', { name: group.name })} value={group.saftCode} onChange={(e) => void run(() => updateGroup({ id: group.id, saftCode: e.target.value }))}>
          {[...new Set([group.saftCode, ...SAFT_CODES])].map((c) => <option key={c} value={c}>{`${c} ${t(saftKey(c))}`}</option>)}
        </select>
      </td>
      <td>
        <label>
          <input type="checkbox" checked={group.active} onChange={(e) => void run(() => updateGroup({ id: group.id, active: e.target.checked }))} />{' '}
          <span className="sr-only">{t('groups.activeLabel', { name: group.name })}</span>
          {group.active ? t('types.activeYes') : t('types.inactive')}
        </label>
      </td>
      <td>
        <button type="button" className="icon" disabled={first} aria-label={t('types.up', { name: group.name })} onClick={() => void run(() => moveGroup(group.id, -1))}>↑</button>
        <button type="button" className="icon" disabled={last} aria-label={t('types.down', { name: group.name })} onClick={() => void run(() => moveGroup(group.id, 1))}>↓</button>
      </td>
    </tr>
  );
}

function AddGroupForm({ run }: { run: (a: () => Promise<unknown>) => Promise<boolean> }) {
  const t = useT();
  const [name, setName] = useState('');
  const [kind, setKind] = useState<GroupKind>('goods');
  const [vat, setVat] = useState<'2500' | '0'>('2500');
  const [account, setAccount] = useState('');
  const [saft, setSaft] = useState<string>('04003');
  const [tried, setTried] = useState(false);
  const parsedAccount = parseAccountNumber(account);
  const invalid = name.trim() === '' || parsedAccount === 'format';
  async function submit(event: FormEvent) {
    event.preventDefault();
    setTried(true);
    if (invalid) return;
    const ok = await run(() => createGroup({
      name: name.trim(), kind, vatRateBp: kind === 'gift_card' || vat === '0' ? 0 : 2500,
      ...(kind === 'goods' && parsedAccount !== null ? { accountNumber: parsedAccount } : {}),
      saftCode: kind === 'gift_card' ? '04999' : saft,
    }));
    if (ok) {
      // Back to a plain goods group, so the next one does not take this one's kind or SAF-T code by mistake.
      setName('');
      setKind('goods');
      setVat('2500');
      setAccount('');
      setSaft('04003');
      setTried(false);
    }
  }
  return (
    <form className="add-type add-group" onSubmit={submit} aria-label={t('groups.add')} noValidate>
      <div className="field">
        <label htmlFor="new-group-name">{t('groups.newName')}</label>
        <input id="new-group-name" value={name} maxLength={40} placeholder={t('groups.namePlaceholder')} onChange={(e) => setName(e.target.value)} />
        {tried && name.trim() === '' ? <small className="field-error" role="alert">{t('types.nameRequired')}</small> : null}
      </div>
      <div className="field">
        <label htmlFor="new-group-kind">{t('groups.kind')}</label>
        <select id="new-group-kind" value={kind} onChange={(e) => setKind(e.target.value === 'gift_card' ? 'gift_card' : 'goods')}>
          <option value="goods">{t('groups.kind.goods')}</option>
          <option value="gift_card">{t('groups.kind.gift_card')}</option>
        </select>
      </div>
      {kind === 'goods' ? (
        <>
          <div className="field narrow">
            <label htmlFor="new-group-vat">{t('register.vat')}</label>
            <select id="new-group-vat" value={vat} onChange={(e) => setVat(e.target.value === '0' ? '0' : '2500')}>
              <option value="2500">25 %</option>
              <option value="0">{t('register.vatExempt')}</option>
            </select>
          </div>
          <div className="field narrow">
            <label htmlFor="new-group-account">{t('groups.account')}</label>
            <input id="new-group-account" inputMode="numeric" autoComplete="off" list={LIST_ID} value={account} placeholder={t('groups.accountOptional')}
              aria-invalid={tried && parsedAccount === 'format' ? true : undefined} onChange={(e) => setAccount(e.target.value)} />
            {tried && parsedAccount === 'format' ? <small className="field-error" role="alert">{t('accounts.issue.format', { number: account })}</small> : null}
          </div>
          <div className="field">
            <label htmlFor="new-group-saft">{t('groups.saft')}</label>
            <select id="new-group-saft" value={saft} onChange={(e) => setSaft(e.target.value)}>
              {SAFT_CODES.map((c) => <option key={c} value={c}>{`${c} ${t(saftKey(c))}`}</option>)}
            </select>
          </div>
        </>
      ) : <p className="small">{t('groups.giftCardHint')}</p>}
      <button type="submit">{t('groups.add')}</button>
    </form>
  );
}

function ArticlesEditor() {
  const t = useT();
  const { articles, total, query, articlesError, groups, lastImport } = useCatalogue();
  const [error, run] = useRun();
  const [tooLarge, setTooLarge] = useState(false);
  const groupName = (id: string) => groups?.find((g) => g.id === id)?.name ?? id;

  async function onFile(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    const text = await file.text();
    // The import takes 2,000,000 characters (some 40,000 products); a larger file is refused here, not sent.
    setTooLarge(text.length > MAX_ARTICLE_IMPORT_CHARS);
    if (text.length <= MAX_ARTICLE_IMPORT_CHARS) await run(async () => importArticles(text));
  }

  return (
    <section className="card" aria-labelledby="articles-title">
      <h2 id="articles-title">{t('articles.title')}</h2>
      <p className="muted">{t('articles.intro')}</p>
      <div className="field">
        <label htmlFor="article-search">{t('articles.search')}</label>
        <input id="article-search" type="search" value={query} autoComplete="off" placeholder={t('articles.searchPlaceholder')} onChange={(e) => void searchArticles(e.target.value)} />
      </div>
      {articlesError ? <ErrorNotice code={articlesError} onRetry={() => void searchArticles()} /> : null}
      {articles === null && !articlesError ? <Loading /> : null}
      {articles !== null ? <p className="small muted" role="status">{t('articles.count', { shown: articles.length, total })}</p> : null}
      {articles && articles.length > 0 ? (
        <table className="types articles">
          <thead>
            <tr>
              <th scope="col">{t('articles.name')}</th>
              <th scope="col">{t('register.group')}</th>
              <th scope="col" className="num">{t('articles.price')}</th>
              <th scope="col">{t('articles.ean')}</th>
              <th scope="col">{t('types.active')}</th>
              <th scope="col"><span className="sr-only">{t('articles.remove')}</span></th>
            </tr>
          </thead>
          <tbody>
            {articles.map((a) => <ArticleRow key={a.id} article={a} groupName={groupName(a.groupId)} run={run} />)}
          </tbody>
        </table>
      ) : null}
      {error ? <ErrorNotice code={error} /> : null}
      <AddArticleForm run={run} />
      <div className="field import">
        <label htmlFor="article-import">{t('articles.import')}</label>
        <input id="article-import" type="file" accept=".csv,text/csv" onChange={(e) => void onFile(e)} aria-describedby="article-import-hint" />
        <small id="article-import-hint" className="hint">{t('articles.importHint')}</small>
        {tooLarge ? <small className="field-error" role="alert">{t('articles.tooLarge')}</small> : null}
      </div>
      {lastImport ? (
        <div className="notice" role="status" data-testid="import-result">
          <p>{t('articles.imported', { count: lastImport.imported, rejected: lastImport.rejected.length })}</p>
          {lastImport.rejected.length > 0 ? (
            <ul aria-label={t('articles.rejected')}>
              {lastImport.rejected.map((r) => (
                <li key={`${r.line}-${r.reason}`}>{t('articles.rejectedRow', { line: r.line, reason: t(`articles.reject.${r.reason}`), value: r.value })}</li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}

function ArticleRow({ article, groupName, run }: { article: Article; groupName: string; run: (a: () => Promise<unknown>) => Promise<boolean> }) {
  const t = useT();
  const lang = useLang();
  return (
    <tr className={article.active ? undefined : 'inactive'}>
      <td>{article.name}</td>
      <td>{groupName}</td>
      <td className="num">{formatOre(article.priceOre, lang)}</td>
      <td translate="no">{article.ean ?? ''}</td>
      <td>
        <label>
          <input type="checkbox" checked={article.active} onChange={(e) => void run(() => updateArticle({ id: article.id, active: e.target.checked }))} />{' '}
          <span className="sr-only">{t('articles.activeLabel', { name: article.name })}</span>
          {article.active ? t('types.activeYes') : t('types.inactive')}
        </label>
      </td>
      <td>
        <button type="button" className="icon" aria-label={t('articles.removeLabel', { name: article.name })} onClick={() => void run(() => removeArticle(article.id))}>×</button>
      </td>
    </tr>
  );
}

function AddArticleForm({ run }: { run: (a: () => Promise<unknown>) => Promise<boolean> }) {
  const t = useT();
  const all = useCatalogue((s) => s.groups);
  const groups = (all ?? []).filter((g) => g.active && g.kind === 'goods');
  const [name, setName] = useState('');
  const [groupId, setGroupId] = useState('');
  const [price, setPrice] = useState('');
  const [ean, setEan] = useState('');
  const [tried, setTried] = useState(false);
  const parsed = parseAmount(price);
  const priceError = !parsed.ok || parsed.ore < 0 ? t(parsed.ok ? 'register.error.priceNegative' : parsed.reason === 'empty' ? 'register.error.priceRequired' : 'amount.error.format') : null;
  const eanError = ean.trim() !== '' && !isValidGtin(ean.trim()) ? t('articles.eanInvalid') : null;
  const group = groups.find((g) => g.id === groupId) ?? groups[0];
  async function submit(event: FormEvent) {
    event.preventDefault();
    setTried(true);
    if (name.trim() === '' || priceError || eanError || !group || !parsed.ok) return;
    const ok = await run(() => createArticle({ name: name.trim(), groupId: group.id, priceOre: parsed.ore, ean: ean.trim() === '' ? null : ean.trim() }));
    if (ok) {
      setName('');
      setPrice('');
      setEan('');
      setTried(false);
      document.getElementById('new-article-name')?.focus();
    }
  }
  return (
    <form className="add-type add-article" onSubmit={submit} aria-label={t('articles.add')} noValidate>
      <div className="field">
        <label htmlFor="new-article-name">{t('articles.name')}</label>
        <input id="new-article-name" value={name} maxLength={200} onChange={(e) => setName(e.target.value)} />
        {tried && name.trim() === '' ? <small className="field-error" role="alert">{t('types.nameRequired')}</small> : null}
      </div>
      <div className="field">
        <label htmlFor="new-article-group">{t('register.group')}</label>
        <select id="new-article-group" value={group?.id ?? ''} onChange={(e) => setGroupId(e.target.value)}>
          {groups.map((g) => <option key={g.id} value={g.id}>{`${g.name} · ${g.vatRateBp / 100} %`}</option>)}
        </select>
      </div>
      <AmountField className="narrow" label={t('articles.price')} value={price} onChange={setPrice} error={tried ? priceError : null} placeholder="0,00" />
      <div className="field">
        <label htmlFor="new-article-ean">{t('articles.ean')}</label>
        <input id="new-article-ean" inputMode="numeric" autoComplete="off" value={ean} maxLength={14} onChange={(e) => setEan(e.target.value)} aria-invalid={tried && eanError ? true : undefined} />
        {tried && eanError ? <small className="field-error" role="alert">{eanError}</small> : null}
      </div>
      <button type="submit">{t('articles.add')}</button>
    </form>
  );
}
