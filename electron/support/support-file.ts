// The support file ([2.7] item 4): one zip a shop sends when it calls for help, with what a supporter must
// see and nothing that opens a door: the logs, the settings, the versions, the database's health summary and
// the last rows of the attempt log. Never a token, a key, a PIN hash or the client secret: settings keys that
// name such things are dropped, every text goes through the log's masks, and any secret the caller knows (the
// client secret, the current tokens) is searched for in the finished entries and cut out before writing.
// The token vault (secrets/) is never read.
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { arch, platform, release } from 'node:os';
import { join } from 'node:path';
import { strToU8, zipSync, type Zippable } from 'fflate';
import type { Clock } from '../../shared/ports';
import type { AppConfig } from '../config/app-config';
import { dataPaths } from '../config/data-paths';
import { databaseHealth } from '../db/support.query';
import type { TillDatabase } from '../db/connection';
import { isSecretKey, maskText, REDACTED } from '../log/log-redact';

export interface SupportFileInput {
  config: AppConfig;
  appVersion: string;
  shell: 'electron' | 'browser' | 'cli';
  /** The open database, or null when it could not be opened (the error is then in the summary). */
  db: TillDatabase | null;
  dbError?: string;
  /** Where the zip goes. */
  outDir: string;
  clock: Clock;
  /** Secret values the caller holds (client secret, tokens): searched for and cut out as a last guard. */
  knownSecrets?: readonly string[];
  /** Runtime versions beside Node's (Electron's and Chromium's in the Electron shell). */
  versions?: Record<string, string>;
}

export interface SupportFile {
  path: string;
  fileName: string;
  bytes: number;
  entries: string[];
}

/** Keys that name a credential, beyond the log's list: PINs and their hashes, keys, certificates' passwords. */
const MORE_SECRET_KEYS = /pin|salt|hash|private|passphrase|pkcs|p12|^key$|Key$|apiKey|credential/i;

/** A copy with every credential-named key's value replaced and every string masked. */
export function withoutSecrets(value: unknown): unknown {
  if (typeof value === 'string') return maskText(value);
  if (Array.isArray(value)) return value.map(withoutSecrets);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, isSecretKey(k) || MORE_SECRET_KEYS.test(k) ? REDACTED : withoutSecrets(v)]));
  }
  return value;
}

const host = (url: string) => {
  try {
    return new URL(url).host;
  } catch {
    return null;
  }
};

function dineroSummary(config: AppConfig): Record<string, unknown> {
  if (config.dinero.mode === 'sandbox') return { mode: 'sandbox' };
  const c = config.dinero.connection;
  return {
    mode: 'real',
    apiHost: host(c.apiUrl),
    connectHost: host(c.connectUrl),
    tokenUrlHost: host(c.tokenUrl),
    revocationUrlHost: host(c.revocationUrl),
    clientId: c.clientId,
    // Whether one is configured here, never what it is: a till should have none (the token broker holds it).
    clientSecretConfigured: c.clientSecret !== '',
    usesTokenBroker: c.clientSecret === '',
    redirectUri: c.redirectUri,
  };
}

function readSettings(dataDir: string): unknown {
  const file = join(dataPaths(dataDir).settingsDir, 'settings.json');
  if (!existsSync(file)) return { missing: true };
  try {
    return withoutSecrets(JSON.parse(readFileSync(file, 'utf8')));
  } catch (error) {
    return { unreadable: (error as Error).message };
  }
}

/** The log and its rotated files, each line masked again (a line from an older version may predate a mask). */
function logEntries(dataDir: string): Record<string, string> {
  const logFile = dataPaths(dataDir).logFile;
  const dir = join(logFile, '..');
  if (!existsSync(dir)) return {};
  const base = logFile.slice(dir.length + 1);
  const files = readdirSync(dir).filter((name) => name === base || name.startsWith(`${base}.`)).sort();
  return Object.fromEntries(files.map((name) => [`logs/${name}`, readFileSync(join(dir, name), 'utf8').split('\n').map(maskText).join('\n')]));
}

function stamp(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19).replace(/[-:]/g, '').replace('T', '-');
}

export function writeSupportFile(input: SupportFileInput): SupportFile {
  const now = input.clock.now();
  let health: unknown;
  try {
    health = input.db ? databaseHealth(input.db) : { unavailable: input.dbError ?? 'not opened' };
  } catch (error) {
    health = { failed: (error as Error).message };
  }
  const summary = {
    createdAt: new Date(now).toISOString(),
    app: { name: 'TillBridge', version: input.appVersion, shell: input.shell },
    runtime: { node: process.versions.node, ...input.versions, platform: platform(), arch: arch(), osRelease: release() },
    dinero: dineroSummary(input.config),
    dataDir: input.config.dataDir,
    dataFiles: dataFiles(input.config.dataDir),
  };
  const texts: Record<string, string> = {
    'README.txt': README,
    // Built here from the configuration's harmless parts only (its key names would trip the key filter).
    'summary.json': JSON.stringify(summary, null, 2),
    'settings.json': JSON.stringify(readSettings(input.config.dataDir), null, 2),
    'database.json': JSON.stringify(withoutSecrets(health), null, 2),
    ...logEntries(input.config.dataDir),
  };
  const secrets = (input.knownSecrets ?? []).filter((s) => s.length >= 8);
  const zippable: Zippable = {};
  for (const [name, text] of Object.entries(texts)) {
    let safe = text;
    for (const secret of secrets) safe = safe.split(secret).join(REDACTED);
    zippable[name] = strToU8(safe);
  }
  const zip = zipSync(zippable, { level: 6, mtime: new Date(now) });
  mkdirSync(input.outDir, { recursive: true });
  const fileName = `TillBridge-support-${stamp(now)}.zip`;
  const path = join(input.outDir, fileName);
  // Whole or not at all: a half-written zip is never left under the final name.
  writeFileSync(`${path}.part`, zip, { mode: 0o600 });
  renameSync(`${path}.part`, path);
  return { path, fileName, bytes: zip.byteLength, entries: Object.keys(zippable) };
}

/** Names and sizes of what lies in the data folder (not its contents: the token vault is listed, never read). */
function dataFiles(dataDir: string): Array<{ name: string; bytes: number }> {
  if (!existsSync(dataDir)) return [];
  const out: Array<{ name: string; bytes: number }> = [];
  const walk = (dir: string, prefix: string, depth: number) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const name = prefix ? `${prefix}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        if (depth < 2) walk(join(dir, entry.name), name, depth + 1);
      } else if (entry.isFile()) {
        out.push({ name, bytes: statSync(join(dir, entry.name)).size });
      }
    }
  };
  walk(dataDir, '', 0);
  return out.slice(0, 200);
}

const README = `TillBridge support file

summary.json   the app and runtime versions, how Dinero is configured (hosts and client id; whether a client
               secret is configured, never the secret), and the files in the data folder (names and sizes)
settings.json  the settings, with anything credential-like replaced by [redacted]
database.json  the database's health: SQLite's integrity check, schema version, size, counts, the last
               reports and transfers and the last rows of the transfer attempt log
logs/          the app's log files, masked again on the way out

It holds no Dinero login (tokens), no keys, no PINs and no client secret.
`;
