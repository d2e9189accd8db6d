// [2.3] item 7: a database that cannot be opened, fails SQLite's integrity check or is too new stops the start
// with a clear message (what happened, that the file was not changed, what to do) in the UI's start-up box, the
// browser shell's command and the CLI; never a stack trace, and the file is left exactly as it was found.
import { createHash } from 'node:crypto';
import { closeSync, existsSync, openSync, readFileSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isCodedError } from '../../shared/coded-error';
import { openTillDatabase } from '../../electron/db/connection';
import { DatabaseTooNewError } from '../../electron/db/migrations/migrate';
import { createTillService } from '../../electron/till/till.service';
import { runTillCli } from '../../electron/cli/cli-main';
import { startupFailureMessage } from '../../electron/shell/startup-failure';
import { closeRequest, line, manualClock, sale, sequentialIds, tempDir } from '../support/db-fixtures';

const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

function garbageFile(): string {
  const dir = tempDir();
  const file = join(dir, 'till.sqlite');
  writeFileSync(file, Buffer.from(Array.from({ length: 8192 }, (_, i) => (i * 7919) % 251)));
  return file;
}

/** A real till database with a day in it, then one of its table pages overwritten (a failing disk). */
function damagedFile(): string {
  const dir = tempDir();
  const file = join(dir, 'till.sqlite');
  const clock = manualClock();
  const db = openTillDatabase(file, { clock });
  const service = createTillService({ db, clock, ids: sequentialIds() });
  for (let i = 0; i < 200; i += 1) service.recordSale('register-1', sale([line('10.00', 1, 2500, `Vare nummer ${i} med en lang tekst`)], ['dankort', '10.00']));
  service.closeDay(closeRequest());
  db.close(); // checkpoints the WAL into the file and removes it
  const pageSize = 4096;
  const fd = openSync(file, 'r+');
  const pages = Math.floor(readFileSync(file).length / pageSize);
  writeSync(fd, Buffer.alloc(pageSize, 0x5a), 0, pageSize, (pages - 2) * pageSize);
  closeSync(fd);
  return file;
}

function tooNewFile(): string {
  const dir = tempDir();
  const file = join(dir, 'till.sqlite');
  const db = openTillDatabase(file);
  db.pragma('user_version = 999');
  db.close();
  return file;
}

function refusal(file: string): unknown {
  try {
    openTillDatabase(file).close();
  } catch (error) {
    return error;
  }
  throw new Error('the database opened');
}

describe('opening a database that cannot be used', () => {
  it('refuses a file that is not a database, as unreadable, and leaves it untouched', () => {
    const file = garbageFile();
    const before = sha(file);
    const error = refusal(file);
    expect(isCodedError(error, 'data') && error.code).toBe('database_unreadable');
    expect(sha(file)).toBe(before);
    expect(existsSync(`${file}-wal`) || existsSync(`${file}-shm`)).toBe(false);
  });

  it('refuses a damaged database, as corrupt, before anything could write to it', () => {
    const file = damagedFile();
    const before = sha(file);
    const error = refusal(file);
    expect(isCodedError(error, 'data') && error.code).toBe('database_corrupt');
    expect(sha(file)).toBe(before);
  });

  it('refuses a database from a newer TillBridge, untouched', () => {
    const file = tooNewFile();
    const before = sha(file);
    expect(refusal(file)).toBeInstanceOf(DatabaseTooNewError);
    expect(sha(file)).toBe(before);
  });

  it('the start-up box says what happened, that nothing changed and what to do, in Danish and English, without a stack', () => {
    const cases = [
      [refusal(garbageFile()), /ikke en database/, /not a database/],
      [refusal(damagedFile()), /beskadiget/, /damaged/],
      [refusal(tooNewFile()), /nyere TillBridge \(skema 999; denne version forstår op til \d+\)/, /newer TillBridge \(schema 999/],
    ] as const;
    for (const [error, da, en] of cases) {
      const message = startupFailureMessage(error, '/data/logs/tillbridge.log');
      expect(message.title).toBe('TillBridge kan ikke starte · TillBridge cannot start');
      expect(message.body).toMatch(da);
      expect(message.body).toMatch(en);
      expect(message.body).toContain('Filen er ikke ændret');
      expect(message.body).toContain('The file was not changed');
      expect(message.body).not.toMatch(/\n\s+at |SqliteError|\.ts:\d+/);
    }
  });

  it('the CLI prints one clear line and exits 1, in the language asked for; the file is untouched', () => {
    const file = damagedFile();
    const dataDir = join(file, '..');
    const before = sha(file);
    for (const [lang, expected] of [['da', /^Fejl: Kassens database \(.+till\.sqlite\) er beskadiget/], ['en', /^Error: The till's database \(.+till\.sqlite\) is damaged/]] as const) {
      const err: string[] = [];
      const code = runTillCli(['report', '--data-dir', dataDir, '--lang', lang], { out: () => {}, err: (l) => err.push(l) });
      expect(code).toBe(1);
      expect(err).toHaveLength(1);
      expect(err[0]).toMatch(expected);
      expect(err[0]).not.toMatch(/\n\s+at |SqliteError/);
    }
    expect(sha(file)).toBe(before);
  });
});
