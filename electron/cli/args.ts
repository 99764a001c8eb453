// Command-line parsing: command words, options with values, flags; global --db anywhere in the line.
import { AppError } from '../../shared/errors';
import { periodCode } from '../../shared/period';
import { codeOfLabel } from '../../shared/ru/labels';
import { parsePeriodText } from '../../shared/ru/period-text';

export interface CommandSpec {
  /** Options that take a value. */
  values?: readonly string[];
  /** Options that are on or off. */
  flags?: readonly string[];
  /** Names of the positional arguments, for the usage line. */
  args?: readonly string[];
}

export interface ParsedArgs {
  command: string;
  args: string[];
  values: Record<string, string[]>;
  flags: Set<string>;
}

export const GLOBAL_VALUES = ['db'] as const;
export const GLOBAL_FLAGS = ['help'] as const;

function usageError(message: string): AppError {
  return new AppError('bad_request', message);
}

/** Splits `--name=value`; returns the bare name and the inline value, if any. */
function splitOption(token: string): [string, string | undefined] {
  const eq = token.indexOf('=');
  return eq < 0 ? [token.slice(2), undefined] : [token.slice(2, eq), token.slice(eq + 1)];
}

/**
 * Parses argv against the command table. The command is the longest run of leading words that names
 * a command («events list»); options may stand before or after it.
 */
export function parseArgs(argv: readonly string[], commands: Readonly<Record<string, CommandSpec>>): ParsedArgs {
  const takesValue = (name: string, spec?: CommandSpec) =>
    (GLOBAL_VALUES as readonly string[]).includes(name) || (spec?.values ?? []).includes(name);
  const isFlag = (name: string, spec?: CommandSpec) =>
    (GLOBAL_FLAGS as readonly string[]).includes(name) || (spec?.flags ?? []).includes(name);

  // First pass: find the words, knowing only the global options and any command's value options.
  const anyValue = new Set(Object.values(commands).flatMap((c) => c.values ?? []));
  const anyFlag = new Set(Object.values(commands).flatMap((c) => c.flags ?? []));
  const consumesNext = (name: string, next: string) =>
    !next.startsWith('--') &&
    (takesValue(name) || (anyValue.has(name) && (!anyFlag.has(name) || /^\s*[[{]/.test(next))));
  const words: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const token = argv[i] ?? '';
    if (token.startsWith('--')) {
      const [name, inline] = splitOption(token);
      // --json is a value for «add» and a flag for «list»: here a JSON text tells which.
      if (inline === undefined && consumesNext(name, argv[i + 1] ?? '--')) i++;
    } else {
      words.push(token);
    }
  }
  let command = '';
  const longest = Math.max(...Object.keys(commands).map((name) => name.split(' ').length));
  for (let n = Math.min(words.length, longest); n > 0; n--) {
    const candidate = words.slice(0, n).join(' ');
    if (commands[candidate]) {
      command = candidate;
      break;
    }
  }
  const spec = commands[command];
  if (!spec) {
    if (words.length === 0) return { command: 'help', args: [], values: {}, flags: new Set(argv.includes('--help') ? ['help'] : []) };
    throw usageError(`Неизвестная команда «${words.slice(0, longest).join(' ')}».`);
  }

  // Second pass: with the command known, every option must be one it accepts.
  const parsed: ParsedArgs = { command, args: [], values: {}, flags: new Set() };
  const commandWords = command.split(' ').length;
  let wordIndex = 0;
  for (let i = 0; i < argv.length; i++) {
    const token = argv[i] ?? '';
    if (!token.startsWith('--')) {
      if (wordIndex++ >= commandWords) parsed.args.push(token);
      continue;
    }
    const [name, inline] = splitOption(token);
    if (takesValue(name, spec)) {
      const value = inline ?? argv[++i];
      if (value === undefined) throw usageError(`Для параметра «--${name}» не указано значение.`);
      (parsed.values[name] ??= []).push(value);
    } else if (isFlag(name, spec)) {
      if (inline !== undefined) throw usageError(`Параметр «--${name}» не принимает значения.`);
      parsed.flags.add(name);
    } else {
      throw usageError(`Команда «${command}» не знает параметра «--${name}».`);
    }
  }
  const expected = spec.args?.length ?? 0;
  if (parsed.args.length > expected) throw usageError(`Лишний аргумент «${parsed.args[expected]}» у команды «${command}».`);
  return parsed;
}

/** A code given by its code or Russian name (`--format очно`); the text itself, for the schema to refuse, when neither. */
export function codeOf(text: string, labels: Readonly<Record<string, string>>): string {
  return codeOfLabel(labels, text) ?? text;
}

/** A period by its code or as a clerk writes it («II полугодие 2021», «3 кв 2021»); the text itself, for the schema to refuse, when neither. */
export function periodArg(text: string | undefined): string | undefined {
  const period = text === undefined ? null : parsePeriodText(text);
  return period ? periodCode(period) : text;
}

/** A number where the text is one, so the schema can say what is wrong with it or anything else. */
export function numberArg(text: string | undefined): unknown {
  return text !== undefined && /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : text;
}

/** `--port N`: 0 to 65535 (0: any free port), or a Russian refusal. */
export function portArg(text: string | undefined): number {
  const port = numberArg(text ?? '0');
  if (typeof port !== 'number' || !Number.isInteger(port) || port < 0 || port > 65535) {
    throw new AppError('bad_request', 'Параметр «--port»: укажите номер порта от 0 до 65535.');
  }
  return port;
}
