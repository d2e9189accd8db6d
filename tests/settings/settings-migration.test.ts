import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../../shared/settings/settings.schema';
import { createConfSettingsBackend } from '../../electron/settings/settings-backend';
import { migrateStoredSettings, settingsVersioning, type SettingsVersioning } from '../../electron/settings/settings.migrations';
import { createSettingsService } from '../../electron/settings/settings.service';
import { recordingLogger } from '../support/recording-logger';
import { useTempDirs } from './temp-dir';

const tempDir = useTempDirs();
const file = (dir: string) => join(dir, 'settings.json');
const stored = (dir: string) => JSON.parse(readFileSync(file(dir), 'utf8')) as Record<string, unknown>;

// A hypothetical version 2 that moved the flat "salesAccount" into accounts.revenueAccount and renamed
// "lang" to "language": the kind of change the chain exists for, exercised through the real service.
const withVersion2: SettingsVersioning = {
  current: 2,
  migrations: [
    ...settingsVersioning.migrations.filter((m) => m.from === 0),
    {
      from: 1,
      migrate: ({ salesAccount, lang, ...rest }) => {
        const accounts = typeof rest.accounts === 'object' && rest.accounts !== null ? rest.accounts : {};
        return { ...rest, language: lang, accounts: { ...accounts, revenueAccount: salesAccount ?? null } };
      },
    },
  ],
};

describe('settings migrations', () => {
  it('an unversioned file (version 0) keeps its values and is stamped with the current version', () => {
    const dir = tempDir();
    writeFileSync(file(dir), JSON.stringify({ registerName: 'Kasse 4', dayChangeHour: 3 }));
    const service = createSettingsService(createConfSettingsBackend(dir));
    expect(service.get()).toMatchObject({ registerName: 'Kasse 4', dayChangeHour: 3 });
    expect(stored(dir)).toEqual({ settingsVersion: 6, registerName: 'Kasse 4', dayChangeHour: 3, blindCount: false, openingCount: false, shop: { name: '', address: '', cvr: '' }, takeTips: false, backupFolder: null, backupAfterClose: true });
  });

  it('version 1 → 2 adds the blind count, off, and keeps one already there', () => {
    const dir = tempDir();
    writeFileSync(file(dir), JSON.stringify({ settingsVersion: 1, registerName: 'Kasse 7' }));
    expect(createSettingsService(createConfSettingsBackend(dir)).get()).toMatchObject({ registerName: 'Kasse 7', blindCount: false });
    expect(stored(dir)).toEqual({ settingsVersion: 6, registerName: 'Kasse 7', blindCount: false, openingCount: false, shop: { name: '', address: '', cvr: '' }, takeTips: false, backupFolder: null, backupAfterClose: true });
    expect(migrateStoredSettings({ settingsVersion: 1, blindCount: true }, settingsVersioning)).toEqual({ kind: 'migrated', fromVersion: 1, raw: { settingsVersion: 6, blindCount: true, openingCount: false, shop: { name: '', address: '', cvr: '' }, takeTips: false, backupFolder: null, backupAfterClose: true } });
  });

  it('version 3 → 4 adds the shop details, empty, and keeps ones already there', () => {
    expect(migrateStoredSettings({ settingsVersion: 3 }, settingsVersioning)).toEqual({ kind: 'migrated', fromVersion: 3, raw: { settingsVersion: 6, shop: { name: '', address: '', cvr: '' }, takeTips: false, backupFolder: null, backupAfterClose: true } });
    const shop = { name: 'Kiosken', address: 'Vestergade 12, 8000 Aarhus C', cvr: '12345678' };
    expect(migrateStoredSettings({ settingsVersion: 3, shop }, settingsVersioning)).toEqual({ kind: 'migrated', fromVersion: 3, raw: { settingsVersion: 6, shop, takeTips: false, backupFolder: null, backupAfterClose: true } });
  });

  it('version 4 → 5 adds the gift card and tips accounts, unset, tips off, and keeps the accounts already chosen', () => {
    const accounts = { revenueAccount: 1000, revenueVatCode: 'U25', vatExemptRevenueAccount: null, bankAccount: 55000, cashHoldingsAccount: 58000, differencesAccount: 7380 };
    expect(migrateStoredSettings({ settingsVersion: 4, accounts }, settingsVersioning)).toEqual({
      kind: 'migrated', fromVersion: 4, raw: { settingsVersion: 6, takeTips: false, accounts: { ...accounts, giftCardAccount: null, tipsAccount: null }, backupFolder: null, backupAfterClose: true },
    });
    expect(migrateStoredSettings({ settingsVersion: 4, accounts: { ...accounts, giftCardAccount: 63080 } }, settingsVersioning)).toMatchObject({
      raw: { accounts: { giftCardAccount: 63080, tipsAccount: null } },
    });
    // Without accounts (never set up) there is nothing to add to: the defaults fill them in.
    expect(migrateStoredSettings({ settingsVersion: 4 }, settingsVersioning)).toEqual({ kind: 'migrated', fromVersion: 4, raw: { settingsVersion: 6, takeTips: false, backupFolder: null, backupAfterClose: true } });
  });

  it('version 5 → 6 adds no backup folder and backups after close, and keeps what is there', () => {
    expect(migrateStoredSettings({ settingsVersion: 5 }, settingsVersioning)).toEqual({ kind: 'migrated', fromVersion: 5, raw: { settingsVersion: 6, backupFolder: null, backupAfterClose: true } });
    expect(migrateStoredSettings({ settingsVersion: 5, backupFolder: '/media/usb', backupAfterClose: false }, settingsVersioning)).toEqual({
      kind: 'migrated', fromVersion: 5, raw: { settingsVersion: 6, backupFolder: '/media/usb', backupAfterClose: false },
    });
  });

  it('version 2 → 3 adds the opening count, off, and keeps one already there', () => {
    expect(migrateStoredSettings({ settingsVersion: 2, blindCount: true }, settingsVersioning)).toEqual({ kind: 'migrated', fromVersion: 2, raw: { settingsVersion: 6, blindCount: true, openingCount: false, shop: { name: '', address: '', cvr: '' }, takeTips: false, backupFolder: null, backupAfterClose: true } });
    expect(migrateStoredSettings({ settingsVersion: 2, openingCount: true }, settingsVersioning)).toEqual({ kind: 'migrated', fromVersion: 2, raw: { settingsVersion: 6, openingCount: true, shop: { name: '', address: '', cvr: '' }, takeTips: false, backupFolder: null, backupAfterClose: true } });
  });

  it('an older shape is lifted step by step (0 → 1 → 2), validated and written back once', () => {
    const dir = tempDir();
    writeFileSync(file(dir), JSON.stringify({ salesAccount: 1000, lang: 'en', accounts: { bankAccount: 55000 }, dineroEnabled: true }));
    const logger = recordingLogger();
    const service = createSettingsService(createConfSettingsBackend(dir), { versioning: withVersion2, logger });
    expect(service.get()).toEqual({
      ...defaultSettings,
      dineroEnabled: true,
      language: 'en',
      accounts: { ...defaultSettings.accounts, revenueAccount: 1000, bankAccount: 55000 },
    });
    expect(stored(dir)).toMatchObject({ settingsVersion: 2, language: 'en', accounts: { revenueAccount: 1000 } });
    expect(stored(dir)).not.toHaveProperty('salesAccount');
    expect(logger.lines.find((l) => l.message === 'settings migrated')?.fields).toEqual({ fromVersion: 0, toVersion: 2 });
  });

  it('a file written by a newer release is read as far as it fits, never rewritten, and changes are refused', () => {
    const dir = tempDir();
    const newer = JSON.stringify({ settingsVersion: 7, registerName: 'Kasse 5', futureOption: { x: 1 } });
    writeFileSync(file(dir), newer);
    const service = createSettingsService(createConfSettingsBackend(dir));
    expect(service.get().registerName).toBe('Kasse 5');
    expect(() => service.update({ language: 'en' })).toThrow(
      expect.objectContaining({ domain: 'settings', code: 'settings_from_newer_version' }),
    );
    expect(readFileSync(file(dir), 'utf8')).toBe(newer);
  });

  it('a migration that throws leaves the file alone and the service still starts', () => {
    const dir = tempDir();
    const original = JSON.stringify({ settingsVersion: 1, registerName: 'Kasse 6' });
    writeFileSync(file(dir), original);
    const broken: SettingsVersioning = {
      current: 2,
      migrations: [{ from: 1, migrate: () => { throw new TypeError('bug'); } }],
    };
    const logger = recordingLogger();
    const service = createSettingsService(createConfSettingsBackend(dir), { versioning: broken, logger });
    expect(service.get().registerName).toBe('Kasse 6');
    expect(readFileSync(file(dir), 'utf8')).toBe(original);
    expect(logger.lines.some((l) => l.level === 'error' && String(l.fields?.reason).includes('threw TypeError'))).toBe(true);
  });

  it('migrateStoredSettings reports a gap in the chain and treats a malformed version as 0', () => {
    const gap: SettingsVersioning = { current: 3, migrations: [{ from: 0, migrate: (r) => r }] };
    expect(migrateStoredSettings({ settingsVersion: 1 }, gap)).toMatchObject({ kind: 'failed', reason: 'no migration from version 1' });
    expect(migrateStoredSettings({ settingsVersion: 'one', a: 1 }, settingsVersioning)).toEqual({
      kind: 'migrated',
      fromVersion: 0,
      raw: { settingsVersion: 6, a: 1, blindCount: false, openingCount: false, shop: { name: '', address: '', cvr: '' }, takeTips: false, backupFolder: null, backupAfterClose: true },
    });
    expect(migrateStoredSettings({ settingsVersion: 6 }, settingsVersioning).kind).toBe('current');
  });
});
