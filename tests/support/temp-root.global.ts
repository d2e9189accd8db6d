// Every temp folder the tests make is cleaned: before any test file runs, one folder for this run is made
// and TMPDIR points at it, so os.tmpdir() in every test worker, in the child processes the tests spawn (the
// crash test's children, the CLI, Chromium's profiles) and in the code under test lands inside it. When the
// run ends, the folder goes, whatever a test forgot to remove. TILLBRIDGE_KEEP_TEST_TMP=1 keeps it to look at.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default function setup(): () => void {
  const root = mkdtempSync(join(tmpdir(), 'tillbridge-tests-'));
  const previous = { TMPDIR: process.env.TMPDIR, TMP: process.env.TMP, TEMP: process.env.TEMP };
  process.env.TMPDIR = root;
  process.env.TMP = root;
  process.env.TEMP = root;
  return () => {
    for (const [key, value] of Object.entries(previous)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
    if (process.env.TILLBRIDGE_KEEP_TEST_TMP === '1') return;
    rmSync(root, { recursive: true, force: true, maxRetries: 3 });
  };
}
