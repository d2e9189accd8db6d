// A dev-only, in-memory main process for component tests (never shipped). It serves the real contract:
// every input is parsed with the channel's zod schema and every reply checked against its output schema,
// so a renderer that sends the wrong shape fails here exactly as it would against a shell. The till side
// uses the real shared domain (sale evaluation, Z-report, posting builder) so the figures are the real ones.
import type { ZodError } from 'zod';
import { CHANNEL_NAMES, contract, isChannelName, type ChannelName, type ChannelOutput, type ParsedInput } from '../../shared/ipc/contract';
import type { AuthStatus, Chart, LoginStatus, Organization, SyncStatus, StartupStatus, UpdateStatus } from '../../shared/ipc/contract.types';
import { type ErrorCode, type Reply } from '../../shared/ipc/error-codes';
import { defaultSettings, type Settings } from '../../shared/settings/settings.schema';
import type { PaymentType } from '../../shared/till/till.types';
import { createApi, type Api } from '../../renderer/api/api';
import { createTillState, tillHandlers, type TillState } from './fake-till';
import { withTransportControls, type TransportControls } from './transport-controls';
import { cashierHandlers, fakeGate } from './fake-cashiers';
import { recordsHandlers } from './fake-records';

export class FakeFailure extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string = code,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }
}

export interface FakeState extends TillState {
  settings: Settings;
  auth: AuthStatus;
  orgs: Organization[];
  chart: Chart | null;
  /** What the login polls answer, in order; the last one repeats. */
  loginScript: LoginStatus[];
  loginPolls: number;
  sync: SyncStatus;
  update: UpdateStatus;
  sandbox: boolean;
  /** What app.startup answers, one per call, before it says ready (a migration at start). */
  startup: StartupStatus[];
}

export type Handlers = { [C in ChannelName]: (input: ParsedInput<C>, state: FakeState) => ChannelOutput<C> };

export const FAKE_PAYMENT_TYPES: PaymentType[] = [
  { id: 'pt-cash', name: 'Kontant', kind: 'cash', accountNumber: null, active: true, sortOrder: 1, giftCard: false },
  { id: 'pt-dankort', name: 'Dankort', kind: 'card', accountNumber: 56100, active: true, sortOrder: 2, giftCard: false },
  { id: 'pt-mobilepay', name: 'MobilePay', kind: 'mobile', accountNumber: 56200, active: true, sortOrder: 3, giftCard: false },
];

/** The sandbox demo company's chart: Dinero's standard accounts plus the article's 58000, one hidden. */
export const FAKE_CHART: Chart = {
  organizationId: 1001,
  source: 'live',
  fetchedAt: '2026-11-28T08:00:00.000Z',
  accounts: [
    { accountNumber: 1000, name: 'Salg af varer/ydelser m/moms', vatCode: 'U25', isHidden: false },
    { accountNumber: 1100, name: 'Salg af varer/ydelser u/moms', vatCode: null, isHidden: false },
    { accountNumber: 7380, name: 'Kassedifferencer', vatCode: null, isHidden: false },
    { accountNumber: 55000, name: 'Bank', vatCode: null, isHidden: false },
    { accountNumber: 56100, name: 'Dankort tilgodehavende', vatCode: null, isHidden: false },
    { accountNumber: 56200, name: 'MobilePay tilgodehavende', vatCode: null, isHidden: false },
    { accountNumber: 58000, name: 'Kassebeholdning', vatCode: null, isHidden: false },
    { accountNumber: 59000, name: 'Gammel kasse', vatCode: null, isHidden: true },
  ],
  vatCodes: [
    { vatCode: 'U25', name: 'Salgsmoms 25 %', vatRate: 0.25 },
    { vatCode: 'I25', name: 'Købsmoms 25 %', vatRate: 0.25 },
  ],
};

export const READY_SETTINGS: Settings = {
  ...defaultSettings,
  dineroEnabled: true,
  organizationId: 1001,
  organizationName: 'Demo Butik ApS',
  accounts: { revenueAccount: 1000, revenueVatCode: 'U25', vatExemptRevenueAccount: null, bankAccount: 55000, cashHoldingsAccount: 58000, differencesAccount: 7380, giftCardAccount: null, tipsAccount: null },
};

const DISCONNECTED: AuthStatus = { connected: false, user: null, organization: null, sandbox: true };
export const CONNECTED: AuthStatus = {
  connected: true,
  user: { name: 'Mette Hansen', email: 'mette@example.dk' },
  organization: { id: 1001, name: 'Demo Butik ApS', isPro: true },
  sandbox: true,
};

function initialState(overrides: Partial<FakeState>): FakeState {
  return {
    ...createTillState(),
    settings: structuredClone(defaultSettings),
    auth: DISCONNECTED,
    orgs: [
      { id: 1001, name: 'Demo Butik ApS', isPro: true, notChoosableReason: null },
      { id: 1002, name: 'Gratis Firma', isPro: false, notChoosableReason: 'not_pro' },
    ],
    chart: FAKE_CHART,
    loginScript: [{ state: 'connected' }],
    loginPolls: 0,
    sync: { online: true, queuedCount: 0, attentionCount: 0, nextRetryAt: null, blocking: null, sandbox: true },
    update: { phase: 'unsupported', current: '0.1.0', available: null, percent: null, checkedAt: null },
    sandbox: true,
    startup: [],
    ...overrides,
  };
}

const connectionHandlers: Partial<Handlers> = {
  'app.info': (_, s) => ({ version: '0.1.0', sandbox: s.sandbox, language: s.settings.language, shell: 'browser' }),
  'app.startup': (_, s) => s.startup.shift() ?? { state: 'ready', progress: null, language: s.settings.language },
  'app.updateStatus': (_, s) => s.update,
  'support.createFile': () => ({ fileName: 'TillBridge-support-20261202-091500.zip', path: '/home/kasse/.config/TillBridge/support/TillBridge-support-20261202-091500.zip', bytes: 48_213 }),
  'settings.get': (_, s) => s.settings,
  'settings.update': (patch, s) => {
    s.settings = { ...s.settings, ...patch, accounts: { ...s.settings.accounts, ...patch.accounts } };
    return s.settings;
  },
  'accounts.chart': (_, s) => {
    if (!s.auth.connected) throw new FakeFailure('not_connected');
    if (!s.chart) throw new FakeFailure('dinero_offline');
    return s.chart;
  },
  'orgs.list': (_, s) => {
    if (!s.auth.connected) throw new FakeFailure('not_connected');
    return s.orgs;
  },
  'orgs.choose': ({ organizationId }, s) => {
    const org = s.orgs.find((o) => o.id === organizationId);
    if (!org) throw new FakeFailure('not_found');
    if (!org.isPro) throw new FakeFailure('dinero_no_pro');
    s.settings = { ...s.settings, organizationId: org.id, organizationName: org.name };
    s.auth = { ...s.auth, organization: { id: org.id, name: org.name, isPro: org.isPro } };
    return s.settings;
  },
  'auth.startLogin': (_, s) => {
    s.loginPolls = 0;
    return { authorizeUrl: 'http://127.0.0.1:4010/connect/authorize?client_id=demo', loginId: 'login-1' };
  },
  'auth.loginStatus': ({ loginId }, s) => {
    if (loginId !== 'login-1') throw new FakeFailure('not_found');
    const status = s.loginScript[Math.min(s.loginPolls, s.loginScript.length - 1)] ?? { state: 'pending' };
    s.loginPolls += 1;
    if (status.state === 'connected') s.auth = { ...CONNECTED, organization: null };
    return status;
  },
  'auth.cancelLogin': () => ({ state: 'cancelled' }),
  'auth.logout': (_, s) => (s.auth = DISCONNECTED),
  'auth.status': (_, s) => s.auth,
  'sync.status': (_, s) => s.sync,
  'sync.retryNow': (_, s) => s.sync,
  'sync.setOnline': ({ online }, s) => (s.sync = { ...s.sync, online }),
};

export interface FakeBackend extends TransportControls {
  state: FakeState;
  api: Api;
}

function issuesOf(error: ZodError) {
  return error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
}

export function createFakeBackend(overrides: Partial<FakeState> = {}, shell: 'browser' | 'electron' = 'browser'): FakeBackend {
  const state = initialState(overrides);
  const handlers = { ...connectionHandlers, ...tillHandlers, ...cashierHandlers, ...recordsHandlers } as Handlers;
  for (const channel of CHANNEL_NAMES) if (!(channel in handlers)) throw new Error(`The fake api has no handler for ${channel}`);
  async function answer(channel: string, raw: unknown): Promise<Reply<unknown>> {
    if (!isChannelName(channel)) return { ok: false, error: { code: 'forbidden', message: `Unknown channel ${channel}` } };
    const parsed = contract[channel].input.safeParse(raw);
    if (!parsed.success) return { ok: false, error: { code: 'invalid_input', message: parsed.error.message, details: { issues: issuesOf(parsed.error) } } };
    try {
      fakeGate(channel, parsed.data, state);
      const handler = handlers[channel] as (input: unknown, s: FakeState) => unknown;
      const value = structuredClone(handler(parsed.data, state));
      // A fake that breaks the contract must fail the test, not pass it silently.
      contract[channel].output.parse(value);
      return { ok: true, value };
    } catch (error) {
      if (error instanceof FakeFailure) return { ok: false, error: { code: error.code, message: error.message, ...(error.details ? { details: error.details } : {}) } };
      throw error;
    }
  }

  const controls = withTransportControls(answer);
  return {
    state,
    api: createApi((channel, input) => controls.serve(channel, structuredClone(input)), shell),
    calls: controls.calls,
    callsTo: controls.callsTo,
    failNext: controls.failNext,
    holdNext: controls.holdNext,
  };
}
