// The token broker ([2.7]): what it adds to a token request, measured against a local token endpoint on this
// machine (a stand-in for Visma Connect that answers at once), so the figure is the broker's own cost. The
// broker runs as it is deployed: its bundle (npm run broker:build) in a process of its own; the stand-in runs
// in a third process (bundled like the broker), so the bench process only sends the load and times it.
// - added latency: 200 requests a second for 5 s, each sent once straight to the endpoint and once through
//   the broker; p99 through the broker minus p99 straight (target ≤ 5 ms at 200 requests per second);
// - throughput: 4,000 refreshes through the broker, 50 at a time.
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { build } from 'esbuild';
import { Agent, request } from 'undici';
import { percentile, type BenchPart } from './bench-kit';

// As npm run broker:build: CommonJS packages in the ESM bundle (undici) need a require for Node's built-ins.
const BUNDLE_BANNER = "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);";
const RATE = 200;
const SECONDS = 5;

/** The stand-in for Visma Connect's token endpoint, on the project's HTTP kit; bundled to run in a process of its own. */
const STAND_IN = `import { Hono } from 'hono';
import { listen } from './electron/http/http-kit';
const token = { access_token: 'a'.repeat(64), token_type: 'Bearer', expires_in: 3600, refresh_token: 'r'.repeat(64) };
const app = new Hono();
app.post('/token', (c) => c.json(token));
app.post('/revocation', (c) => c.body(null, 200));
const server = await listen(app, { port: 0, keepAliveTimeoutMs: 60000 });
process.stdout.write('listening ' + server.url + '\\n');
process.on('SIGTERM', () => void server.close().then(() => process.exit(0)));
`;

/** The first match of `pattern` in a child's output; after it the output is read and dropped (a full pipe would stall it). */
function firstLine(child: ChildProcess, pattern: RegExp, stream: 'stdout' | 'stderr' = 'stdout'): Promise<string> {
  const out = child[stream]!;
  return new Promise<string>((resolve, reject) => {
    let seen = '';
    out.on('data', (chunk: Buffer) => {
      seen += chunk.toString('utf8');
      const found = pattern.exec(seen);
      if (!found) return;
      out.removeAllListeners('data');
      out.resume();
      resolve(found[1] as string);
    });
    child.once('exit', (code) => reject(new Error(`a bench process exited (${String(code)}): ${seen}`)));
  });
}

// The load is sent with undici's request over a keep-alive pool: fetch's own overhead in this one process
// was larger and noisier than the broker's, and it is the broker that is measured.
const agent = new Agent({ keepAliveTimeout: 30_000, connections: 128 });

async function timed(url: string, body: string): Promise<number> {
  const start = performance.now();
  const res = await request(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body, dispatcher: agent });
  await res.body.text();
  if (res.statusCode !== 200) throw new Error(`token request answered ${res.statusCode}`);
  return performance.now() - start;
}

export const brokerBench: BenchPart = {
  name: 'broker',
  async run({ dir, log }) {
    const standIn = join(dir, 'token-endpoint.mjs');
    await build({ stdin: { contents: STAND_IN, resolveDir: process.cwd(), loader: 'ts' }, bundle: true, platform: 'node', target: 'node20', format: 'esm', outfile: standIn, logLevel: 'warning', banner: { js: BUNDLE_BANNER } });
    const upstreamChild = spawn(process.execPath, [standIn], { stdio: ['ignore', 'pipe', 'inherit'] });
    const upstream = { url: await firstLine(upstreamChild, /^listening (http:\/\/\S+)$/m) };
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
    const broker = { url: await firstLine(child, /"url":"(http:\/\/[^"]+)"/, 'stderr') };
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
      upstreamChild.kill('SIGTERM');
    }
  },
};
