// The Danish SAF-T Cash Register file (urn:StandardAuditFile-Taxation-CashRegister:DK, schema 1.0.3) of a
// date range, written from the electronic journal alone, streaming: header, company with its CVR, VAT codes,
// the period, employees (the cashiers), articles and article groups, the basics (code lists), then per register
// its events (X/Z reports with their eventReport) and its cashtransactions with signature, key version and
// certificate. ../shared/saft-dk/README.md has the rules; what is still open there is listed in docs/COMPLIANCE.md.
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { JOURNAL_CODES as CODE_OF, saftAmount, UNSIGNED_KEY_VERSION, type JournalType } from '../../shared/journal/journal-rules';
import type { PeriodSummary } from '../../shared/journal/period-summary';
import { localDateTime } from '../../shared/till/business-date';
import { saftPaymentCode, SAFT_TIP_CODE } from '../../shared/till/saft-codes';
import type { Article, PaymentType, ProductGroup } from '../../shared/till/till.types';
import type { MessageKey } from '../../renderer/i18n/catalogue';
import type { JournalRepo, JournalRow } from '../db/journal.repo';
import { journalError } from '../journal/certificate';
import { XmlStream } from './xml-stream';

export const SAFT_NAMESPACE = 'urn:StandardAuditFile-Taxation-CashRegister:DK';
export const SAFT_SCHEMA_VERSION = '1.0.3';
/** A longer range is refused: a year and a bit is what an authority asks for at once. */
export const MAX_EXPORT_DAYS = 400;

export interface SaftExportInput {
  journal: JournalRepo;
  fromDate: string;
  toDate: string;
  outDir: string;
  nowMs: number;
  company: { cvr: string; name: string; address: string };
  /** The register this app runs: app-wide entries (start, settings) are exported under it. */
  registerId: string;
  registerNames: ReadonlyMap<string, string>;
  groups: readonly ProductGroup[];
  articles: readonly Article[];
  paymentTypes: readonly PaymentType[];
  employees: ReadonlyArray<{ id: string; name: string }>;
  appVersion: string;
  /** Danish texts for descriptions (the catalogue's saft.* keys). */
  t: (key: MessageKey) => string;
}

export interface SaftExportResult {
  fileName: string;
  path: string;
  bytes: number;
  transactions: number;
  events: number;
}

const dateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)));

/** SAF-T Cash Register_<CVR>_<yyyymmddhhmmss>_<x>_<y>.xml: file x of y (TillBridge writes one file: 1_1). */
export function saftFileName(cvr: string, nowMs: number): string {
  const { date, time } = localDateTime(nowMs);
  return `SAF-T Cash Register_${cvr}_${date.replace(/-/g, '')}${time.replace(/:/g, '')}_1_1.xml`;
}

const id36 = (value: string) => value.slice(0, 36);
const vatCode = (rateBp: number) => String(rateBp / 100);
const vatPerc = (rateBp: number) => (rateBp / 100).toFixed(2);
const tp = (amount: number) => (amount < 0 ? 'D' : 'C');

const saleData = z.object({
  lines: z.array(z.object({ lineNo: z.number(), description: z.string(), quantity: z.number(), unitPriceOre: z.number(), lineTotalOre: z.number(), vatRateBp: z.number(), vatOre: z.number(), groupId: z.string() })),
  payments: z.array(z.object({ paymentTypeId: z.string(), saftCode: z.string(), amountOre: z.number(), tipOre: z.number() })),
  roundingOre: z.number(),
});
const reportData = z.object({ summary: z.custom<PeriodSummary>((v) => typeof v === 'object' && v !== null), report: z.record(z.string(), z.unknown()) });

/** "Vestergade 12, 8000 Aarhus C" → street, number, postal code, city (the schema wants them apart). */
export function splitAddress(address: string): { streetname: string; number: string; postalCode: string; city: string } {
  const m = /^\s*(.+?)\s+(\d+[A-Za-z]?(?:[ ,.]*\d*\.?\s*(?:tv|th|mf)\.?)?)\s*,\s*(\d{4})\s+(.+?)\s*$/.exec(address);
  if (m) return { streetname: m[1]!, number: m[2]!.trim(), postalCode: m[3]!, city: m[4]! };
  const line = address.trim();
  return { streetname: line.slice(0, 100) || '-', number: '-', postalCode: '-', city: '-' };
}

function splitName(name: string): { first: string; sur: string } {
  const parts = name.trim().split(/\s+/);
  if (parts.length < 2) return { first: name.trim() || '-', sur: '-' };
  return { first: parts.slice(0, -1).join(' '), sur: parts.at(-1)! };
}

export async function exportSaft(input: SaftExportInput): Promise<SaftExportResult> {
  const { journal, t } = input;
  if (!/^\d{8}$/.test(input.company.cvr)) throw journalError('cvr_missing', 'The SAF-T file needs the shop\'s CVR number (Settings → Cash).');
  const from = dateSchema.safeParse(input.fromDate);
  const to = dateSchema.safeParse(input.toDate);
  if (!from.success || !to.success || input.fromDate > input.toDate) {
    throw journalError('invalid_period', `Not a period: ${input.fromDate} to ${input.toDate}`, { fromDate: input.fromDate, toDate: input.toDate });
  }
  if ((Date.parse(input.toDate) - Date.parse(input.fromDate)) / 86_400_000 > MAX_EXPORT_DAYS) {
    throw journalError('invalid_period', `At most ${MAX_EXPORT_DAYS} days in one file`, { fromDate: input.fromDate, toDate: input.toDate });
  }
  mkdirSync(input.outDir, { recursive: true });
  const fileName = saftFileName(input.company.cvr, input.nowMs);
  const path = join(input.outDir, fileName);
  const partial = `${path}.partial`;
  rmSync(partial, { force: true });
  const x = new XmlStream(partial);
  let transactions = 0;
  let events = 0;
  try {
    const created = localDateTime(input.nowMs);
    const address = splitAddress(input.company.address);
    const companyName = (input.company.name || '-').slice(0, 100);
    const writeAddress = (tag: string) => {
      x.start(tag);
      x.leaf('streetname', address.streetname);
      x.leaf('number', address.number);
      x.leaf('city', address.city);
      x.leaf('postalCode', address.postalCode);
      x.leaf('country', 'DK');
      x.end();
    };

    x.start('auditfile', { xmlns: SAFT_NAMESPACE });
    x.start('header');
    x.leaf('fiscalYear', input.fromDate.slice(0, 4));
    x.leaf('startDate', input.fromDate);
    x.leaf('endDate', input.toDate);
    x.leaf('curCode', 'DKK');
    x.leaf('dateCreated', created.date);
    x.leaf('timeCreated', created.time);
    x.leaf('softwareDesc', 'TillBridge');
    x.leaf('softwareVersion', input.appVersion.slice(0, 20));
    x.leaf('softwareCompanyName', 'TillBridge');
    x.leaf('auditfileVersion', SAFT_SCHEMA_VERSION);
    x.end();

    x.start('company');
    x.leaf('companyIdent', input.company.cvr);
    x.leaf('companyName', companyName);
    x.leaf('taxRegistrationCountry', 'DK');
    x.leaf('taxRegIdent', `DK${input.company.cvr}`);
    writeAddress('streetAddress');
    x.start('vatCodeDetails');
    for (const rate of [2500, 0]) {
      x.start('vatCodeDetail');
      x.leaf('vatCode', vatCode(rate));
      x.leaf('dateOfEntry', input.fromDate);
      x.leaf('vatDesc', t(rate === 0 ? 'saft.vat.0' : 'saft.vat.25'));
      x.leaf('standardVatCode', vatCode(rate));
      x.end();
    }
    x.end();
    x.start('periods');
    x.start('period');
    x.leaf('periodNumber', 1);
    x.leaf('startDatePeriod', input.fromDate);
    x.leaf('startTimePeriod', '00:00:00');
    x.leaf('endDatePeriod', input.toDate);
    x.leaf('endTimePeriod', '23:59:59');
    x.end();
    x.end();
    x.start('employees');
    for (const e of [{ id: '0', name: t('saft.noCashier') }, ...input.employees]) {
      const name = splitName(e.name);
      x.start('employee');
      x.leaf('empID', id36(e.id));
      x.leaf('dateOfEntry', input.fromDate);
      x.leaf('timeOfEntry', '00:00:00');
      x.leaf('firstName', name.first.slice(0, 50));
      x.leaf('surName', name.sur.slice(0, 100));
      x.end();
    }
    x.end();
    x.start('articles');
    // The groups stand as articles too: every line names its group, and the list must not be empty.
    for (const g of input.groups) {
      x.start('article');
      x.leaf('artID', id36(`group-${g.id}`));
      x.leaf('dateOfEntry', input.fromDate);
      x.leaf('artGroupID', id36(g.id));
      x.leaf('artDesc', g.name);
      x.end();
    }
    for (const a of input.articles) {
      x.start('article');
      x.leaf('artID', id36(a.id));
      x.leaf('dateOfEntry', input.fromDate);
      x.leaf('artGroupID', id36(a.groupId));
      x.leaf('artDesc', a.name);
      x.end();
    }
    x.end();
    x.start('basics');
    const basic = (type: string, basicId: string, predefined: string | null, desc: string) => {
      x.start('basic');
      x.leaf('basicType', type);
      x.leaf('basicID', id36(basicId));
      x.leaf('predefinedBasicID', predefined);
      x.leaf('basicDesc', desc);
      x.end();
    };
    for (const g of input.groups) basic('04', g.id, g.saftCode, g.name);
    basic('10', SAFT_TIP_CODE, SAFT_TIP_CODE, t('saft.tip'));
    // Our transaction and event types are the standard's own codes: basicID = predefinedBasicID.
    const codes = new Map<string, JournalType>();
    for (const [type, code] of Object.entries(CODE_OF)) if (!codes.has(code)) codes.set(code, type as JournalType);
    for (const [code, type] of codes) basic(code.slice(0, 2), code, code, t(`saft.type.${type}` as MessageKey));
    const paymentCodes = new Map<string, string>();
    for (const p of input.paymentTypes) if (!paymentCodes.has(saftPaymentCode(p))) paymentCodes.set(saftPaymentCode(p), p.name);
    for (const [code, name] of paymentCodes) basic('12', code, code, name);
    x.end();

    x.start('location');
    x.leaf('name', companyName);
    writeAddress('streetAddress');
    const registers = [...new Set([input.registerId, ...journal.registers()])].sort();
    const voided = journal.voidedIds();
    const certificates = new Map(journal.certificates().map((c) => [c.version, c.pem]));
    for (const registerId of registers) {
      x.start('cashregister');
      x.leaf('registerID', registerId.slice(0, 100));
      x.leaf('regDesc', input.registerNames.get(registerId) ?? registerId);
      for (const row of journal.iterateRegister(registerId, registerId === input.registerId, input.fromDate, input.toDate, false)) {
        writeEvent(x, row, input, t);
        events += 1;
        await x.flush();
      }
      for (const row of journal.iterateRegister(registerId, false, input.fromDate, input.toDate, true)) {
        writeTransaction(x, row, voided, certificates);
        transactions += 1;
        await x.flush();
      }
      x.end();
    }
    x.end(); // location
    x.end(); // company
    x.end(); // auditfile
    await x.close();
    if (existsSync(path)) rmSync(path);
    renameSync(partial, path);
    return { fileName, path, bytes: x.bytes, transactions, events };
  } catch (error) {
    x.abort();
    rmSync(partial, { force: true });
    throw error;
  }
}


function writeEvent(x: XmlStream, row: JournalRow, input: SaftExportInput, t: SaftExportInput['t']): void {
  x.start('event');
  x.leaf('eventID', String(row.nr));
  x.leaf('eventType', row.code);
  if (row.type === 'void' && row.refId) x.leaf('transID', id36(row.refId));
  x.leaf('empID', id36(row.cashierId ?? '0'));
  x.leaf('eventDate', row.localDate);
  x.leaf('eventTime', row.localTime);
  x.leaf('eventText', t(`saft.type.${row.type}` as MessageKey));
  if (row.type === 'z_report' || row.type === 'x_report') writeReport(x, row, input);
  x.end();
}

function writeReport(x: XmlStream, row: JournalRow, input: SaftExportInput): void {
  const { summary, report } = reportData.parse(JSON.parse(row.data));
  const amount = (tag: string, ore: number) => x.leaf(tag, saftAmount(ore));
  const n = (value: unknown) => (typeof value === 'number' ? value : 0);
  x.start('eventReport');
  x.leaf('reportID', id36(row.type === 'z_report' ? String(n(report.number)) : (row.refId ?? String(row.nr))));
  x.leaf('reportType', row.type === 'z_report' ? 'Z report' : 'X report');
  x.leaf('companyIdent', row.companyIdent || input.company.cvr);
  x.leaf('companyName', (input.company.name || '-').slice(0, 100));
  x.leaf('reportDate', row.localDate);
  x.leaf('reportTime', row.localTime);
  x.leaf('registerID', (row.registerId ?? input.registerId).slice(0, 100));
  x.start('reportTotalCashSales');
  amount('totalCashSaleAmnt', summary.totalCashSaleOre);
  x.end();
  x.start('reportArtGroups');
  for (const g of summary.groups.length > 0 ? summary.groups : [{ groupId: 'None', quantity: 0, amountOre: 0 }]) {
    x.start('reportArtGroup');
    x.leaf('artGroupID', id36(g.groupId));
    x.leaf('artGroupNum', g.quantity);
    amount('artGroupAmnt', g.amountOre);
    x.end();
  }
  x.end();
  x.start('reportEmpArtGroups');
  for (const g of summary.empGroups) {
    x.start('reportEmpArtGroup');
    x.leaf('empID', id36(g.empId));
    x.leaf('artGroupID', id36(g.groupId));
    x.leaf('artGroupNum', g.quantity);
    amount('artGroupAmnt', g.amountOre);
    x.end();
  }
  x.end();
  x.start('reportPayments');
  for (const p of summary.payments.length > 0 ? summary.payments : [{ saftCode: 'None', count: 0, amountOre: 0 }]) {
    x.start('reportPayment');
    x.leaf('paymentType', p.saftCode);
    x.leaf('paymentNum', p.count);
    amount('paymentAmnt', p.amountOre);
    x.end();
  }
  x.end();
  x.start('reportEmpPayments');
  for (const p of summary.empPayments.length > 0 ? summary.empPayments : [{ empId: '0', saftCode: 'None', count: 0, amountOre: 0 }]) {
    x.start('reportEmpPayment');
    x.leaf('empID', id36(p.empId));
    x.leaf('paymentType', p.saftCode);
    x.leaf('paymentNum', p.count);
    amount('paymentAmnt', p.amountOre);
    x.end();
  }
  x.end();
  x.start('reportTip');
  x.leaf('tipNum', summary.tipCount);
  amount('tipAmnt', summary.tipOre);
  x.end();
  x.start('reportCashSalesVat');
  for (const v of summary.vat.length > 0 ? summary.vat : [{ vatRateBp: 2500, amountOre: 0, vatOre: 0 }]) {
    x.start('reportCashSaleVat');
    x.leaf('vatCode', vatCode(v.vatRateBp));
    x.leaf('vatPerc', vatPerc(v.vatRateBp));
    amount('cashSaleAmnt', v.amountOre);
    amount('vatAmnt', v.vatOre);
    x.leaf('vatAmntTp', tp(v.vatOre));
    x.end();
  }
  x.end();
  amount('reportOpeningChangeFloat', n(report.openingFloatOre));
  x.leaf('reportReceiptNum', summary.receiptCount);
  x.leaf('reportOpenCashBoxNum', 0);
  x.leaf('reportReceiptCopyNum', 0);
  amount('reportReceiptCopyAmnt', 0);
  x.leaf('reportReceiptProformaNum', 0);
  amount('reportReceiptProformaAmnt', 0);
  x.leaf('reportReturnNum', summary.returnCount);
  amount('reportReturnAmnt', summary.returnOre);
  x.leaf('reportDiscountNum', 0);
  amount('reportDiscountAmnt', 0);
  x.leaf('reportVoidTransNum', summary.voidCount);
  amount('reportVoidTransAmnt', summary.voidOre);
  const none = (outer: string, inner: string, typeTag: string, numTag: string, amntTag: string) => {
    x.start(outer);
    x.start(inner);
    x.leaf(typeTag, 'None');
    x.leaf(numTag, 0);
    amount(amntTag, 0);
    x.end();
    x.end();
  };
  none('reportCorrLines', 'reportCorrLine', 'corrLineType', 'corrLineNum', 'corrLineAmnt');
  none('reportPriceInquiries', 'reportPriceInquiry', 'priceInquiryGroup', 'priceInquiryNum', 'priceInquiryAmnt');
  none('reportOtherCorrs', 'reportOtherCorr', 'otherCorrType', 'otherCorrNum', 'otherCorrAmnt');
  x.leaf('reportReceiptDeliveryNum', 0);
  amount('reportReceiptDeliveryAmnt', 0);
  x.leaf('reportTrainingNum', summary.trainingCount);
  amount('reportTrainingAmnt', summary.trainingOre);
  const moves = (outer: string, inner: string, prefix: 'payIn' | 'payOut', m: { count: number; amountOre: number }) => {
    x.start(outer);
    x.start(inner);
    x.leaf(`${prefix}Type`, prefix === 'payIn' ? '11011' : '11010');
    x.leaf(`${prefix}Num`, m.count);
    amount(`${prefix}Amnt`, m.amountOre);
    x.end();
    x.end();
  };
  moves('reportPayIns', 'reportPayIn', 'payIn', summary.payIns);
  moves('reportPayOuts', 'reportPayOut', 'payOut', summary.payOuts);
  amount('reportGrandTotalSales', summary.grand.salesOre);
  amount('reportGrandTotalReturn', summary.grand.returnsOre);
  amount('reportGrandTotalSalesNet', summary.grand.netOre);
  x.end();
}

function writeTransaction(x: XmlStream, row: JournalRow, voided: ReadonlySet<string>, certificates: ReadonlyMap<number, string>): void {
  const amountIn = row.amountInOre ?? 0;
  const empId = id36(row.cashierId ?? '0');
  x.start('cashtransaction');
  x.leaf('nr', String(row.transNr));
  x.leaf('transID', id36(row.refId ?? String(row.transNr)));
  x.leaf('transType', row.code);
  x.leaf('transAmntIn', saftAmount(amountIn));
  x.leaf('transAmntEx', saftAmount(row.amountExOre ?? 0));
  x.leaf('amntTp', tp(amountIn));
  x.leaf('empID', empId);
  x.leaf('periodNumber', 1);
  x.leaf('transDate', row.localDate);
  x.leaf('transTime', row.localTime);
  const sale = row.type === 'sale' || row.type === 'return' || row.type === 'training_sale' ? saleData.parse(JSON.parse(row.data)) : null;
  if (sale) {
    for (const line of sale.lines) {
      x.start('ctLine');
      x.leaf('nr', String(row.transNr));
      x.leaf('lineID', String(line.lineNo));
      x.leaf('lineType', line.lineTotalOre < 0 ? 'RET' : 'SAL');
      x.leaf('artGroupID', id36(line.groupId));
      x.leaf('qnt', line.quantity);
      x.leaf('lineAmntIn', saftAmount(line.lineTotalOre));
      x.leaf('lineAmntEx', saftAmount(line.lineTotalOre - line.vatOre));
      x.leaf('amntTp', tp(line.lineTotalOre));
      x.leaf('ppu', saftAmount(line.unitPriceOre));
      x.leaf('cashTransLineDescr', line.description);
      x.start('vat');
      x.leaf('vatCode', vatCode(line.vatRateBp));
      x.leaf('vatPerc', vatPerc(line.vatRateBp));
      x.leaf('vatAmnt', saftAmount(line.vatOre));
      x.leaf('vatAmntTp', tp(line.vatOre));
      x.leaf('vatBasAmnt', saftAmount(line.lineTotalOre - line.vatOre));
      x.end();
      x.end();
    }
    x.start('rounding');
    x.leaf('roundingAmnt', saftAmount(sale.roundingOre));
    x.end();
    for (const p of sale.payments) {
      x.start('payment');
      x.leaf('paymentType', p.saftCode);
      x.leaf('paidAmnt', saftAmount(p.amountOre));
      x.leaf('empID', empId);
      x.leaf('curCode', 'DKK');
      x.end();
    }
  } else {
    // A cash movement: the money into (+) or out of (−) the drawer, in cash.
    x.start('payment');
    x.leaf('paymentType', '12001');
    x.leaf('paidAmnt', saftAmount(amountIn));
    x.leaf('empID', empId);
    x.leaf('curCode', 'DKK');
    x.end();
  }
  x.leaf('signature', row.signature ?? '');
  x.leaf('keyVersion', row.keyVersion ?? UNSIGNED_KEY_VERSION);
  x.leaf('certificateData', row.certificateVersion === null ? '' : (certificates.get(row.certificateVersion) ?? ''));
  x.leaf('voidTransaction', row.refId !== null && voided.has(row.refId) ? 'true' : 'false');
  x.leaf('trainingID', row.training ? 'true' : 'false');
  x.end();
}
