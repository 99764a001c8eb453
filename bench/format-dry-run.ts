// Run as children of the benchmark: `write DIR` writes the same 10,000 rows as an old .xls (SheetJS)
// and as a table in a Word document (docx) into DIR; `time XLSX DIR DB RUNS` then times the import dry
// run of each, beside exceljs loading the rows as .xlsx (best of RUNS each). Children of their own:
// writing the files grows the heap, which would slow the timing beside it and swell the peak memory
// the benchmark's later children inherit.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from '../electron/core/excel';
import { closeCore, openCore } from '../electron/core/core';
import { analyze } from '../electron/core/import/analyze';
import { readImportSource } from '../electron/core/services/imports';
import { partnerDocx, partnerXls } from './partner-sheet';

const [mode, ...args] = process.argv.slice(2);
if (mode === 'write') {
  const [dir] = args as [string];
  writeFileSync(join(dir, 'partner.xls'), await partnerXls(10_000, 9));
  writeFileSync(join(dir, 'partner.docx'), await partnerDocx(10_000, 9));
} else {
  const [xlsxFile, dir, db, runs] = args as [string, string, string, string];
  const xlsxData = readFileSync(xlsxFile);
  const files = { xls: readFileSync(join(dir, 'partner.xls')), docx: readFileSync(join(dir, 'partner.docx')) };
  const core = openCore(db);
  const best = { excel: Infinity, xls: Infinity, docx: Infinity };
  const rows = new Set<number>();
  for (let i = 0; i < Number(runs); i++) {
    let start = performance.now();
    await new ExcelJS.Workbook().xlsx.load(new Uint8Array(xlsxData).buffer);
    best.excel = Math.min(best.excel, performance.now() - start);
    for (const kind of ['xls', 'docx'] as const) {
      start = performance.now();
      const preview = await analyze(core, await readImportSource(`partner.${kind}`, files[kind]), {});
      best[kind] = Math.min(best[kind], performance.now() - start);
      rows.add(preview.rows.filter((r) => r.event).length);
    }
  }
  closeCore(core);
  if (rows.size !== 1 || !rows.has(10_000)) throw new Error(`the dry runs found ${[...rows].join(', ')} events, not 10,000`);
  process.stdout.write(JSON.stringify(best));
}
