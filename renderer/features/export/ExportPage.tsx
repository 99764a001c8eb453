// The Экспорт section: the period's sheets for sending upward, chosen by buttons, filtered and
// grouped as the events table is, previewed, then saved as an Excel workbook.
import { Alert, Button, Group, MultiSelect, Progress, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import { IconFileSpreadsheet } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { formatDateRange } from '../../../shared/ru/dates';
import { EVENT_STATUS_LABELS, FORMAT_LABELS } from '../../../shared/ru/labels';
import { placeLine } from '../../../shared/ru/place';
import { countOf, EVENT_FORMS } from '../../../shared/ru/plural';
import type { EventRow, EventStatus } from '../../../shared/schema/event';
import { call } from '../../api/client';
import { startJob, type Job, type JobProgress } from '../../api/jobs';
import { errorMessage } from '../../api/notifyError';
import { useAllowed } from '../../api/useAllowed';
import { whoMayCall } from '../../api/allowed';
import { options } from '../../components/forms';
import { PeriodPicker, periodLabel } from '../../components/PeriodPicker';
import { exportJob } from '../../components/exportToExcel';
import { saveFile } from '../../components/saveFile';
import { useRefNames } from '../../components/useRefNames';

const PREVIEW_ROWS = 30;

type Grouping = 'none' | 'sphere' | 'partner';
type What = 'xlsx' | 'csv' | 'all';
type FileJob = Job<{ fileName: string; data: string }>;

/** The file being made: which, its job, how far it is, whether a cancel was asked. */
interface Running {
  what: What;
  job: FileJob;
  progress: JobProgress;
  cancelling: boolean;
}

const CANCELLED = 'Файл не сохранён; реестр не изменён.';

/** What the bar says: events written of the total once known. */
function progressText({ what, progress }: Running): string {
  if (what === 'all') return 'Полная выгрузка реестра…';
  if (!progress.total) return 'Подготовка выгрузки…';
  const done = progress.done.toLocaleString('ru-RU');
  const total = progress.total.toLocaleString('ru-RU');
  if (what === 'csv') return `Прочитано ${done} из ${total} мероприятий`;
  return progress.done < progress.total ? `Записано ${done} из ${total} мероприятий` : `Записано ${total} мероприятий; соглашения, сводка и упаковка файла…`;
}

export function ExportPage() {
  // Every file here is the clerk's to make (the sidebar does not offer the section to a reader).
  if (!useAllowed()('export.period')) {
    return (
      <Stack>
        <Title order={2}>Экспорт</Title>
        <Text c="dimmed">Выгрузка в файлы вам не разрешена. {whoMayCall('export.period')}</Text>
      </Stack>
    );
  }
  return <ExportForm />;
}

function ExportForm() {
  const thisYear = new Date().getFullYear();
  const [period, setPeriod] = useState(`${thisYear}-${new Date().getMonth() < 6 ? 'H1' : 'H2'}`);
  const [partners, setPartners] = useState<string[]>([]);
  const [spheres, setSpheres] = useState<string[]>([]);
  const [kinds, setKinds] = useState<string[]>([]);
  const [statuses, setStatuses] = useState<EventStatus[]>([]);
  const [grouping, setGrouping] = useState<Grouping>('none');
  const [preview, setPreview] = useState<{ items: EventRow[]; total: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const partnerNames = useRefNames('country', 'region', 'organisation');
  const sphereNames = useRefNames('sphere');
  const kindNames = useRefNames('kind');

  const filter = {
    period,
    partners: partners.length ? partners : undefined,
    spheres: spheres.length ? spheres : undefined,
    kinds: kinds.length ? kinds : undefined,
    statuses: statuses.length ? statuses : undefined,
  };
  const key = JSON.stringify(filter);
  useEffect(() => {
    let live = true;
    setError(null);
    call('events.rows', { ...filter, sort: 'startDate', order: 'asc', limit: PREVIEW_ROWS }).then(
      (page) => live && setPreview(page),
      (e: Error) => live && setError(e.message),
    );
    return () => {
      live = false;
    };
    // The filter is rebuilt every render: its JSON says when it changed.
  }, [key]);

  const [running, setRunning] = useState<Running | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const saving = running?.what ?? null;
  const save = async (what: What) => {
    setError(null);
    setNotice(null);
    const onProgress = (progress: JobProgress) => setRunning((r) => (r && r.job === job ? { ...r, progress } : r));
    const job: FileJob =
      what === 'xlsx'
        ? exportJob({ ...filter, groupBy: grouping === 'none' ? undefined : grouping }, onProgress)
        : startJob(what === 'csv' ? { kind: 'export.csv', input: filter } : { kind: 'export.all', input: {} }, onProgress);
    setRunning({ what, job, progress: { done: 0, total: 0 }, cancelling: false });
    try {
      const end = await job.end;
      if (end.state === 'done') saveFile(end.result.fileName, end.result.data);
      else setNotice(CANCELLED);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setRunning(null);
    }
  };
  const cancel = () => {
    if (!running || running.cancelling) return;
    setRunning({ ...running, cancelling: true });
    running.job.cancel().catch((e: unknown) => setError(errorMessage(e)));
  };

  const title = periodLabel(period);
  return (
    <Stack gap="sm" maw={1200}>
      <Title order={2}>Экспорт</Title>
      <Text size="sm" c="dimmed">
        Книга Excel для отправки: проведенные мероприятия периода, отдельным листом — запланированные, перенесенные и
        отмененные (выбор статуса оставляет только выбранные), реестр соглашений и сводка, которая считает то же, что отчет
        за период. Times New Roman не мельче 10 пт, рамки, заголовок на каждой странице, A4 в натуральную величину.
      </Text>
      <Group gap="sm" align="flex-end">
        <PeriodPicker label="Период" w={340} value={period} onChange={(value) => value && setPeriod(value)} />
      </Group>
      <Group gap="sm" align="flex-start">
        <MultiSelect w={260} label="Партнёр" placeholder="все партнёры" searchable clearable data={partnerNames} value={partners} onChange={setPartners} />
        <MultiSelect w={220} label="Сфера" placeholder="все сферы" searchable clearable data={sphereNames} value={spheres} onChange={setSpheres} />
        <MultiSelect w={200} label="Вид" placeholder="все виды" searchable clearable data={kindNames} value={kinds} onChange={setKinds} />
        <MultiSelect w={200} label="Статус" placeholder="любой" clearable data={options(EVENT_STATUS_LABELS)} value={statuses} onChange={(v) => setStatuses(v as EventStatus[])} />
        <Stack gap={4}>
          <Text size="sm" fw={500}>Группировка</Text>
          <SegmentedControl aria-label="Группировка" value={grouping} onChange={(v) => setGrouping(v as Grouping)}
            data={[{ value: 'none', label: 'Нет' }, { value: 'sphere', label: 'По сферам' }, { value: 'partner', label: 'По партнёрам' }]} />
        </Stack>
      </Group>
      <Group>
        <Button leftSection={<IconFileSpreadsheet size={18} />} loading={saving === 'xlsx'} onClick={() => void save('xlsx')} disabled={preview?.total === 0 || (saving !== null && saving !== 'xlsx')}>
          Сохранить в Excel
        </Button>
        <Button variant="default" loading={saving === 'csv'} onClick={() => void save('csv')} disabled={preview?.total === 0 || (saving !== null && saving !== 'csv')}>Таблица в CSV</Button>
        <Text size="sm" c="dimmed">{title}: {preview ? countOf(preview.total, EVENT_FORMS) : '…'}</Text>
      </Group>
      <Group gap="xs">
        <Button variant="subtle" px={0} loading={saving === 'all'} onClick={() => void save('all')} disabled={saving !== null && saving !== 'all'}>Полная выгрузка реестра (.xlsx)</Button>
        <Text size="sm" c="dimmed">все мероприятия, соглашения и справочники — для архива и переноса на другой компьютер (её читает «Импорт»)</Text>
      </Group>
      {running && (
        <Stack gap={6} maw={560} data-testid="export-progress">
          <Text size="sm">{progressText(running)}</Text>
          <Progress
            size="lg"
            aria-label="Выгрузка"
            value={running.progress.total ? (100 * running.progress.done) / running.progress.total : 0}
            animated={!running.progress.total || running.progress.done >= running.progress.total}
            striped={!running.progress.total || running.progress.done >= running.progress.total}
            transitionDuration={200}
          />
          <Group>
            <Button variant="default" color="red" onClick={cancel} disabled={running.cancelling} loading={running.cancelling}>Отменить</Button>
            {running.cancelling && <Text size="sm" c="dimmed">Отмена: файл не будет сохранён…</Text>}
          </Group>
        </Stack>
      )}
      {error && <Alert color="red" title="Не удалось выгрузить">{error}</Alert>}
      {notice && <Alert color="yellow" title="Выгрузка отменена">{notice}</Alert>}
      {preview && preview.total > 0 && (
        <Table withTableBorder striped verticalSpacing={4} fz="sm" data-testid="export-preview">
          <Table.Thead>
            <Table.Tr><Table.Th w={50}>№</Table.Th><Table.Th w={170}>Сроки</Table.Th><Table.Th>Наименование мероприятия</Table.Th><Table.Th w={200}>Место</Table.Th><Table.Th w={120}>Формат</Table.Th></Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {preview.items.map((e, i) => (
              <Table.Tr key={e.id}>
                <Table.Td>{i + 1}</Table.Td>
                <Table.Td>{formatDateRange(e.startDate, e.endDate, e.datePrecision)}</Table.Td>
                <Table.Td>{e.title}</Table.Td>
                <Table.Td>{placeLine(e)}</Table.Td>
                <Table.Td>{e.format ? FORMAT_LABELS[e.format] : ''}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {preview && preview.total > PREVIEW_ROWS && <Text size="sm" c="dimmed">Показаны первые {PREVIEW_ROWS}; в файл попадут все.</Text>}
      {preview?.total === 0 && <Text c="dimmed">За этот период мероприятий с такими условиями нет.</Text>}
    </Stack>
  );
}
