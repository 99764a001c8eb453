// The preload: exposes one object, a typed invoke over the contract and menu commands; nothing else.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { isContractMethod } from '../../shared/api';
import { BRIDGE_NAME, CHANNEL_PREFIX, COMMAND_CHANNEL, COMMANDS, type Command, type ReestrBridge } from '../../shared/bridge';

const bridge = {
  invoke(method, input) {
    // The page may ask for nothing but the contract's methods (the department server's sign-in too, in server mode).
    if (!isContractMethod(method)) return Promise.reject(new Error(`unknown method ${String(method)}`));
    return ipcRenderer.invoke(`${CHANNEL_PREFIX}${method}`, input);
  },
  onCommand(listener) {
    const handler = (_event: IpcRendererEvent, command: unknown) => {
      if ((COMMANDS as readonly unknown[]).includes(command)) listener(command as Command);
    };
    ipcRenderer.on(COMMAND_CHANNEL, handler);
    return () => void ipcRenderer.removeListener(COMMAND_CHANNEL, handler);
  },
} satisfies ReestrBridge;

contextBridge.exposeInMainWorld(BRIDGE_NAME, bridge);
