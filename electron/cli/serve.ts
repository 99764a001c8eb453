// `reestr serve`: the app in the browser, served on 127.0.0.1 with a per-launch token.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createDispatch, createHandlers } from '../core/backend';
import type { Core } from '../core/core';
import { newToken } from '../server/guard';
import { startWebServer, type RunningServer } from '../server/server';
import { AppError, isAppError } from '../../shared/errors';
import { dailyBackup } from '../core/services/backups';

export const RENDERER_DIR = fileURLToPath(new URL('../../dist/renderer/', import.meta.url));

/** The system's way to open an address in the default browser. */
function openBrowser(url: string): void {
  const [command, args] =
    process.platform === 'win32' ? ['cmd', ['/c', 'start', '""', url]] : process.platform === 'darwin' ? ['open', [url]] : ['xdg-open', [url]];
  try {
    const child = spawn(command, args as string[], { detached: true, stdio: 'ignore' });
    child.on('error', () => {});
    child.unref();
  } catch {
    // The address is printed: the clerk can open it by hand.
  }
}

export async function serve(core: Core, options: { port: number; open: boolean; log: (line: string) => void }): Promise<RunningServer> {
  if (!existsSync(`${RENDERER_DIR}index.html`)) {
    throw new AppError('bad_request', 'Интерфейс программы не собран: выполните «npm run build» или запустите «npm start».');
  }
  const server = await startWebServer(
    { dispatch: createDispatch(createHandlers(core), (e) => options.log(`Ошибка: ${String((e as Error).stack ?? e)}`)), token: newToken(), staticDir: RENDERER_DIR },
    options.port,
  ).catch((e: NodeJS.ErrnoException) => {
    throw new AppError('bad_request', e.code === 'EADDRINUSE' ? `Порт ${options.port} занят другой программой: укажите другой, например --port 0.` : 'Не удалось запустить веб-режим.', e);
  });
  options.log(server.url);
  options.log('Реестр сотрудничества открыт в браузере по адресу выше. Чтобы закрыть программу, нажмите Ctrl+C.');
  // The day's first start keeps a snapshot; a failure is told, not fatal.
  void dailyBackup(core).catch((e: unknown) => options.log(`Внимание: ${isAppError(e) ? e.message : 'ежедневная резервная копия не сделана.'}`));
  if (options.open) openBrowser(server.url);
  return server;
}
