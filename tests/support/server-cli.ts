// The built `reestr` command for the department server's subcommands, as a child process: they
// neither need nor touch a clerk's register, so each run gets a register file of its own.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { tempDir } from '../helpers';

export const BIN = join(import.meta.dirname, '../../bin/reestr.js');

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function reestr(args: string[], options: { input?: string; cwd?: string; env?: Record<string, string> } = {}): CliRun {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    encoding: 'utf8',
    input: options.input,
    cwd: options.cwd,
    env: { ...process.env, REESTR_DB: join(tempDir(), 'unused.sqlite'), ...options.env },
    timeout: 180_000,
  });
  return { status: result.status, stdout: result.stdout.trim(), stderr: result.stderr.trim() };
}
