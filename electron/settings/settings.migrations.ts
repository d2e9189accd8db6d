// Stored settings carry `settingsVersion` so a later release can change their shape safely: each migration
// lifts the raw object by one version, before validation. A file from a newer release is left untouched.
import type { StoredSettingsRecord } from './settings-backend';

export const VERSION_KEY = 'settingsVersion';

export interface SettingsMigration {
  /** Lifts a raw object of version `from` to `from + 1`. Must not throw on odd input; return it as best it can. */
  from: number;
  migrate(raw: StoredSettingsRecord): StoredSettingsRecord;
}

export interface SettingsVersioning {
  current: number;
  migrations: readonly SettingsMigration[];
}

export const settingsVersioning: SettingsVersioning = {
  current: 6,
  migrations: [
    // Version 0 = a file without the version key (development builds before versioning existed). Its keys
    // already have today's names, so only the stamp is new.
    { from: 0, migrate: (raw) => ({ ...raw }) },
    // 2 ([2.4]): blind count, off unless the owner switches it on.
    { from: 1, migrate: (raw) => ({ ...raw, blindCount: typeof raw.blindCount === 'boolean' ? raw.blindCount : false }) },
    // 3 ([2.4]): the day opened with a count of the float, off unless the owner switches it on.
    { from: 2, migrate: (raw) => ({ ...raw, openingCount: typeof raw.openingCount === 'boolean' ? raw.openingCount : false }) },
    // 4 ([2.4]): the shop's name, address and CVR for the printouts, empty until the owner gives them.
    { from: 3, migrate: (raw) => ({ ...raw, shop: isRecord(raw.shop) ? raw.shop : { name: '', address: '', cvr: '' } }) },
    // 5 ([2.5]): the gift card and tips accounts, unset until the owner chooses them (needed only once used), and
    // tips in the register, off unless the owner switches them on.
    {
      from: 4,
      migrate: (raw) => {
        const tips = { takeTips: typeof raw.takeTips === 'boolean' ? raw.takeTips : false };
        if (!isRecord(raw.accounts)) return { ...raw, ...tips };
        const accounts = raw.accounts;
        return { ...raw, ...tips, accounts: { ...accounts, giftCardAccount: accounts.giftCardAccount ?? null, tipsAccount: accounts.tipsAccount ?? null } };
      },
    },
    // 6 ([2.6]): no backup folder until the owner chooses one; then a backup after every close unless switched off.
    {
      from: 5,
      migrate: (raw) => ({
        ...raw,
        backupFolder: typeof raw.backupFolder === 'string' ? raw.backupFolder : null,
        backupAfterClose: typeof raw.backupAfterClose === 'boolean' ? raw.backupAfterClose : true,
      }),
    },
  ],
};

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

export type MigrationOutcome =
  | { kind: 'current'; raw: StoredSettingsRecord }
  | { kind: 'migrated'; raw: StoredSettingsRecord; fromVersion: number }
  | { kind: 'newer'; raw: StoredSettingsRecord; version: number }
  | { kind: 'failed'; raw: StoredSettingsRecord; fromVersion: number; reason: string };

/** A missing or malformed version counts as 0: the oldest shape, which every migration chain starts from. */
export function storedVersion(raw: StoredSettingsRecord): number {
  const value = raw[VERSION_KEY];
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : 0;
}

export function migrateStoredSettings(raw: StoredSettingsRecord, versioning: SettingsVersioning): MigrationOutcome {
  const start = storedVersion(raw);
  if (start === versioning.current) return { kind: 'current', raw };
  if (start > versioning.current) return { kind: 'newer', raw, version: start };
  let next: StoredSettingsRecord = raw;
  for (let version = start; version < versioning.current; version += 1) {
    const step = versioning.migrations.find((m) => m.from === version);
    if (!step) return { kind: 'failed', raw, fromVersion: start, reason: `no migration from version ${version}` };
    try {
      next = { ...step.migrate(next), [VERSION_KEY]: version + 1 };
    } catch (error) {
      const name = error instanceof Error ? error.name : 'unknown';
      return { kind: 'failed', raw, fromVersion: start, reason: `migration from version ${version} threw ${name}` };
    }
  }
  return { kind: 'migrated', raw: next, fromVersion: start };
}
