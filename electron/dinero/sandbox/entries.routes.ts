// GET /v1/{org}/entries?fromDate&toDate: the postings of booked ledger items, so end-to-end tests can check
// what the accountant's books show. VAT is split out of VAT-inclusive amounts onto the VAT accounts.
import type { OrgHandler } from './api.router';
import { apiError } from './sandbox.http';
import { orgState } from './sandbox.world';
import { isIsoDate } from './ledger.validate';
import { VAT_TYPES } from './sandbox.seed';
import type { LedgerItemRecord, OrgState } from './sandbox.state';

const SALES_VAT_ACCOUNT = 64000;
const PURCHASE_VAT_ACCOUNT = 64060;

interface Posting {
  AccountNumber: number;
  AccountName: string | null;
  Date: string;
  VoucherNumber: number | null;
  VoucherType: string;
  Description: string;
  VatCode: string | null;
  Amount: number;
}

/** One side of a line: signed øre on the account, with the VAT part moved to the VAT account. */
function side(org: OrgState, item: LedgerItemRecord, account: number, vatCode: string | null, signedOre: number, description: string): Posting[] {
  const effective = vatCode ?? org.accounts.find((a) => a.AccountNumber === account)?.VatCode ?? null;
  const rate = VAT_TYPES.find((v) => v.VatCode === effective)?.rate ?? 0;
  const vatOre = rate > 0 ? signedOre - Math.round(signedOre / (1 + rate)) : 0;
  const make = (n: number, ore: number, code: string | null): Posting => ({
    AccountNumber: n, AccountName: org.accounts.find((a) => a.AccountNumber === n)?.Name ?? null, Date: item.voucherDate,
    VoucherNumber: item.voucherNumber, VoucherType: 'Kassekladde', Description: description, VatCode: code, Amount: ore / 100,
  });
  const out = [make(account, signedOre - vatOre, effective)];
  if (vatOre !== 0) out.push(make(effective!.startsWith('U') ? SALES_VAT_ACCOUNT : PURCHASE_VAT_ACCOUNT, vatOre, effective));
  return out;
}

export const listEntries: OrgHandler = (world, ctx, orgId) => {
  const from = ctx.query.get('fromDate');
  const to = ctx.query.get('toDate');
  const errors: Record<string, string> = {};
  if (!isIsoDate(from)) errors.fromDate = 'fromDate must be a date in the form YYYY-MM-DD.';
  if (!isIsoDate(to)) errors.toDate = 'toDate must be a date in the form YYYY-MM-DD.';
  if (Object.keys(errors).length > 0) return apiError(400, 42, 'Validation failed.', errors);
  const org = orgState(world, orgId)!;
  const postings = org.items
    .filter((i) => i.status === 'Booked' && i.voucherDate >= from! && i.voucherDate <= to!)
    .sort((a, b) => (a.voucherNumber ?? 0) - (b.voucherNumber ?? 0))
    .flatMap((item) => item.lines.flatMap((l) => {
      const amountOre = Math.round(l.amount * 100);
      return [
        ...side(org, item, l.accountNumber, l.accountVatCode, amountOre, l.description),
        ...side(org, item, l.balancingAccountNumber!, l.balancingAccountVatCode, -amountOre, l.description),
      ];
    }));
  return { status: 200, api: true, json: postings };
};
