// Dinero's documented item statuses in words; any other value is shown as Dinero sent it.
import type { T } from '../i18n/i18n';

const KNOWN_DINERO_STATUS = new Set(['Draft', 'PendingBooking', 'Booked']);

export function dineroStatusText(t: T, status: string): string {
  return KNOWN_DINERO_STATUS.has(status) ? t(`transfer.dinero.${status as 'Draft' | 'PendingBooking' | 'Booked'}`) : status;
}
