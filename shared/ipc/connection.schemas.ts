// The Dinero connection side of the contract: the Visma login, the companies, the chart of accounts, the
// settings patch and the app's own facts.
import { z } from 'zod';
import { accountNumberSchema, accountSettingsSchema, languageSchema, settingsSchema, vatCodeSchema } from '../settings/settings.schema';
import { idSchema, instantSchema } from './common.schemas';

/**
 * What settings.update may change. The company is set through orgs.choose (it must be a Pro company) and the
 * register id never changes, so neither is here.
 */
export const settingsPatchSchema = settingsSchema
  .pick({ dineroEnabled: true, registerName: true, dayChangeHour: true, language: true, attachReportPdf: true, largeAmountOre: true, blindCount: true, openingCount: true, takeTips: true, shop: true, backupFolder: true, backupAfterClose: true })
  .partial()
  .extend({ accounts: accountSettingsSchema.partial().strict().optional() })
  .strict();

export const loginStartSchema = z.object({
  /** Visma Connect's authorize URL (PKCE + state already in it). Electron main opens it itself. */
  authorizeUrl: z.url(),
  loginId: idSchema,
});

export const loginFailureReasonSchema = z.enum([
  'access_denied',
  'state_mismatch',
  'token_exchange_failed',
  'secure_storage_unavailable',
  'expired',
  'other',
]);

export const loginStatusSchema = z.discriminatedUnion('state', [
  z.object({ state: z.literal('pending') }),
  z.object({ state: z.literal('connected') }),
  z.object({ state: z.literal('failed'), reason: loginFailureReasonSchema, message: z.string() }),
  z.object({ state: z.literal('cancelled') }),
]);

export const loginIdInputSchema = z.object({ loginId: idSchema }).strict();

export const authStatusSchema = z.object({
  connected: z.boolean(),
  /** Who logged in, when Visma told us. */
  user: z.object({ name: z.string().nullable(), email: z.string().nullable() }).nullable(),
  /** The chosen company, when one is chosen. */
  organization: z.object({ id: z.number().int().positive(), name: z.string(), isPro: z.boolean() }).nullable(),
  sandbox: z.boolean(),
});

export const organizationSchema = z.object({
  id: z.number().int().positive(),
  name: z.string(),
  isPro: z.boolean(),
  /** Why it cannot be chosen; null when it can. */
  notChoosableReason: z.enum(['not_pro']).nullable(),
});

export const chooseOrganizationInputSchema = z.object({ organizationId: z.number().int().positive() }).strict();

export const chartInputSchema = z.object({ refresh: z.boolean().optional() }).strict();

export const chartSchema = z.object({
  organizationId: z.number().int().positive(),
  /** 'cache': Dinero could not be reached; this is the copy from fetchedAt. */
  source: z.enum(['live', 'cache']),
  fetchedAt: instantSchema,
  accounts: z.array(
    z.object({ accountNumber: accountNumberSchema, name: z.string(), vatCode: z.string().nullable(), isHidden: z.boolean() }),
  ),
  vatCodes: z.array(z.object({ vatCode: vatCodeSchema, name: z.string(), vatRate: z.number().min(0).max(1).nullable() })),
});

/** The app's own updates (electron-updater): what the status bar shows. */
export const updateStatusSchema = z.object({
  /** unsupported: the browser shell or a development build; ready: downloaded, installs when TillBridge closes. */
  phase: z.enum(['unsupported', 'idle', 'checking', 'downloading', 'ready', 'failed']),
  current: z.string(),
  available: z.string().nullable(),
  percent: z.number().int().min(0).max(100).nullable(),
  checkedAt: z.iso.datetime().nullable(),
});

/** A support file written by main: where it is, for the user to send. */
export const supportFileSchema = z.object({ fileName: z.string().min(1), path: z.string().min(1), bytes: z.number().int().positive() });

/** What a migration at start is doing (electron/db/migrations/migrate.ts: MigrationProgress). */
export const migrationProgressSchema = z.discriminatedUnion('phase', [
  /** The copy before migrating, in SQLite pages. */
  z.object({ phase: z.literal('backup'), done: z.number().int().min(0), total: z.number().int().min(0), fromVersion: z.number().int().min(0), toVersion: z.number().int().min(0) }),
  /** Schema step `step` of `steps`. */
  z.object({ phase: z.literal('migrate'), step: z.number().int().min(1), steps: z.number().int().min(1), version: z.number().int(), fromVersion: z.number().int().min(0), toVersion: z.number().int().min(0) }),
]);

/** Whether the app is ready: while it opens (and perhaps migrates) its database, only app.startup answers. */
export const startupStatusSchema = z.object({
  state: z.enum(['starting', 'migrating', 'ready']),
  /** The migration's latest progress while state is 'migrating'. */
  progress: migrationProgressSchema.nullable(),
  /** The shop's language from its settings, for the startup screen (before the core, the renderer knows none). */
  language: languageSchema,
});

export const appInfoSchema = z.object({
  version: z.string(),
  /** The built-in Dinero sandbox is in use: a demo company, labelled on every screen. */
  sandbox: z.boolean(),
  language: languageSchema,
  shell: z.enum(['electron', 'browser']),
});
