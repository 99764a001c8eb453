// `reestr serve` as a process: hostile requests and failures nothing catches do not end it, and a
// command that meets such a failure ends with one Russian line, the stack kept in logs/errors.log.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { request } from 'node:http';
import { connect } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers';

const ROOT = join(import.meta.dirname, '../..');
const BIN = join(ROOT, 'bin/reestr.js');
const CHILD = join(ROOT, 'tests/support/last-resort-child.ts');
const SOCKET_TIMEOUT = 10_000;

const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
});

interface Started {
  child: ChildProcess;
  port: number;
  token: string;
  stdout: () => string;
  stderr: () => string;
  exited: Promise<number | null>;
}

/** Starts a serving process and waits for the address it prints (the token rides in the fragment). */
function startServing(args: string[]): Promise<Started> {
  const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let out = '';
  let err = '';
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk;
      const match = /http:\/\/127\.0\.0\.1:(\d+)\/#token=([\w-]+)/.exec(out);
      if (match) resolve({ child, port: Number(match[1]), token: match[2] as string, stdout: () => out, stderr: () => err, exited });
    });
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
    void exited.then((code) => reject(new Error(`the server ended (${code}) before it served:\n${out}\n${err}`)));
  });
}

/** One raw request; what came back until the server closed. */
function raw(port: number, text: string): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port }, () => socket.end(text));
    let data = '';
    const finish = () => {
      clearTimeout(timer);
      socket.destroy();
      resolve(data);
    };
    const timer = setTimeout(finish, SOCKET_TIMEOUT);
    socket.setEncoding('utf8').on('data', (chunk: string) => (data += chunk));
    socket.on('close', finish);
    socket.on('error', finish);
  });
}

function appStatus(port: number, token: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, path: '/api/app.status', method: 'POST', agent: false, timeout: SOCKET_TIMEOUT, headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' } },
      (res) => {
        let body = '';
        res.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on('timeout', () => req.destroy(new Error('no answer to app.status')));
    req.on('error', reject);
    req.end('{}');
  });
}

function readLog(db: string): string {
  const file = join(db, '..', 'logs', 'errors.log');
  return existsSync(file) ? readFileSync(file, 'utf8') : '';
}

/** Waits until the error log holds every one of `texts`; fails at once if the server ends meanwhile. */
async function logHolds(db: string, texts: string[], served: Started): Promise<string> {
  let ended: number | null | undefined;
  void served.exited.then((code) => (ended = code));
  for (;;) {
    const log = readLog(db);
    if (texts.every((text) => log.includes(text))) return log;
    if (ended !== undefined) throw new Error(`the server ended (${ended}):\n${served.stdout()}\n${served.stderr()}`);
    await new Promise((next) => setTimeout(next, 50));
  }
}

const STACK_LINE = /^\s+at /m;

describe('reestr serve as a process', () => {
  it('survives a malformed %-escape, an unreadable target and a bad request line, and logs nothing', async () => {
    const db = join(tempDir(), 'reestr.sqlite');
    const served = await startServing([BIN, 'serve', '--no-open', '--port', '0', '--db', db]);
    const host = `Host: 127.0.0.1:${served.port}\r\n`;
    expect((await appStatus(served.port, served.token)).status).toBe(200);
    for (const [line, code] of [
      ['GET /api/%ff HTTP/1.1', 400],
      ['GET http://[ HTTP/1.1', 400],
      ['POST /api/%e0%80 HTTP/1.1', 400],
      ['GET * HTTP/1.1', 400],
      ['GET / HTTP/1.1 extra', 400],
    ] as const) {
      const reply = await raw(served.port, `${line}\r\n${host}Connection: close\r\n\r\n`);
      expect(reply).toMatch(new RegExp(`^HTTP/1\\.1 ${code} `));
      expect(reply).toMatch(/"message":"[^"]*[А-Яа-я]/);
      expect((await appStatus(served.port, served.token)).status).toBe(200);
    }
    expect(served.stderr()).toBe('');
    expect(served.stdout()).not.toMatch(STACK_LINE);
    expect(readLog(db)).toBe('');
    served.child.kill('SIGTERM');
    expect(await served.exited).toBe(0);
  }, 120_000);

  it('writes a failure nothing caught to errors.log and keeps serving', async () => {
    const db = join(tempDir(), 'reestr.sqlite');
    const served = await startServing(['--import', 'tsx', CHILD, 'serve', db]);
    const log = await logHolds(db, ['Проверка: исключение', 'Проверка: отказ'], served);
    expect(log).toMatch(/Необработанное исключение: Error: Проверка: исключение, которое никто не поймал\n\s+at /);
    expect(log).toMatch(/Необработанный отказ промиса: Error: Проверка: отказ, который никто не обработал/);
    expect((await appStatus(served.port, served.token)).status).toBe(200);
    expect(served.stdout()).toMatch(/Внимание: внутренняя ошибка программы записана в журнал «.*errors\.log»; программа продолжает работу\./);
    expect(served.stdout()).not.toMatch(STACK_LINE);
    expect(served.stderr()).not.toMatch(STACK_LINE);
    served.child.kill('SIGTERM');
    expect(await served.exited).toBe(0);
  }, 120_000);

  it.each([
    ['an exception', 'exception', /Необработанное исключение: Error: Проверка: исключение/],
    ['a rejection', 'rejection', /Необработанный отказ промиса: Error: Проверка: отказ/],
  ])('ends a command that meets %s nothing caught with one Russian line and exit code 1, the stack in the log', async (_, mode, logged) => {
    const dir = tempDir();
    const db = join(dir, 'reestr.sqlite');
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, mode, db, join(dir, 'copy.sqlite')], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    children.push(child);
    let out = '';
    let err = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
    const code = await new Promise<number | null>((resolve) => child.on('exit', (exit) => resolve(exit)));
    expect(code).toBe(1);
    expect(out).toBe('');
    expect(err).toBe(`Ошибка: внутренняя ошибка программы, команда прервана. Подробности записаны в журнал «${join(dir, 'logs', 'errors.log')}».\n`);
    expect(readLog(db)).toMatch(logged);
    expect(readLog(db)).toMatch(STACK_LINE);
  }, 120_000);
});
