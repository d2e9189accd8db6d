// The one place settings are read and changed. Reads never fail (bad stored values fall back to defaults per
// field); writes are all-or-nothing (the merged result is validated before anything touches the file).
import { CodedError, isCodedError } from '../../shared/coded-error';
import { settingsSchema, type Settings } from '../../shared/settings/settings.schema';
import { silentLogger, type Logger } from '../../shared/ports';
import type { SettingsBackend, StoredSettingsRecord } from './settings-backend';
import { migrateStoredSettings, settingsVersioning, VERSION_KEY, type SettingsVersioning } from './settings.migrations';
import { isPlainObject, repairSettings } from './settings-repair';

export type DeepPartial<T> = { [K in keyof T]?: T[K] extends object | null ? DeepPartial<T[K]> | T[K] : T[K] };

export type SettingsErrorCode = 'invalid_settings' | 'settings_from_newer_version' | 'settings_write_failed';

export interface SettingsIssue {
  /** Dotted field path, e.g. "accounts.revenueAccount". */
  path: string;
  message: string;
}

declare module '../../shared/coded-error' {
  interface ErrorCodes {
    settings: SettingsErrorCode;
  }
}

/** details.issues: the fields that were refused (empty for the other codes). */
export type SettingsError = CodedError<'settings'> & { details: { issues: readonly SettingsIssue[] } };

export function settingsError(code: SettingsErrorCode, message: string, issues: readonly SettingsIssue[] = [], options?: { cause?: unknown }): SettingsError {
  return new CodedError('settings', code, message, { issues }, options) as SettingsError;
}

export function isSettingsError(value: unknown): value is SettingsError {
  return isCodedError(value, 'settings');
}

export type SettingsListener = (next: Settings, previous: Settings) => void;

export interface SettingsService {
  get(): Settings;
  /** Validates the merged result; on any issue throws SettingsError('invalid_settings') and writes nothing. */
  update(patch: DeepPartial<Settings>): Settings;
  /** Called after each successful change; returns an unsubscribe function. */
  onChange(listener: SettingsListener): () => void;
}

export interface SettingsServiceOptions {
  logger?: Logger;
  /** Tests inject extra versions to exercise the migration path; production uses the built-in chain. */
  versioning?: SettingsVersioning;
}

export function createSettingsService(backend: SettingsBackend, options: SettingsServiceOptions = {}): SettingsService {
  const logger = options.logger ?? silentLogger;
  const versioning = options.versioning ?? settingsVersioning;
  const listeners = new Set<SettingsListener>();

  const loaded = loadStored(backend, versioning, logger);
  let current = loaded.settings;
  const newerVersion = loaded.newerVersion;

  return {
    get: () => structuredClone(current),

    update(patch) {
      if (newerVersion !== null) {
        throw settingsError(
          'settings_from_newer_version',
          `The settings file was written by a newer TillBridge (settings version ${newerVersion}); update the app before changing settings`,
        );
      }
      const issues: SettingsIssue[] = [];
      const merged = mergePatch(current, patch, '', issues);
      const parsed = settingsSchema.safeParse(merged);
      if (!parsed.success) {
        for (const issue of parsed.error.issues) issues.push({ path: issue.path.join('.'), message: issue.message });
      }
      if (issues.length > 0 || !parsed.success) {
        throw settingsError('invalid_settings', `Invalid settings: ${[...new Set(issues.map((i) => i.path))].join(', ')}`, issues);
      }
      const next = parsed.data;
      if (JSON.stringify(next) === JSON.stringify(current)) return structuredClone(current);
      try {
        backend.store = { [VERSION_KEY]: versioning.current, ...next };
      } catch (error) {
        logger.error('settings could not be saved', { error });
        throw settingsError('settings_write_failed', 'The settings could not be saved', [], { cause: error });
      }
      const previous = current;
      current = next;
      for (const listener of listeners) {
        try {
          listener(structuredClone(next), structuredClone(previous));
        } catch (error) {
          logger.error('settings change listener failed', { error });
        }
      }
      return structuredClone(next);
    },

    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

function loadStored(backend: SettingsBackend, versioning: SettingsVersioning, logger: Logger): { settings: Settings; newerVersion: number | null } {
  let raw: StoredSettingsRecord = {};
  try {
    const stored: unknown = backend.store;
    if (isPlainObject(stored)) raw = stored;
  } catch (error) {
    // Unreadable file: defaults now; the next successful update replaces it.
    logger.error('settings store unreadable; using defaults', { error });
  }
  const outcome = migrateStoredSettings(raw, versioning);
  let newerVersion: number | null = null;
  if (outcome.kind === 'newer') {
    newerVersion = outcome.version;
    logger.warn('settings written by a newer version; reading what fits, refusing changes', { version: outcome.version });
  } else if (outcome.kind === 'failed') {
    logger.error('settings migration failed; using the stored values as far as they fit', { fromVersion: outcome.fromVersion, reason: outcome.reason });
  } else if (outcome.kind === 'migrated' && Object.keys(raw).length > 0) {
    try {
      backend.store = outcome.raw;
      logger.info('settings migrated', { fromVersion: outcome.fromVersion, toVersion: versioning.current });
    } catch (error) {
      logger.error('migrated settings could not be saved; will retry next start', { error });
    }
  }
  const { settings, repairedPaths } = repairSettings(outcome.raw);
  // Paths only: values could be anything a hand edit put there.
  if (repairedPaths.length > 0) logger.warn('invalid stored settings replaced by defaults', { fields: repairedPaths });
  return { settings, newerVersion };
}

/** Applies the patch onto a copy of `base`; keys that are not settings become issues instead of vanishing. */
function mergePatch(base: unknown, patch: unknown, prefix: string, issues: SettingsIssue[]): unknown {
  if (!isPlainObject(patch) || !isPlainObject(base)) return patch;
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) continue;
    if (!Object.hasOwn(base, key)) {
      issues.push({ path: `${prefix}${key}`, message: 'Unknown setting' });
      continue;
    }
    out[key] = isPlainObject(base[key]) && isPlainObject(value) ? mergePatch(base[key], value, `${prefix}${key}.`, issues) : value;
  }
  return out;
}
