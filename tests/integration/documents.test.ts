// The documents besides the report, drafted from a real register: the plan of a year, the quarter's справка,
// the agreements report and the covering letter; drafted, edited, saved and discarded per kind, and the
// drafts saved before document kinds existed kept as reports.
import { inOrder } from '../../electron/core/in-order';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { closeCore, openCore, type LocalCore } from '../../electron/core/core';
import { loadDemo } from '../../electron/core/services/demo';
import { setDepartmentSettings } from '../../electron/core/services/department';
import { discardReport, exportReport, reportDraft, reportFileName, saveReport } from '../../electron/core/services/reports';
import { buildDocument } from '../../electron/core/services/reports';
import { createEvents } from '../../electron/core/services/events';
import { EventInputSchema } from '../../shared/schema/event';
import { estimatePages, reportMarkdown, reportText } from '../../electron/core/report/render';
import { parsePeriod, type Period } from '../../shared/period';
import { ReportDraftInputSchema, ReportInputSchema, type DocumentKind, type Report } from '../../shared/schema/report';
import { SCHEMA_VERSION } from '../../electron/core/db/migrate';
import { databaseAtVersion, tempCore } from '../helpers';
import { documentsRegister } from './documents-register';

const draft = (core: LocalCore, kind: DocumentKind, period: string, fresh = false) => reportDraft(core, ReportDraftInputSchema.parse({ kind, period, fresh }));
const build = (core: LocalCore, kind: DocumentKind, period: string) => buildDocument(core, ReportInputSchema.parse({ kind, period }));
const texts = (report: Report) => report.paragraphs.map((p) => p.text);

describe('the plan of events', () => {
  it('lists the year\'s planned, held and postponed events in date order, terms as precise as known, cancelled ones left out', async () => {
    const core = tempCore();
    await documentsRegister(core);
    const plan = await build(core, 'plan', '2022');
    expect(plan.title).toBe('План мероприятий международного и межрегионального сотрудничества Смоленской области на 2022 год');
    expect(plan.tables).toHaveLength(1);
    expect(plan.tables[0]?.columns).toEqual(['№ п/п', 'Наименование мероприятия', 'Срок проведения', 'Место проведения', 'Ответственные']);
    expect(plan.tables[0]?.rows).toEqual([
      ['1.', 'Встреча с делегацией Администрации Брянской области', '12 апреля', 'г.\u00a0Смоленск', 'Департамент Смоленской области по сельскому хозяйству и продовольствию'],
      ['2.', 'Семинар по вопросам профессионального образования', '18 мая', 'г.\u00a0Витебск (Витебская область, Республика Беларусь), в формате видео-конференц-связи', 'Департамент Смоленской области по образованию и науке'],
      // Known to the month: after the month's dated events.
      ['3.', 'Дни культуры Витебской области в Смоленской области', 'Май', 'г.\u00a0Смоленск', 'Департамент Смоленской области по культуре'],
      ['4.', 'Турнир по мини-футболу среди юношей', '4 июня (перенесено)', 'г.\u00a0Смоленск', 'Главное управление спорта Смоленской области'],
      ['5.', 'Форум регионов Беларуси и России', '27–29 июня', 'г.\u00a0Минск (Республика Беларусь)', 'Аппарат Администрации Смоленской области'],
      ['6.', 'Международная выставка-ярмарка «Смоленские промыслы»', 'IV квартал', 'г.\u00a0Витебск (Витебская область, Республика Беларусь)', 'Департамент промышленности и торговли Смоленской области'],
      ['7.', 'Обмен делегациями молодежных организаций Смоленской и Брянской областей', 'В течение года', '', 'Департамент Смоленской области по внутренней политике'],
    ]);
    expect(texts(plan)).toEqual(['Сроки и место проведения мероприятий могут уточняться по согласованию сторон.']);
  });

  it('covers exactly the period asked: a quarter of the year, a plan across years says every year', async () => {
    const core = tempCore();
    await documentsRegister(core);
    const quarter = await build(core, 'plan', '2022-Q4');
    expect(quarter.title).toBe('План мероприятий международного и межрегионального сотрудничества Смоленской области на IV квартал 2022 года');
    expect(quarter.tables[0]?.rows.map((r) => [r[1], r[2]])).toEqual([
      ['Международная выставка-ярмарка «Смоленские промыслы»', 'IV квартал'],
      ['Обмен делегациями молодежных организаций Смоленской и Брянской областей', 'В течение года'],
    ]);
    const across = await build(core, 'plan', '2021-12-01..2022-01-31');
    expect(across.title).toMatch(/^План мероприятий межрегионального сотрудничества Смоленской области на период с .*2021.* по .*2022/);
    expect(across.tables[0]?.rows.map((r) => r[2])).toEqual(['В течение 2022\u00a0г.']);
    // With a partner: its events and those of anything under it, the partner named in the instrumental.
    const withVitebsk = await buildDocument(core, ReportInputSchema.parse({ kind: 'plan', period: '2022', partner: 'Витебская область' }));
    expect(withVitebsk.title).toBe('План мероприятий международного сотрудничества Смоленской области с Витебской областью на 2022 год');
    expect(withVitebsk.tables[0]?.rows.map((r) => r[1])).toEqual([
      'Семинар по вопросам профессионального образования',
      'Дни культуры Витебской области в Смоленской области',
      'Турнир по мини-футболу среди юношей',
      'Международная выставка-ярмарка «Смоленские промыслы»',
    ]);
    const empty = await build(core, 'plan', '2030');
    expect(empty.tables).toEqual([]);
    expect(texts(empty)).toEqual(['Мероприятий на 2030 год в реестре нет.']);
  });
});

describe('the справка of a quarter', () => {
  it('counts the held events in words, names the main ones and tables them by sphere and partner', async () => {
    const core = tempCore();
    await documentsRegister(core);
    const spravka = await build(core, 'spravka', '2022-Q2');
    expect(spravka.title).toBe('Справка о мероприятиях международного и межрегионального сотрудничества Смоленской области за II квартал 2022 года');
    expect(texts(spravka)).toEqual([
      'Во II квартале 2022 года состоялись три мероприятия международного и межрегионального сотрудничества с участием представителей Республики Беларусь и Брянской области.',
      'Основные мероприятия:',
      '– Встреча с делегацией Администрации Брянской области: 12 апреля 2022\u00a0г., г.\u00a0Смоленск;',
      '– Семинар по вопросам профессионального образования: 18 мая 2022\u00a0г., г.\u00a0Витебск (Витебская область, Республика Беларусь), в формате видео-конференц-связи;',
      '– Форум регионов Беларуси и России: 27–29 июня 2022\u00a0г., г.\u00a0Минск (Республика Беларусь).',
      'Распределение мероприятий по сферам сотрудничества и партнерам приведено в таблицах 1 и 2 (мероприятие, относящееся к нескольким сферам или партнерам, учтено в каждой из них).',
      'В рамках действующих соглашений о сотрудничестве состоялось одно мероприятие.',
      'Кроме того, перенесено одно мероприятие и отменено одно мероприятие.',
    ]);
    const [spheres, partners] = spravka.tables;
    expect(spheres?.caption).toBe('Таблица 1 – Мероприятия по сферам сотрудничества');
    expect(spheres?.rows.map((r) => [r[1], r[2]])).toEqual([['Промышленность и торговля', '1'], ['Сельское хозяйство', '1'], ['Экономика', '1'], ['Образование и наука', '1']]);
    expect(partners?.rows).toEqual([['1.', 'Республика Беларусь', '2'], ['2.', 'Брянская область', '1']]);
    // Both tables follow the paragraph that names them, before the closing ones.
    expect(spheres?.after).toBe(6);
    expect(partners?.after).toBe(6);
  });

  it('says «состоялось девять мероприятий» of the demo half-year and names three main ones, one part of a two-part event', async () => {
    const core = tempCore();
    await loadDemo(core);
    const spravka = await build(core, 'spravka', '2021-H2');
    expect(texts(spravka)[0]).toBe('Во II полугодии 2021 года состоялось девять мероприятий международного сотрудничества с участием представителей Республики Беларусь, Парламентского Собрания Союза Беларуси и России и Постоянного Комитета Союзного государства.');
    expect(texts(spravka)[1]).toBe('Наиболее значимые из них:');
    const main = texts(spravka).filter((t) => t.startsWith('– '));
    expect(main).toHaveLength(3);
    expect(main.filter((t) => t.includes('Шестьдесят пятое заседание'))).toHaveLength(1);
    expect((await build(core, 'spravka', '2030-Q1')).paragraphs.map((p) => p.text)).toEqual(['В I квартале 2030 года мероприятий международного и межрегионального сотрудничества не проводилось.']);
  });
});

describe('the agreements report', () => {
  it('lists the agreements in force during the half-year with parties, term and events, and flags terms ending soon', async () => {
    const core = tempCore();
    await documentsRegister(core);
    const report = await build(core, 'agreements', '2022-H1');
    expect(report.title).toBe('Отчет о реализации соглашений о сотрудничестве за I полугодие 2022 года');
    expect(texts(report)[0]).toBe('В I полугодии 2022 года действовали три соглашения о сотрудничестве Смоленской области; в их рамках состоялось одно мероприятие.');
    const rows = report.tables[0]?.rows ?? [];
    // Not the one ended in 2021, the draft, the one signed after the period, nor the demo's ended in 2021.
    expect(rows.map((r) => r[1])).toEqual([
      'Соглашение о торгово-экономическом сотрудничестве между Смоленской областью и Минской областью от 20 мая 2016 года',
      'Соглашение между Администрацией Смоленской области и Витебским областным исполнительным комитетом о сотрудничестве в торгово-экономической, научно-технической и гуманитарной сферах от 1 марта 2019 года №\u00a015-С',
      'Меморандум о взаимопонимании между Администрацией Смоленской области и Администрацией Брянской области от 5 октября 2020 года',
    ]);
    expect(rows.map((r) => r[3])).toEqual([
      'До 31 декабря 2021\u00a0г., с автоматической пролонгацией',
      'До 31 августа 2022\u00a0г. – истек в течение 90 дней после отчетного периода',
      'Бессрочно',
    ]);
    expect(rows[1]?.[2]).toBe('Администрация Смоленской области, Витебский областной исполнительный комитет');
    expect(rows[1]?.[4]).toBe('Одно мероприятие:\n– Семинар по вопросам профессионального образования (18 мая 2022\u00a0г.)');
    expect(rows[0]?.[4]).toBe('Не проводились');
    expect(texts(report).slice(1)).toEqual([
      'Требуют решения о продлении или заключении нового соглашения (срок действия истекает в отчетном периоде или в течение 90 дней после его окончания):',
      `– ${rows[1]?.[1] ?? ''}: срок действия до 31 августа 2022 года.`,
    ]);
  });

  it('counts the demo\'s contract in its last half-year and drops it after, when nothing holds it', async () => {
    const core = tempCore();
    await loadDemo(core);
    const h2 = await build(core, 'agreements', '2021-H2');
    expect(texts(h2)[0]).toBe('Во II полугодии 2021 года действовало одно соглашение о сотрудничестве Смоленской области; в его рамках состоялось одно мероприятие.');
    expect(h2.tables[0]?.rows[0]?.[3]).toBe('До 31 декабря 2021\u00a0г. – истек в отчетном периоде');
    const after = await build(core, 'agreements', '2022-H1');
    expect(after.tables).toEqual([]);
    expect(texts(after)).toEqual(['В I полугодии 2022 года соглашений о сотрудничестве, действовавших в этот период, в реестре нет.']);
  });
});

describe('the covering letter', () => {
  it('names the department, the attached report of the period and its sheets, and leaves the addressee to the clerk', async () => {
    const core = tempCore();
    await loadDemo(core);
    await setDepartmentSettings(core, { homeRegion: 'Смоленская область', departmentName: 'Департамент Смоленской области по внешнеэкономическим связям', responsibleName: 'М.П. Иванова', responsiblePhone: '+7 (4812) 29-10-45' });
    const letter = await build(core, 'letter', '2021-H2');
    const pages = estimatePages(await build(core, 'report', '2021-H2'));
    expect(letter.title).toBe('О направлении отчета за II полугодие 2021 года');
    expect(texts(letter)).toEqual([
      'Департамент Смоленской области по внешнеэкономическим связям\n____________ № ____________\nНа № ____________ от ____________',
      '[Должность адресата]\n[И.О. Фамилия]',
      'Уважаемый(ая) [Имя Отчество]!',
      'Направляем отчет о мероприятиях международного сотрудничества Смоленской области за II полугодие 2021 года.',
      'Во II полугодии 2021 года состоялось девять мероприятий с участием представителей Республики Беларусь, Парламентского Собрания Союза Беларуси и России и Постоянного Комитета Союзного государства.',
      `Приложение: отчет за II полугодие 2021 года на ${pages} л. в 1 экз.`,
      'Начальник департамента\t[И.О. Фамилия]',
    ]);
    // The sheets of the report the clerk saved, not the register's: a report cut to two paragraphs is one sheet.
    const report = (await draft(core, 'report', '2021-H2')).report;
    await saveReport(core, { ...ReportInputSchema.parse({ kind: 'report', period: '2021-H2' }), report: { ...report, paragraphs: report.paragraphs.slice(0, 2) } });
    expect(texts(await build(core, 'letter', '2021-H2'))[5]).toBe('Приложение: отчет за II полугодие 2021 года на 1 л. в 1 экз.');
  });

  it('puts the subject line after the sender and addressee in the text and Markdown forms', async () => {
    const core = tempCore();
    await loadDemo(core);
    const letter = await build(core, 'letter', '2021-H2');
    const lines = reportText(letter, 'letter').split('\n');
    expect(lines.indexOf('О направлении отчета за II полугодие 2021 года')).toBe(5);
    expect(lines[0]).toBe('[Наименование департамента]');
    expect(reportMarkdown(letter, 'letter')).toMatch(/\\\[И\.О\. Фамилия\\\]\n\n# О направлении отчета/);
  });
});

describe('what the lists leave undecided', () => {
  it('writes «г.» for a settlement of no type and the dictionary\'s form of a partner of none, and lists both for the clerk', async () => {
    const core = tempCore();
    await createEvents(core, [EventInputSchema.parse({ title: 'Встреча с ветеранами', kind: 'встреча', startDate: '2023-03-02', city: 'Ляхновичи', country: 'Республика Беларусь', partners: ['Ассоциация молодежных организаций'], spheres: ['молодежная политика'] })]);
    const plan = await build(core, 'plan', '2023');
    expect(plan.tables[0]?.rows[0]?.[3]).toBe('г.\u00a0Ляхновичи (Республика Беларусь)');
    expect(plan.gaps.map((g) => [g.refKind, g.name, g.field, g.guess])).toEqual([['city', 'Ляхновичи', 'settlement', 'г.']]);
    const spravka = await build(core, 'spravka', '2023-Q1');
    expect(texts(spravka)[0]).toBe('В I квартале 2023 года состоялось одно мероприятие международного сотрудничества с участием представителей Республики Беларусь и Ассоциации молодежных организаций.');
    expect(spravka.gaps.map((g) => [g.refKind, g.name, g.field, g.guess])).toEqual([
      ['organisation', 'Ассоциация молодежных организаций', 'genitive', 'Ассоциации молодежных организаций'],
      ['city', 'Ляхновичи', 'settlement', 'г.'],
    ]);
  });
});

describe('drafts per kind', () => {
  const period = (code: string) => parsePeriod(code) as Period;

  it('keeps one saved draft per kind of the same period: edited, saved, read back, discarded alone', async () => {
    const core = tempCore();
    await documentsRegister(core);
    const kinds: DocumentKind[] = ['report', 'plan', 'spravka', 'agreements', 'letter'];
    const built = new Map(await inOrder(kinds, async (kind) => [kind, await draft(core, kind, '2022-Q2')] as const));
    for (const [kind, d] of built) {
      expect(d.savedAt, kind).toBeNull();
      const edited: Report = {
        ...d.report,
        paragraphs: d.report.paragraphs.map((p, i) => (i === 0 ? { ...p, text: `${p.text} (${kind}, правка)` } : p)),
        tables: d.report.tables.map((t) => ({ ...t, rows: t.rows.map((r, i) => (i === 0 ? r.map((c, j) => (j === 1 ? `${c} (правка)` : c)) : r)) })),
      };
      await saveReport(core, { ...ReportInputSchema.parse({ kind, period: '2022-Q2' }), report: edited });
    }
    for (const kind of kinds) {
      const saved = await draft(core, kind, '2022-Q2');
      expect(saved.savedAt, kind).not.toBeNull();
      expect(saved.report.paragraphs[0]?.text).toMatch(new RegExp(`\\(${kind}, правка\\)$`));
      for (const t of saved.report.tables) if (t.rows.length) expect(t.rows[0]?.[1]).toMatch(/\(правка\)$/);
      // A fresh draft of the kind ignores the saved one without forgetting it.
      expect((await draft(core, kind, '2022-Q2', true)).report).toEqual(built.get(kind)?.report);
    }
    // «Собрать заново» of the plan forgets the plan's draft only.
    const rebuilt = await discardReport(core, ReportInputSchema.parse({ kind: 'plan', period: '2022-Q2' }));
    expect(rebuilt).toEqual({ report: built.get('plan')?.report, savedAt: null });
    expect((await draft(core, 'plan', '2022-Q2')).savedAt).toBeNull();
    for (const kind of kinds.filter((k) => k !== 'plan')) expect((await draft(core, kind, '2022-Q2')).savedAt, kind).not.toBeNull();
  });

  it('keeps the report drafts saved before migration 007 as reports of their period and partner', async () => {
    const file = databaseAtVersion(6);
    const old = new Database(file);
    const report: Report = { title: 'Отчёт, сохранённый раньше', paragraphs: [{ eventId: null, text: 'Правленый абзац.', generated: false }], tables: [], gaps: [] };
    const insert = old.prepare('INSERT INTO report_drafts (period, partner_key, options, report, saved_at) VALUES (?, ?, ?, ?, ?)');
    insert.run('2021-07-01..2021-12-31', '', '{"partner":null,"rounded":false}', JSON.stringify(report), '2022-01-10T09:00:00.000Z');
    insert.run('2021-07-01..2021-12-31', 'республика беларусь', '{"partner":"Республика Беларусь","rounded":false}', JSON.stringify({ ...report, title: 'С партнёром' }), '2022-01-11T09:00:00.000Z');
    old.close();

    const core = openCore(file);
    try {
      // Migrated through 007 and every migration after it.
      expect(core.db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
      expect(SCHEMA_VERSION).toBeGreaterThanOrEqual(7);
      expect(await draft(core, 'report', '2021-H2')).toEqual({ report, savedAt: '2022-01-10T09:00:00.000Z' });
      expect((await reportDraft(core, ReportDraftInputSchema.parse({ period: '2021-H2', partner: 'Республика Беларусь' }))).report.title).toBe('С партнёром');
      // The same period's other kinds have no draft yet.
      expect((await draft(core, 'plan', '2021-H2')).savedAt).toBeNull();
      expect(core.db.prepare('SELECT kind, count(*) AS n FROM report_drafts GROUP BY kind').all()).toEqual([{ kind: 'report', n: 2 }]);
      // The rebuilt table refuses a kind it does not know.
      expect(() => core.db.prepare(`INSERT INTO report_drafts (kind, period, options, report, saved_at) VALUES ('memo', 'x', '{}', '{}', 'x')`).run()).toThrow(/CHECK constraint/);
    } finally {
      closeCore(core);
    }
  });

  it('names each kind\'s file after the document and its period', () => {
    expect(reportFileName(period('2022'), 'docx', 'plan')).toBe('План_мероприятий_на_2022_год.docx');
    expect(reportFileName(period('2022-Q2'), 'docx', 'plan')).toBe('План_мероприятий_на_II_квартал_2022_года.docx');
    expect(reportFileName(period('2021-Q3'), 'docx', 'spravka')).toBe('Справка_за_III_квартал_2021_года.docx');
    expect(reportFileName(period('2021-H2'), 'md', 'agreements')).toBe('Отчёт_о_реализации_соглашений_за_II_полугодие_2021_года.md');
    expect(reportFileName(period('2021-H2'), 'docx', 'letter')).toBe('Сопроводительное_письмо_к_отчёту_за_II_полугодие_2021_года.docx');
    expect(reportFileName(period('2021-H2'), 'txt')).toBe('Отчёт_II_полугодие_2021_года.txt');
    expect(reportFileName(period('2021-07-01..2021-09-15'), 'docx', 'spravka')).toMatch(/^Справка_за_период_с_[^\s.]+\.docx$/);
  });

  it('exports each kind with its own file name', async () => {
    const core = tempCore();
    await documentsRegister(core);
    const plan = (await draft(core, 'plan', '2022')).report;
    const file = await exportReport(core, plan, period('2022'), 'txt', 'plan');
    expect(file.fileName).toBe('План_мероприятий_на_2022_год.txt');
    const text = Buffer.from(file.data, 'base64').toString('utf8');
    expect(text.split('\n').slice(0, 3)).toEqual([plan.title, '', '№ п/п\tНаименование мероприятия\tСрок проведения\tМесто проведения\tОтветственные']);
    expect(text).toContain('7.\tОбмен делегациями молодежных организаций Смоленской и Брянской областей\tВ течение года\t\tДепартамент Смоленской области по внутренней политике');
    const md = Buffer.from((await exportReport(core, plan, period('2022'), 'md', 'plan')).data, 'base64').toString('utf8');
    expect(md).toContain('| № п/п | Наименование мероприятия | Срок проведения | Место проведения | Ответственные |');
    expect(md).toContain('| 6. | Международная выставка-ярмарка «Смоленские промыслы» | IV квартал |');
  });
});
