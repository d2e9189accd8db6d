// Product groups as the domain sees them: the two default groups every till has (so a shop that sets none up
// rings up and posts exactly as before), and how a line finds its group. The database seeds the same two
// rows (migration 0130); the ids are fixed so old lines without a group are read as theirs.
import type { ProductGroup } from './till.types';

/** The default group of each VAT rate: a line without a group belongs to the one of its rate. */
export const DEFAULT_GROUP_IDS: Readonly<Record<number, string>> = { 2500: 'varer', 0: 'momsfri' };

/** SAF-T PredefinedBasicID-04: "04003 Sale of goods"; a gift card is "04999 Other". */
export const SAFT_GOODS_CODE = '04003';
export const SAFT_OTHER_CODE = '04999';

export const DEFAULT_GROUPS: readonly ProductGroup[] = [
  { id: 'varer', name: 'Varer', kind: 'goods', vatRateBp: 2500, accountNumber: null, saftCode: SAFT_GOODS_CODE, active: true, sortOrder: 1 },
  { id: 'momsfri', name: 'Momsfri varer', kind: 'goods', vatRateBp: 0, accountNumber: null, saftCode: SAFT_GOODS_CODE, active: true, sortOrder: 2 },
];

export type GroupLookup = (id: string) => ProductGroup | undefined;

/** The defaults alone: for callers (tests, the reference aggregation) that have no database of groups. */
export const defaultGroupLookup: GroupLookup = (id) => DEFAULT_GROUPS.find((g) => g.id === id);

/** The group id a line belongs to: its own, else the default of its rate (undefined for a rate without one). */
export function groupIdOfLine(line: { groupId?: string | null; vatRateBp: number }): string | undefined {
  return line.groupId ?? DEFAULT_GROUP_IDS[line.vatRateBp];
}

export function isDefaultGroup(id: string): boolean {
  return Object.values(DEFAULT_GROUP_IDS).includes(id);
}

/**
 * A report's groups include one of the shop's own (or a gift card): only then do the screen, the PDF and the
 * CLI show sales per group, since for a shop without groups that table would repeat the VAT totals.
 */
export function hasOwnGroups(groups: ReadonlyArray<{ groupId: string }>): boolean {
  return groups.some((g) => !isDefaultGroup(g.groupId));
}
