// The dispatcher on its own with stand-in handlers: every kind of service error becomes its reply code,
// an unexpected error or an answer that breaks the contract becomes 'internal' (logged, nothing secret in
// the reply), and nothing runs once the core is stopping.
import { describe, expect, it } from 'vitest';
import { createDispatcher } from '../../electron/app/dispatch';
import type { Handlers } from '../../electron/app/handlers/handler.types';
import { vaultError } from '../../electron/auth/token-cipher';
import { dataError } from '../../electron/db/data-error';
import { DineroApiError } from '../../electron/dinero/client/dinero-api.error';
import { settingsError } from '../../electron/settings/settings.service';
import { CHANNEL_NAMES } from '../../shared/ipc/contract';
import { ERROR_CODES } from '../../shared/ipc/error-codes';
import { tillError } from '../../shared/till/till-error';
import { recordingLogger } from '../support/recording-logger';

function dispatcherThrowing(error: unknown, closed = false) {
  const logger = recordingLogger();
  let calls = 0;
  const handlers = Object.fromEntries(CHANNEL_NAMES.map((c) => [c, () => {
    calls += 1;
    throw error;
  }])) as unknown as Handlers;
  return { dispatch: createDispatcher(handlers, logger, () => closed), logger, calls: () => calls };
}

describe('dispatch error mapping', () => {
  it.each([
    [tillError('payment_mismatch', 'Payments do not cover the total'), 'till_payment_mismatch'],
    [dataError('not_found', 'Unknown payment type'), 'not_found'],
    [dataError('conflict', 'Another payment type already has that name'), 'payment_type_name_taken'],
    [settingsError('invalid_settings', 'Invalid settings', [{ path: 'registerName', message: 'too long' }]), 'settings_invalid'],
    [settingsError('settings_from_newer_version', 'newer'), 'settings_newer_version'],
    [settingsError('settings_write_failed', 'disk full'), 'settings_write_failed'],
    [new DineroApiError('offline', 'unreachable'), 'dinero_offline'],
    [new DineroApiError('timeout', 'slow'), 'dinero_offline'],
    [new DineroApiError('reconnect_needed', 'log in again'), 'dinero_reconnect_needed'],
    [new DineroApiError('no_pro', 'no Pro'), 'dinero_no_pro'],
    [new DineroApiError('forbidden', 'no access'), 'dinero_no_access'],
    [new DineroApiError('validation', 'refused', { fieldErrors: { 'Lines[0].AccountNumber': 'Konto findes ikke' } }), 'dinero_validation'],
    [new DineroApiError('rate_limited', 'slow down', { retryAfterMs: 30_000 }), 'dinero_rate_limited'],
    [new DineroApiError('server', '500'), 'dinero_unavailable'],
    [vaultError('secure_storage_unavailable', 'no keyring'), 'secure_storage_unavailable'],
  ])('%s → %s', async (error, code) => {
    const { dispatch } = dispatcherThrowing(error);
    const reply = await dispatch('settings.get', {});
    expect(reply).toMatchObject({ ok: false, error: { code, message: (error as Error).message } });
    expect(ERROR_CODES).toContain(code);
  });

  it('keeps Dinero\'s own words and the issues as details', async () => {
    const dinero = await dispatcherThrowing(new DineroApiError('validation', 'refused', { fieldErrors: { a: 'Konto findes ikke' } })).dispatch('orgs.list', {});
    expect(dinero).toMatchObject({ ok: false, error: { details: { messages: ['Konto findes ikke'] } } });
    const settings = await dispatcherThrowing(settingsError('invalid_settings', 'x', [{ path: 'language', message: 'bad' }])).dispatch('settings.get', {});
    expect(settings).toMatchObject({ ok: false, error: { details: { issues: [{ path: 'language', message: 'bad' }] } } });
  });

  it('an unexpected error is internal: logged with the channel, the reply says nothing of it', async () => {
    const { dispatch, logger } = dispatcherThrowing(new Error('ECONNRESET while writing /secret/path'));
    const reply = await dispatch('reports.openPeriod', {});
    expect(reply).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(JSON.stringify(reply)).not.toContain('/secret/path');
    expect(logger.lines).toEqual([expect.objectContaining({ level: 'error', fields: expect.objectContaining({ channel: 'reports.openPeriod' }) })]);
    // A thrown non-Error value too.
    expect(await dispatcherThrowing('a string').dispatch('settings.get', {})).toMatchObject({ ok: false, error: { code: 'internal' } });
  });

  it('an answer that breaks the output schema is internal and logged with the failing paths', async () => {
    const logger = recordingLogger();
    const handlers = { 'app.info': () => ({ version: 1, sandbox: 'yes', language: 'da', shell: 'browser' }) } as unknown as Handlers;
    const reply = await createDispatcher(handlers, logger, () => false)('app.info', {});
    expect(reply).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(logger.text()).toContain('does not match the contract');
    expect(logger.text()).toContain('version');
  });

  it('the reply value is the contract\'s shape: fields the contract does not name are dropped', async () => {
    const handlers = { 'app.info': () => ({ version: '1', sandbox: true, language: 'da', shell: 'browser', internalPath: '/home/x' }) } as unknown as Handlers;
    const reply = await createDispatcher(handlers, recordingLogger(), () => false)('app.info', {});
    expect(reply).toEqual({ ok: true, value: { version: '1', sandbox: true, language: 'da', shell: 'browser' } });
  });

  it('runs no handler once the core is stopping, and still never throws', async () => {
    const { dispatch, calls } = dispatcherThrowing(new Error('should not run'), true);
    expect(await dispatch('settings.get', {})).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(calls()).toBe(0);
    expect(await dispatch(undefined as unknown as string, {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});
