// The layer rules (scripts/dependency-rules.mjs) catch each back-edge they name, on a small tree of
// files written for it, and the real tree meets every enforced rule.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { cruise, type ICruiseResult, type IForbiddenRuleType } from 'dependency-cruiser';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers';

const ROOT = join(import.meta.dirname, '../..');

interface Rules {
  enforced: IForbiddenRuleType[];
  next: IForbiddenRuleType[];
  options: Record<string, unknown>;
}

// A path in a variable: the rules are plain JavaScript for the cruiser's own command, without types.
const RULES = pathToFileURL(join(ROOT, 'scripts/dependency-rules.mjs')).href;
const CONFIG = pathToFileURL(join(ROOT, '.dependency-cruiser.mjs')).href;
const rules = (await import(RULES)) as Rules;

/** Names of the rules the tree under `base` breaks, from the folders given. */
async function broken(base: string, folders: string[], forbidden: IForbiddenRuleType[]): Promise<string[]> {
  const { tsConfig: _own, ...options } = rules.options;
  const { output } = await cruise(folders, { ...options, baseDir: base, validate: true, ruleSet: { forbidden } });
  const result = output as ICruiseResult;
  return [...new Set(result.summary.violations.map((v) => v.rule.name))].sort();
}

const FOLDERS = ['electron', 'shared', 'renderer'];

/** Writes the files (path → text) under a new folder, with a stand-in Electron package. */
function tree(files: Record<string, string>): string {
  const base = tempDir();
  for (const folder of FOLDERS) mkdirSync(join(base, folder));
  const all = {
    'node_modules/electron/package.json': '{ "name": "electron", "main": "index.js" }',
    'node_modules/electron/index.js': 'module.exports = {};',
    'node_modules/better-sqlite3/package.json': '{ "name": "better-sqlite3", "main": "index.js" }',
    'node_modules/better-sqlite3/index.js': 'module.exports = {};',
    ...files,
  };
  for (const [path, text] of Object.entries(all)) {
    mkdirSync(dirname(join(base, path)), { recursive: true });
    writeFileSync(join(base, path), text);
  }
  return base;
}

const target = (path: string) => ({ [path]: 'export const x = 1;\n' });

/** Each case: the rule, and a tree holding one import it forbids. */
const VIOLATIONS: [rule: string, files: Record<string, string>][] = [
  ['no-cycle', { 'shared/a.ts': "import { b } from './b';\nexport const a = () => b;\n", 'shared/b.ts': "import { a } from './a';\nexport const b = () => a;\n" }],
  ['renderer-not-electron', { 'renderer/page.ts': "import { x } from '../electron/core/core';\nexport const y = x;\n", ...target('electron/core/core.ts') }],
  ['renderer-not-electron', { 'renderer/page.ts': "export const load = () => import('../electron/main/window');\n", ...target('electron/main/window.ts') }],
  ['renderer-not-electron', { 'renderer/page.ts': "import { ipcRenderer } from 'electron';\nexport const y = ipcRenderer;\n" }],
  ['renderer-not-node', { 'renderer/page.ts': "import { readFileSync } from 'node:fs';\nexport const y = readFileSync;\n" }],
  ['shared-not-node', { 'shared/util.ts': "import { readFileSync } from 'fs';\nexport const y = readFileSync;\n" }],
  ['shared-not-node', { 'shared/util.ts': "import { join } from 'node:path';\nexport const y = join;\n" }],
  ['shared-not-sides', { 'shared/util.ts': "import type { x } from '../renderer/page';\nexport type Y = typeof x;\n", ...target('renderer/page.ts') }],
  ['shared-not-sides', { 'shared/util.ts': "import { x } from '../electron/core/core';\nexport const y = x;\n", ...target('electron/core/core.ts') }],
  ['renderer-app-on-top', { 'renderer/features/events/Page.tsx': "import { x } from '../../app/route';\nexport const y = x;\n", ...target('renderer/app/route.ts') }],
  ['renderer-shared-below-features', { 'renderer/stores/filter.ts': "import { x } from '../features/events/Page';\nexport const y = x;\n", ...target('renderer/features/events/Page.ts') }],
  ['backend-not-renderer', { 'electron/core/core.ts': "import { x } from '../../renderer/page';\nexport const y = x;\n", ...target('renderer/page.ts') }],
  ['core-not-shells', { 'electron/core/core.ts': "import { x } from '../main/window';\nexport const y = x;\n", ...target('electron/main/window.ts') }],
  ['core-not-shells', { 'electron/core/services/events.ts': "import { x } from '../../server/http';\nexport const y = x;\n", ...target('electron/server/http.ts') }],
  ['core-not-shells', { 'electron/core/db/events.ts': "import { x } from '../../cli/main';\nexport const y = x;\n", ...target('electron/cli/main.ts') }],
  ['core-not-shells', { 'electron/core/paths.ts': "import { app } from 'electron';\nexport const y = app;\n" }],
  ['shells-not-electron', { 'electron/cli/main.ts': "import { app } from 'electron';\nexport const y = app;\n" }],
  ['server-not-main', { 'electron/server/http.ts': "import { x } from '../main/window';\nexport const y = x;\n", ...target('electron/main/window.ts') }],
  ['db-not-services', { 'electron/core/db/events.ts': "import { x } from '../services/events';\nexport const y = x;\n", ...target('electron/core/services/events.ts') }],
  ['export-not-services', { 'electron/core/export/csv.ts': "import type { x } from '../services/events';\nexport type Y = typeof x;\n", ...target('electron/core/services/events.ts') }],
  ['import-not-export', { 'electron/core/import/analyze.ts': "import { x } from '../export/full-workbook';\nexport const y = x;\n", ...target('electron/core/export/full-workbook.ts') }],
  ['report-not-services', { 'electron/core/report/build.ts': "import { x } from '../services/events';\nexport const y = x;\n", ...target('electron/core/services/events.ts') }],
  ['report-not-services', { 'electron/core/report/documents/plan.ts': "import type { Home } from '../../services/department';\nexport type Y = Home;\n", 'electron/core/services/department.ts': 'export interface Home { region: string }\n' }],
  ['import-not-services', { 'electron/core/import/analyze.ts': "import { x } from '../services/references';\nexport const y = x;\n", ...target('electron/core/services/references.ts') }],
  ['export-report-apart', { 'electron/core/export/period-workbook.ts': "import { x } from '../report/build';\nexport const y = x;\n", ...target('electron/core/report/build.ts') }],
  ['export-report-apart', { 'electron/core/report/render.ts': "import { x } from '../export/official';\nexport const y = x;\n", ...target('electron/core/export/official.ts') }],
  ['services-not-sqlite', { 'electron/core/services/backups.ts': "import Database from 'better-sqlite3';\nexport const y = Database;\n" }],
  ['services-not-sqlite', { 'electron/core/report/build.ts': "import type Database from 'better-sqlite3';\nexport type Y = Database;\n" }],
  ['services-not-sqlite', { 'electron/core/export/csv.ts': "import Database from 'better-sqlite3';\nexport const y = Database;\n" }],
  ['features-apart', { 'renderer/features/calendar/Page.tsx': "import { x } from '../events/EventEditor';\nexport const y = x;\n", ...target('renderer/features/events/EventEditor.tsx') }],
  ['features-apart', { 'renderer/features/reports/Check.tsx': "import { x } from '../references/RefDialogs';\nexport const y = x;\n", ...target('renderer/features/references/RefDialogs.tsx') }],
];

/** The arrows the layers allow: none of them may trip a rule. */
const ALLOWED: Record<string, string> = {
  'renderer/page.ts': "import { api } from '../shared/api';\nexport const load = () => import('./later');\nexport const y = api;\n",
  'renderer/app/App.tsx': "import { page } from '../features/events/Page';\nimport { go } from '../router/route';\nexport const app = [page, go];\n",
  'renderer/features/events/Page.tsx': "import { go } from '../../router/route';\nimport { filter } from '../../stores/filter';\nimport { Field } from '../../components/Field';\nexport const page = [go, filter, Field];\n",
  'renderer/features/calendar/Page.tsx': "import { filter } from '../../stores/filter';\nimport { Card } from './Card';\nimport { exportToExcel } from '../../components/exportToExcel';\nexport const page = [filter, Card, exportToExcel];\n",
  'renderer/components/exportToExcel.ts': "import { api } from '../../shared/api';\nexport const exportToExcel = api;\n",
  'renderer/features/calendar/Card.tsx': 'export const Card = 1;\n',
  'renderer/router/route.ts': 'export const go = 1;\n',
  'renderer/stores/filter.ts': "import { go } from '../router/route';\nexport const filter = go;\n",
  'renderer/components/Field.tsx': "import { api } from '../../shared/api';\nexport const Field = api;\n",
  'renderer/later.ts': 'export const z = 1;\n',
  'shared/api.ts': "import { d } from './dates';\nexport const api = d;\n",
  'shared/dates.ts': 'export const d = 1;\n',
  'electron/main/window.ts': "import { app } from 'electron';\nimport { core } from '../core/core';\nimport { serve } from '../server/http';\nexport const w = [app, core, serve];\n",
  'electron/server/http.ts': "import { createServer } from 'node:http';\nimport { core } from '../core/core';\nexport const serve = [createServer, core];\n",
  'electron/cli/main.ts': "import { core } from '../core/core';\nexport const cli = core;\n",
  'electron/core/core.ts': "import { list } from './services/events';\nimport { api } from '../../shared/api';\nexport const core = [list, api];\n",
  'electron/core/services/events.ts': "import { rows } from '../db/events';\nimport { csv } from '../export/csv';\nimport { build } from '../report/build';\nimport { analyze } from '../import/analyze';\nexport const list = [rows, csv, build, analyze];\n",
  'electron/core/db/events.ts': "import { readFileSync } from 'fs';\nimport Database from 'better-sqlite3';\nexport const rows = [readFileSync, Database];\n",
  'electron/core/export/csv.ts': "import { FORMAT } from '../workbook-format';\nimport { reported } from '../reported';\nexport const csv = [FORMAT, reported];\n",
  'electron/core/report/build.ts': "import type { ReportSource } from './sources';\nimport { reported } from '../reported';\nexport const build = (s: ReportSource) => [s, reported];\n",
  'electron/core/report/sources.ts': "import type { api } from '../../../shared/api';\nexport type ReportSource = typeof api;\n",
  'electron/core/reported.ts': 'export const reported = 1;\n',
  'electron/core/import/analyze.ts': "import { FORMAT } from '../workbook-format';\nexport const analyze = FORMAT;\n",
  'electron/core/workbook-format.ts': 'export const FORMAT = 1;\n',
};

describe('the layer rules', () => {
  it('are the ones `npm run deps` enforces, every enforced rule an error', async () => {
    const config = (await import(CONFIG)) as { default: { forbidden: IForbiddenRuleType[] } };
    expect(config.default.forbidden).toBe(rules.enforced);
    for (const rule of rules.enforced) expect(rule.severity, rule.name).toBe('error');
    // Every enforced rule has at least one deliberate violation below.
    expect(new Set(VIOLATIONS.map(([rule]) => rule))).toEqual(new Set(rules.enforced.map((r) => r.name)));
  });

  it.each(VIOLATIONS)('%s catches a deliberate violation', async (rule, files) => {
    expect(await broken(tree(files), FOLDERS, rules.enforced)).toEqual([rule]);
  }, 60_000);

  it('let the arrows the layers allow pass', async () => {
    expect(await broken(tree(ALLOWED), FOLDERS, rules.enforced)).toEqual([]);
  }, 60_000);

  // A rule waiting in `next` gets its deliberate violation here (none waits today).
  const NEXT: [rule: string, files: Record<string, string>][] = [];

  it('have the next steps ready: each catches its violation, and the allowed arrows pass', async () => {
    expect(new Set(NEXT.map(([rule]) => rule))).toEqual(new Set(rules.next.map((r) => r.name)));
    for (const [rule, files] of NEXT) expect(await broken(tree(files), FOLDERS, rules.next)).toEqual([rule]);
    expect(await broken(tree(ALLOWED), FOLDERS, rules.next)).toEqual([]);
  }, 60_000);

  it('are met by the real tree', async () => {
    const { output } = await cruise(['electron', 'shared', 'renderer', 'bench'], {
      ...rules.options, baseDir: ROOT, validate: true, ruleSet: { forbidden: rules.enforced },
    });
    const violations = (output as ICruiseResult).summary.violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to}${v.cycle ? ` (${v.cycle.map((c) => c.name).join(' → ')})` : ''}`);
    expect(violations).toEqual([]);
  }, 120_000);
});
