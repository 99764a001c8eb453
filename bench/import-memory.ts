// Run as a child of the benchmark: reads and previews one file, then prints its peak memory (MB).
import { readFileSync } from 'node:fs';
import { closeCore, openCore } from '../electron/core/core';
import { analyze } from '../electron/core/import/analyze';
import { readImportSource } from '../electron/core/services/imports';

const [file, db] = process.argv.slice(2) as [string, string];
const core = openCore(db);
const preview = await analyze(core, await readImportSource('partner.xlsx', readFileSync(file)), {});
closeCore(core);
process.stdout.write(JSON.stringify({ rows: preview.rows.length, peakMb: process.resourceUsage().maxRSS / 1024 }));
