// The `reestr` command: the register from a terminal, over the same core and contract as the app.
import { createDispatch, createHandlers, INTERNAL_ERROR } from '../core/backend';
import { closeCore, openCore, type LocalCore } from '../core/core';
import { defaultDatabasePath, logFolder } from '../core/paths';
import { createErrorLog, ERROR_LOG } from '../core/error-log';
import { installLastResort } from '../core/last-resort';
import { startHost, type Host } from '../core/host';
import { loadDemo } from '../core/services/demo';
import type { MethodInput, MethodName, MethodOutput } from '../../shared/api';
import { AppError, isAppError } from '../../shared/errors';
import { AGREEMENT_FORMS, countOf, ENTRY_FORMS, EVENT_FORMS } from '../../shared/ru/plural';
import { EVENT_STATUS_LABELS, FORMAT_LABELS, REF_KIND_LABELS } from '../../shared/ru/labels';
import { RefKindSchema, type RefKind } from '../../shared/schema/reference';
import type { DepartmentSettings } from '../../shared/schema/department';
import { codeOf, numberArg, parseArgs, periodArg, type CommandSpec, type ParsedArgs } from './args';
import { agreementCard, agreementsTable, backupsTable, batchesTable, eventCard, eventsTable, refsTable, jsonText, terminalText } from './format';
import { HELP } from './help';
// The commands that read or write files load their modules (and what those pull in) only when run.
import type { serve } from './serve';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { backupFolder, dailyBackup, listBackups, makeBackup, replaceDamaged, restoreBackup } from '../core/services/backups';

const COMMANDS = {
  help: {},
  demo: {},
  serve: { values: ['port'], flags: ['no-open'] },
  'events add': { values: ['json'] },
  'events list': { values: ['period', 'query', 'kind', 'sphere', 'partner', 'format', 'status', 'limit'], flags: ['json', 'trash'] },
  'events show': { args: ['ID'], flags: ['json'] },
  'events delete': { args: ['ID'] },
  'events restore': { args: ['ID'] },
  'agreements add': { values: ['json'] },
  'agreements list': { values: ['query', 'expiring', 'limit'], flags: ['json', 'trash'] },
  'agreements show': { args: ['ID'], flags: ['json'] },
  'agreements delete': { args: ['ID'] },
  'agreements restore': { args: ['ID'] },
  'refs list': { args: ['KIND'], flags: ['json', 'all'] },
  import: { args: ['FILE'], values: ['sheet', 'header-row', 'year', 'partner', 'map'], flags: ['dry-run', 'json', 'include-hidden'] },
  'imports list': { flags: ['json'] },
  'imports undo': { args: ['ID'] },
  report: { values: ['kind', 'period', 'partner', 'out'], flags: ['rounded'] },
  backup: { values: ['out'] },
  'backups list': { flags: ['json'] },
  restore: { args: ['FILE'] },
  check: {},
  export: { values: ['period', 'partner', 'sphere', 'kind', 'format', 'status', 'statuses', 'group-by', 'out'], flags: ['all', 'csv'] },
  'settings show': { flags: ['json'] },
  'settings set': { values: ['home-region', 'home-country', 'department', 'responsible', 'phone'], flags: ['json'] },
  server: { values: ['pg', 'host', 'port', 'tls-cert', 'tls-key', 'backup-folder', 'backup-keep', 'backup-at'] },
  'server users add': { args: ['LOGIN'], values: ['role', 'pg'], flags: ['json'] },
  'server users list': { values: ['pg'], flags: ['json'] },
  'server users disable': { args: ['LOGIN'], values: ['pg'] },
  'server import-sqlite': { args: ['FILE'], values: ['pg'] },
  'server backup': { values: ['pg', 'out', 'folder', 'keep'] },
} as const satisfies Record<string, CommandSpec>;

type CommandName = keyof typeof COMMANDS;

interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
}

// Everything the CLI prints passes here: names from files and records reach the terminal as text only.
const consoleIo: Io = { out: (t) => process.stdout.write(`${terminalText(t)}\n`), err: (t) => process.stderr.write(`${terminalText(t)}\n`) };

function parseJson(text: string | undefined): unknown {
  if (text === undefined) throw new AppError('bad_request', 'Укажите данные записи: --json \'{"title": "…", …}\'.');
  try {
    return JSON.parse(text);
  } catch (e) {
    const at = /position (\d+)/.exec(String(e))?.[1];
    throw new AppError('validation', `Неверный JSON в параметре «--json»${at ? ` (ошибка в позиции ${Number(at) + 1})` : ''}.`);
  }
}


const REF_KIND_WORDS: Record<string, RefKind> = {
  kinds: 'kind', spheres: 'sphere', departments: 'department', cities: 'city',
  countries: 'country', regions: 'region', organisations: 'organisation', organizations: 'organisation',
};

function refKindArg(text: string | undefined): RefKind | 'formats' {
  if (text === 'formats') return 'formats';
  const kind = REF_KIND_WORDS[text ?? ''] ?? RefKindSchema.safeParse(text).data;
  if (!kind) throw new AppError('bad_request', `Неизвестный справочник «${text ?? ''}». Справочники: formats, ${Object.keys(REF_KIND_WORDS).slice(0, 7).join(', ')}.`);
  return kind;
}

async function run(core: LocalCore, p: ParsedArgs, io: Io, debug: boolean): Promise<void> {
  const errorLog = createErrorLog(logFolder(core.file));
  const dispatch = createDispatch(createHandlers(core), (e) => {
    errorLog(e, `reestr ${p.command}`);
    if (debug) io.err(String((e as Error).stack ?? e));
  });
  const call = async <K extends MethodName>(method: K, input: MethodInput<K>): Promise<MethodOutput<K>> => {
    const result = await dispatch(method, input);
    if (!result.ok) throw new AppError(result.error.code, result.error.message);
    return result.value as MethodOutput<K>;
  };
  const json = p.flags.has('json');
  const print = (value: unknown, human: () => string) => io.out(json ? jsonText(value) : human());
  const value = (name: string) => p.values[name]?.at(-1);
  const list = (name: string) => p.values[name]?.flatMap((v) => v.split(',').map((s) => s.trim()).filter(Boolean));
  const id = () => numberArg(p.args[0]) as number;

  switch (p.command as CommandName) {
    case 'demo': {
      const result = await loadDemo(core);
      io.out(result.alreadyLoaded
        ? `Демонстрационные данные уже загружены (пакет № ${result.batchId}).`
        : `Загружены демонстрационные данные: ${countOf(result.events, EVENT_FORMS)} и ${countOf(result.agreements, AGREEMENT_FORMS)} (пакет № ${result.batchId}).\nПосмотреть: reestr events list --period 2021-H2`);
      return;
    }
    case 'events add': {
      const event = await call('events.create', parseJson(value('json')) as MethodInput<'events.create'>);
      io.out(`Добавлено мероприятие № ${event.id}: ${event.title}`);
      return;
    }
    case 'events list': {
      const page = await call('events.list', {
        period: periodArg(value('period')),
        query: value('query'),
        kinds: list('kind'),
        spheres: list('sphere'),
        partners: list('partner'),
        formats: list('format')?.map((f) => codeOf(f, FORMAT_LABELS)) as MethodInput<'events.list'>['formats'],
        statuses: list('status')?.map((s) => codeOf(s, EVENT_STATUS_LABELS)) as MethodInput<'events.list'>['statuses'],
        deleted: p.flags.has('trash'),
        limit: (numberArg(value('limit')) as number | undefined) ?? 100_000,
      });
      print(page, () => {
        if (page.total === 0) return 'Мероприятий не найдено.';
        const shown = page.items.length < page.total ? ` (показаны первые ${page.items.length})` : '';
        return `${eventsTable(page.items)}\n\nВсего: ${countOf(page.total, EVENT_FORMS)}${shown}`;
      });
      return;
    }
    case 'events show': {
      const event = await call('events.get', { id: id() });
      print(event, () => eventCard(event));
      return;
    }
    case 'events delete':
      await call('events.delete', { id: id() });
      io.out(`Мероприятие № ${id()} перемещено в корзину. Вернуть: reestr events restore ${id()}`);
      return;
    case 'events restore': {
      const event = await call('events.restore', { id: id() });
      io.out(`Мероприятие № ${event.id} восстановлено из корзины.`);
      return;
    }
    case 'agreements add': {
      const agreement = await call('agreements.create', parseJson(value('json')) as MethodInput<'agreements.create'>);
      io.out(`Добавлено соглашение № ${agreement.id}: ${agreement.title}`);
      return;
    }
    case 'agreements list': {
      const page = await call('agreements.list', {
        query: value('query'),
        expiringWithinDays: numberArg(value('expiring')) as number | undefined,
        deleted: p.flags.has('trash'),
        limit: (numberArg(value('limit')) as number | undefined) ?? 100_000,
      });
      print(page, () => (page.total === 0 ? 'Соглашений не найдено.' : `${agreementsTable(page.items)}\n\nВсего: ${countOf(page.total, AGREEMENT_FORMS)}`));
      return;
    }
    case 'agreements show': {
      const agreement = await call('agreements.get', { id: id() });
      print(agreement, () => agreementCard(agreement));
      return;
    }
    case 'agreements delete':
      await call('agreements.delete', { id: id() });
      io.out(`Соглашение № ${id()} перемещено в корзину. Вернуть: reestr agreements restore ${id()}`);
      return;
    case 'agreements restore': {
      const agreement = await call('agreements.restore', { id: id() });
      io.out(`Соглашение № ${agreement.id} восстановлено из корзины.`);
      return;
    }
    case 'refs list': {
      const kind = refKindArg(p.args[0]);
      if (kind === 'formats') {
        const formats = Object.entries(FORMAT_LABELS).map(([code, name]) => ({ code, name }));
        print(formats, () => formats.map((f) => `${f.code.padEnd(16)} ${f.name}`).join('\n'));
        return;
      }
      const refs = await call('refs.list', { kind, includeHidden: p.flags.has('all'), withUsage: true });
      print(refs, () => `${REF_KIND_LABELS[kind]}\n\n${refsTable(refs)}\n\nВсего: ${countOf(refs.length, ENTRY_FORMS)}`);
      return;
    }
    case 'import': {
      await (await import('./import')).importFile(core, p, io);
      return;
    }
    case 'imports list': {
      const batches = await call('import.batches', {});
      print(batches, () => (batches.length ? batchesTable(batches) : 'Импортов ещё не было.'));
      return;
    }
    case 'imports undo': {
      const batch = await call('import.undo', { id: id() });
      io.out(`Импорт № ${batch.id} («${batch.fileName}») отменён: его мероприятия удалены из реестра.`);
      return;
    }
    case 'export': {
      await (await import('./export')).exportCommand(core, p, io);
      return;
    }
    case 'backup': {
      const info = await makeBackup(core, 'manual', value('out'));
      io.out(`Резервная копия записана и проверена: «${info.file}» (${Math.ceil(info.bytes / 1024).toLocaleString('ru-RU')} КБ).`);
      return;
    }
    case 'backups list': {
      const folder = backupFolder(core);
      const backups = listBackups(folder);
      print(backups, () => (backups.length ? backupsTable(backups) : `Резервных копий нет (папка «${folder}»).`));
      return;
    }
    case 'restore': {
      const file = p.args[0] ?? '';
      const { safety, contents } = await restoreBackup(core, file);
      io.out(`Восстановлено из «${file}»: ${countOf(contents.events, EVENT_FORMS)}, ${countOf(contents.agreements, AGREEMENT_FORMS)}.\nПрежнее состояние сохранено в «${safety.file}».`);
      return;
    }
    case 'check': {
      const result = core.db.pragma('integrity_check', { simple: true });
      if (result !== 'ok') throw new AppError('db_damaged', `Проверка целостности нашла ошибки: ${String(result).slice(0, 300)}. Восстановите базу из резервной копии: reestr backups list, reestr restore ФАЙЛ.`);
      io.out('Проверка целостности: ошибок нет.');
      return;
    }
    case 'report': {
      await (await import('./report')).writeReport(core, p, io);
      return;
    }
    case 'settings show': {
      const settings = await call('settings.department', {});
      print(settings, () => departmentCard(settings));
      return;
    }
    case 'settings set': {
      const current = await call('settings.department', {});
      const region = value('home-region');
      const country = value('home-country');
      const [name, person, phone] = [value('department'), value('responsible'), value('phone')];
      if ([region, country, name, person, phone].every((v) => v === undefined)) {
        throw new AppError('bad_request', 'Укажите, что изменить: --home-region, --home-country, --department, --responsible или --phone.');
      }
      const settings = await call('settings.setDepartment', {
        homeRegion: region ?? current.homeRegion,
        // A new region alone keeps its own country (or goes under the current one); a country alone moves the home there.
        homeCountry: country ?? (region === undefined ? current.homeCountry : undefined),
        departmentName: name ?? current.departmentName,
        responsibleName: person ?? current.responsibleName,
        responsiblePhone: phone ?? current.responsiblePhone,
      });
      print(settings, () => `Настройки департамента сохранены.\n\n${departmentCard(settings)}`);
      return;
    }
    case 'help':
      io.out(HELP);
  }
}

function departmentCard(s: DepartmentSettings): string {
  const rows: [string, string | null][] = [
    ['Домашний регион', s.homeRegion ? `${s.homeRegion}${s.homeRegionGenitive ? '' : ' (в справочнике регионов нет родительного падежа: отчёт не склонит название)'}` : null],
    ['Страна', s.homeCountry],
    ['Департамент', s.departmentName],
    ['Ответственный', s.responsibleName],
    ['Телефон', s.responsiblePhone],
  ];
  return rows.map(([label, v]) => `${`${label}:`.padEnd(17)} ${v ?? 'не указано'}`).join('\n');
}

/**
 * `restore` on a register too damaged to open: the backup takes its place, the damaged file is kept
 * aside. False when the register opens, and the normal restore (with a snapshot first) applies.
 */
function restoreDamaged(file: string, backup: string, io: Io): boolean {
  try {
    closeCore(openCore(file));
    return false;
  } catch (e) {
    if (!(e instanceof AppError) || (e.code !== 'db_damaged' && e.code !== 'db_unavailable') || !existsSync(file)) throw e;
  }
  const { keptAs, contents } = replaceDamaged(file, backup, new Date().toISOString());
  io.out(`База данных не открывалась: она сохранена как «${keptAs}», на её место восстановлена копия «${backup}» (${countOf(contents.events, EVENT_FORMS)}, ${countOf(contents.agreements, AGREEMENT_FORMS)}).`);
  return true;
}

/**
 * Serves until Ctrl+C or a termination signal, then closes the server and the database. A register
 * that does not open is served in the recovery mode: the page says why and offers the backups.
 */
async function serveUntilStopped(file: string, options: Omit<Parameters<typeof serve>[1], 'logError'>): Promise<void> {
  const errorLog = createErrorLog(logFolder(file));
  // Whatever escapes a request or a timer is written down; the register stays served.
  const logged = () => options.log(`Внимание: внутренняя ошибка программы записана в журнал «${join(logFolder(file), ERROR_LOG)}»; программа продолжает работу.`);
  const removeLastResort = installLastResort({ log: errorLog, after: logged });
  const host: Host = startHost(file, {
    // The stack goes to the log, never to the terminal: one Russian line says where.
    logError: (e, context) => {
      errorLog(e, context);
      if (!isAppError(e)) logged();
    },
    // The day's first start keeps a snapshot; a failure is told, not fatal.
    onOpen: (core) =>
      void dailyBackup(core).catch((e: unknown) => {
        errorLog(e, 'Ежедневная резервная копия');
        options.log(`Внимание: ${isAppError(e) ? e.message : 'ежедневная резервная копия не сделана.'}`);
      }),
  });
  let server;
  try {
    const { serve: start } = await import('./serve');
    server = await start(host, { ...options, logError: errorLog });
  } catch (e) {
    host.close();
    removeLastResort();
    throw e;
  }
  const running = server;
  await new Promise<void>((resolve) => {
    const stop = () => void running.close().then(() => {
      host.close();
      removeLastResort();
      resolve();
    });
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}

/** Runs one command; returns the exit code. Errors go to stderr as one Russian line. */
export async function main(argv: readonly string[], io: Io = consoleIo, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  let core: LocalCore | undefined;
  let removeLastResort: (() => void) | undefined;
  try {
    const parsed = parseArgs(argv, COMMANDS);
    if (parsed.command === 'help' || parsed.flags.has('help')) {
      io.out(HELP);
      return 0;
    }
    const file = parsed.values.db?.at(-1) ?? defaultDatabasePath(env);
    // A failure nothing caught ends a command with one line, its stack in the log; the web mode keeps
    // serving instead (serveUntilStopped).
    if (parsed.command !== 'serve' && parsed.command !== 'server') {
      removeLastResort = installLastResort({
        log: createErrorLog(logFolder(file)),
        after: () => {
          io.err(`Ошибка: внутренняя ошибка программы, команда прервана. Подробности записаны в журнал «${join(logFolder(file), ERROR_LOG)}».`);
          // The line is out before the exit: a console on Windows is written asynchronously.
          process.exitCode = 1;
          process.stderr.write('', () => process.exit(1));
          setTimeout(() => process.exit(1), 1_000).unref();
        },
      });
    }
    if (parsed.command === 'restore') {
      const restored = restoreDamaged(file, parsed.args[0] ?? '', io);
      if (restored) return 0;
    }
    if (parsed.command === 'serve') {
      const port = numberArg(parsed.values.port?.at(-1) ?? '0');
      if (typeof port !== 'number' || !Number.isInteger(port) || port < 0 || port > 65535) {
        throw new AppError('bad_request', 'Параметр «--port»: укажите номер порта от 0 до 65535.');
      }
      await serveUntilStopped(file, { port, open: !parsed.flags.has('no-open'), log: io.out });
      return 0;
    }
    if (parsed.command === 'server') {
      const { serverCommand } = await import('./server');
      await serverCommand(parsed, file, env, io.out);
      return 0;
    }
    if (parsed.command.startsWith('server users ')) {
      // The department server's database, not the register file: pg is loaded only here.
      const { pgUrl, readPassword, serverUsers } = await import('./server-users');
      const command = parsed.command.slice('server users '.length) as 'add' | 'list' | 'disable';
      const options = { login: parsed.args[0], role: parsed.values.role?.at(-1), pg: pgUrl(parsed.values.pg?.at(-1), env), json: parsed.flags.has('json') };
      await serverUsers(command, options, { out: io.out, password: (prompt) => readPassword(prompt) });
      return 0;
    }
    if (parsed.command === 'server import-sqlite' || parsed.command === 'server backup') {
      const { serverTransfer, terminalProgress } = await import('./server-transfer');
      await serverTransfer(parsed, env, { out: io.out, progress: io === consoleIo ? terminalProgress() : undefined });
      return 0;
    }
    core = openCore(file);
    await run(core, parsed, io, Boolean(env.REESTR_DEBUG));
    return 0;
  } catch (e) {
    if (e instanceof AppError) {
      io.err(`Ошибка: ${e.message}`);
      if (e.code === 'bad_request') io.err('Справка: reestr --help');
      return e.code === 'bad_request' ? 2 : 1;
    }
    io.err(`Ошибка: ${INTERNAL_ERROR}`);
    if (env.REESTR_DEBUG) io.err(String((e as Error).stack ?? e));
    return 1;
  } finally {
    if (core) closeCore(core);
    removeLastResort?.();
  }
}
