// The kassekladde of one org: lookups, opaque versions, lazy booking progress and the accountant's view.
import type { LedgerItemView } from './sandbox.types';
import type { LedgerItemRecord, OrgState } from './sandbox.state';

/** Dinero's ledger holds at most this many items awaiting booking (PHP-ONCLOUD docblock). */
export const LEDGER_CAPACITY = 1000;

/** Opaque like Dinero's (a base64 row version); a per-org counter makes every update change it. */
export function nextVersion(org: OrgState): string {
  org.versionCounter += 1;
  const bytes = Buffer.alloc(8);
  bytes.writeBigUInt64BE(BigInt(org.versionCounter));
  return bytes.toString('base64');
}

/** GUIDs compare case-insensitively, as in .NET. */
export function normalizeId(id: string): string {
  return id.toLowerCase();
}

export function findItem(org: OrgState, id: string): LedgerItemRecord | undefined {
  const wanted = normalizeId(id);
  return org.items.find((i) => i.id === wanted);
}

/** Items still in the kassekladde (booked ones have left it and count as entries). */
export function unbookedCount(org: OrgState): number {
  return org.items.filter((i) => i.status !== 'Booked').length;
}

export function markBooked(org: OrgState, item: LedgerItemRecord, now: number): void {
  item.status = 'Booked';
  item.voucherNumber = org.nextVoucherNumber;
  org.nextVoucherNumber += 1;
  item.version = nextVersion(org);
  item.bookedAt = now;
  item.updatedAt = now;
}

/**
 * Booking is asynchronous in Dinero. The sandbox has no timers: whenever the org is read, items whose
 * booking delay has passed on the clock become Booked, in the order they were sent to booking.
 * Returns whether anything changed (so the caller persists).
 */
export function settleBookings(org: OrgState, now: number, delayMs: number): boolean {
  const due = org.items
    .filter((i) => i.status === 'PendingBooking' && i.bookRequestedAt !== null && i.bookRequestedAt + delayMs <= now)
    .sort((a, b) => a.bookRequestedAt! - b.bookRequestedAt!);
  for (const item of due) markBooked(org, item, now);
  return due.length > 0;
}

export function toView(org: OrgState, item: LedgerItemRecord): LedgerItemView {
  const nameOf = (n: number | null) => (n === null ? null : org.accounts.find((a) => a.AccountNumber === n)?.Name ?? null);
  return {
    id: item.id, version: item.version, status: item.status, voucherNumber: item.voucherNumber,
    voucherDate: item.voucherDate, fileGuid: item.fileGuid, createdAt: item.createdAt, updatedAt: item.updatedAt,
    lines: item.lines.map((l) => ({
      id: l.id, description: l.description, amount: l.amount,
      accountNumber: l.accountNumber, accountName: nameOf(l.accountNumber), accountVatCode: l.accountVatCode,
      balancingAccountNumber: l.balancingAccountNumber, balancingAccountName: nameOf(l.balancingAccountNumber),
      balancingAccountVatCode: l.balancingAccountVatCode,
    })),
  };
}

/** The full LedgerItem as the API returns it (PascalCase; casing is applied later). */
export function toApiItem(item: LedgerItemRecord): Record<string, unknown> {
  return {
    Id: item.id, Version: item.version, VoucherNumber: item.voucherNumber, VoucherDate: item.voucherDate,
    FileGuid: item.fileGuid, Status: item.status,
    Lines: item.lines.map((l) => ({
      Id: l.id, Description: l.description, Amount: l.amount, AccountNumber: l.accountNumber,
      AccountVatCode: l.accountVatCode, BalancingAccountNumber: l.balancingAccountNumber,
      BalancingAccountVatCode: l.balancingAccountVatCode,
    })),
  };
}
