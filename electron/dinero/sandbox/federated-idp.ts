// The sandbox's stand-in for an external sign-in provider (Google, Microsoft/Entra ID, Apple, a company's Okta
// or ADFS) that Visma Connect sends some users to and back. A separate server on another port, so it is
// another origin: a login window that only allows Visma Connect's origin fails here, as it would for them.
// It only bounces back to the sandbox's own /connect/authorize/continue.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FederatedProvider {
  url: string;
  close(): Promise<void>;
}

export async function startFederatedProvider(sandboxUrl: () => string): Promise<FederatedProvider> {
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const next = url.searchParams.get('continue') ?? '';
    if (req.method !== 'GET' || url.pathname !== '/idp/signin' || !next.startsWith(`${sandboxUrl()}/connect/authorize/continue?`)) {
      res.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' }).end('Not a sign-in this provider knows');
      return;
    }
    res.writeHead(302, { location: next, 'cache-control': 'no-store' }).end();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    }),
  };
}
