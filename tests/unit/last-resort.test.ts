import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { installLastResort, UNCAUGHT_CONTEXT } from '../../electron/core/last-resort';

describe('last-resort handler', () => {
  it('logs an uncaught exception and a rejection with their kind, then runs «after»', () => {
    const target = new EventEmitter();
    const logged: [unknown, string][] = [];
    const after: string[] = [];
    installLastResort({ log: (e, context) => logged.push([e, context]), after: (_, kind) => after.push(kind) }, target);
    const thrown = new TypeError('сбой');
    target.emit('uncaughtException', thrown, 'uncaughtException');
    target.emit('unhandledRejection', 'отказ', Promise.resolve());
    expect(logged).toEqual([
      [thrown, UNCAUGHT_CONTEXT.uncaughtException],
      ['отказ', UNCAUGHT_CONTEXT.unhandledRejection],
    ]);
    expect(after).toEqual(['uncaughtException', 'unhandledRejection']);
  });

  it('survives a log and an «after» that throw, and still calls «after»', () => {
    const target = new EventEmitter();
    let afterCalls = 0;
    installLastResort({ log: () => { throw new Error('диск полон'); }, after: () => { afterCalls++; throw new Error('терминал закрыт'); } }, target);
    expect(() => target.emit('uncaughtException', new Error('сбой'))).not.toThrow();
    expect(afterCalls).toBe(1);
  });

  it('is undone by the function it returns', () => {
    const target = new EventEmitter();
    const remove = installLastResort({ log: () => {} }, target);
    expect(target.listenerCount('uncaughtException')).toBe(1);
    expect(target.listenerCount('unhandledRejection')).toBe(1);
    remove();
    expect(target.listenerCount('uncaughtException')).toBe(0);
    expect(target.listenerCount('unhandledRejection')).toBe(0);
  });
});
