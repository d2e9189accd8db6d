// Shared parts of the Chromium end-to-end tests: a clock the test moves (the app's dates and transfer times
// come from it, not from the machine), Chromium launched the project's way, screenshots kept in screenshots/,
// the sandbox's kassekladde read back as JSON, and axe-core's check of the page.
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
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

/**
 * Words that give away a sentence in the other language. Only words that are not also words (or common loan
 * words) in the page's own language: "for", "at", "to", "is", "have" are Danish too; "Online" is used in Danish.
 */
const ENGLISH_ONLY = new Set(['the', 'and', 'was', 'not', 'this', 'that', 'with', 'would', 'could', 'please', 'your', 'which', 'been', 'has',
  'will', 'cannot', 'does', 'already', 'queued', 'transfer', 'transfers', 'report', 'reports', 'sent', 'again', 'try', 'of', 'from',
  'an', 'no', 'yet', 'into', 'while', 'there', 'it', 'you', 'when', 'daily', 'cash', 'account', 'sale', 'sales', 'payment', 'expected', 'counted']);
const DANISH_ONLY = new Set(['og', 'ikke', 'er', 'det', 'den', 'til', 'på', 'af', 'med', 'der', 'som', 'kan', 'skal', 'har', 'eller', 'fra', 'efter',
  'prøv', 'igen', 'venter', 'findes', 'salg', 'optalt', 'byttepenge', 'indstillinger', 'ingen', 'endnu', 'dagsafslutning', 'ekspedition',
  'forventet', 'kassebeholdning', 'overført', 'sendt', 'afvist', 'bilag', 'firma', 'betaling', 'beløb']);
const DANISH_PREFIXES = ['dagsrapport', 'overførsel', 'kassekladde', 'bogfør', 'konto', 'betalingstype', 'kassedifference', 'øreafrunding'];

/**
 * The sentences on the page that are in the other language: every visible text, placeholder and title the
 * user reads, except what is marked translate="no" (the shop's own data: names, descriptions, Dinero's words).
 */
export async function otherLanguageText(page: Page, language: 'da' | 'en'): Promise<string[]> {
  const texts = await page.evaluate(() => {
    const out: string[] = [];
    const mute = (el: Element | null) => !el || el.closest('[translate="no"]') !== null || !el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true });
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const text = n.textContent?.trim() ?? '';
      if (text !== '' && !mute(n.parentElement)) out.push(text);
    }
    for (const el of document.querySelectorAll('[placeholder], [title], [aria-label]')) {
      if (mute(el)) continue;
      for (const attr of ['placeholder', 'title', 'aria-label']) {
        const value = el.getAttribute(attr)?.trim();
        if (value) out.push(value);
      }
    }
    return out;
  });
  const foreign = (word: string) => language === 'da'
    ? ENGLISH_ONLY.has(word)
    : DANISH_ONLY.has(word) || DANISH_PREFIXES.some((p) => word.startsWith(p));
  return [...new Set(texts.filter((text) => text.toLowerCase().split(/[^\p{L}\p{N}]+/u).some(foreign)))];
}

// Evaluated through the DevTools protocol: the page's CSP (script-src 'self') rightly refuses a script tag.
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeFinding {
  id: string;
  impact: string | null;
  targets: string[];
}

/** axe's serious and critical WCAG 2.1 A/AA violations on the page as it is now. */
export async function axeViolations(page: Page): Promise<AxeFinding[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: Document, opts: object): Promise<{ violations: Array<{ id: string; impact: string | null; nodes: Array<{ target: unknown[] }> }> }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, resultTypes: ['violations'] });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({ id: v.id, impact: v.impact, targets: v.nodes.slice(0, 5).map((n) => n.target.map(String).join(' ')) }));
  });
}
