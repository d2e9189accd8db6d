// The built-in Dinero sandbox both shells start when no real Dinero is configured: the demo company on
// 127.0.0.1 (a random free port), its state kept in the data folder so the demo's cash journal and login
// survive a restart, with the shell's redirect URI registered.
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { DineroConnection } from '../dinero/client/dinero-connection';
import { startDineroSandbox, type DineroSandbox, type SandboxOptions } from '../dinero/sandbox/sandbox';

export interface BuiltInSandbox {
  sandbox: DineroSandbox;
  /** What createAppCore's `dinero` option takes. */
  connection: DineroConnection;
  close(): Promise<void>;
}

/** Where the sandbox keeps its state (hashes of tokens only, never the tokens). */
export function sandboxStateFile(dataDir: string): string {
  return join(dataDir, 'sandbox', 'dinero-sandbox.json');
}

export async function startBuiltInSandbox(dataDir: string, redirectUri: string, extra: Omit<SandboxOptions, 'stateFile' | 'redirectUris'> = {}): Promise<BuiltInSandbox> {
  const stateFile = sandboxStateFile(dataDir);
  // The sandbox writes its state file but does not create the folder.
  mkdirSync(dirname(stateFile), { recursive: true, mode: 0o700 });
  const sandbox = await startDineroSandbox({ port: 0, ...extra, stateFile, redirectUris: [redirectUri] });
  // Registered again in case the state file already listed other URIs from earlier runs on other ports.
  sandbox.registerRedirectUri(redirectUri);
  return {
    sandbox,
    connection: {
      apiUrl: sandbox.url,
      connectUrl: sandbox.url,
      tokenUrl: `${sandbox.url}/connect/token`,
      revocationUrl: `${sandbox.url}/connect/revocation`,
      clientId: sandbox.client.clientId,
      clientSecret: sandbox.client.clientSecret,
      redirectUri,
    },
    close: () => sandbox.close(),
  };
}
