// The layer rules of docs/architecture.md, for dependency-cruiser: which folder may import which.
// `.dependency-cruiser.mjs` enforces `enforced`; `next` holds any rule the code does not meet yet,
// to move up once it holds (none today). tests/integration/dependency-rules.test.ts proves every rule
// catches a deliberate violation.

/** The Electron package itself, as resolved (node_modules/electron/index.js) or unresolved. */
const ELECTRON_PACKAGE = '^(node_modules/electron/|electron$)';

/**
 * A rule: imports from `from` to `to` are errors.
 * @param {string} name
 * @param {string} comment why the arrow is forbidden
 * @param {import('dependency-cruiser').IFromRestriction} from
 * @param {import('dependency-cruiser').IToRestriction} to
 * @returns {import('dependency-cruiser').IForbiddenRuleType}
 */
function forbid(name, comment, from, to) {
  return { name, comment, severity: 'error', from, to };
}

/** @type {import('dependency-cruiser').IForbiddenRuleType[]} */
export const enforced = [
  forbid('no-cycle', 'An import cycle makes the order of module start-up matter and the layers meaningless.',
    {}, { circular: true }),
  forbid('renderer-not-electron', 'The renderer talks to the back end only through the contract in shared/api.ts (static or dynamic import alike).',
    { path: '^renderer/' }, { path: [`^electron/`, ELECTRON_PACKAGE, '^node_modules/better-sqlite3/'] }),
  forbid('renderer-not-node', 'The renderer runs in a browser page: no Node built-ins.',
    { path: '^renderer/' }, { dependencyTypes: ['core'] }),
  forbid('shared-not-node', 'shared/ runs in the browser too: no Node built-ins, bare (fs) or prefixed (node:fs).',
    { path: '^shared/' }, { dependencyTypes: ['core'] }),
  forbid('shared-not-sides', 'shared/ is what both sides stand on: it imports neither of them, nor Electron or SQLite.',
    { path: '^shared/' }, { path: ['^electron/', '^renderer/', ELECTRON_PACKAGE, '^node_modules/better-sqlite3/'] }),
  forbid('renderer-app-on-top', 'renderer/app puts the sections together; nothing below it imports it (routing lives in renderer/router).',
    { path: '^renderer/(features|components|router|stores|api)/' }, { path: '^renderer/app/' }),
  forbid('renderer-shared-below-features', 'The router, the stores, the API client and the components serve the features and import none of them.',
    { path: '^renderer/(components|router|stores|api)/' }, { path: '^renderer/features/' }),
  forbid('backend-not-renderer', 'The back end never imports the renderer.',
    { path: '^electron/' }, { path: '^renderer/' }),
  forbid('core-not-shells', 'electron/core runs under plain Node for the shell, the web mode and the CLI alike: it imports none of them, nor Electron.',
    { path: '^electron/core/' }, { path: ['^electron/(main|server|cli)/', ELECTRON_PACKAGE] }),
  forbid('shells-not-electron', 'Only electron/main may import Electron: the web mode and the CLI run without it.',
    { path: '^electron/(server|cli)/' }, { path: ELECTRON_PACKAGE }),
  forbid('server-not-main', 'The web mode runs without the Electron shell.',
    { path: '^electron/server/' }, { path: '^electron/main/' }),
  forbid('db-not-services', 'The table modules are the bottom floor: services call them, never the other way.',
    { path: '^electron/core/db/' }, { path: '^electron/core/services/' }),
  forbid('export-not-services', 'Workbooks are written from the read models services hand in (export/sources.ts).',
    { path: '^electron/core/export/' }, { path: '^electron/core/services/' }),
  forbid('import-not-export', 'What both sides of the workbook agree on lives in electron/core/workbook-format.ts.',
    { path: '^electron/core/import/' }, { path: '^electron/core/export/' }),
  forbid('report-not-services', 'The report is drafted from the read model the services hand in (report/sources.ts), like the export.',
    { path: '^electron/core/report/' }, { path: '^electron/core/services/' }),
  forbid('import-not-services', 'The workbook readers hand what they read to services/imports.ts; they call no service.',
    { path: '^electron/core/import/' }, { path: '^electron/core/services/' }),
  forbid('export-report-apart', 'The export and the report share rules through neutral modules (electron/core/reported.ts, ref-forms.ts), not each other\'s files.',
    { path: '^electron/core/(export|report)/' }, { path: '^electron/core/(export|report)/', pathNot: '^electron/core/$1/' }),
  forbid('services-not-sqlite', 'Services, export and report reach the database through the table modules (electron/core/db) and the storage interface, never SQLite itself.',
    { path: '^electron/core/(services|export|report)/' }, { path: '^node_modules/better-sqlite3/' }),
  forbid('features-apart', 'A feature talks to another through renderer/stores or the router; pieces two features show belong in renderer/components.',
    { path: '^renderer/features/([^/]+)/' }, { path: '^renderer/features/', pathNot: '^renderer/features/$1/' }),
];

/**
 * Rules the code is being brought to: enforce each once `npm run deps` shows it holds.
 * @type {import('dependency-cruiser').IForbiddenRuleType[]}
 */
export const next = [];

/** @type {import('dependency-cruiser').ICruiseOptions} */
export const options = {
  doNotFollow: { path: 'node_modules' },
  // Type-only imports are arrows too: a layer that needs another's types depends on it.
  tsPreCompilationDeps: true,
  tsConfig: { fileName: 'tsconfig.json' },
  exclude: { path: '^(dist|dist-electron|release)/' },
};
