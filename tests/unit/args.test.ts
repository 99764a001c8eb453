import { describe, expect, it } from 'vitest';
import { parseArgs } from '../../electron/cli/args';
import type { CommandSpec, ParsedArgs } from '../../electron/cli/args';
import { AppError } from '../../shared/errors';

const COMMANDS: Record<string, CommandSpec> = {
  help: {},
  'events add': { values: ['json'] },
  'events list': { values: ['period'], flags: ['json'] },
  'events show': { args: ['ID'], flags: ['json'] },
};

function parse(...argv: string[]): ParsedArgs {
  return parseArgs(argv, COMMANDS);
}

function failure(...argv: string[]): AppError {
  try {
    parse(...argv);
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error(`expected parseArgs(${JSON.stringify(argv)}) to throw`);
}

/** The parse result with the Set turned into a sorted array, for toEqual. */
function plain(p: ParsedArgs) {
  return { command: p.command, args: p.args, values: p.values, flags: [...p.flags].sort() };
}

describe('parseArgs: commands', () => {
  it('gives «help» for an empty argv', () => {
    expect(plain(parse())).toEqual({ command: 'help', args: [], values: {}, flags: [] });
  });

  it('gives «help» with the help flag for a lone --help', () => {
    expect(plain(parse('--help'))).toEqual({ command: 'help', args: [], values: {}, flags: ['help'] });
  });

  it('recognises a one-word command', () => {
    expect(plain(parse('help'))).toEqual({ command: 'help', args: [], values: {}, flags: [] });
  });

  it('recognises a two-word command', () => {
    expect(plain(parse('events', 'list'))).toEqual({ command: 'events list', args: [], values: {}, flags: [] });
  });

  it('collects the positional arguments after the command words', () => {
    expect(plain(parse('events', 'show', '42'))).toEqual({ command: 'events show', args: ['42'], values: {}, flags: [] });
  });

  it('accepts the global --help flag with any command', () => {
    expect(parse('events', 'list', '--help').flags.has('help')).toBe(true);
  });

  it('rejects an unknown command with a Russian message', () => {
    const error = failure('events', 'frobnicate');
    expect(error.code).toBe('bad_request');
    expect(error.message).toBe('Неизвестная команда «events frobnicate».');
    expect(failure('foo').message).toBe('Неизвестная команда «foo».');
    expect(failure('foo', 'bar', 'baz').message).toBe('Неизвестная команда «foo bar».');
  });

  it('does not take a lone first word of a two-word command for a command', () => {
    expect(failure('events').message).toBe('Неизвестная команда «events».');
  });
});

describe('parseArgs: --db', () => {
  it('is accepted before the command', () => {
    const p = parse('--db', '/tmp/a.sqlite', 'events', 'list');
    expect(plain(p)).toEqual({ command: 'events list', args: [], values: { db: ['/tmp/a.sqlite'] }, flags: [] });
  });

  it('is accepted after the command', () => {
    const p = parse('events', 'list', '--db', '/tmp/a.sqlite');
    expect(plain(p)).toEqual({ command: 'events list', args: [], values: { db: ['/tmp/a.sqlite'] }, flags: [] });
  });

  it('is accepted between the command words', () => {
    const p = parse('events', '--db', 'x.sqlite', 'show', '7');
    expect(plain(p)).toEqual({ command: 'events show', args: ['7'], values: { db: ['x.sqlite'] }, flags: [] });
  });

  it('is accepted in the --db=X form, keeping any further «=»', () => {
    expect(parse('--db=/tmp/a.sqlite', 'events', 'list').values.db).toEqual(['/tmp/a.sqlite']);
    expect(parse('events', 'list', '--db=a=b.sqlite').values.db).toEqual(['a=b.sqlite']);
  });

  it('collects repeated values in order', () => {
    expect(parse('--db', 'a', 'events', 'list', '--db=b').values.db).toEqual(['a', 'b']);
  });

  it('does not take its value for a command word or an argument', () => {
    const p = parse('--db', 'events', 'events', 'show', '1');
    expect(p.command).toBe('events show');
    expect(p.values.db).toEqual(['events']);
    expect(p.args).toEqual(['1']);
  });

  it('rejects a missing value', () => {
    const error = failure('events', 'list', '--db');
    expect(error.code).toBe('bad_request');
    expect(error.message).toBe('Для параметра «--db» не указано значение.');
  });
});

describe('parseArgs: --json, a value for «add» and a flag for «list»', () => {
  it('is a value for events add', () => {
    const p = parse('events', 'add', '--json', '{"a":1}');
    expect(plain(p)).toEqual({ command: 'events add', args: [], values: { json: ['{"a":1}'] }, flags: [] });
  });

  it('is a value for events add in the --json=… form', () => {
    expect(parse('events', 'add', '--json={"a":1}').values.json).toEqual(['{"a":1}']);
  });

  it('is a value for events add when given before the command words', () => {
    const p = parse('--json', '{"a":1}', 'events', 'add');
    expect(plain(p)).toEqual({ command: 'events add', args: [], values: { json: ['{"a":1}'] }, flags: [] });
  });

  it('is a value for events add when the JSON is an array with leading space', () => {
    expect(parse('--json', ' [{"a":1}]', 'events', 'add').values.json).toEqual([' [{"a":1}]']);
  });

  it('is a flag for events list', () => {
    const p = parse('events', 'list', '--json');
    expect(plain(p)).toEqual({ command: 'events list', args: [], values: {}, flags: ['json'] });
  });

  it('is a flag for events list when given before the command words', () => {
    const p = parse('--json', 'events', 'list');
    expect(plain(p)).toEqual({ command: 'events list', args: [], values: {}, flags: ['json'] });
  });

  it('is a flag for events show, before the ID', () => {
    const p = parse('events', 'show', '--json', '5');
    expect(plain(p)).toEqual({ command: 'events show', args: ['5'], values: {}, flags: ['json'] });
  });

  it('mixes with the value options of list', () => {
    const p = parse('--json', 'events', 'list', '--period', '2021-Q3', '--db=x');
    expect(plain(p)).toEqual({ command: 'events list', args: [], values: { period: ['2021-Q3'], db: ['x'] }, flags: ['json'] });
  });

  it('lets a value option of list stand before the command words', () => {
    const p = parse('--period', '2021', 'events', 'list');
    expect(plain(p)).toEqual({ command: 'events list', args: [], values: { period: ['2021'] }, flags: [] });
  });

  it('rejects a value for the flag form', () => {
    const error = failure('events', 'list', '--json=1');
    expect(error.code).toBe('bad_request');
    expect(error.message).toBe('Параметр «--json» не принимает значения.');
  });

  it('rejects a missing value for events add', () => {
    const error = failure('events', 'add', '--json');
    expect(error.code).toBe('bad_request');
    expect(error.message).toBe('Для параметра «--json» не указано значение.');
  });
});

describe('parseArgs: rejections', () => {
  it('rejects an unknown option with a Russian message', () => {
    const error = failure('events', 'list', '--frob');
    expect(error).toBeInstanceOf(AppError);
    expect(error.code).toBe('bad_request');
    expect(error.message).toBe('Команда «events list» не знает параметра «--frob».');
  });

  it('rejects an option that belongs to another command', () => {
    expect(failure('events', 'show', '1', '--period', '2021').message).toBe('Команда «events show» не знает параметра «--period».');
  });

  it('rejects an unknown option given before the command words', () => {
    expect(failure('--frob', 'events', 'list').message).toBe('Команда «events list» не знает параметра «--frob».');
  });

  it('rejects an extra positional argument', () => {
    const error = failure('events', 'show', '1', '2');
    expect(error.code).toBe('bad_request');
    expect(error.message).toBe('Лишний аргумент «2» у команды «events show».');
    expect(failure('events', 'list', 'extra').message).toBe('Лишний аргумент «extra» у команды «events list».');
    expect(failure('help', 'me').message).toBe('Лишний аргумент «me» у команды «help».');
  });

  it('throws AppError instances, not plain errors', () => {
    expect(() => parse('events', 'list', '--frob')).toThrow(AppError);
    expect(() => parse('nope')).toThrow(AppError);
  });
});
