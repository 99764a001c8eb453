// Run as a child of the benchmark and of tests: `reestr import FILE --db REGISTER [flags]` in this
// process, then one JSON line: its exit code, what it printed to stderr, and the process's peak memory (MB).
import { main } from '../electron/cli/main';

const [file, db, ...flags] = process.argv.slice(2) as [string, string, ...string[]];
const errors: string[] = [];
const code = await main(['import', file, '--db', db, ...flags], { out: () => undefined, err: (text) => errors.push(text) });
process.stdout.write(`${JSON.stringify({ code, err: errors.join('\n'), peakMb: process.resourceUsage().maxRSS / 1024 })}\n`);
