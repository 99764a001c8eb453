// What the Electron preload gives the renderer: one typed call over the contract, and menu commands.
import type { MethodInput, MethodName, MethodOutput } from './api';
import type { Result } from './errors';

/** IPC channels carry this prefix and a contract method's name: `reestr:events.list`. */
export const CHANNEL_PREFIX = 'reestr:';
/** The channel on which the main process sends menu commands to the page. */
export const COMMAND_CHANNEL = 'reestr-command';

/** Commands of the application menu that the page carries out. */
export const COMMANDS = ['new-event', 'save', 'find', 'close'] as const;
export type Command = (typeof COMMANDS)[number];

export interface ReestrBridge {
  invoke<K extends MethodName>(method: K, input: MethodInput<K>): Promise<Result<MethodOutput<K>>>;
  /** Subscribes to menu commands; returns the unsubscribe. */
  onCommand(listener: (command: Command) => void): () => void;
}

/** The name under which the preload exposes the bridge on `window`. */
export const BRIDGE_NAME = 'reestr';
