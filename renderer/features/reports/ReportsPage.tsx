// The Отчёты section: the documents drafted from the register (the report, the plan, the справка,
// the agreements report, the covering letter), checked, edited paragraph by paragraph and table by
// table, saved per document, period and partner, exported as .docx, .txt or .md.
import { Alert, Box, Button, Group, Loader, Menu, Modal, Select, Stack, Switch, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDownload, IconPlus, IconRefresh } from '@tabler/icons-react';
import { Fragment, useCallback, useEffect, useRef, useState } from 'react';
import { REF_KIND_LABELS } from '../../../shared/ru/labels';
import { RefUpdateSchema, SettlementSchema } from '../../../shared/schema/reference';
import { DocumentKindSchema, type DocumentKind, type Report, type ReportFormat, type ReportGap } from '../../../shared/schema/report';
import type { MethodOutput } from '../../../shared/api';
import { call } from '../../api/client';
import { runJob } from '../../api/jobs';
import { errorMessage, notifyError } from '../../api/notifyError';
import { useAllowed } from '../../api/useAllowed';
import { PeriodPicker } from '../../components/PeriodPicker';
import { saveFile } from '../../components/saveFile';
import { useLeaveGuard } from '../../components/useLeaveGuard';
import { useRefNames } from '../../components/useRefNames';
import { useOverview } from '../../stores/overviewPeriod';
import { GENDERS, settlementLabel } from '../../components/RefDialogs';
import { DocumentKindPicker, documentLabel } from './DocumentKindPicker';
import { insertParagraph, placeholders, uncheckedCount } from './draftEdits';
import { ParagraphEditor } from './ParagraphEditor';
import { ReportCheck, uncheckedPhrase } from './ReportCheck';
import { ReportTableEditor } from './ReportTableEditor';
import { ReportView } from './ReportView';

const FORMATS: { format: ReportFormat; label: string }[] = [
  { format: 'docx', label: 'Документ Word (.docx)' },
  { format: 'txt', label: 'Текст (.txt)' },
  { format: 'md', label: 'Markdown (.md)' },
];

/** «д. (деревня)», «женский», «в Заболотье» as a notice names what was stored. */
function valueLabel(field: ReportGap['field'], value: string): string {
  if (field === 'settlement') return (settlementLabel(SettlementSchema.safeParse(value).data ?? null) ?? value).replace(/^(.+?) — (.+)$/, '$1 ($2)');
  if (field === 'gender') return GENDERS.find((g) => g.value === value)?.label.split(' ')[0] ?? value;
  return `«${value}»`;
}

function savedLabel(savedAt: string | null): string {
  if (!savedAt) return 'Черновик собран из реестра и ещё не сохранён.';
  const at = new Date(savedAt);
  return `Черновик сохранён ${at.toLocaleDateString('ru-RU')} в ${at.toLocaleTimeString('ru-RU', { hour: '2-digit', minute: '2-digit' })}.`;
}

const KIND_KEY = 'reestr.documentKind';

/** The document chosen last time: a clerk working on the plan comes back to the plan. */
function rememberedKind(): DocumentKind {
  return DocumentKindSchema.safeParse(localStorage.getItem(KIND_KEY)).data ?? 'report';
}

export function ReportsPage() {
  const [kind, setKind] = useState<DocumentKind>(rememberedKind);
  const [period, setPeriod] = useState(() => useOverview.getState().period);
  const [partner, setPartner] = useState<string | null>(null);
  const [rounded, setRounded] = useState(false);
  const [report, setReport] = useState<Report | null>(null);
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const [dirty, setDirty] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  /** The export waiting for the clerk's answer: marks remain. */
  const [asking, setAsking] = useState<ReportFormat | null>(null);
  const partners = useRefNames('country', 'region', 'organisation');
  useLeaveGuard(dirty);
  // A reader reads the draft as the register makes it (or as a clerk saved it): no editing, saving or export.
  const allowed = useAllowed();
  const mayEdit = allowed('report.save');

  const input = { kind, period, partner: partner ?? undefined, rounded: kind === 'report' && rounded };
  const show = (draft: { report: Report; savedAt: string | null }) => {
    setReport(draft.report);
    setSavedAt(draft.savedAt);
    setDirty(false);
  };
  /** The latest load: an answer to an earlier choice (the clerk clicked on quickly) is dropped. */
  const latest = useRef(0);
  const load = async (how: 'saved' | 'rebuild') => {
    const ticket = ++latest.current;
    setBusy(true);
    setError(null);
    try {
      // Rebuilding forgets the saved draft: what the clerk sees is what a later visit finds.
      const draft = how === 'rebuild' ? await call('report.discard', input) : await call('report.draft', { ...input, fresh: false });
      if (ticket === latest.current) show(draft);
    } catch (e) {
      if (ticket !== latest.current) return;
      setError(errorMessage(e));
      // Never the previous document's text under the new choice (a save would file it there).
      setReport(null);
      setSavedAt(null);
      setDirty(false);
    } finally {
      if (ticket === latest.current) setBusy(false);
    }
  };
  const key = JSON.stringify(input);
  // Reloads when the choice changes (load itself is new every render).
  useEffect(() => void load('saved'), [key]);

  const choose = (change: () => void) => {
    if (dirty && !window.confirm('Черновик изменён и не сохранён. Перейти к другому документу без сохранения?')) return;
    change();
  };
  const update = useCallback((change: (r: Report) => Report) => {
    setReport((r) => (r ? change(r) : r));
    setDirty(true);
  }, []);

  const save = async () => {
    if (!report) return;
    try {
      const draft = await call('report.save', { ...input, report });
      setSavedAt(draft.savedAt);
      setDirty(false);
      notifications.show({ color: 'green', message: `Черновик сохранён: ${documentLabel(kind)}.` });
    } catch (e) {
      notifyError(e, 'Черновик не сохранён');
    }
  };
  const rebuild = () => {
    if ((savedAt || dirty) && !window.confirm('Собрать документ заново из реестра? Ваши правки и сохранённый черновик будут заменены новым текстом.')) return;
    void load('rebuild');
  };
  const fix = async (gap: ReportGap, value: string) => {
    const change = RefUpdateSchema.safeParse({ id: gap.refId, [gap.field]: value });
    if (!change.success) {
      notifications.show({ color: 'red', title: 'Не записано', message: `Значение «${value}» не подходит для справочника.` });
      return;
    }
    try {
      await call('refs.update', change.data);
    } catch (e) {
      notifyError(e, 'Не записано');
      return;
    }
    notifications.show({ color: 'green', message: `Записано в справочник «${REF_KIND_LABELS[gap.refKind]}»: ${gap.name} — ${valueLabel(gap.field, value)}.` });
    if ((savedAt || dirty) && !window.confirm('Записано в справочник. Собрать документ заново, чтобы исправление вошло в текст? Ваши правки черновика будут заменены.')) {
      // The list is fixed; the text is the clerk's until a rebuild.
      setReport((r) => (r ? { ...r, gaps: r.gaps.filter((g) => g !== gap) } : r));
      return;
    }
    await load('rebuild');
  };
  const jump = (index: number) => {
    const box = document.querySelector(`[data-paragraph="${index}"]`);
    box?.scrollIntoView({ block: 'center' });
    box?.querySelector('textarea')?.focus({ preventScroll: true });
  };

  const exportAs = async (format: ReportFormat, confirmed = false) => {
    if (!report) return;
    if (!confirmed && (uncheckedCount(report) > 0 || placeholders(report).length > 0)) {
      setAsking(format);
      return;
    }
    setAsking(null);
    try {
      const file = await runJob<MethodOutput<'report.export'>>({ kind: 'report.export', input: { kind, report, period, format } });
      saveFile(file.fileName, file.data);
    } catch (e) {
      notifyError(e, 'Не выгружено');
    }
  };

  const paragraphs = report?.paragraphs ?? [];
  const tables = report?.tables ?? [];
  /** The tables that follow the first `n` paragraphs, with their indexes. */
  const tablesAfter = (n: number) => tables.flatMap((t, i) => (t.after === n || (n === paragraphs.length && t.after > n) ? [i] : []));
  const tableBlock = (n: number) => tablesAfter(n).map((i) => (
    <ReportTableEditor key={`t${i}`} table={tables[i]!} index={i} update={update} onParagraphAfter={() => update((r) => insertParagraph(r, Math.min(n, r.paragraphs.length), i))} />
  ));

  return (
    <Stack gap="sm" maw={1100}>
      <Title order={2}>Отчёты и документы</Title>
      <DocumentKindPicker value={kind} onChange={(k) => k !== kind && choose(() => { localStorage.setItem(KIND_KEY, k); setKind(k); })} />
      <Group align="flex-end" gap="sm">
        <PeriodPicker label="Период" value={period} onChange={(value) => value && choose(() => setPeriod(value))} />
        <Select
          label="Партнёр"
          w={300}
          searchable
          clearable
          placeholder="все партнёры"
          data={partners}
          value={partner}
          onChange={(value) => choose(() => setPartner(value))}
        />
        {kind === 'report' && (
          <Switch mb={8} label="Округлить число мероприятий («более 30»)" checked={rounded} onChange={(e) => { const on = e.currentTarget.checked; choose(() => setRounded(on)); }} />
        )}
      </Group>
      <Box
        py={6}
        style={{ position: 'sticky', top: 'var(--app-shell-header-height, 0px)', zIndex: 5, background: 'var(--mantine-color-body)', borderBottom: '1px solid var(--mantine-color-gray-3)' }}
      >
        <Group gap="sm">
          {/* A draft just built can be kept as it is, too. */}
          {mayEdit && <Button onClick={() => void save()} disabled={!report || (!dirty && savedAt !== null)}>Сохранить черновик</Button>}
          {allowed('report.export') && <Menu position="bottom-start">
            <Menu.Target>
              <Button variant="light" leftSection={<IconDownload size={16} />} disabled={!report}>Экспорт</Button>
            </Menu.Target>
            <Menu.Dropdown>
              {FORMATS.map(({ format, label }) => <Menu.Item key={format} onClick={() => void exportAs(format)}>{label}</Menu.Item>)}
            </Menu.Dropdown>
          </Menu>}
          {allowed('report.discard') && <Button variant="subtle" leftSection={<IconRefresh size={16} />} onClick={rebuild}>Собрать заново из реестра</Button>}
          {busy ? <Loader size="sm" /> : <Text size="sm" c="dimmed">{dirty ? 'Есть несохранённые правки.' : savedLabel(savedAt)}</Text>}
        </Group>
      </Box>
      {error && <Alert color="red" title="Не удалось подготовить документ">{error}</Alert>}
      {report && !mayEdit && <ReportView report={report} />}
      {report && mayEdit && <ReportCheck report={report} onFix={fix} onJump={jump} />}
      {report && mayEdit && (
        <Stack gap="xs">
          <TextInput label="Заголовок" value={report.title} onChange={(e) => { const title = e.currentTarget.value; update((r) => ({ ...r, title })); }} />
          {paragraphs.map((paragraph, i) => (
            <Fragment key={`${paragraph.eventId ?? 'p'}-${i}`}>
              {tableBlock(i)}
              <ParagraphEditor paragraph={paragraph} index={i} last={i === paragraphs.length - 1} update={update} />
            </Fragment>
          ))}
          {tableBlock(paragraphs.length)}
          <Group>
            <Button size="xs" variant="subtle" leftSection={<IconPlus size={14} />} onClick={() => update((r) => insertParagraph(r, r.paragraphs.length, r.tables.length))}>
              Добавить абзац в конец
            </Button>
          </Group>
        </Stack>
      )}
      {asking && report && (
        <Modal opened onClose={() => setAsking(null)} title={uncheckedCount(report) > 0 ? 'Не все абзацы проверены' : 'Не все поля заполнены'} size="lg">
          <Stack gap="xs">
            {uncheckedCount(report) > 0 && <Text size="sm">В документе {uncheckedPhrase(uncheckedCount(report))}.</Text>}
            {placeholders(report).length > 0 && <Text size="sm">Не заполнено: {placeholders(report).join(', ')}.</Text>}
            {report.gaps.length > 0 && (
              <Text size="sm">Справочникам не хватает данных ({report.gaps.length}): где программа не уверена, в тексте стоит её предположение.</Text>
            )}
            <Text size="sm" fw={500}>Выгрузить всё равно?</Text>
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setAsking(null)}>Вернуться к проверке</Button>
              <Button onClick={() => void exportAs(asking, true)}>Выгрузить всё равно</Button>
            </Group>
          </Stack>
        </Modal>
      )}
    </Stack>
  );
}
