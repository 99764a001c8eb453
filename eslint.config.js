// Lint rules: types, the HTML ban in the renderer, write transactions; the layer boundaries are checked by dependency-cruiser (npm run deps) as well.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const nodeBuiltins = { group: ['node:*'], message: 'shared/ and renderer/ run in the browser too: no Node built-ins.' };

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'dist-electron/', 'release/', 'tests/e2e/artifacts/', '.scratch/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    // The store answers promises: one not awaited is a write that may land after its transaction, a
    // check that always passes (`if (promise)`), or a failure nobody hears of.
    files: ['electron/**/*.ts', 'tests/**/*.ts', 'bench/**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/return-await': ['error', 'in-try-catch'],
    },
  },
  {
    files: ['bin/**/*.js', 'scripts/**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
  },
  {
    files: ['shared/**'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          nodeBuiltins,
          { group: ['**/electron/**', '**/renderer/**'], message: 'shared/ imports nothing from electron/ or renderer/.' },
          { group: ['electron', 'better-sqlite3'], message: 'shared/ is pure TypeScript.' },
        ],
      }],
    },
  },
  {
    files: ['renderer/**'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          nodeBuiltins,
          { group: ['**/electron/**', 'electron', 'better-sqlite3'], message: 'The renderer talks to the back end only through the contract in shared/api.ts.' },
        ],
      }],
      // Nothing a clerk or a file typed is ever rendered as HTML: React's text nodes and attributes only.
      'no-restricted-syntax': ['error',
        { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'No HTML from strings: render text with React (dangerouslySetInnerHTML).' },
        { selector: 'MemberExpression[property.name=/^(innerHTML|outerHTML)$/]', message: 'No HTML from strings: set textContent, not innerHTML/outerHTML.' },
        { selector: "CallExpression[callee.property.name=/^(insertAdjacentHTML|createContextualFragment|parseFromString)$/]", message: 'No HTML from strings (insertAdjacentHTML, createContextualFragment, DOMParser).' },
      ],
      'no-restricted-properties': ['error',
        { object: 'document', property: 'write', message: 'No HTML from strings: document.write.' },
        { object: 'document', property: 'writeln', message: 'No HTML from strings: document.writeln.' },
      ],
    },
  },
  {
    files: ['electron/core/**', 'electron/cli/**', 'electron/server/**'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['electron'], message: 'Only electron/main/ may import Electron: the core runs under plain Node.' },
          { group: ['**/renderer/**'], message: 'The back end never imports the renderer.' },
        ],
      }],
    },
  },
  {
    // Write transactions take the write lock first, so a second copy writing waits (busy_timeout) instead of being refused:
    // the store's transaction (store/sqlite.ts) and writeTransaction begin IMMEDIATE; better-sqlite3's own does not.
    files: ['electron/**'],
    ignores: ['electron/core/db/write-transaction.ts', 'electron/core/store/sqlite.ts'],
    rules: {
      'no-restricted-syntax': ['error',
        { selector: "CallExpression[callee.object.name='db'][callee.property.name='transaction'], CallExpression[callee.object.name='db'][callee.property.value='transaction'], CallExpression[callee.object.property.name='db'][callee.property.name='transaction']", message: 'Use core.transaction(fn) (the store), or writeTransaction(db, fn) on a bare connection: a deferred .transaction() is refused at once when another copy of Reestr writes.' },
      ],
    },
  },
);
