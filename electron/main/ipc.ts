// Serves the contract over ipcMain: one handler per method, each call checked for its sender and input.
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { api, type MethodName } from '../../shared/api';
import { CHANNEL_PREFIX } from '../../shared/bridge';
import type { Result } from '../../shared/errors';
import type { Dispatch } from '../core/backend';
import { isAppUrl } from './security';

const FOREIGN_SENDER: Result<never> = {
  ok: false,
  error: { code: 'forbidden', message: 'Запрос отклонён: он пришёл не со страницы программы.' },
};

/** The part of ipcMain this module uses. */
export type IpcRegistry = Pick<IpcMain, 'handle'>;

/** Only the app's own top-level page may call: not a subframe, not a page navigated elsewhere. */
export function isTrustedSender(event: Pick<IpcMainInvokeEvent, 'senderFrame'>): boolean {
  const frame = event.senderFrame;
  return frame !== null && frame.parent === null && isAppUrl(frame.url);
}

/** One handler per contract method; ipcMain itself throws if a channel gets a second one. */
export function registerContract(ipc: IpcRegistry, dispatch: Dispatch): MethodName[] {
  const methods = Object.keys(api) as MethodName[];
  for (const method of methods) {
    // The input stays unknown here: dispatch parses it with the contract's schema.
    ipc.handle(`${CHANNEL_PREFIX}${method}`, (event, input: unknown) => (isTrustedSender(event) ? dispatch(method, input) : FOREIGN_SENDER));
  }
  return methods;
}
