// Lint is also the layer guard: each folder may import only what its runtime allows (docs/ARCHITECTURE.md).
import tseslint from 'typescript-eslint';

const electronOnlyInAdapters = {
  paths: [
    { name: 'electron', message: 'Only thin adapter files (*.electron.ts) may import electron.' },
    { name: 'electron-store', message: 'Only thin adapter files (*.electron.ts) may import electron-store.' },
  ],
};

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'coverage/**', '.tmp/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': ['error', electronOnlyInAdapters],
    },
  },
  {
    // Main may use the renderer's one catalogue of sentences (the PDF, the CLI), and nothing else of the renderer.
    files: ['electron/**/*.ts'],
    ignores: ['electron/**/*.electron.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        ...electronOnlyInAdapters,
        patterns: [
          { regex: '/renderer/(?!i18n/catalogue$)', message: 'Main may import only renderer/i18n/catalogue (the one catalogue of sentences).' },
        ],
      }],
    },
  },
  {
    // shared/ is pure: zod and its own relative files, nothing else (no Node, no DOM libraries).
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { regex: '^(?!zod$|\\.)', message: 'shared/ may import only zod and other shared/ files.' },
          { group: ['**/electron/**', '**/renderer/**'], message: 'shared/ may not reach into electron/ or renderer/.' },
        ],
      }],
    },
  },
  {
    // The renderer talks to main only through the typed api module; it never sees Node or Electron.
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['**/electron/**', 'electron', 'electron-store', 'node:*', 'better-sqlite3', 'axios', 'conf'], message: 'The renderer may not import Node, Electron or main-process code.' },
        ],
      }],
    },
  },
  {
    // SQL lives in electron/db: nothing else prepares, executes or sets pragmas on the database.
    // (The bench measures raw SQL against its floor on purpose, so it is not in this rule.)
    files: ['electron/**/*.ts', 'shared/**/*.ts', 'renderer/**/*.ts', 'renderer/**/*.tsx'],
    ignores: ['electron/db/**'],
    rules: {
      'no-restricted-syntax': ['error', {
        selector: "CallExpression[callee.type='MemberExpression'][callee.property.name=/^(prepare|exec|pragma)$/][arguments.0.type=/Literal|TemplateLiteral/]",
        message: 'SQL lives in electron/db: add a repository function there instead.',
      }],
    },
  },
  {
    // The Electron adapters are the only files allowed to touch electron / electron-store.
    files: ['electron/**/*.electron.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
);
