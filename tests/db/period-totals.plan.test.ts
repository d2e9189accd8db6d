// The close reads only the open period: every statement it runs reaches the sale tables through an index
// seek. SQLite's own EXPLAIN QUERY PLAN is the evidence; a full scan of a sale table would show as "SCAN".
import { describe, expect, it } from 'vitest';
import { PERIOD_SQL, type PeriodBounds } from '../../electron/db/period-totals.query';
import { line, sale, testTill } from '../support/db-fixtures';

const bounds: PeriodBounds = { registerId: 'register-1', fromSaleSeq: 2, toSaleSeq: 5, fromMovementSeq: 0, toMovementSeq: 3, afterReportNumber: 1 };

// Scans allowed: the small reference tables (payment types, product groups, VAT rates) and the one-row MAX() subqueries.
const ALLOWED_SCAN = /^SCAN (pt|g|r|tm|fm)\b/;

describe('period totals query plans', () => {
  it.each<[keyof typeof PERIOD_SQL, string[]]>([
    ['sales', ['SEARCH sales USING COVERING INDEX sales_register_seq (register_id=? AND seq<?)']],
    ['vat', ['SEARCH sale_vat_totals USING COVERING INDEX sale_vat_totals_running (register_id=? AND vat_rate_bp=? AND sale_seq<?)']],
    ['payments', ['SEARCH sale_payments USING COVERING INDEX sale_payments_running (register_id=? AND payment_type_id=? AND sale_seq<?)']],
    // Product groups (0130): one seek per group, like the payment types; tips over their index range.
    ['groups', ['SEARCH sale_group_totals USING COVERING INDEX sale_group_totals_running (register_id=? AND group_id=? AND sale_seq<?)']],
    ['tips', ['SEARCH x USING INDEX sale_tips_register (register_id=? AND sale_seq>? AND sale_seq<?)']],
    // The undo check (0070) is one primary-key seek per movement of the period.
    ['movements', ['SEARCH m USING INDEX cash_movements_register_seq (register_id=? AND seq>? AND seq<?)', 'SEARCH r USING INTEGER PRIMARY KEY (rowid=?)']],
    // Voids (0080): the period's few void records through their index, then the voided sale's own rows by key.
    ['voids', ['SEARCH v USING COVERING INDEX sale_voids_register (register_id=? AND sale_seq>? AND sale_seq<?)', 'SEARCH s USING INTEGER PRIMARY KEY (rowid=?)']],
    ['voidedVat', ['SEARCH v USING COVERING INDEX sale_voids_register (register_id=? AND sale_seq>? AND sale_seq<?)', 'SEARCH t USING PRIMARY KEY (sale_seq=?)']],
    ['voidedPayments', ['SEARCH v USING COVERING INDEX sale_voids_register (register_id=? AND sale_seq>? AND sale_seq<?)', 'SEARCH p USING PRIMARY KEY (sale_seq=?)']],
  ])('%s: seeks through its index and scans no sale table', (name, expectedSteps) => {
    const { db, service } = testTill();
    for (let i = 0; i < 20; i++) service.recordSale(`register-${(i % 2) + 1}`, sale([line('10.00')], ['dankort', '10.00']));
    const plan = (db.prepare(`EXPLAIN QUERY PLAN ${PERIOD_SQL[name]}`).all(bounds) as Array<{ detail: string }>).map((r) => r.detail);
    for (const step of expectedSteps) expect(plan).toContain(step);
    const scans = plan.filter((detail) => detail.startsWith('SCAN'));
    expect(scans.filter((detail) => !ALLOWED_SCAN.test(detail))).toEqual([]);
    // The sale tables are only ever searched (an index or primary-key seek), never scanned.
    expect(plan.filter((d) => /\b(sales|sale_lines|sale_payments|sale_vat_totals|sale_group_totals|sale_tips|cash_movements)\b/.test(d) && !d.startsWith('SEARCH'))).toEqual([]);
  });
});
