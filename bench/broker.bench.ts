// The token broker ([2.7]): what it adds to a token request, measured against a local token endpoint on this
// machine (a stand-in for Visma Connect that answers at once), so the figure is the broker's own cost. The
// broker runs as it is deployed: its bundle (npm run broker:build) in a process of its own.
// - added latency: 200 requests a second for 5 s, each sent once straight to the endpoint and once through
//   the broker; p99 through the broker minus p99 straight (target ≤ 5 ms at 200 requests per second);
// - throughput: 4,000 refreshes through the broker, 50 at a time.
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { build } from 'esbuild';
import { Hono } from 'hono';
import { listen, type NodeEnv } from '../electron/http/http-kit';
import { percentile, type BenchPart } from './bench-kit';

// As npm run broker:build: CommonJS packages in the ESM bundle (undici) need a require for Node's built-ins.
const BUNDLE_BANNER = "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);";
const RATE = 200;
const SECONDS = 5;

async function timed(url: string, body: string): Promise<number> {
  const start = performance.now();
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body });
  await res.text();
  if (res.status !== 200) throw new Error(`token request answered ${res.status}`);
  return performance.now() - start;
}

export const brokerBench: BenchPart = {
  name: 'broker',
  async run({ dir, log }) {
    const endpoint = new Hono<NodeEnv>();
    endpoint.post('/token', (c) => c.json({ access_token: 'a'.repeat(64), token_type: 'Bearer', expires_in: 3600, refresh_token: 'r'.repeat(64) }));
    endpoint.post('/revocation', (c) => c.body(null, 200));
    const upstream = await listen(endpoint, { port: 0 });
    const bundle = join(dir, 'broker.mjs');
    await build({ entryPoints: ['electron/broker/broker.main.ts'], bundle: true, platform: 'node', target: 'node20', format: 'esm', outfile: bundle, logLevel: 'warning', banner: { js: BUNDLE_BANNER } });
    const child: ChildProcess = spawn(process.execPath, [bundle], {
      env: {
        PATH: process.env.PATH, PORT: '0', BROKER_HOST: '127.0.0.1', BROKER_CLIENT_ID: 'bench', BROKER_CLIENT_SECRET: 'bench-secret',
        BROKER_TOKEN_URL: `${upstream.url}/token`, BROKER_REVOCATION_URL: `${upstream.url}/revocation`, BROKER_REDIRECT_URIS: 'http://127.0.0.1:8765/callback',
        BROKER_RATE_PER_ADDRESS: '1000000', BROKER_RATE_PER_REFRESH_TOKEN: '1000000',
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    // The broker says where it listens in its first log line.
    const url = await new Promise<string>((resolve, reject) => {
      let seen = '';
      child.stderr?.on('data', (chunk: Buffer) => {
        seen += chunk.toString('utf8');
        const found = /"url":"(http:\/\/[^"]+)"/.exec(seen);
        if (!found) return;
        // From here on its log lines are read and dropped (a pipe left full would stall the broker).
        child.stderr?.removeAllListeners('data');
        child.stderr?.resume();
        resolve(found[1] as string);
      });
      child.once('exit', (code) => reject(new Error(`the broker exited (${String(code)}): ${seen}`)));
    });
    const broker = { url };
    try {
      const body = (i: number) => new URLSearchParams({ grant_type: 'refresh_token', refresh_token: `token-${i}` }).toString();
      // Warm both paths (connections, JIT).
      for (let i = 0; i < 200; i++) await Promise.all([timed(`${upstream.url}/token`, body(i)), timed(`${broker.url}/token`, body(i))]);

      log(`${RATE} requests a second for ${SECONDS} s, straight and through the broker`);
      const straight: number[] = [];
      const through: number[] = [];
      const total = RATE * SECONDS;
      const started = performance.now();
      const pending: Promise<void>[] = [];
      for (let i = 0; i < total; i++) {
        const due = started + (i * 1000) / RATE;
        const wait = due - performance.now();
        if (wait > 0) await new Promise((r) => setTimeout(r, wait));
        pending.push(timed(`${upstream.url}/token`, body(i)).then((ms) => void straight.push(ms)));
        pending.push(timed(`${broker.url}/token`, body(i)).then((ms) => void through.push(ms)));
      }
      await Promise.all(pending);
      const added = percentile(through, 99) - percentile(straight, 99);

      log('4,000 refreshes through the broker, 50 at a time');
      let next = 0;
      const begun = performance.now();
      await Promise.all(Array.from({ length: 50 }, async () => {
        while (next < 4_000) await timed(`${broker.url}/token`, body(next++));
      }));
      const perSecond = 4_000 / ((performance.now() - begun) / 1000);

      return [
        { label: `broker: p99 added at ${RATE} requests/s`, value: Math.max(0, added), unit: 'ms', target: 5, note: `p99 straight ${percentile(straight, 99).toFixed(2)} ms, through the broker ${percentile(through, 99).toFixed(2)} ms; medians ${percentile(straight, 50).toFixed(2)} / ${percentile(through, 50).toFixed(2)} ms` },
        { label: 'broker: refreshes forwarded per second (50 at a time)', value: perSecond, unit: 'req/s' },
      ];
    } finally {
      child.kill('SIGTERM');
      await upstream.close();
    }
  },
};
