import { readFileSync, statSync, writeFileSync, existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import Conf from 'conf';
import { describe, expect, it } from 'vitest';
import { defaultSettings, type Settings } from '../../shared/settings/settings.schema';
import { createConfSettingsBackend } from '../../electron/settings/settings-backend';
import { createSettingsService, type SettingsError } from '../../electron/settings/settings.service';
import { CodedError } from '../../shared/coded-error';
import { recordingLogger } from '../support/recording-logger';
import { useTempDirs } from './temp-dir';

const tempDir = useTempDirs();

function settingsFile(dir: string): string {
  return join(dir, 'settings.json');
}

function readStored(dir: string): Record<string, unknown> {
  return JSON.parse(readFileSync(settingsFile(dir), 'utf8')) as Record<string, unknown>;
}

function open(dir: string, logger = recordingLogger()) {
  return createSettingsService(createConfSettingsBackend(dir, { logger }), { logger });
}

function expectSettingsError(run: () => unknown): SettingsError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(CodedError);
    expect((error as CodedError).domain).toBe('settings');
    return error as SettingsError;
  }
  throw new Error('expected a SettingsError');
}

describe('settings service on a real conf file', () => {
  it('starts with the defaults and writes nothing until something changes', () => {
    const dir = tempDir();
    const service = open(dir);
    expect(service.get()).toEqual(defaultSettings);
    expect(existsSync(settingsFile(dir))).toBe(false);
  });

  it('get() hands out copies: mutating one does not change the service', () => {
    const service = open(tempDir());
    const copy = service.get();
    copy.accounts.revenueAccount = 1234;
    expect(service.get().accounts.revenueAccount).toBeNull();
  });

  it('saves a valid deep patch, keeps the other fields, stamps the version and survives a reopen', () => {
    const dir = tempDir();
    const service = open(dir);
    const next = service.update({ dineroEnabled: true, accounts: { revenueAccount: 1000, bankAccount: 55000 } });
    expect(next.accounts).toEqual({ ...defaultSettings.accounts, revenueAccount: 1000, bankAccount: 55000 });
    expect(next.registerName).toBe('Kasse 1');
    expect(readStored(dir)).toMatchObject({ settingsVersion: 6, dineroEnabled: true, accounts: { revenueAccount: 1000 } });
    // A second process (next start) reads the same values back.
    expect(open(dir).get()).toEqual(next);
  });

  it('keeps the file private to the user (0600)', () => {
    const dir = tempDir();
    open(dir).update({ language: 'en' });
    expect(statSync(settingsFile(dir)).mode & 0o777).toBe(0o600);
  });

  it('rejects an invalid patch with every bad field path and writes nothing', () => {
    const dir = tempDir();
    const service = open(dir);
    service.update({ registerName: 'Kasse 2' });
    const before = readFileSync(settingsFile(dir), 'utf8');
    const error = expectSettingsError(() =>
      service.update({ dayChangeHour: 24, accounts: { revenueVatCode: 'u25', cashHoldingsAccount: -5 }, registerName: 'Ny kasse' }),
    );
    expect(error.code).toBe('invalid_settings');
    expect(error.details.issues.map((i) => i.path).sort()).toEqual(['accounts.cashHoldingsAccount', 'accounts.revenueVatCode', 'dayChangeHour']);
    expect(error.message).toContain('dayChangeHour');
    expect(readFileSync(settingsFile(dir), 'utf8')).toBe(before);
    // The valid part of the rejected patch was not applied either.
    expect(service.get().registerName).toBe('Kasse 2');
  });

  it('[2.4] keeps the shop for the printouts; a CVR that is not eight digits is refused and nothing is written', () => {
    const dir = tempDir();
    const service = open(dir);
    const shop = { name: 'Kiosken på Hjørnet', address: 'Vestergade 12, 8000 Aarhus C', cvr: '12345678' };
    expect(service.update({ shop }).shop).toEqual(shop);
    const before = readFileSync(settingsFile(dir), 'utf8');
    for (const cvr of ['1234567', '123456789', '1234567a', ' 12345678']) {
      const error = expectSettingsError(() => service.update({ shop: { ...shop, cvr } }));
      expect(error.details.issues.map((i) => i.path)).toEqual(['shop.cvr']);
    }
    expect(expectSettingsError(() => service.update({ shop: { ...shop, name: 'x'.repeat(81) } })).details.issues.map((i) => i.path)).toEqual(['shop.name']);
    expect(readFileSync(settingsFile(dir), 'utf8')).toBe(before);
    expect(service.update({ shop: { name: '', address: '', cvr: '' } }).shop.cvr).toBe('');
  });

  it('rejects unknown keys and wrong-typed values instead of dropping them silently', () => {
    const dir = tempDir();
    const service = open(dir);
    const unknown = expectSettingsError(() => service.update({ accounts: { salesAccount: 1000 } } as never));
    expect(unknown.details.issues).toEqual([{ path: 'accounts.salesAccount', message: 'Unknown setting' }]);
    const wrongType = expectSettingsError(() => service.update({ accounts: 'none' } as never));
    expect(wrongType.details.issues.map((i) => i.path)).toEqual(['accounts']);
    const notObject = expectSettingsError(() => service.update(null as never));
    expect(notObject.code).toBe('invalid_settings');
    expect(existsSync(settingsFile(dir))).toBe(false);
  });

  it('a JSON __proto__ key in a patch is refused and changes nothing', () => {
    const service = open(tempDir());
    const patch = JSON.parse('{"__proto__": {"dineroEnabled": true}}') as Partial<Settings>;
    expect(() => service.update(patch)).toThrow(CodedError);
    expect(service.get().dineroEnabled).toBe(false);
    expect(({} as Record<string, unknown>).dineroEnabled).toBeUndefined();
  });

  it('notifies listeners after a change (not after a no-op or a rejected one) and lets them unsubscribe', () => {
    const service = open(tempDir());
    const seen: Array<[number, number]> = [];
    const stop = service.onChange((next, previous) => seen.push([next.dayChangeHour, previous.dayChangeHour]));
    service.update({ dayChangeHour: 5 });
    service.update({ dayChangeHour: 5 });
    expect(() => service.update({ dayChangeHour: -1 })).toThrow(CodedError);
    stop();
    service.update({ dayChangeHour: 6 });
    expect(seen).toEqual([[5, 4]]);
  });

  it('a listener that throws does not undo the change or stop other listeners', () => {
    const logger = recordingLogger();
    const service = open(tempDir(), logger);
    let second = 0;
    service.onChange(() => {
      throw new Error('listener bug');
    });
    service.onChange(() => (second += 1));
    expect(service.update({ language: 'en' }).language).toBe('en');
    expect(second).toBe(1);
    expect(logger.lines.some((l) => l.level === 'error' && l.message.includes('listener'))).toBe(true);
  });

  it('a failing write is a settings_write_failed error and the in-memory settings stay as they were', () => {
    const backend = {
      get store(): Record<string, unknown> {
        return {};
      },
      set store(_value: Record<string, unknown>) {
        throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
      },
    };
    const service = createSettingsService(backend);
    const error = expectSettingsError(() => service.update({ language: 'en' }));
    expect(error.code).toBe('settings_write_failed');
    expect(service.get().language).toBe('da');
  });
});

describe('settings service with damaged stored values', () => {
  it('replaces only the invalid fields by their defaults and logs their paths, not their values', () => {
    const dir = tempDir();
    const stored = {
      settingsVersion: 1,
      dineroEnabled: 'yes',
      organizationId: 4242,
      organizationName: 'Bageriet ApS',
      accounts: { revenueAccount: 1000, revenueVatCode: 'VAT-25%', bankAccount: 55000.5, cashHoldingsAccount: 58000 },
      registerId: 'register-1',
      registerName: 'Kasse 7',
      dayChangeHour: 99,
      language: 'fr',
      attachReportPdf: false,
    };
    writeFileSync(settingsFile(dir), JSON.stringify(stored));
    const logger = recordingLogger();
    const settings = open(dir, logger).get();
    expect(settings).toEqual({
      ...defaultSettings,
      organizationId: 4242,
      organizationName: 'Bageriet ApS',
      accounts: { ...defaultSettings.accounts, revenueAccount: 1000, cashHoldingsAccount: 58000 },
      registerName: 'Kasse 7',
      attachReportPdf: false,
    });
    const warning = logger.lines.find((l) => l.message.includes('replaced by defaults'));
    expect((warning?.fields?.fields as string[]).sort()).toEqual(
      ['accounts.bankAccount', 'accounts.revenueVatCode', 'dayChangeHour', 'dineroEnabled', 'language'],
    );
    expect(logger.text()).not.toContain('VAT-25%');
  });

  it('a whole group of the wrong type falls back as a group', () => {
    const dir = tempDir();
    writeFileSync(settingsFile(dir), JSON.stringify({ settingsVersion: 1, accounts: [1, 2, 3], registerName: 'Kasse 3' }));
    const settings = open(dir).get();
    expect(settings.accounts).toEqual(defaultSettings.accounts);
    expect(settings.registerName).toBe('Kasse 3');
  });

  it('a file that is not JSON is moved aside, the app starts with defaults and the next save works', () => {
    const dir = tempDir();
    writeFileSync(settingsFile(dir), '{"dineroEnabled": tru');
    const logger = recordingLogger();
    const service = createSettingsService(createConfSettingsBackend(dir, { logger, clock: { now: () => 1_700_000_000_000 } }), { logger });
    expect(service.get()).toEqual(defaultSettings);
    expect(readFileSync(join(dir, 'settings.corrupt-1700000000000.json'), 'utf8')).toBe('{"dineroEnabled": tru');
    expect(logger.lines.some((l) => l.level === 'error')).toBe(true);
    service.update({ registerName: 'Kasse 9' });
    expect(open(dir).get().registerName).toBe('Kasse 9');
  });

  it('a backend whose read throws gives defaults instead of crashing', () => {
    const backend = {
      get store(): Record<string, unknown> {
        throw new SyntaxError('Unexpected end of JSON input');
      },
      set store(_value: Record<string, unknown>) {},
    };
    const logger = recordingLogger();
    expect(createSettingsService(backend, { logger }).get()).toEqual(defaultSettings);
    expect(logger.lines.map((l) => l.message)).toContain('settings store unreadable; using defaults');
  });

  it('works with a conf instance handed in directly (the Pick<Conf> shape electron-store also has)', () => {
    const dir = tempDir();
    const conf = new Conf<Record<string, unknown>>({ cwd: dir, configName: 'direct', projectName: 'tillbridge' });
    createSettingsService(conf).update({ language: 'en' });
    expect(conf.get('language')).toBe('en');
    expect(readdirSync(dir)).toEqual(['direct.json']);
  });
});
