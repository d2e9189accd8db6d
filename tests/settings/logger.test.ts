import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createLogger, type LogLevel } from '../../electron/log/logger';
import { redact } from '../../electron/log/log-redact';
import { useTempDirs } from './temp-dir';

const tempDir = useTempDirs('tb-log-');
const CANARY = 'CANARYtok3n9f8e7d6c5b4a';
const clock = { now: () => Date.UTC(2025, 2, 14, 9, 30) };

function fileLogger(level: LogLevel = 'debug', extra: { maxBytes?: number; maxFiles?: number } = {}) {
  const file = join(tempDir(), 'logs', 'tillbridge.log');
  const root = createLogger({ file, level, clock, ...extra });
  return { file, root, records: () => readFileSync(file, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>) };
}

/** An error shaped like an AxiosError: config and request carry the Authorization header. */
function axiosLikeError(): Error {
  return Object.assign(new Error('Request failed with status code 401'), {
    name: 'AxiosError',
    isAxiosError: true,
    code: 'ERR_BAD_REQUEST',
    config: { headers: { Authorization: `Bearer ${CANARY}` }, data: `refresh_token=${CANARY}` },
    request: { _header: `POST /connect/token\r\nAuthorization: Bearer ${CANARY}` },
    response: { status: 401, headers: { 'set-cookie': CANARY }, data: { error: 'invalid_grant', access_token: CANARY } },
  });
}

describe('logger redaction', () => {
  it('writes no trace of a token handed in through keys, nesting, arrays, text, URLs, JSON bodies and errors', () => {
    const { file, root } = fileLogger();
    const log = root.child('dinero');
    log.info('token refreshed', { accessToken: CANARY, refresh_token: CANARY, expiresAt: 1 });
    log.info('nested', { a: { b: { c: [{ clientSecret: CANARY }, { headers: { Authorization: `Bearer ${CANARY}` } }] } } });
    log.warn(`header was Bearer ${CANARY}`, { note: `sent "Authorization: bearer ${CANARY}"` });
    log.warn('form', { body: `grant_type=authorization_code&code=${CANARY}&code_verifier=${CANARY}`, code: CANARY });
    log.warn('url', { url: `https://tillbridge.example/callback?code=${CANARY}&state=abc` });
    log.error('body', { text: JSON.stringify({ access_token: CANARY, refresh_token: CANARY, token_type: 'Bearer' }) });
    log.error('jwt', { value: `eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxMjMifQ.${CANARY}` });
    log.error('basic', { header: `Basic ${Buffer.from(`isv:${CANARY}`).toString('base64')}` });
    log.error('call failed', { error: axiosLikeError(), cookie: CANARY, password: CANARY, PKCE: { code_verifier: CANARY } });
    log.error('cause chain', { error: new Error('outer', { cause: axiosLikeError() }) });
    log.error('map', { values: new Map([['idToken', CANARY]]) });
    root.close();
    const text = readFileSync(file, 'utf8');
    expect(text.split('\n').filter(Boolean)).toHaveLength(11);
    expect(text).not.toContain(CANARY);
    expect(text).not.toContain(Buffer.from(`isv:${CANARY}`).toString('base64'));
    expect(text).toContain('[redacted]');
  });

  it('keeps what is useful: tags, levels, time, harmless fields, and error name/message/code/status', () => {
    const { root, records } = fileLogger();
    root.child('transfer').child('worker').error('post failed', { reportId: 'r-1', attempt: 2, error: axiosLikeError() });
    root.close();
    const [record] = records();
    expect(record).toMatchObject({
      time: '2025-03-14T09:30:00.000Z',
      level: 'error',
      tag: 'transfer.worker',
      msg: 'post failed',
      fields: {
        reportId: 'r-1',
        attempt: 2,
        error: { name: 'AxiosError', message: 'Request failed with status code 401', code: 'ERR_BAD_REQUEST', status: 401 },
      },
    });
    const error = (record!.fields as { error: Record<string, unknown> }).error;
    expect(Object.keys(error).sort()).toEqual(['code', 'message', 'name', 'stack', 'status']);
  });

  it('filters by level', () => {
    const { root, records } = fileLogger('warn');
    const log = root.child('x');
    log.debug('d');
    log.info('i');
    log.warn('w');
    log.error('e');
    root.close();
    expect(records().map((r) => r.msg)).toEqual(['w', 'e']);
  });

  it('survives hostile fields: cycles, deep nesting, bigint, functions, buffers, throwing getters', () => {
    const lines: string[] = [];
    const log = createLogger({ level: 'debug', clock, stderr: { write: (l: string) => lines.push(l) } }).child('t');
    const cyclic: Record<string, unknown> = { name: 'loop' };
    cyclic.self = cyclic;
    let deep: Record<string, unknown> = { leaf: true };
    for (let i = 0; i < 50; i += 1) deep = { deep };
    const hostile = Object.defineProperty({}, 'boom', { enumerable: true, get: () => { throw new Error('getter'); } });
    log.info('odd', { cyclic, deep, big: 10n, fn: () => 1, buf: Buffer.from(CANARY) });
    log.info('hostile', { hostile });
    log.info('after');
    const parsed = lines.map((l) => JSON.parse(l) as { msg: string; fields?: Record<string, unknown> });
    expect(parsed[0]?.fields).toMatchObject({ cyclic: { name: 'loop', self: '[circular]' }, big: '10', buf: `[binary ${CANARY.length} bytes]` });
    expect(JSON.stringify(parsed[0])).toContain('[too deep]');
    // The hostile record is lost, the logger is not: later lines still arrive.
    expect(parsed.map((p) => p.msg)).toEqual(['odd', 'after']);
    expect(lines.join('')).not.toContain(CANARY);
  });

  it('redact() masks Bearer text inside any string and leaves ordinary values alone', () => {
    expect(redact({ msg: `got Bearer ${CANARY} back`, n: 5, ok: true, list: ['a', null] })).toEqual({
      msg: 'got Bearer [redacted] back',
      n: 5,
      ok: true,
      list: ['a', null],
    });
    expect(redact({ tokenCount: 3, code: 'x', countryCode: 'DK' })).toEqual({ tokenCount: '[redacted]', code: '[redacted]', countryCode: 'DK' });
  });
});

describe('log file rotation', () => {
  it('caps the file size and keeps at most maxFiles old files, newest first', () => {
    const { file, root } = fileLogger('debug', { maxBytes: 1_000, maxFiles: 3 });
    const log = root.child('rot');
    for (let i = 0; i < 100; i += 1) log.info(`line ${String(i).padStart(3, '0')}`, { pad: 'x'.repeat(60) });
    root.close();
    for (const name of [file, `${file}.1`, `${file}.2`, `${file}.3`]) expect(statSync(name).size).toBeLessThanOrEqual(1_000);
    expect(existsSync(`${file}.4`)).toBe(false);
    const msgs = (name: string) => readFileSync(name, 'utf8').trim().split('\n').map((l) => (JSON.parse(l) as { msg: string }).msg);
    expect(msgs(file).at(-1)).toBe('line 099');
    // Continuity across the rotated files: .1 ends right before the current file starts, and so on.
    const order = [`${file}.3`, `${file}.2`, `${file}.1`, file].flatMap(msgs);
    const numbers = order.map((m) => Number(m.slice(5)));
    expect(numbers).toEqual(numbers.map((_, i) => numbers[0]! + i));
    expect(numbers.at(-1)).toBe(99);
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('appends to an existing file across restarts and counts its size', () => {
    const { file, root } = fileLogger('debug', { maxBytes: 400, maxFiles: 1 });
    root.child('a').info('first run', { pad: 'x'.repeat(200) });
    root.close();
    const again = createLogger({ file, level: 'debug', clock, maxBytes: 400, maxFiles: 1 });
    again.child('a').info('second run', { pad: 'x'.repeat(200) });
    again.close();
    expect(readFileSync(`${file}.1`, 'utf8')).toContain('first run');
    expect(readFileSync(file, 'utf8')).toContain('second run');
  });
});
