// Plain messages for posting problems, each naming what to fix and where. They live next to the codes
// because the builder's preview, the transfer log and the CLI all show them; the renderer may still map
// the codes to its own texts.
import { ore } from '../money/ore';
import { formatDanishAmount } from './danish-number.format';
import type { PostingProblem } from './posting.types';

type Lang = 'da' | 'en';
type Params = PostingProblem['params'];

const WHERE = { da: 'under Indstillinger → Kasse → Konti', en: 'under Settings → Cash → Accounts' };

const ACCOUNT_NAMES: Record<string, { da: string; en: string }> = {
  revenue: { da: 'en konto for omsætning (fx 1000)', en: 'a revenue account (e.g. 1000)' },
  vat_exempt_revenue: {
    da: 'en konto for momsfri omsætning, da rapporten har salg med 0 % moms,',
    en: 'a VAT-exempt revenue account, as the report has sales at 0 % VAT,',
  },
  bank: { da: 'en bankkonto (fx 55000, eller en konto for pengeskabet)', en: 'a bank account (e.g. 55000, or a safebox account)' },
  cash_holdings: { da: 'en konto for kassebeholdning (fx 58000)', en: 'a cash holdings account (e.g. 58000)' },
  differences: {
    da: 'en konto for kassedifferencer og øreafrundinger (fx 7380)',
    en: 'an account for till differences and roundings (e.g. 7380)',
  },
};

const DRAWER_FIELDS: Record<string, { da: string; en: string }> = {
  expectedCash: { da: 'forventet kassebeholdning', en: 'expected cash' },
  difference: { da: 'kassedifference', en: 'till difference' },
  closingFloat: { da: 'byttepenge til næste dag', en: 'closing float' },
};

function text(params: Params, key: string): string {
  const value = params[key];
  return value === undefined ? '?' : String(value);
}

function kroner(params: Params, key: string): string {
  const value = params[key];
  return typeof value === 'number' && Number.isSafeInteger(value) ? `${formatDanishAmount(ore(value))} kr.` : '?';
}

function accountMissing(params: Params, lang: Lang): string {
  const role = text(params, 'role');
  if (role === 'payment_type') {
    const name = text(params, 'paymentTypeName');
    return lang === 'da'
      ? `Vælg en konto for betalingstypen ${name} ${WHERE.da}.`
      : `Choose an account for the payment type ${name} ${WHERE.en}.`;
  }
  const what = ACCOUNT_NAMES[role]?.[lang] ?? role;
  return lang === 'da' ? `Vælg ${what} ${WHERE.da}.` : `Choose ${what} ${WHERE.en}.`;
}

function chartProblem(p: PostingProblem, lang: Lang): string {
  const n = text(p.params, 'accountNumber');
  const used = text(p.params, 'description');
  if (p.code === 'vat_code_unknown') {
    const code = text(p.params, 'vatCode');
    return lang === 'da'
      ? `Momskoden ${code} (på linjen "${used}") findes ikke i Dinero. Vælg en gyldig momskode for omsætningskontoen ${WHERE.da}.`
      : `The VAT code ${code} (on the line "${used}") does not exist in Dinero. Choose a valid VAT code for the revenue account ${WHERE.en}.`;
  }
  if (p.code === 'account_hidden') {
    return lang === 'da'
      ? `Konto ${n} (på linjen "${used}") er skjult i kontoplanen i Dinero. Vis den igen i Dinero, eller vælg en anden konto ${WHERE.da}.`
      : `Account ${n} (on the line "${used}") is hidden in the Dinero chart of accounts. Unhide it in Dinero, or choose another account ${WHERE.en}.`;
  }
  return lang === 'da'
    ? `Konto ${n} (på linjen "${used}") findes ikke i kontoplanen i Dinero. Opret den i Dinero, eller vælg en anden konto ${WHERE.da}.`
    : `Account ${n} (on the line "${used}") does not exist in the Dinero chart of accounts. Create it in Dinero, or choose another account ${WHERE.en}.`;
}

function reportProblem(p: PostingProblem, lang: Lang): string {
  const support = lang === 'da' ? 'Rapporten sendes ikke; kontakt support.' : 'The report is not sent; please contact support.';
  const field = text(p.params, 'field');
  const expected = kroner(p.params, 'expectedOre');
  const actual = kroner(p.params, 'actualOre');
  if (p.code === 'report_unbalanced') {
    const payments = kroner(p.params, 'paymentsOre');
    return lang === 'da'
      ? `Dagsrapporten går ikke op: betalingerne er i alt ${payments}, men omsætning plus øreafrunding er ${expected}. ${support}`
      : `The daily report does not add up: payments total ${payments}, but revenue plus rounding is ${expected}. ${support}`;
  }
  if (p.code === 'drawer_mismatch') {
    const name = DRAWER_FIELDS[field]?.[lang] ?? field;
    return lang === 'da'
      ? `Kasseoptællingen i dagsrapporten går ikke op: ${name} burde være ${expected}, men er ${actual}. ${support}`
      : `The daily report's cash count does not add up: ${name} should be ${expected} but is ${actual}. ${support}`;
  }
  return lang === 'da'
    ? `Dagsrapportens tal går ikke op (${field}): burde være ${expected}, men er ${actual}. ${support}`
    : `The daily report's figures do not add up (${field}): should be ${expected} but is ${actual}. ${support}`;
}

export function describeProblem(p: PostingProblem, lang: Lang): string {
  switch (p.code) {
    case 'account_missing':
      return accountMissing(p.params, lang);
    case 'account_unknown':
    case 'account_hidden':
    case 'vat_code_unknown':
      return chartProblem(p, lang);
    case 'report_unbalanced':
    case 'drawer_mismatch':
    case 'totals_mismatch':
      return reportProblem(p, lang);
    case 'cash_account_mismatch': {
      const n = text(p.params, 'accountNumber');
      const movement = kroner(p.params, 'movementOre');
      const change = kroner(p.params, 'floatChangeOre');
      const dropped = text(p.params, 'sameAccountLines');
      const which =
        dropped === '' || dropped === '?'
          ? ''
          : lang === 'da'
            ? ` Disse linjer har konto ${n} på begge sider: ${dropped}.`
            : ` These lines have account ${n} on both sides: ${dropped}.`;
      return lang === 'da'
        ? `Posteringen ville ændre kassebeholdningen (konto ${n}) med ${movement}, men kassen har ændret sig med ${change}.${which} Sørg for at hverken omsætnings-, bank- eller differencekontoen eller en betalingstypes konto er kassebeholdningskontoen ${WHERE.da}.`
        : `The posting would move cash holdings (account ${n}) by ${movement}, but the drawer moved by ${change}.${which} Make sure neither the revenue, bank or differences account nor a payment type's account is the cash holdings account ${WHERE.en}.`;
    }
    case 'vat_rate_unsupported': {
      const rate = text(p.params, 'vatRate');
      return lang === 'da'
        ? `Rapporten har salg med ${rate} moms, som ikke har en omsætningskonto: kun 25 % og 0 % kan overføres. Kontakt support.`
        : `The report has sales at ${rate} VAT, which has no revenue account: only 25 % and 0 % can be transferred. Please contact support.`;
    }
  }
}
