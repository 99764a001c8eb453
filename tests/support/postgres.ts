// A throwaway PostgreSQL cluster for the tests: initdb into a temporary folder, started on a Unix
// socket in that folder (no port to collide with), removed afterwards. PostgreSQL refuses to run as
// root, so under root (as CI runs) the cluster belongs to the `postgres` account that Debian's
// package creates. Needs PostgreSQL 11 or later: `apt-get install postgresql` (`.ci/run` does).
import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Pool } from 'pg';
import { afterAll, beforeAll } from 'vitest';
import { openPool } from '../../electron/core/store/pg/pool';

export interface TestPostgres {
  /** A connection string for the superuser `reestr` on the database `reestr`. */
  url: string;
  /** The folder holding the cluster and its socket. */
  dir: string;
  stop(): void;
}

function binDir(): string {
  if (process.env.PG_BIN) return process.env.PG_BIN;
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).filter((v) => /^\d+$/.test(v)).sort((a, b) => Number(b) - Number(a)) : [];
  const found = versions.map((v) => join(root, v, 'bin')).find((dir) => existsSync(join(dir, 'initdb')));
  if (found) return found;
  try {
    return execFileSync('pg_config', ['--bindir'], { encoding: 'utf8' }).trim();
  } catch {
    throw new Error('PostgreSQL for the tests is not installed: apt-get install postgresql (or set PG_BIN to its bin folder).');
  }
}

/** Who runs the cluster: ourselves, or `postgres` when we are root. */
function owner(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
  return { uid: id('-u'), gid: id('-g') };
}

function run(bin: string, args: string[], as: { uid: number; gid: number } | undefined): void {
  const result = spawnSync(bin, args, { encoding: 'utf8', ...as, env: { ...process.env, LC_ALL: 'C.UTF-8' }, timeout: 180_000 });
  if (result.status !== 0) throw new Error(`${bin} ${args.join(' ')} failed (${result.status ?? result.signal}):\n${result.stderr}${result.stdout}`);
}

/** `settings`: more server settings (`-c name=value` each), as a department server's own configuration would set them. */
export function startPostgres(settings: readonly string[] = []): TestPostgres {
  const bin = binDir();
  const as = owner();
  const dir = mkdtempSync('/tmp/reestr-pg-');
  if (as) chownSync(dir, as.uid, as.gid);
  const data = join(dir, 'data');
  run(join(bin, 'initdb'), ['-D', data, '-U', 'reestr', '-A', 'trust', '-E', 'UTF8', '--locale=C.UTF-8', '--no-sync'], as);
  // Durability off: a test cluster lives for one file of tests.
  const options = [`-k ${dir} -c listen_addresses='' -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=250`, ...settings.map((s) => `-c ${s}`)].join(' ');
  run(join(bin, 'pg_ctl'), ['-D', data, '-o', options, '-l', join(dir, 'server.log'), '-w', '-t', '180', 'start'], as);
  const stop = () => {
    try {
      run(join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', '-w', 'stop'], as);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
  try {
    run(join(bin, 'createdb'), ['-h', dir, '-U', 'reestr', 'reestr'], as);
  } catch (e) {
    stop(); // a cluster that cannot be used is not left running
    throw e;
  }
  return { url: `postgres://reestr@/reestr?host=${encodeURIComponent(dir)}`, dir, stop };
}


/**
 * A cluster for the test file that calls it, with a pool over it: started before its tests, stopped
 * after them. Read `url` and `pool` inside tests (they exist once the hook has run).
 */
export function usePostgres(): { readonly url: string; readonly pool: Pool } {
  let server: TestPostgres | undefined;
  let pool: Pool | undefined;
  beforeAll(() => {
    server = startPostgres();
    pool = openPool(server.url, 4);
  }, 240_000);
  afterAll(async () => {
    await pool?.end();
    server?.stop();
  }, 120_000);
  return {
    get url() {
      if (!server) throw new Error('usePostgres: the cluster starts in beforeAll');
      return server.url;
    },
    get pool() {
      if (!pool) throw new Error('usePostgres: the pool opens in beforeAll');
      return pool;
    },
  };
}
