// `reestr serve`: the app in the browser, served on 127.0.0.1 with a per-launch token.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Host } from '../core/host';
import { newToken } from '../server/guard';
import { answerRegisterSending } from '../server/department/send-register';
import { startWebServer, type RunningServer } from '../server/server';
import { AppError } from '../../shared/errors';

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

/** Serves the host: the register, or its recovery page when it did not open (the host decides). */
export async function serve(
  host: Host,
  options: { port: number; open: boolean; log: (line: string) => void; logError?: (error: unknown, context: string) => void },
): Promise<RunningServer> {
  if (!existsSync(`${RENDERER_DIR}index.html`)) {
    throw new AppError('bad_request', 'Интерфейс программы не собран: выполните «npm run build» или запустите «npm start».');
  }
  const server = await startWebServer(
    // «Перенести реестр на сервер» is the web mode's too: its register is this PC's own.
    { dispatch: answerRegisterSending(host, host.dispatch, options.logError), token: newToken(), staticDir: RENDERER_DIR, logError: options.logError },
    options.port,
  ).catch((e: NodeJS.ErrnoException) => {
    throw new AppError('bad_request', e.code === 'EADDRINUSE' ? `Порт ${options.port} занят другой программой: укажите другой, например --port 0.` : 'Не удалось запустить веб-режим.', e);
  });
  options.log(server.url);
  // The browser loads the page while the host checks the register.
  if (options.open) openBrowser(server.url);
  options.log(options.open
    ? 'Реестр сотрудничества открыт в браузере по адресу выше. Чтобы закрыть программу, нажмите Ctrl+C.'
    : 'Браузер не открывался: откройте адрес выше в браузере сами. Чтобы закрыть программу, нажмите Ctrl+C.');
  const status = await host.ready;
  if (status.mode === 'recovery') options.log(`Внимание: ${status.message} Страница программы предложит, что сделать.`);
  return server;
}
