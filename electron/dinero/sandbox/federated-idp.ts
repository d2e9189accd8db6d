// The sandbox's stand-in for an external sign-in provider (Google, Microsoft/Entra ID, Apple, a company's Okta
// or ADFS) that Visma Connect sends some users to and back. A separate server on another port, so it is
// another origin: a login window that only allows Visma Connect's origin fails here, as it would for them.
// It only bounces back to the sandbox's own /connect/authorize/continue.
import { Hono } from 'hono';
import { listen, type NodeEnv } from '../../http/http-kit';

export interface FederatedProvider {
  url: string;
  close(): Promise<void>;
}

export async function startFederatedProvider(sandboxUrl: () => string): Promise<FederatedProvider> {
  const app = new Hono<NodeEnv>();
  app.get('/idp/signin', (c, next) => {
    const back = c.req.query('continue') ?? '';
    if (!back.startsWith(`${sandboxUrl()}/connect/authorize/continue?`)) return next();
    return c.body(null, 302, { location: back, 'cache-control': 'no-store' });
  });
  app.all('*', (c) => c.text('Not a sign-in this provider knows', 400));
  const server = await listen(app, { port: 0 });
  return { url: server.url, close: () => server.close() };
}
