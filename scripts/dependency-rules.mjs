// The layer rules of docs/architecture.md, for dependency-cruiser: which folder may import which.
// `.dependency-cruiser.mjs` enforces `enforced`; `next` holds the rules the code does not meet yet,
// each to move up once it holds. tests/integration/dependency-rules.test.ts proves every rule
// catches a deliberate violation.
/** The Electron package itself, as resolved (node_modules/electron/index.js) or unresolved. */
const ELECTRON_PACKAGE = '^(node_modules/electron/|electron$)';

/** @type {import('dependency-cruiser').IForbiddenRuleType[]} */
export const enforced = [
  {
    name: 'no-cycle',
    comment: 'An import cycle makes the order of module start-up matter and the layers meaningless.',
    severity: 'error',
    from: {},
    to: { circular: true },
  },
  {
    name: 'renderer-not-electron',
    comment: 'The renderer talks to the back end only through the contract in shared/api.ts (static or dynamic import alike).',
    severity: 'error',
    from: { path: '^renderer/' },
    to: { path: [`^electron/`, ELECTRON_PACKAGE, '^node_modules/better-sqlite3/'] },
  },
  {
    name: 'renderer-not-node',
    comment: 'The renderer runs in a browser page: no Node built-ins.',
    severity: 'error',
    from: { path: '^renderer/' },
    to: { dependencyTypes: ['core'] },
  },
  {
    name: 'shared-not-node',
    comment: 'shared/ runs in the browser too: no Node built-ins, bare (fs) or prefixed (node:fs).',
    severity: 'error',
    from: { path: '^shared/' },
    to: { dependencyTypes: ['core'] },
  },
  {
    name: 'shared-not-sides',
    comment: 'shared/ is what both sides stand on: it imports neither of them, nor Electron or SQLite.',
    severity: 'error',
    from: { path: '^shared/' },
    to: { path: ['^electron/', '^renderer/', ELECTRON_PACKAGE, '^node_modules/better-sqlite3/'] },
  },
  {
    name: 'renderer-app-on-top',
    comment: 'renderer/app puts the sections together; nothing below it imports it (routing lives in renderer/router).',
    severity: 'error',
    from: { path: '^renderer/(features|components|router|stores|api)/' },
    to: { path: '^renderer/app/' },
  },
  {
    name: 'renderer-shared-below-features',
    comment: 'The router, the stores, the API client and the components serve the features and import none of them.',
    severity: 'error',
    from: { path: '^renderer/(components|router|stores|api)/' },
    to: { path: '^renderer/features/' },
  },
  {
    name: 'backend-not-renderer',
    comment: 'The back end never imports the renderer.',
    severity: 'error',
    from: { path: '^electron/' },
    to: { path: '^renderer/' },
  },
  {
    name: 'core-not-shells',
    comment: 'electron/core runs under plain Node for the shell, the web mode and the CLI alike: it imports none of them, nor Electron.',
    severity: 'error',
    from: { path: '^electron/core/' },
    to: { path: ['^electron/(main|server|cli)/', ELECTRON_PACKAGE] },
  },
  {
    name: 'shells-not-electron',
    comment: 'Only electron/main may import Electron: the web mode and the CLI run without it.',
    severity: 'error',
    from: { path: '^electron/(server|cli)/' },
    to: { path: ELECTRON_PACKAGE },
  },
  {
    name: 'server-not-main',
    comment: 'The web mode runs without the Electron shell.',
    severity: 'error',
    from: { path: '^electron/server/' },
    to: { path: '^electron/main/' },
  },
  {
    name: 'db-not-services',
    comment: 'The table modules are the bottom floor: services call them, never the other way.',
    severity: 'error',
    from: { path: '^electron/core/db/' },
    to: { path: '^electron/core/services/' },
  },
  {
    name: 'export-not-services',
    comment: 'Workbooks are written from the read models services hand in (export/sources.ts).',
    severity: 'error',
    from: { path: '^electron/core/export/' },
    to: { path: '^electron/core/services/' },
  },
  {
    name: 'import-not-export',
    comment: 'What both sides of the workbook agree on lives in electron/core/workbook-format.ts.',
    severity: 'error',
    from: { path: '^electron/core/import/' },
    to: { path: '^electron/core/export/' },
  },
];

/** Rules the code is being brought to: enforce each once `npm run deps` shows it holds. */
/** @type {import('dependency-cruiser').IForbiddenRuleType[]} */
export const next = [
  {
    name: 'features-apart',
    comment: 'A feature talks to another through renderer/stores or the router; pieces two features show belong in renderer/components.',
    severity: 'error',
    from: { path: '^renderer/features/([^/]+)/' },
    to: { path: '^renderer/features/', pathNot: '^renderer/features/$1/' },
  },
  {
    name: 'report-not-services',
    comment: 'The report is drafted from read models the services hand in, like the export.',
    severity: 'error',
    from: { path: '^electron/core/report/' },
    to: { path: '^electron/core/services/' },
  },
];

/** @type {import('dependency-cruiser').ICruiseOptions} */
export const options = {
  doNotFollow: { path: 'node_modules' },
  // Type-only imports are arrows too: a layer that needs another's types depends on it.
  tsPreCompilationDeps: true,
  tsConfig: { fileName: 'tsconfig.json' },
  exclude: { path: '^(dist|dist-electron|release)/' },
};
