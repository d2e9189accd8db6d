// `npm run broker`: the token broker as a process (docs/BROKER.md). Settings from the environment; JSON log
// lines on stderr (redacted like the app's); SIGTERM or SIGINT stops taking connections and lets the requests
// in flight finish (at most 10 s), as a container platform expects.
import { systemClock } from '../../shared/ports';
import { listen } from '../http/http-kit';
import { createLogger } from '../log/logger';
import { brokerConfigFrom, BrokerConfigError } from './broker.config';
import { createBrokerApp } from './broker.routes';

const GRACE_MS = 10_000;

let config;
try {
  config = brokerConfigFrom(process.env);
} catch (error) {
  if (!(error instanceof BrokerConfigError)) throw error;
  process.stderr.write(`${error.message}\n`);
  process.exit(2);
}
const logger = createLogger({ level: config.logLevel, clock: systemClock, stderr: true }).child('broker');
const server = await listen(createBrokerApp({ config, clock: systemClock, logger }), { port: config.port, host: config.host, keepAliveTimeoutMs: 65_000 });
logger.info('broker listening', { url: server.url, redirectUris: config.redirectUris.length });

let stopping = false;
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, () => {
    if (stopping) return;
    stopping = true;
    logger.info('broker stopping', { signal });
    void server.close(GRACE_MS).then(() => process.exit(0));
  });
}
