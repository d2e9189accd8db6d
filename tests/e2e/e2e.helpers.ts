// Shared parts of the Chromium end-to-end tests: a clock the test moves (the app's dates and transfer times
// come from it, not from the machine), Chromium launched the project's way, screenshots kept in screenshots/,
// and the sandbox's kassekladde read back as JSON.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { ensureRendererBuilt } from '../../electron/browser-shell/renderer-build';
import type { Clock } from '../../shared/ports';
import { REPO_ROOT } from '../../electron/browser-shell/renderer-build';

export const CHROMIUM = '/usr/bin/chromium';
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
export const SCREENSHOT_DIR = join(REPO_ROOT, 'screenshots');

/**
 * Starts at a fixed instant and runs on with real time (the worker's retries and the token lifetimes still
 * need time to pass), plus whatever the test adds with advance(): a new business day, a later transfer.
 */
export interface TestClock extends Clock {
  advance(ms: number): void;
}

export function startedClock(startIso: string): TestClock {
  const base = Date.parse(startIso);
  const started = performance.now();
  let added = 0;
  return {
    now: () => base + Math.floor(performance.now() - started) + added,
    advance: (ms) => {
      added += ms;
    },
  };
}

export function launchChromium(): Promise<Browser> {
  // launch() gives every run a fresh temporary profile (Playwright refuses --user-data-dir here).
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

/** For a test file: the renderer built once into a temp folder and Chromium launched, closed after the file. */
export function chromiumWithRenderer(): { readonly browser: Browser; readonly rendererDir: string } {
  const parts: { browser?: Browser; rendererDir?: string } = {};
  beforeAll(async () => {
    parts.rendererDir = join(mkdtempSync(join(tmpdir(), 'tb-e2e-build-')), 'renderer');
    await ensureRendererBuilt(parts.rendererDir);
    parts.browser = await launchChromium();
  }, 120_000);
  afterAll(async () => {
    await parts.browser?.close();
  });
  return {
    get browser() { return parts.browser as Browser; },
    get rendererDir() { return parts.rendererDir as string; },
  };
}

/** A full-page PNG in screenshots/<name>.png (gitignored; the README names the folder). */
export async function snap(page: Page, name: string, o: { tall?: boolean } = {}): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  // From the top, so the sticky header is drawn where it belongs in a full-page shot.
  await page.evaluate(() => window.scrollTo(0, 0));
  const viewport = page.viewportSize();
  // A modal dialog scrolls inside its fixed backdrop: a taller window shows all of it in one picture.
  if (o.tall && viewport) await page.setViewportSize({ width: viewport.width, height: 2200 });
  try {
    await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
  } finally {
    if (o.tall && viewport) await page.setViewportSize(viewport);
  }
}

export interface KassekladdeLine {
  description: string;
  accountNumber: number | null;
  accountVatCode: string | null;
  balancingAccountNumber: number | null;
  balancingAccountVatCode: string | null;
  amount: number;
}

export interface KassekladdeItem {
  id: string;
  status: string;
  voucherDate: string;
  lines: KassekladdeLine[];
}

/** The kassekladde through the sandbox's own control page (?format=json), as a test would read the HTML. */
export async function kassekladdeJson(sandboxUrl: string, orgId: number): Promise<KassekladdeItem[]> {
  const res = await fetch(`${sandboxUrl}/sandbox/kassekladde/${orgId}?format=json`);
  if (!res.ok) throw new Error(`kassekladde: HTTP ${res.status}`);
  const body = (await res.json()) as { ok?: boolean; value?: KassekladdeItem[] } | KassekladdeItem[];
  return Array.isArray(body) ? body : (body.value ?? []);
}

/** Lines as "description | account/vat | balancing/vat | amount" rows, so a failing assertion reads like the table. */
export function lineRows(lines: readonly KassekladdeLine[]): string[] {
  return lines.map((l) => `${l.description} | ${l.accountNumber}/${l.accountVatCode} | ${l.balancingAccountNumber}/${l.balancingAccountVatCode} | ${l.amount.toFixed(2)}`);
}

/** A Danish desk page (Copenhagen time) that keeps every console error, for a test to assert there are none. */
export async function openDeskPage(browser: Browser, height = 860): Promise<{ context: BrowserContext; page: Page; consoleErrors: string[] }> {
  const context = await browser.newContext({ locale: 'da-DK', timezoneId: 'Europe/Copenhagen', viewport: { width: 1280, height } });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  const consoleErrors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
  return { context, page, consoleErrors };
}
