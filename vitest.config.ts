import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'],
    environment: 'node',
    // One temp folder per run, removed at the end (tests/support/temp-root.global.ts).
    globalSetup: ['tests/support/temp-root.global.ts'],
    // SQLite files and HTTP servers live per test file; 2 cores on CI.
    pool: 'forks',
    testTimeout: 30_000,
    // electron-store imports 'electron' itself: inlined, so tests/shell-electron's vi.mock('electron') reaches it.
    server: { deps: { inline: ['electron-store'] } },
    hookTimeout: 30_000,
  },
});
