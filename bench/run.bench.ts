// `npm run bench`: runs each registered part in its own temp dir and prints its figures against the targets.
// To add a part, write bench/<name>.bench.ts exporting a BenchPart and list it below.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BenchFigure, BenchPart } from './bench-kit';
import { brokerBench } from './broker.bench';
import { rendererBench } from './renderer.bench';
import { tillCoreBench } from './till-core.bench';
import { transferBench } from './transfer.bench';
import { transferLatencyBench } from './transfer-latency.bench';
import { recordsBench } from './records.bench';

const PARTS: readonly BenchPart[] = [tillCoreBench, recordsBench, transferBench, transferLatencyBench, rendererBench, brokerBench];

const format = (f: BenchFigure) => {
  const digits = f.unit === 'count' ? 0 : f.value < 1 ? 3 : f.value < 100 ? 2 : 1;
  const value = `${f.value.toFixed(digits)} ${f.unit === 'count' ? '' : f.unit}`.trim();
  if (f.target === undefined) return `  ${f.label.padEnd(58)} ${value.padStart(12)}`;
  const verdict = f.value <= f.target ? 'met' : `MISSED by ${(f.value / f.target).toFixed(2)}×`;
  return `  ${f.label.padEnd(58)} ${value.padStart(12)}   target ≤ ${f.target} ${f.unit}: ${verdict}`;
};

async function main(): Promise<number> {
  const only = process.argv.slice(2);
  let missed = 0;
  let failed = 0;
  const started = performance.now();
  for (const part of PARTS.filter((p) => only.length === 0 || only.includes(p.name))) {
    const dir = mkdtempSync(join(tmpdir(), `tillbridge-bench-${part.name}-`));
    console.log(`\n== ${part.name}`);
    try {
      const figures = await part.run({ dir, log: (m) => console.log(`  · ${m}`) });
      for (const f of figures) {
        console.log(format(f));
        if (f.note) console.log(`      ${f.note}`);
        if (f.target !== undefined && f.value > f.target) missed += 1;
      }
    } catch (error) {
      failed += 1;
      console.error(`  part failed: ${(error as Error).stack ?? String(error)}`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  console.log(`\nbench finished in ${((performance.now() - started) / 1000).toFixed(0)} s: ${missed} target(s) missed, ${failed} part(s) failed`);
  return failed > 0 ? 1 : 0;
}

process.exitCode = await main();
