// The agreement card: its terms, parties and spheres, and the events held under it.
import { Alert, Anchor, Autocomplete, Button, Checkbox, Group, List, Loader, Select, SimpleGrid, Stack, TagsInput, Text, Textarea, TextInput, Title } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useHotkeys } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { AGREEMENT_STATE_LABELS, agreementState, effectiveStatus } from '../../../shared/agreement-term';
import { todayIso } from '../../../shared/dates';
import { formatDate, formatDateRange } from '../../../shared/ru/dates';
import { AGREEMENT_KIND_LABELS } from '../../../shared/ru/labels';
import { AgreementInputSchema, AgreementSchema, type Agreement, type AgreementInput } from '../../../shared/schema/agreement';
import type { Event } from '../../../shared/schema/event';
import { fieldErrors } from '../../../shared/schema/messages';
import { LiveNotice, useLiveCard } from '../../api/liveCard';
import { call } from '../../api/client';
import { errorMessage, notifyError } from '../../api/notifyError';
import { useAllowed } from '../../api/useAllowed';
import { whoMayCall } from '../../api/allowed';
import { navigate, routeHash } from '../../router/route';
import '../../components/dates';
import { DAY_FORMAT, options, parseTypedDate } from '../../components/forms';
import { UNSAVED_QUESTION, useLeaveGuard } from '../../components/useLeaveGuard';
import { useRefNames } from '../../components/useRefNames';
import { HistoryTab } from '../../components/history/HistoryTab';
import { CardHeading, type CardTab } from '../../components/history/CardHeading';
import { useNewRefValues } from '../../components/NewRefValues';
import { applyChoices, conflictCurrent, conflictRows, useConflictDialog } from '../../components/ConflictDialog';

/** The statuses a clerk can set; «истекает» follows from the dates alone. */
const STATUS_OPTIONS = options({
  draft: AGREEMENT_STATE_LABELS.draft,
  active: AGREEMENT_STATE_LABELS.active,
  expired: AGREEMENT_STATE_LABELS.expired,
  terminated: AGREEMENT_STATE_LABELS.terminated,
});

type Draft = Omit<AgreementInput, 'number' | 'department' | 'notes'> & { number: string; department: string; notes: string };

const EMPTY: Draft = {
  kind: 'agreement', number: '', title: '', parties: [], signedOn: null, validFrom: null, validUntil: null,
  autoProlongation: false, status: 'active', spheres: [], department: '', notes: '',
};

function draftOf(a: Agreement): Draft {
  return {
    kind: a.kind, number: a.number ?? '', title: a.title, parties: a.parties, signedOn: a.signedOn, validFrom: a.validFrom,
    validUntil: a.validUntil, autoProlongation: a.autoProlongation, status: a.status, spheres: a.spheres,
    department: a.department ?? '', notes: a.notes ?? '',
  };
}

export function AgreementEditor({ id }: { id: string }) {
  const isNew = id === 'new';
  const [draft, setDraft] = useState<Draft | null>(isNew ? EMPTY : null);
  const [saved, setSaved] = useState<Agreement | null>(null);
  const [events, setEvents] = useState<Event[]>([]);
  const [openEnded, setOpenEnded] = useState(false);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [touched, setTouched] = useState(false);
  const [tab, setTab] = useState<CardTab>('card');
  const partners = useRefNames('country', 'region', 'organisation');
  const spheres = useRefNames('sphere');
  const departments = useRefNames('department');
  const newValues = useNewRefValues();
  const conflict = useConflictDialog();
  // A role that may not write gets the card to read.
  const writable = useAllowed()(isNew ? 'agreements.create' : 'agreements.update');
  const readOnly = !writable;

  /** The card filled from a version of the agreement, as saved. */
  const show = useCallback((a: Agreement) => {
    setSaved(a);
    setDraft(draftOf(a));
    setOpenEnded(a.validUntil === null);
  }, []);

  useEffect(() => {
    if (isNew) return;
    call('agreements.get', { id: Number(id) }).then(show, (e: unknown) => setLoadError(errorMessage(e)));
    call('events.list', { agreementId: Number(id), limit: 1000 }).then((page) => setEvents(page.items), () => setEvents([]));
  }, [id, isNew, show]);

  const input = draft && { ...draft, validUntil: openEnded ? null : draft.validUntil };
  const errors = useMemo(() => {
    if (!input || !touched) return {};
    const result = AgreementInputSchema.safeParse(input);
    return result.success ? {} : fieldErrors(result.error);
  }, [input, touched]);
  const dirty = draft !== null && JSON.stringify(draft) !== JSON.stringify(saved ? draftOf(saved) : EMPTY);

  useLeaveGuard(dirty);
  const live = useLiveCard('agreement', saved, dirty, (agreementId) => call('agreements.get', { id: agreementId }), show);
  const close = () => {
    if (dirty && !window.confirm(UNSAVED_QUESTION)) return;
    navigate({ section: 'agreements' }, { force: true });
  };

  async function save() {
    if (conflict.open || !writable) return;
    setTouched(true);
    if (!input || !AgreementInputSchema.safeParse(input).success) return;
    // Names not in their lists are added by the same save, once the clerk says so.
    const answer = await newValues.confirm([
      { list: 'partner', names: input.parties },
      { list: 'sphere', names: input.spheres },
      { list: 'department', names: [input.department] },
    ]);
    if (!answer) return;
    await write(input, saved);
  }

  /** Writes the fields over the version `base` (none: a new agreement); a conflict is settled by the clerk, field by field. */
  async function write(values: Draft, base: Agreement | null): Promise<void> {
    try {
      const agreement = base ? await call('agreements.update', { id: base.id, version: base.version, input: values }) : await call('agreements.create', values);
      notifications.show({ color: 'green', message: `Соглашение сохранено: ${agreement.title}` });
      setSaved(agreement);
      setDraft(draftOf(agreement));
      navigate({ section: 'agreements' }, { force: true });
    } catch (e) {
      const current = AgreementSchema.safeParse(conflictCurrent(e));
      if (!base || !current.success) {
        notifyError(e, 'Не сохранено');
        return;
      }
      await settle(errorMessage(e), values, base, current.data);
    }
  }

  /**
   * Someone changed the agreement since the clerk opened it: her values beside the register's, and
   * her choice of each written over the version now there; or the card shows the register's.
   */
  async function settle(message: string, values: Draft, base: Agreement, theirs: Agreement): Promise<void> {
    const parsed = AgreementInputSchema.safeParse(values);
    const answer = await conflict.ask(message, conflictRows('agreement', base, parsed.success ? parsed.data : values, theirs));
    if (answer === null) return; // back to her card as she left it
    if (answer === 'discard') {
      await reload();
      notifications.show({ message: 'Ваши изменения отменены: карточка показывает соглашение так, как оно сейчас в реестре.' });
      return;
    }
    const merged = applyChoices(values, draftOf(theirs), answer.choices);
    setSaved(theirs);
    setDraft(merged);
    setOpenEnded(merged.validUntil === null);
    await write(merged, theirs);
  }

  /** After a version came back from the history: the card shows it. */
  async function reload() {
    show(await call('agreements.get', { id: Number(id) }));
    setTab('card');
  }

  // Escape in the question about new names answers it, not the card.
  useHotkeys([['mod+S', () => void save()], ['Escape', () => !newValues.open && !conflict.open && close()]], []);

  if (isNew && !writable) return <Alert color="yellow" title="Новое соглашение">Добавлять соглашения вам не разрешено. {whoMayCall('agreements.create')}</Alert>;
  if (loadError) return <Alert color="red" title="Не удалось открыть соглашение">{loadError}</Alert>;
  if (!draft) return <Loader />;
  const set = (patch: Partial<Draft>) => setDraft({ ...draft, ...patch });
  // The status as the dates make it today, by the register's own rule.
  const today = todayIso();
  const terms = { ...draft, validUntil: openEnded ? null : draft.validUntil };
  const state = agreementState(terms, today);
  const stateNote = state === 'expiring' && terms.validUntil ? `истекает ${formatDate(terms.validUntil)}`
    : state === 'expired' && draft.status === 'active' && terms.validUntil
      ? `срок действия окончился ${formatDate(terms.validUntil)}; чтобы продлить, измените «Действует до» или отметьте автопролонгацию`
      : undefined;
  const date = (field: 'signedOn' | 'validFrom' | 'validUntil', label: string, disabled = false) => (
    <DateInput label={label} clearable={writable} readOnly={readOnly} disabled={disabled} valueFormat={DAY_FORMAT} dateParser={parseTypedDate}
      value={draft[field]} error={errors[field]} onChange={(d) => set({ [field]: d })} />
  );

  return (
    <Stack maw={980} pb="xl">
      <CardHeading title={isNew ? 'Новое соглашение' : 'Соглашение'} saved={saved} tab={tab} onTab={setTab} />
      <LiveNotice live={live} />
      {tab === 'history' && saved ? (
        <HistoryTab entity="agreement" id={saved.id} version={saved.updatedAt} blocked={saved.deletedAt ? 'trash' : dirty ? 'dirty' : null} onReverted={() => void reload()} />
      ) : (<>
      <Textarea label="Название" required={writable} autosize minRows={2} readOnly={readOnly} value={draft.title} error={errors.title} onChange={(e) => set({ title: e.currentTarget.value })} autoFocus={writable} />
      <SimpleGrid cols={3}>
        <Select label="Вид" allowDeselect={false} readOnly={readOnly} data={options(AGREEMENT_KIND_LABELS)} value={draft.kind} onChange={(k) => k && set({ kind: k as Draft['kind'] })} />
        <TextInput label="Номер" readOnly={readOnly} value={draft.number} error={errors.number} onChange={(e) => set({ number: e.currentTarget.value })} />
        <Select label="Статус" allowDeselect={false} readOnly={readOnly} data={STATUS_OPTIONS} value={effectiveStatus(terms, today)} onChange={(s) => s && set({ status: s as Draft['status'] })}
          description={stateNote} inputWrapperOrder={['label', 'input', 'description', 'error']}
          styles={state === 'expired' || state === 'expiring' ? { input: { color: state === 'expired' ? 'var(--mantine-color-red-8)' : 'var(--mantine-color-orange-8)', fontWeight: 600 } } : undefined} />
      </SimpleGrid>
      <TagsInput label="Стороны" readOnly={readOnly} data={partners} value={draft.parties} onChange={(parties) => set({ parties })} placeholder={writable ? 'Выберите или введите' : undefined} />
      <SimpleGrid cols={3}>
        {date('signedOn', 'Подписано')}
        {date('validFrom', 'Действует с')}
        {date('validUntil', 'Действует до', openEnded)}
      </SimpleGrid>
      <Group>
        <Checkbox label="Бессрочно" disabled={readOnly} checked={openEnded} onChange={(e) => setOpenEnded(e.currentTarget.checked)} />
        <Checkbox label="Автоматическая пролонгация" disabled={readOnly} checked={draft.autoProlongation} onChange={(e) => set({ autoProlongation: e.currentTarget.checked })} />
      </Group>
      <SimpleGrid cols={2}>
        <TagsInput label="Сферы сотрудничества" readOnly={readOnly} data={spheres} value={draft.spheres} onChange={(s) => set({ spheres: s })} placeholder={writable ? 'Выберите или введите' : undefined} />
        <Autocomplete label="Ответственное подразделение" readOnly={readOnly} data={departments} value={draft.department} onChange={(department) => set({ department })} />
      </SimpleGrid>
      <Textarea label="Примечание" readOnly={readOnly} autosize minRows={2} value={draft.notes} onChange={(e) => set({ notes: e.currentTarget.value })} />
      <Group>
        {writable && <Button onClick={() => void save()}>Сохранить</Button>}
        <Button variant="default" onClick={close}>Закрыть</Button>
      </Group>
      {saved && (
        <Stack gap={4} mt="md">
          <Title order={4}>Мероприятия по соглашению</Title>
          {events.length === 0 ? <Text c="dimmed" size="sm">Пока ни одного: соглашение выбирается в карточке мероприятия.</Text> : (
            <List size="sm">
              {events.map((e) => (
                <List.Item key={e.id}>
                  {formatDateRange(e.startDate, e.endDate, e.datePrecision)} — <Anchor href={routeHash({ section: 'events', item: String(e.id) })}>{e.title}</Anchor>
                </List.Item>
              ))}
            </List>
          )}
        </Stack>
      )}
      </>)}
      {newValues.dialog}
      {conflict.dialog}
    </Stack>
  );
}
