// Run as a child of the benchmark: the import dry run of the same 10,000 rows as an old .xls and as a
// table in a Word document, beside exceljs loading them as .xlsx (best of `runs` each). A child of its
// own, because SheetJS and docx writing the files grow the heap, and the benchmark's later children
// would inherit that as their peak memory.
import { readFileSync } from 'node:fs';
import ExcelJS from '../electron/core/excel';
import { closeCore, openCore } from '../electron/core/core';
import { analyze } from '../electron/core/import/analyze';
import { readImportSource } from '../electron/core/services/imports';
import { partnerDocx, partnerXls } from './partner-sheet';

const [xlsxFile, db, runs = '9'] = process.argv.slice(2) as [string, string, string?];
const xlsxData = readFileSync(xlsxFile);
const files = { xls: await partnerXls(10_000, 9), docx: await partnerDocx(10_000, 9) };
const core = openCore(db);
const best = { excel: Infinity, xls: Infinity, docx: Infinity };
const rows = new Set<number>();
for (let i = 0; i < Number(runs); i++) {
  let start = performance.now();
  await new ExcelJS.Workbook().xlsx.load(new Uint8Array(xlsxData).buffer);
  best.excel = Math.min(best.excel, performance.now() - start);
  for (const kind of ['xls', 'docx'] as const) {
    start = performance.now();
    const preview = analyze(core, await readImportSource(`partner.${kind}`, files[kind]), {});
    best[kind] = Math.min(best[kind], performance.now() - start);
    rows.add(preview.rows.filter((r) => r.event).length);
  }
}
closeCore(core);
if (rows.size !== 1 || !rows.has(10_000)) throw new Error(`the dry runs found ${[...rows].join(', ')} events, not 10,000`);
process.stdout.write(JSON.stringify(best));
