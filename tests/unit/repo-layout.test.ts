// The house rules for file names and test helpers (docs/ARCHITECTURE.md, "Naming"), checked over the files git
// knows: each suffix in use means one thing and lives where that thing belongs, and no test tier reaches into
// another tier's helpers (shared ones live in tests/support/).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const FILES = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], { cwd: ROOT, encoding: 'utf8' })
  .split('\n')
  .filter((f) => /\.(ts|tsx|mjs)$/.test(f) && !f.startsWith('node_modules/'));
const source = (f: string) => readFileSync(join(ROOT, f), 'utf8');
const relativeImports = (f: string) => [...source(f).matchAll(/(?:from|import)\s*\(?\s*'(\.[^']+)'/g)].map((m) => normalize(join(dirname(f), m[1]!)));

/** suffix → where such files live, and what else must hold for them. */
const RULES: Array<{ suffix: RegExp; meaning: string; where: RegExp; holds?: (f: string) => string | null }> = [
  { suffix: /\.repo\.ts$/, meaning: 'SQL for one table group', where: /^electron\/db\// },
  { suffix: /\.query\.ts$/, meaning: 'a read-only SQL query', where: /^electron\/db\// },
  { suffix: /\.handlers\.ts$/, meaning: 'one group of contract channels', where: /^electron\/app\/handlers\// },
  { suffix: /\.routes?\.ts$/, meaning: 'HTTP request handlers', where: /^electron\/(broker|browser-shell|dinero\/sandbox)\// },
  { suffix: /\.schemas\.ts$/, meaning: 'zod schemas', where: /^(shared|electron\/dinero\/client)\//, holds: (f) => (/from 'zod'/.test(source(f)) ? null : 'does not use zod') },
  { suffix: /\.types\.ts$/, meaning: 'shapes (types and the constants that name them)', where: /./, holds: (f) => (/^export (async )?function /m.test(source(f)) ? 'declares a function' : null) },
  { suffix: /\.main\.ts$/, meaning: 'a program run by an npm script', where: /^electron\//, holds: (f) => (source('package.json').includes(f) ? null : 'is not run by any npm script') },
  { suffix: /\.electron\.ts$/, meaning: 'a thin adapter over Electron', where: /^electron\// },
  { suffix: /\.e2e\.test\.ts$/, meaning: 'an end-to-end test in Chromium', where: /^tests\/e2e\// },
  { suffix: /\.property\.test\.ts$/, meaning: 'a fast-check property test', where: /^tests\//, holds: (f) => (/from 'fast-check'/.test(source(f)) ? null : 'does not use fast-check') },
  { suffix: /\.test\.tsx?$/, meaning: 'a test', where: /^tests\// },
  { suffix: /\.bench\.ts$/, meaning: 'a measurement for npm run bench', where: /^bench\// },
  { suffix: /\.global\.ts$/, meaning: 'a vitest global setup', where: /^tests\/support\// },
  { suffix: /\.entry\.ts$/, meaning: 'the entry of a child process a test bundles', where: /^tests\/[^/]+\/support\// },
];

describe('naming', () => {
  it('each suffix lives where it belongs and means what ARCHITECTURE.md says', () => {
    const wrong: string[] = [];
    for (const f of FILES) {
      for (const rule of RULES) {
        if (!rule.suffix.test(f)) continue;
        if (!rule.where.test(f)) wrong.push(`${f}: ${rule.meaning} belongs under ${rule.where.source}`);
        const problem = rule.holds?.(f);
        if (problem) wrong.push(`${f}: ${problem}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('nothing imports a program entry (*.main.ts)', () => {
    const importers = FILES.filter((f) => relativeImports(f).some((t) => /\.main(\.ts)?$/.test(t)));
    expect(importers).toEqual([]);
  });

  it('every suffix ARCHITECTURE.md names has a rule here', () => {
    const doc = source('docs/ARCHITECTURE.md');
    const section = doc.slice(doc.indexOf('## Naming'));
    for (const name of ['.repo.ts', '.query.ts', '.handlers.ts', '.routes.ts', '.schemas.ts', '.types.ts', '.main.ts', '.electron.ts', '.e2e.test.ts', '.property.test.ts', '.bench.ts', '.global.ts', '.entry.ts']) {
      expect(section, name).toContain(`\`*${name}\``);
    }
  });
});

describe('one HTTP kit', () => {
  it('the app\'s servers are Hono apps that only electron/http/ listens with (no hand-written node:http server)', () => {
    const app = FILES.filter((f) => /^(electron|shared|renderer|scripts|bench)\//.test(f) && !f.startsWith('electron/http/'));
    const offenders = app.filter((f) => /from '@hono\/node-server|\bcreateServer\b/.test(source(f)));
    expect(offenders).toEqual([]);
    // …and the servers that exist do use it.
    const users = app.filter((f) => /from '(\.\.\/)+http\/http-kit'/.test(source(f)));
    for (const server of ['electron/browser-shell/browser-shell.server.ts', 'electron/dinero/sandbox/sandbox.server.ts', 'electron/dinero/sandbox/federated-idp.ts', 'electron/dinero/check/dinero-check.command.ts']) {
      expect(users, server).toContain(server);
    }
  });
});

describe('test helpers', () => {
  it('no test tier imports another tier\'s files; shared helpers live in tests/support and import no tier', () => {
    const crossing: string[] = [];
    for (const f of FILES.filter((x) => x.startsWith('tests/'))) {
      const tier = f.split('/')[1];
      for (const target of relativeImports(f)) {
        if (!target.startsWith('tests/')) continue;
        const targetTier = target.split('/')[1];
        if (targetTier === tier || targetTier === 'support') continue;
        crossing.push(`${f} → ${target}`);
      }
    }
    expect(crossing).toEqual([]);
  });
});
