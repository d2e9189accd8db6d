#!/usr/bin/env node
// The README's test command. Runs lint, the per-runtime type checks and every vitest test,
// then prints the one line CI reads: "N passed, N failed".
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const run = (cmd, args) => spawnSync(cmd, args, { stdio: 'inherit', shell: false }).status === 0;
const npx = (args) => run('npx', ['--no-install', ...args]);

const gates = [
  ['lint', () => npx(['eslint', '.'])],
  ['typecheck shared', () => npx(['tsc', '-p', 'shared/tsconfig.json'])],
  ['typecheck electron', () => npx(['tsc', '-p', 'electron/tsconfig.json'])],
  ['typecheck renderer', () => npx(['tsc', '-p', 'renderer/tsconfig.json'])],
  ['typecheck tests', () => npx(['tsc', '-p', 'tests/tsconfig.json'])],
];
let gatePassed = 0;
let gateFailed = 0;
for (const [name, gate] of gates) {
  process.stdout.write(`\n== ${name}\n`);
  if (gate()) gatePassed += 1; else { gateFailed += 1; console.error(`FAILED: ${name}`); }
}

const outDir = mkdtempSync(join(tmpdir(), 'tillbridge-test-'));
const jsonFile = join(outDir, 'vitest.json');
const extra = process.argv.slice(2);
process.stdout.write('\n== vitest\n');
const vitestOk = npx(['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${jsonFile}`, ...extra]);

let passed = 0;
let failed = 0;
let skipped = 0;
try {
  const report = JSON.parse(readFileSync(jsonFile, 'utf8'));
  passed = report.numPassedTests;
  failed = report.numFailedTests;
  skipped = report.numPendingTests + (report.numTodoTests ?? 0);
} catch {
  failed += 1; // vitest crashed before writing its report
}
if (!vitestOk && failed === 0) failed += 1; // e.g. an unhandled error outside any test
rmSync(outDir, { recursive: true, force: true });

passed += gatePassed;
failed += gateFailed;
if (skipped) console.log(`\n${skipped} skipped`);
// The last line, exactly as CI reads it.
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed === 0 && passed > 0 ? 0 : 1);
