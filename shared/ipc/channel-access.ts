// Who may use each channel once cashiers are set up (with none set up, everyone may use every channel, as
// before cashiers existed). Main checks this before any handler runs; the renderer hides what the one at the
// till may not use, but the check here is what holds.
//
// - open: needed to show the sign-in screen and the status bar (and the language), or harmless to read.
// - signed_in: the till's work: any cashier who signed in with their PIN.
// - owner: the settings (Dinero, accounts, payment types, product groups, articles, cashiers).
import type { ChannelName } from './contract';

export type ChannelAccess = 'open' | 'signed_in' | 'owner';

export const CHANNEL_ACCESS: { readonly [C in ChannelName]: ChannelAccess } = {
  'app.info': 'open',
  'app.startup': 'open',
  'app.updateStatus': 'open',
  'support.createFile': 'signed_in',
  'settings.get': 'open',
  // The language alone is open (see accessFor); every other setting is the owner's.
  'settings.update': 'owner',
  'paymentTypes.list': 'signed_in',
  'paymentTypes.create': 'owner',
  'paymentTypes.update': 'owner',
  'groups.list': 'signed_in',
  'groups.create': 'owner',
  'groups.update': 'owner',
  'articles.list': 'signed_in',
  'articles.byEan': 'signed_in',
  'articles.create': 'owner',
  'articles.update': 'owner',
  'articles.remove': 'owner',
  'articles.import': 'owner',
  'accounts.chart': 'owner',
  'orgs.list': 'owner',
  'orgs.choose': 'owner',
  'auth.startLogin': 'owner',
  'auth.loginStatus': 'owner',
  'auth.cancelLogin': 'owner',
  'auth.logout': 'owner',
  'auth.status': 'open',
  'cashiers.session': 'open',
  'cashiers.list': 'open',
  'cashiers.create': 'owner',
  'cashiers.update': 'owner',
  'cashiers.signIn': 'open',
  'cashiers.signOut': 'open',
  'sales.record': 'signed_in',
  // Whether the till is in training mode shows on every screen, the sign-in screen too. Turning it on is the
  // owner's (a cashier must not be able to make real sales into training sales); anyone at the till ends it.
  'training.status': 'open',
  'training.start': 'owner',
  'training.stop': 'signed_in',
  'sales.recent': 'signed_in',
  'sales.byNumber': 'signed_in',
  'sales.void': 'signed_in',
  'sales.refund': 'signed_in',
  'cashMovements.record': 'signed_in',
  'cashMovements.open': 'signed_in',
  'cashMovements.undo': 'signed_in',
  'reports.openPeriod': 'signed_in',
  'reports.countOpening': 'signed_in',
  'reports.close': 'signed_in',
  'reports.list': 'signed_in',
  'reports.get': 'signed_in',
  // The whole history's figures in a file: the owner's, for the accountant.
  'reports.export': 'owner',
  'reports.pdf': 'signed_in',
  'reports.xReport': 'signed_in',
  // The journal's state shows in the status bar: open. The certificate, the export and the backups are the owner's.
  'journal.status': 'open',
  'journal.installCertificate': 'owner',
  'journal.verify': 'owner',
  'saft.export': 'owner',
  'backups.list': 'owner',
  'backups.run': 'owner',
  'backups.restore': 'owner',
  'reports.correctCount': 'signed_in',
  'transfer.preview': 'signed_in',
  'transfer.retransfer': 'signed_in',
  'transfer.reverseAndRepost': 'signed_in',
  'transfer.answer': 'signed_in',
  'sync.status': 'open',
  'sync.retryNow': 'signed_in',
  'sync.setOnline': 'open',
};

/** Settings anyone at the till may change, also on the sign-in screen. */
const CASHIER_SETTINGS: ReadonlySet<string> = new Set(['language']);

/** The access a call needs, given its parsed input (a settings patch of only the language is anyone's). */
export function accessFor(channel: ChannelName, input: unknown): ChannelAccess {
  if (channel === 'settings.update' && typeof input === 'object' && input !== null) {
    const keys = Object.keys(input);
    if (keys.length > 0 && keys.every((k) => CASHIER_SETTINGS.has(k))) return 'open';
  }
  return CHANNEL_ACCESS[channel];
}
