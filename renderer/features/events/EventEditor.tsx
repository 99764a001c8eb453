// The event card: a new event or an existing one, checked by the contract's own schema as the clerk types.
import { Alert, Autocomplete, Button, Group, Loader, Select, SimpleGrid, Stack, TagsInput, Textarea, TextInput } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { todayIso } from '../../../shared/dates';
import { EVENT_STATUS_LABELS, FORMAT_LABELS } from '../../../shared/ru/labels';
import { countOf, MONTH_FORMS } from '../../../shared/ru/plural';
import { EventInputSchema, EventSchema, type Event, type EventInputRaw } from '../../../shared/schema/event';
import type { Gender } from '../../../shared/schema/reference';
import { fieldErrors } from '../../../shared/schema/messages';
import { LiveNotice, useLiveCard } from '../../api/liveCard';
import { call, onCommand } from '../../api/client';
import { errorMessage, notifyError } from '../../api/notifyError';
import { useAllowed } from '../../api/useAllowed';
import { whoMayCall } from '../../api/allowed';
import { navigate } from '../../router/route';
import { takeNewEventDays } from '../../stores/newEvent';
import { options } from '../../components/forms';
import { UNSAVED_QUESTION, useLeaveGuard } from '../../components/useLeaveGuard';
import { useRefNames } from '../../components/useRefNames';
import { DateFields, monthsSpanned, understood, type DateValue } from './DateFields';
import classes from './EventsPage.module.css';
import { HistoryTab } from '../../components/history/HistoryTab';
import { CardHeading, type CardTab } from '../../components/history/CardHeading';
import { useNewRefValues } from '../../components/NewRefValues';
import { applyChoices, conflictCurrent, conflictRows, useConflictDialog } from '../../components/ConflictDialog';

type Draft = Required<Pick<EventInputRaw, 'title' | 'startDate' | 'datePrecision' | 'spheres' | 'partners' | 'status'>> &
  Record<'kind' | 'city' | 'region' | 'country' | 'venue' | 'participants' | 'organizer' | 'outcomes' | 'description', string> & {
    // The form always shows an end date (the start's, by default): the input's may be left out.
    endDate: string;
    format: string | null;
    agreementId: string | null;
  };

function emptyDraft(): Draft {
  const today = todayIso();
  return {
    title: '', kind: '', startDate: today, endDate: today, datePrecision: 'day', city: '', region: '', country: '', venue: '',
    format: null, spheres: [], partners: [], participants: '', organizer: '', outcomes: '', description: '', status: 'held', agreementId: null,
  };
}

/** A new event's status until the clerk chooses one: planned when it has not begun yet, as the import decides. */
function statusByDates(startDate: string): Draft['status'] {
  return startDate > todayIso() ? 'planned' : 'held';
}

/** The first field the card marks wrong: scrolled to, focused, and named in a notice. */
function showFirstError(card: HTMLElement | null): void {
  const field = card?.querySelector<HTMLInputElement | HTMLTextAreaElement>('[aria-invalid="true"]');
  if (!field) return;
  field.scrollIntoView({ block: 'center' });
  field.focus();
  const label = field.labels?.[0]?.textContent?.replace(/\s*\*$/, '') ?? 'поле';
  const message = field.getAttribute('aria-describedby')?.split(' ').map((id) => document.getElementById(id)?.textContent).find(Boolean);
  notifications.show({ color: 'red', title: 'Не сохранено', message: `Проверьте поле «${label}»${message ? `: ${message}` : '.'}` });
}

function draftOf(e: Event): Draft {
  return {
    title: e.title, kind: e.kind ?? '', startDate: e.startDate, endDate: e.endDate, datePrecision: e.datePrecision, city: e.city ?? '',
    region: e.region ?? '', country: e.country ?? '', venue: e.venue ?? '', format: e.format, spheres: e.spheres, partners: e.partners,
    participants: e.participants ?? '', organizer: e.organizer ?? '', outcomes: e.outcomes ?? '', description: e.description ?? '',
    status: e.status, agreementId: e.agreementId === null ? null : String(e.agreementId),
  };
}

function toInput(d: Draft): EventInputRaw {
  return { ...d, format: d.format as EventInputRaw['format'], agreementId: d.agreementId === null ? null : Number(d.agreementId) };
}

/** Fields handed to the new-event card by its «Копировать». */
let pendingCopy: Draft | null = null;

function duplicate(draft: Draft): void {
  pendingCopy = { ...draft, title: `${draft.title} (копия)` };
  navigate({ section: 'events', item: 'new' }, { force: true });
}

function takeCopy(): Draft | null {
  const copy = pendingCopy;
  pendingCopy = null;
  // Or the days selected in the calendar.
  const days = takeNewEventDays();
  return copy ?? (days ? { ...emptyDraft(), ...days } : null);
}


export function EventEditor({ id }: { id: string }) {
  const isNew = id === 'new';
  const [draft, setDraft] = useState<Draft | null>(() => (isNew ? (takeCopy() ?? emptyDraft()) : null));
  const [saved, setSaved] = useState<Event | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [touched, setTouched] = useState(false);
  const [statusChosen, setStatusChosen] = useState(!isNew);
  const card = useRef<HTMLDivElement>(null);
  const [agreements, setAgreements] = useState<{ value: string; label: string }[]>([]);
  const [tab, setTab] = useState<CardTab>('card');
  const kinds = useRefNames('kind');
  const cities = useRefNames('city');
  const regions = useRefNames('region');
  const countries = useRefNames('country');
  const spheres = useRefNames('sphere');
  const partners = useRefNames('country', 'region', 'organisation');
  const departments = useRefNames('department');
  const newValues = useNewRefValues();
  const conflict = useConflictDialog();
  // A role that may not write gets the card to read: no saving, copying, trash.
  const allowed = useAllowed();
  const writable = allowed(isNew ? 'events.create' : 'events.update');

  /** The card filled from a version of the event, as saved. */
  const show = useCallback((event: Event) => {
    setSaved(event);
    setDraft(draftOf(event));
  }, []);

  useEffect(() => {
    call('agreements.list', { limit: 1000 }).then(
      (page) => setAgreements(page.items.map((a) => ({ value: String(a.id), label: a.number ? `№ ${a.number} — ${a.title}` : a.title }))),
      () => setAgreements([]),
    );
    if (isNew) return;
    call('events.get', { id: Number(id) }).then(show, (e: unknown) => setLoadError(errorMessage(e)));
  }, [id, isNew, show]);

  const errors = useMemo(() => {
    if (!draft || !touched) return {};
    const result = EventInputSchema.safeParse(toInput(draft));
    return result.success ? {} : fieldErrors(result.error);
  }, [draft, touched]);

  const dirty = draft !== null && JSON.stringify(draft) !== JSON.stringify(saved ? draftOf(saved) : emptyDraft());
  useLeaveGuard(dirty);
  const live = useLiveCard('event', saved, dirty, (eventId) => call('events.get', { id: eventId }), show);
  const close = () => {
    if (dirty && !window.confirm(UNSAVED_QUESTION)) return;
    navigate({ section: 'events' }, { force: true });
  };

  async function save() {
    if (!draft || conflict.open || !writable) return;
    setTouched(true);
    if (!EventInputSchema.safeParse(toInput(draft)).success) {
      // The marks appear with this render: look for them after it.
      requestAnimationFrame(() => showFirstError(card.current));
      return;
    }
    if (draft.datePrecision !== 'day' && monthsSpanned(draft) > 12
      && !window.confirm(`Мероприятие длится ${countOf(monthsSpanned(draft), MONTH_FORMS)}: ${understood(draft)}. Сохранить так?`)) return;
    // Names not in their lists are added by the same save, once the clerk says so.
    const answer = await newValues.confirm([
      { list: 'kind', names: [draft.kind] },
      { list: 'city', names: [draft.city] },
      { list: 'region', names: [draft.region] },
      { list: 'country', names: [draft.country] },
      { list: 'sphere', names: draft.spheres },
      { list: 'partner', names: draft.partners },
      { list: 'department', names: [draft.organizer], listName: 'ответственных' },
    ]);
    if (!answer) return;
    await write(draft, saved, answer.kindGender);
  }

  /** Writes the fields over the version `base` (none: a new event); a conflict is settled by the clerk, field by field. */
  async function write(values: Draft, base: Event | null, kindGender: Gender | undefined): Promise<void> {
    setBusy(true);
    try {
      const input = { ...toInput(values), ...(kindGender && { newKindGender: kindGender }) };
      const event = base ? await call('events.update', { id: base.id, version: base.version, input }) : await call('events.create', input);
      setSaved(event);
      setDraft(draftOf(event));
      notifications.show({ color: 'green', message: `Мероприятие сохранено: ${event.title}` });
      navigate({ section: 'events' }, { force: true });
    } catch (e) {
      const current = EventSchema.safeParse(conflictCurrent(e));
      if (!base || !current.success) {
        notifyError(e, 'Не сохранено');
        return;
      }
      setBusy(false);
      await settle(errorMessage(e), values, base, current.data, kindGender);
    } finally {
      setBusy(false);
    }
  }

  /**
   * Someone changed the event since the clerk opened it: her values beside the register's, and her
   * choice of each written over the version now there; or the card shows the register's.
   */
  async function settle(message: string, values: Draft, base: Event, theirs: Event, kindGender: Gender | undefined): Promise<void> {
    const parsed = EventInputSchema.safeParse(toInput(values));
    const agreementId = values.agreementId === null ? null : Number(values.agreementId);
    const agreementTitle = agreementId === theirs.agreementId ? theirs.agreementTitle
      : agreementId === base.agreementId ? base.agreementTitle
        : (agreements.find((a) => a.value === values.agreementId)?.label ?? null);
    const mine = { ...(parsed.success ? parsed.data : toInput(values)), agreementTitle };
    const answer = await conflict.ask(message, conflictRows('event', base, mine, theirs));
    if (answer === null) return; // back to her card as she left it
    if (answer === 'discard') {
      await reload();
      notifications.show({ message: 'Ваши изменения отменены: карточка показывает мероприятие так, как оно сейчас в реестре.' });
      return;
    }
    const merged = applyChoices(values, draftOf(theirs), answer.choices);
    setSaved(theirs);
    setDraft(merged);
    await write(merged, theirs, kindGender);
  }

  async function moveToTrash() {
    if (!saved) return;
    await call('events.delete', { id: saved.id });
    notifications.show({ message: `Мероприятие перемещено в корзину: ${saved.title}` });
    navigate({ section: 'events' }, { force: true });
  }

  async function restore() {
    if (!saved) return;
    const event = await call('events.restore', { id: saved.id });
    setSaved(event);
    notifications.show({ color: 'green', message: 'Мероприятие восстановлено из корзины.' });
  }

  /** After a version came back from the history: the card shows it. */
  async function reload() {
    show(await call('events.get', { id: Number(id) }));
    setTab('card');
  }

  // Escape in the question about new names answers it, not the card.
  useHotkeys([['mod+S', () => void save()], ['Escape', () => !newValues.open && !conflict.open && close()]], []);
  useEffect(() => onCommand((command) => {
    if (command === 'save') void save();
    if (command === 'close') close();
  }));

  if (isNew && !writable) return <Alert color="yellow" title="Новое мероприятие">Добавлять мероприятия вам не разрешено. {whoMayCall('events.create')}</Alert>;
  if (loadError) return <Alert color="red" title="Не удалось открыть мероприятие">{loadError}</Alert>;
  if (!draft) return <Loader />;
  const set = (patch: Partial<Draft>) => setDraft({ ...draft, ...patch });
  const setDates = (dates: DateValue) => set(statusChosen ? dates : { ...dates, status: statusByDates(dates.startDate) });
  const readOnly = !writable;
  const text = (field: keyof Draft & string, label: string, extra: object = {}) => ({
    label, value: draft[field] as string, error: errors[field], onChange: (value: string) => set({ [field]: value }), readOnly, ...extra,
  });

  return (
    <Stack maw={980} ref={card}>
      <CardHeading title={isNew ? 'Новое мероприятие' : 'Мероприятие'} saved={saved} tab={tab} onTab={setTab} />
      <LiveNotice live={live} />
      {tab === 'history' && saved ? (
        <HistoryTab entity="event" id={saved.id} version={saved.updatedAt} blocked={saved.deletedAt ? 'trash' : dirty ? 'dirty' : null} onReverted={() => void reload()} />
      ) : (<>
      <Textarea label="Название" required={writable} autosize minRows={1} maxRows={4} value={draft.title} error={errors.title}
        onChange={(e) => set({ title: e.currentTarget.value.replace(/\n/g, ' ') })} autoFocus={writable} readOnly={readOnly} />
      <SimpleGrid cols={3}>
        <Autocomplete {...text('kind', 'Вид')} data={kinds} placeholder={writable ? 'форум, встреча, семинар…' : undefined} />
        <Select label="Формат" clearable={writable} readOnly={readOnly} data={options(FORMAT_LABELS)} value={draft.format} onChange={(format) => set({ format })} />
        <Select label="Статус" allowDeselect={false} readOnly={readOnly} data={options(EVENT_STATUS_LABELS)} value={draft.status} onChange={(s) => {
          if (!s) return;
          setStatusChosen(true);
          set({ status: s as Draft['status'] });
        }} />
      </SimpleGrid>
      <DateFields value={draft} onChange={setDates} errors={errors} readOnly={readOnly} />
      <SimpleGrid cols={3}>
        <Autocomplete {...text('city', 'Город')} data={cities} />
        <Autocomplete {...text('region', 'Регион')} data={regions} />
        <Autocomplete {...text('country', 'Страна')} data={countries} />
      </SimpleGrid>
      <TextInput label="Место проведения (площадка)" readOnly={readOnly} value={draft.venue} error={errors.venue} onChange={(e) => set({ venue: e.currentTarget.value })} />
      <SimpleGrid cols={2}>
        <TagsInput label="Сферы сотрудничества" readOnly={readOnly} data={spheres} value={draft.spheres} error={errors.spheres} onChange={(s) => set({ spheres: s })} placeholder={writable ? 'Выберите или введите' : undefined} />
        <TagsInput label="Партнёры" readOnly={readOnly} data={partners} value={draft.partners} error={errors.partners} onChange={(p) => set({ partners: p })} placeholder={writable ? 'Страна, регион или организация' : undefined} />
      </SimpleGrid>
      <SimpleGrid cols={2}>
        <Autocomplete {...text('organizer', 'Ответственный')} data={departments} />
        <Select label="Соглашение" clearable={writable} searchable={writable} readOnly={readOnly} data={agreements} value={draft.agreementId} onChange={(a) => set({ agreementId: a })} nothingFoundMessage="Не найдено" />
      </SimpleGrid>
      <Textarea label="Участники" readOnly={readOnly} autosize minRows={2} value={draft.participants} error={errors.participants} onChange={(e) => set({ participants: e.currentTarget.value })} />
      <Textarea label="Итоги" readOnly={readOnly} autosize minRows={2} value={draft.outcomes} error={errors.outcomes} onChange={(e) => set({ outcomes: e.currentTarget.value })} />
      <Textarea label="Описание" readOnly={readOnly} autosize minRows={3} value={draft.description} error={errors.description} onChange={(e) => set({ description: e.currentTarget.value })} />
      <Group justify="space-between" className={classes.saveBar}>
        <Group>
          {writable && <Button onClick={() => void save()} loading={busy}>Сохранить</Button>}
          <Button variant="default" onClick={close}>Закрыть</Button>
          {saved && !saved.deletedAt && allowed('events.create') && (
            <Button variant="default" onClick={() => duplicate(draft)} title="Новое мероприятие с теми же полями">Копировать</Button>
          )}
        </Group>
        {saved && (saved.deletedAt
          ? allowed('events.restore') && <Button color="green" variant="light" onClick={() => void restore()}>Восстановить из корзины</Button>
          : allowed('events.delete') && <Button color="red" variant="light" onClick={() => void moveToTrash()}>В корзину</Button>)}
      </Group>
      </>)}
      {newValues.dialog}
      {conflict.dialog}
    </Stack>
  );
}
