// Entry point of the Dinero sandbox: a faithful local fake of Visma Connect and the Dinero API on
// 127.0.0.1, used by tests, by `npm run sandbox` and as the app's built-in "demo company".
import { randomUUID } from 'node:crypto';
import { Hono } from 'hono';
import { silentLogger, systemClock } from '../../../shared/ports';
import type { DineroSandbox, SandboxOptions } from './sandbox.types';
import { loadState, prune, saveState, type OrgState } from './sandbox.state';
import { TokenService } from './sandbox.tokens';
import { resolveOptions, type SandboxWorld } from './sandbox.world';
import { boundedLog, startSandboxServer } from './sandbox.server';
import { FaultQueue } from './faults';
import { Quirks } from './quirks';
import { startFederatedProvider } from './federated-idp';
import { createApiRoutes } from './api.router';
import { quotaExceeded } from './api.guard';
import { connectRoutes } from './connect.routes';
import { createControlRoutes } from './control.routes';
import { handle, type SandboxApp } from './sandbox.http';
import { findItem, markBooked, settleBookings, toView } from './ledger.store';
import { DEMO_USER, DINERO_SCOPES, ORG_IDS } from './sandbox.seed';
import { indexPage } from './control.pages';

export type * from './sandbox.types';

export async function startDineroSandbox(opts: SandboxOptions = {}): Promise<DineroSandbox> {
  const baseClock = opts.clock ?? systemClock;
  let clockOffsetMs = 0;
  const clock = { now: () => baseClock.now() + clockOffsetMs };
  const ids = opts.ids ?? { newId: () => randomUUID() };
  const options = resolveOptions(opts);
  const loaded = loadState(opts.stateFile, clock.now());
  if (loaded.warning) (opts.logger ?? silentLogger).warn(loaded.warning);
  const state = loaded.state;
  for (const uri of opts.redirectUris ?? []) if (!state.redirectUris.includes(uri)) state.redirectUris.push(uri);
  let url = '';
  const tokens = new TokenService(() => state, clock, ids, {
    mode: opts.refreshTokenMode ?? 'one-time',
    graceSeconds: opts.refreshGraceSeconds ?? 5,
    refreshLifetimeDays: opts.refreshTokenLifetimeDays ?? 30,
    accessLifetimeSeconds: opts.accessTokenLifetimeSeconds ?? 3600,
    revokeGrantOnReplay: opts.revokeGrantOnRefreshReplay ?? true,
  });
  const quirks = new Quirks(opts.quirks);
  let federated = opts.federatedLogin ?? false;
  let latencyMs = Math.max(0, opts.latencyMs ?? 0);
  const provider = await startFederatedProvider(() => url);
  const world: SandboxWorld = {
    options, clock, ids, tokens, quirks,
    federation: { enabled: () => federated, providerUrl: () => provider.url, answers: new Map() },
    state: () => state,
    persist: () => {
      if (!opts.stateFile) return;
      prune(state, clock.now());
      saveState(opts.stateFile, state);
    },
    url: () => url,
  };

  const org = (orgId: number): OrgState => {
    const found = state.orgs[String(orgId)];
    if (!found) throw new Error(`Unknown organization ${orgId}`);
    if (settleBookings(found, clock.now(), options.bookingDelayMs)) world.persist();
    return found;
  };
  const item = (orgId: number, itemId: string) => {
    const o = org(orgId);
    const found = findItem(o, itemId);
    if (!found) throw new Error(`No ledger item ${itemId} in organization ${orgId}`);
    return { o, found };
  };

  const faults = new FaultQueue();
  const log = boundedLog();
  const sandbox: DineroSandbox = {
    url: '',
    client: { clientId: options.clientId, clientSecret: options.clientSecret, redirectUris: state.redirectUris },
    registerRedirectUri(uri) {
      new URL(uri); // throws on a malformed URI
      if (!state.redirectUris.includes(uri)) state.redirectUris.push(uri);
      world.persist();
    },
    orgs: { pro: ORG_IDS.pro, nonPro: ORG_IDS.nonPro, foreign: ORG_IDS.foreign },
    demoUser: { email: DEMO_USER.email, password: DEMO_USER.password },
    faults,
    quirks,
    setFederatedLogin(on) {
      federated = on;
    },
    setLatencyMs(ms) {
      if (!Number.isFinite(ms) || ms < 0) throw new Error('setLatencyMs needs a non-negative number of ms');
      latencyMs = ms;
    },
    federatedProviderUrl: provider.url,
    issueTokensForTest(o = {}) {
      const grant = tokens.createGrant(options.clientId, DEMO_USER.sub, o.scopes ?? [...DINERO_SCOPES], o.orgIds ?? null);
      const issued = tokens.issue(grant, true);
      world.persist();
      return { accessToken: issued.accessToken, refreshToken: issued.refreshToken!, expiresIn: issued.expiresIn };
    },
    revokeRefreshToken(token) {
      tokens.revokeRefreshToken(token, null);
      world.persist();
    },
    expireAccessTokens() {
      tokens.expireAccessTokens();
      world.persist();
    },
    kassekladde: (orgId) => {
      const o = org(orgId);
      return o.items.map((i) => toView(o, i));
    },
    files: (orgId) => org(orgId).files.map(({ fileGuid, fileName, size, contentType, sha256 }) => ({ fileGuid, fileName, size, contentType, sha256 })),
    bookAsAccountant(orgId, itemId) {
      const { o, found } = item(orgId, itemId);
      if (found.status === 'Booked') throw new Error(`Ledger item ${itemId} is already booked`);
      markBooked(o, found, clock.now());
      world.persist();
    },
    deleteAsAccountant(orgId, itemId) {
      const { o, found } = item(orgId, itemId);
      if (found.status === 'Booked') throw new Error(`Ledger item ${itemId} is booked and cannot be deleted`);
      o.items = o.items.filter((i) => i !== found);
      world.persist();
    },
    setAccountHidden(orgId, accountNumber, hidden) {
      const account = org(orgId).accounts.find((a) => a.AccountNumber === accountNumber);
      if (!account) throw new Error(`No account ${accountNumber} in organization ${orgId}`);
      account.IsHidden = hidden;
      world.persist();
    },
    requestLog: () => log.entries(),
    advanceClock(ms) {
      if (!Number.isFinite(ms) || ms < 0) throw new Error('advanceClock needs a non-negative number of ms');
      clockOffsetMs += ms;
    },
    close: async () => {
      await provider.close();
      await server.close();
    },
  };

  const home: SandboxApp = new Hono();
  home.get('/', handle(() => ({ status: 200, html: indexPage(sandbox) })));
  const server = await startSandboxServer({
    port: opts.port ?? 0,
    clock, faults, casing: options.casing,
    control: createControlRoutes(world, sandbox),
    routes: [connectRoutes(world), createApiRoutes(world), home],
    quotaExceeded: () => quotaExceeded(world),
    latencyMs: () => latencyMs,
    log: (e) => log.push(e),
  });
  url = server.url;
  sandbox.url = url;
  world.persist();
  return sandbox;
}
