// Real concurrency on one SQLite file: bundles a worker entry with esbuild (better-sqlite3 stays external) and
// runs it in `count` worker threads at once. Each worker gets its index, the shared data and a countdown barrier
// (waitAtBarrier, in worker-barrier.ts so a worker's bundle stays free of esbuild) so their writes overlap in time; each posts one message back, returned in worker order.
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { buildSync } from 'esbuild';

export async function runWorkers<T>(entry: string, count: number, data: Record<string, unknown>): Promise<T[]> {
  const bundleDir = join(process.cwd(), '.tmp', 'tests-workers');
  mkdirSync(bundleDir, { recursive: true });
  const bundle = join(bundleDir, `${entry.replace(/^.*[\\/]/, '').replace(/\.ts$/, '')}.${process.pid}.mjs`);
  buildSync({ entryPoints: [entry], bundle: true, platform: 'node', format: 'esm', target: 'node20', external: ['better-sqlite3'], outfile: bundle, logLevel: 'error' });
  const barrier = new SharedArrayBuffer(4);
  new Int32Array(barrier)[0] = count;
  try {
    return await Promise.all(
      Array.from({ length: count }, (_, worker) => {
        const thread = new Worker(bundle, { workerData: { ...data, worker, barrier } });
        return new Promise<T>((resolve, reject) => {
          thread.once('message', resolve);
          thread.once('error', reject);
        });
      }),
    );
  } finally {
    rmSync(bundle, { force: true });
  }
}
