// `npm run sandbox`: runs the Dinero sandbox standalone. PORT (default 4780) and SANDBOX_STATE_FILE
// (default: none, in-memory) come from the environment.
import { startDineroSandbox } from './sandbox';

const port = Number(process.env.PORT ?? 4780);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`PORT must be a port number, got ${process.env.PORT}`);
  process.exit(2);
}
const stateFile = process.env.SANDBOX_STATE_FILE || undefined;
const logger = {
  debug: () => {},
  info: (m: string) => console.log(m),
  warn: (m: string) => console.warn(m),
  error: (m: string) => console.error(m),
};
const redirectUris = process.env.SANDBOX_REDIRECT_URI ? [process.env.SANDBOX_REDIRECT_URI] : [];
const sandbox = await startDineroSandbox({ port, stateFile, redirectUris, logger });

console.log(`Dinero sandbox (local fake of Visma Connect + Dinero API) on ${sandbox.url}
  Visma Connect  ${sandbox.url}/connect/authorize   ${sandbox.url}/connect/token
  Dinero API     ${sandbox.url}/v1/organizations
  Control page   ${sandbox.url}/sandbox   kassekladde: ${sandbox.url}/sandbox/kassekladde/${sandbox.orgs.pro}
  Demo login     ${sandbox.demoUser.email} / ${sandbox.demoUser.password}
  Client         id ${sandbox.client.clientId}   secret ${sandbox.client.clientSecret}
  Redirect URIs  ${sandbox.client.redirectUris.join(', ')}
  Companies      ${sandbox.orgs.pro} Demo Butik ApS (Pro), ${sandbox.orgs.nonPro} Hobby Starter ApS (not Pro)
  State file     ${stateFile ?? '(none: state is lost on exit)'}`);

const stop = () => {
  void sandbox.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
