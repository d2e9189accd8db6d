// Entry point of the Dinero sandbox: a faithful local fake of Visma Connect and the Dinero API on
// 127.0.0.1, used by tests, by `npm run sandbox` and as the app's built-in "demo company".
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { silentLogger, systemClock } from '../../../shared/ports';
import type { DineroSandbox, SandboxOptions } from './sandbox.types';
import { loadState, prune, saveState, type OrgState } from './sandbox.state';
import { TokenService } from './sandbox.tokens';
import { resolveOptions, type SandboxWorld } from './sandbox.world';
import { boundedLog, createSandboxServer } from './sandbox.server';
import { FaultQueue } from './faults';
import { Quirks } from './quirks';
import { startFederatedProvider } from './federated-idp';
import { createApiRouter } from './api.router';
import { quotaExceeded } from './api.guard';
import { connectRouter } from './connect.routes';
import { createControlRouter } from './control.routes';
import { apiError, type HttpResult, type RequestContext } from './sandbox.http';
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
    files: (orgId) => org(orgId).files.map(({ fileGuid, fileName, size, contentType }) => ({ fileGuid, fileName, size, contentType })),
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
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };

  const api = createApiRouter(world);
  const main = async (ctx: RequestContext): Promise<HttpResult> => {
    if (ctx.path.startsWith('/connect/') || ctx.path.startsWith('/.well-known/')) {
      return (await connectRouter(world, ctx)) ?? { status: 404, json: { error: 'not_found' } };
    }
    if (/^\/v1(\.\d)?\//i.test(ctx.path)) return api(ctx);
    if (ctx.path === '/' && ctx.method === 'GET') return { status: 200, html: indexPage(sandbox) };
    return apiError(404, 40, 'Not found.');
  };
  const server = createSandboxServer({
    clock, faults, casing: options.casing, main,
    control: createControlRouter(world, sandbox),
    quotaExceeded: () => quotaExceeded(world),
    latencyMs: () => latencyMs,
    log: (e) => log.push(e),
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  sandbox.url = url;
  world.persist();
  return sandbox;
}
