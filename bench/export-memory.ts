// Run as a child of the benchmark: exports every event of the register, then prints its peak memory (MB).
import { Writable } from 'node:stream';
import { closeCore, openCore } from '../electron/core/core';
import { writePeriodWorkbook } from '../electron/core/export/period-workbook';
import { periodSource } from '../electron/core/services/export-sources';
import { parsePeriod, type Period } from '../shared/period';

const core = openCore(process.argv[2] as string);
let bytes = 0;
const sink = new Writable({ write: (chunk: Buffer, _encoding, done) => { bytes += chunk.length; done(); } });
const { events } = await writePeriodWorkbook(await periodSource(core), { period: parsePeriod('2000-01-01..2099-12-31') as Period }, sink);
closeCore(core);
process.stdout.write(JSON.stringify({ events, bytes, peakMb: process.resourceUsage().maxRSS / 1024 }));
