// The renderer's weight and speed: the gzipped size of the built JavaScript, and the time from navigation to
// the first real screen in Chromium, served by the real browser shell with the real core behind it (so the
// figure includes the two API calls the app makes before it can show anything).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { ensureRendererBuilt } from '../electron/browser-shell/renderer-build';
import { launchBrowserShell } from '../electron/browser-shell/shell-launch';
import { READY_MARK } from '../renderer/ready-mark';
import { median, type BenchFigure, type BenchPart } from './bench-kit';

const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const RUNS = 9;

/** Gzip at zlib's default level (6), what a web server would typically send. */
function gzippedKb(dir: string, extension: string): { kb: number; rawKb: number; files: number } {
  const files = readdirSync(join(dir, 'assets')).filter((f) => f.endsWith(extension));
  let gz = 0;
  let raw = 0;
  for (const f of files) {
    const bytes = readFileSync(join(dir, 'assets', f));
    raw += bytes.length;
    gz += gzipSync(bytes).length;
  }
  return { kb: gz / 1024, rawKb: raw / 1024, files: files.length };
}

interface PageTiming {
  fcp: number;
  ready: number;
}

async function firstRenders(url: string, runs: number, log: (m: string) => void): Promise<PageTiming[]> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  try {
    const timings: PageTiming[] = [];
    // One untimed load first: Chromium's own first-page costs (process start, V8 warm-up) are not the app's.
    for (let i = -1; i < runs; i++) {
      // A fresh context each time: empty HTTP cache, so every run downloads and parses the bundle again.
      const context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
      const page = await context.newPage();
      await page.goto(url);
      await page.waitForFunction((mark) => performance.getEntriesByName(mark).length > 0, READY_MARK);
      const t = await page.evaluate((mark) => ({
        fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Number.NaN,
        ready: performance.getEntriesByName(mark)[0]?.startTime ?? Number.NaN,
      }), READY_MARK);
      await context.close();
      if (i >= 0) timings.push(t);
    }
    log(`ready marks (ms): ${timings.map((t) => t.ready.toFixed(0)).join(', ')}`);
    return timings;
  } finally {
    await browser.close();
  }
}

export const rendererBench: BenchPart = {
  name: 'renderer',
  async run({ dir, log }): Promise<BenchFigure[]> {
    const outDir = join(dir, 'renderer');
    const buildStart = performance.now();
    await ensureRendererBuilt(outDir);
    const buildMs = performance.now() - buildStart;
    const js = gzippedKb(outDir, '.js');
    const css = gzippedKb(outDir, '.css');
    log(`built in ${(buildMs / 1000).toFixed(1)} s: ${js.files} JS file(s), ${js.rawKb.toFixed(0)} KB before gzip`);

    const launched = await launchBrowserShell({ env: { TILLBRIDGE_DATA_DIR: join(dir, 'data'), PORT: '0' }, demo: false, rendererDir: outDir });
    let timings: PageTiming[];
    try {
      timings = await firstRenders(launched.shell.url, RUNS, log);
    } finally {
      await launched.stop();
    }
    return [
      { label: 'renderer JS, gzipped', value: js.kb, unit: 'KB', target: 250 },
      { label: 'renderer CSS, gzipped', value: css.kb, unit: 'KB' },
      { label: `first contentful paint, median of ${RUNS}`, value: median(timings.map((t) => t.fcp)), unit: 'ms' },
      {
        label: `first render of the app, median of ${RUNS}`,
        value: median(timings.map((t) => t.ready)),
        unit: 'ms',
        target: 500,
        note: 'navigation start → app.info + settings.get answered by the real core and the first screen rendered (performance mark)',
      },
      { label: `first render of the app, slowest of ${RUNS}`, value: Math.max(...timings.map((t) => t.ready)), unit: 'ms' },
    ];
  },
};
