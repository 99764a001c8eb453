// The Отчёты section: the half-year report drafted from the register, edited paragraph by paragraph,
// saved per period and partner, exported as .docx, .txt or .md.
import { ActionIcon, Alert, Anchor, Button, Group, Loader, Menu, Select, Stack, Switch, Text, Textarea, TextInput, Title, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowDown, IconArrowUp, IconDownload, IconRefresh, IconTrash } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import type { Report, ReportFormat } from '../../../shared/schema/report';
import { call } from '../../api/client';
import { routeHash } from '../../app/route';
import { PeriodPicker } from '../../components/PeriodPicker';
import { saveFile } from '../../components/saveFile';
import { useLeaveGuard } from '../../components/useLeaveGuard';
import { useRefNames } from '../../components/useRefNames';
import { useOverview } from '../overview/overviewStore';

const FORMATS: { format: ReportFormat; label: string }[] = [
  { format: 'docx', label: 'Документ Word (.docx)' },
  { format: 'txt', label: 'Текст (.txt)' },
  { format: 'md', label: 'Markdown (.md)' },
];

function savedLabel(savedAt: string | null): string {
  if (!savedAt) return 'Черновик собран из реестра и ещё не сохранён.';
  const at = new Date(savedAt);
  return `Черновик сохранён ${at.toLocaleDateString('ru-RU')} в ${at.toLocaleTimeString('ru-RU', { hour: '2-digit', minute: '2-digit' })}.`;
}

export function ReportsPage() {
  const [period, setPeriod] = useState(() => useOverview.getState().period);
  const [partner, setPartner] = useState<string | null>(null);
  const [rounded, setRounded] = useState(false);
  const [report, setReport] = useState<Report | null>(null);
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const [dirty, setDirty] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const partners = useRefNames('country', 'region', 'organisation');
  useLeaveGuard(dirty);

  const input = { period, partner: partner ?? undefined, rounded };
  const load = async (fresh: boolean) => {
    setBusy(true);
    setError(null);
    try {
      const draft = await call('report.draft', { ...input, fresh });
      setReport(draft.report);
      setSavedAt(draft.savedAt);
      setDirty(false);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  const key = JSON.stringify(input);
  // Reloads when the choice changes (load itself is new every render).
  useEffect(() => void load(false), [key]);

  const choose = (change: () => void) => {
    if (dirty && !window.confirm('Черновик изменён и не сохранён. Перейти к другому отчёту без сохранения?')) return;
    change();
  };
  const edit = (next: Report) => {
    setReport(next);
    setDirty(true);
  };
  const paragraphs = report?.paragraphs ?? [];
  const move = (from: number, to: number) => {
    if (!report || to < 0 || to >= paragraphs.length) return;
    const next = [...paragraphs];
    const [moved] = next.splice(from, 1);
    if (moved) next.splice(to, 0, moved);
    edit({ ...report, paragraphs: next });
  };

  const save = async () => {
    if (!report) return;
    try {
      const draft = await call('report.save', { ...input, report });
      setSavedAt(draft.savedAt);
      setDirty(false);
      notifications.show({ color: 'green', message: 'Черновик отчёта сохранён.' });
    } catch (e) {
      setError((e as Error).message);
    }
  };
  const rebuild = () => {
    if (savedAt || dirty) {
      if (!window.confirm('Собрать отчёт заново из реестра? Правки черновика будут заменены (сохранённый черновик останется, пока вы не сохраните новый).')) return;
    }
    void load(true);
  };
  const exportAs = async (format: ReportFormat) => {
    if (!report) return;
    try {
      const file = await call('report.export', { report, period, format });
      saveFile(file.fileName, file.data);
    } catch (e) {
      setError((e as Error).message);
    }
  };

  return (
    <Stack gap="sm" maw={1100}>
      <Title order={2}>Отчёты</Title>
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
        <Switch mb={8} label="Округлить число мероприятий («более 30»)" checked={rounded} onChange={(e) => { const on = e.currentTarget.checked; choose(() => setRounded(on)); }} />
      </Group>
      <Group gap="sm">
        <Button onClick={() => void save()} disabled={!dirty}>Сохранить черновик</Button>
        <Menu position="bottom-start">
          <Menu.Target>
            <Button variant="light" leftSection={<IconDownload size={16} />} disabled={!report}>Экспорт</Button>
          </Menu.Target>
          <Menu.Dropdown>
            {FORMATS.map(({ format, label }) => <Menu.Item key={format} onClick={() => void exportAs(format)}>{label}</Menu.Item>)}
          </Menu.Dropdown>
        </Menu>
        <Button variant="subtle" leftSection={<IconRefresh size={16} />} onClick={rebuild}>Собрать заново из реестра</Button>
        {busy ? <Loader size="sm" /> : <Text size="sm" c="dimmed">{dirty ? 'Есть несохранённые правки.' : savedLabel(savedAt)}</Text>}
      </Group>
      {error && <Alert color="red" title="Не удалось подготовить отчёт">{error}</Alert>}
      {report && (
        <Stack gap="xs">
          <TextInput label="Заголовок" value={report.title} onChange={(e) => edit({ ...report, title: e.currentTarget.value })} />
          {paragraphs.map((paragraph, i) => (
            <Group key={`${paragraph.eventId ?? 'p'}-${i}`} align="flex-start" gap="xs" wrap="nowrap" data-paragraph={i}>
              <Textarea
                style={{ flex: 1 }}
                autosize
                minRows={2}
                aria-label={`Абзац ${i + 1}`}
                description={paragraph.eventId ? <Anchor href={routeHash({ section: 'events', item: String(paragraph.eventId) })} size="xs">мероприятие № {paragraph.eventId}</Anchor> : undefined}
                value={paragraph.text}
                onChange={(e) => {
                  const text = e.currentTarget.value;
                  edit({ ...report, paragraphs: paragraphs.map((p, j) => (j === i ? { ...p, text } : p)) });
                }}
              />
              <Stack gap={2} pt={paragraph.eventId ? 22 : 4}>
                <Tooltip label="Выше"><ActionIcon variant="subtle" aria-label={`Абзац ${i + 1} выше`} disabled={i === 0} onClick={() => move(i, i - 1)}><IconArrowUp size={16} /></ActionIcon></Tooltip>
                <Tooltip label="Ниже"><ActionIcon variant="subtle" aria-label={`Абзац ${i + 1} ниже`} disabled={i === paragraphs.length - 1} onClick={() => move(i, i + 1)}><IconArrowDown size={16} /></ActionIcon></Tooltip>
                <Tooltip label="Убрать абзац"><ActionIcon variant="subtle" color="red" aria-label={`Убрать абзац ${i + 1}`} onClick={() => edit({ ...report, paragraphs: paragraphs.filter((_, j) => j !== i) })}><IconTrash size={16} /></ActionIcon></Tooltip>
              </Stack>
            </Group>
          ))}
        </Stack>
      )}
    </Stack>
  );
}
