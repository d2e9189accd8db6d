// Alternative behaviours: one switch for each place where real Dinero might answer differently from the
// sandbox's default guess (dinero-api.md §11, docs/SANDBOX.md). Unlike faults, which hit the next N requests,
// a quirk stays on until it is switched off, so a test or a demo can run a whole scenario against "a Dinero
// that behaves this way". Switching them never touches the stored ledger.
export const QUIRK_NAMES = [
  /** ledgeritems/status lists only items sent to booking: a draft (or unknown Id) is left out of the answer. */
  'statusOnlyBooked',
  /** ledgeritems/status and ledgeritems/ledgers are answered by a proxy's 404 HTML page. */
  'proxy404Html',
  /** ledgeritems/status answers `200 []` whatever is asked. */
  'statusEmptyList',
  /** A create ignores the client's Id: the item is stored under an Id Dinero picks, and that Id is answered. */
  'createOtherId',
  /** A create of an Id that is NOT there answers 409 Duplicated entity (and stores nothing). */
  'conflictForAbsent',
  /** PUT ledgeritems applies the update and answers 200 with an empty body. */
  'putEmptyBody',
  /** GET vatTypes answers `VatRate: null`. */
  'nullVatRate',
  /** ledgeritems/status answers `Version: null`. */
  'nullVersion',
  /** ledgeritems/status answers a Status value nobody documented ("Approved") for drafts. */
  'unknownStatus',
] as const;

export type QuirkName = (typeof QUIRK_NAMES)[number];
export type QuirkSettings = Partial<Record<QuirkName, boolean>>;

export class Quirks {
  private readonly on = new Set<QuirkName>();

  constructor(initial: QuirkSettings = {}) {
    this.set(initial);
  }

  has(name: QuirkName): boolean {
    return this.on.has(name);
  }

  /** Switches the named quirks on (true) or off (false); names not given keep their setting. */
  set(settings: QuirkSettings): void {
    for (const [name, value] of Object.entries(settings)) {
      if (!(QUIRK_NAMES as readonly string[]).includes(name)) throw new Error(`Unknown quirk: ${name}`);
      if (value) this.on.add(name as QuirkName);
      else this.on.delete(name as QuirkName);
    }
  }

  clear(): void {
    this.on.clear();
  }

  list(): QuirkName[] {
    return QUIRK_NAMES.filter((n) => this.on.has(n));
  }
}
