// The storage interface: what the services may ask of a register, whatever keeps it. Two adapters
// implement it: SQLite (db/, one clerk's file, store/sqlite.ts) and PostgreSQL (store/pg/, the
// department server). Every method answers a promise, so an adapter over a pool of connections fits
// as well as one over a synchronous file; text search, period overlap and reference folding are the
// adapter's own business behind `events.list`, `events.range`, `refs.byKey` and friends.
import type { Agreement, AgreementFilter, AgreementInput } from '../../../shared/schema/agreement';
import type { CalendarEvent } from '../../../shared/schema/calendar';
import type { DocumentKind, Report } from '../../../shared/schema/report';
import type { Event, EventFilter, EventInput, EventRow, EventSummary } from '../../../shared/schema/event';
import type { HistoryAction } from '../../../shared/schema/history';
import type { ImportBatch, ImportField } from '../../../shared/schema/import';
import type { Ref, RefKind } from '../../../shared/schema/reference';
import type { RecordKindName } from '../../../shared/record-kinds';

/** An event with its reference values resolved to ids. */
export interface EventRecord extends Omit<EventInput, 'kind' | 'city' | 'region' | 'country' | 'organizer' | 'spheres' | 'partners'> {
  kindId: number | null;
  cityId: number | null;
  regionId: number | null;
  countryId: number | null;
  organizerId: number | null;
  sphereIds: number[];
  partnerIds: number[];
}

/** An event's title and dates: what an import's duplicate check compares. */
export type DatedEvent = Pick<EventSummary, 'id' | 'title' | 'startDate' | 'endDate' | 'datePrecision'>;

export interface EventsStore {
  insert(record: EventRecord, now: string, batchId?: number | null): Promise<number>;
  update(id: number, record: EventRecord, now: string): Promise<void>;
  get(id: number): Promise<Event | undefined>;
  /** The events of the ids, in their order; `brief` leaves the descriptions out. */
  getMany(ids: readonly number[], brief?: boolean): Promise<Event[]>;
  /** Moves to the trash (now given) or back (now null); false when it was not there to move. */
  setDeleted(id: number, now: string | null, stamp: string): Promise<boolean>;
  /** A page of the live events the filter selects (its words matched as prefixes of folded text), with their count. */
  list(filter: EventFilter): Promise<{ items: Event[]; total: number }>;
  /** The same page as list(), as table rows: no long texts or links to read. */
  rows(filter: EventFilter): Promise<{ items: EventRow[]; total: number }>;
  rowsOf(ids: readonly number[]): Promise<EventRow[]>;
  /** Every id the filter selects, in its order (its page bounds ignored): for exports, read in chunks. */
  allIds(filter: EventFilter): Promise<number[]>;
  /** The partners of these events, each once. */
  partnerNames(ids: readonly number[]): Promise<string[]>;
  /** What a calendar shows of the events a filter selects in its period: summaries with their first sphere. */
  calendar(filter: EventFilter): Promise<CalendarEvent[]>;
  /** The live events overlapping a period, by title and dates, in no order. */
  dated(start: string, end: string): Promise<DatedEvent[]>;
  /** The live events overlapping a period, by start date. */
  range(start: string, end: string): Promise<EventSummary[]>;
}

export interface AgreementRecord extends Omit<AgreementInput, 'parties' | 'spheres' | 'department'> {
  departmentId: number | null;
  partyIds: number[];
  sphereIds: number[];
}

export type EndingAgreement = Pick<Agreement, 'id' | 'title' | 'number' | 'status' | 'autoProlongation'> & { validUntil: string };
export type SignedAgreement = Pick<Agreement, 'id' | 'title' | 'number' | 'validUntil' | 'autoProlongation'> & { signedOn: string };

export interface AgreementsStore {
  insert(record: AgreementRecord, now: string, batchId?: number | null): Promise<number>;
  update(id: number, record: AgreementRecord, now: string): Promise<void>;
  get(id: number): Promise<Agreement | undefined>;
  setDeleted(id: number, now: string | null, stamp: string): Promise<boolean>;
  /** Live active agreements that have a date of signing. */
  signed(): Promise<SignedAgreement[]>;
  /** Live agreements, drafts aside, whose term ends between the two dates. */
  endingBetween(start: string, end: string): Promise<EndingAgreement[]>;
  /** Every live agreement, in the register's order (what «all agreements» means to the export, the import and the overview). */
  all(): Promise<Agreement[]>;
  list(filter: AgreementFilter, until: string | null, today: string): Promise<{ items: Agreement[]; total: number }>;
}

/** A reference entry as stored. */
export interface RefRow {
  id: number;
  kind: RefKind;
  parent_id: number | null;
  name: string;
  /** The name folded (shared/ru/normalize.ts nameKey): what look-ups compare. */
  name_key: string;
  gender: Ref['gender'];
  genitive: string | null;
  instrumental: string | null;
  locative: string | null;
  settlement: Ref['settlement'];
  hidden: 0 | 1;
}

export interface NewRef {
  kind: RefKind;
  name: string;
  key: string;
  parentId: number | null;
  batchId: number | null;
}

export type RefFields = Omit<Ref, 'id' | 'kind' | 'parentId' | 'parentName' | 'usage'>;

export interface RefsStore {
  byKey(kind: RefKind, key: string): Promise<RefRow | undefined>;
  /** A partner (a country or a region) by its folded name. */
  partnerByKey(key: string): Promise<RefRow | undefined>;
  byId(id: number): Promise<RefRow | undefined>;
  get(id: number): Promise<Ref | undefined>;
  insert(ref: NewRef): Promise<RefRow>;
  update(id: number, ref: RefFields): Promise<void>;
  /** Moves every use of `victim` to `survivor` and deletes `victim`; the caller holds the transaction. */
  merge(survivor: number, victim: number): Promise<void>;
  /** Deletes the entries a batch added that nothing uses any more; the count deleted. */
  deleteUnusedOfBatch(batchId: number): Promise<number>;
  list(kind: RefKind, includeHidden: boolean, withUsage: boolean): Promise<Ref[]>;
}

export interface NewBatch {
  fileName: string;
  sheet: string | null;
  sha256: string | null;
  options: unknown;
  user: string | null;
  now: string;
}

export interface BatchesStore {
  insert(batch: NewBatch): Promise<number>;
  setSummary(id: number, summary: unknown): Promise<void>;
  get(id: number): Promise<ImportBatch | undefined>;
  list(): Promise<ImportBatch[]>;
  /** The latest batch (not undone) of a file with this content. */
  bySha(sha256: string): Promise<ImportBatch | undefined>;
  markUndone(id: number, now: string): Promise<boolean>;
  /**
   * Deletes for good the records (events and agreements) a batch created, unlinking the events
   * kept from its agreements; the count deleted. The caller holds the transaction.
   */
  deleteRecords(batchId: number): Promise<number>;
}

/** The log's actions are the history's: one list, in shared/schema/history.ts. */
export type ChangeAction = HistoryAction;
/** What a row is about: a record of a kind the register keeps, a reference entry or an import batch. */
export type ChangeEntity = RecordKindName | 'ref' | 'batch';

export interface Change {
  at: string;
  user: string;
  action: ChangeAction;
  entity: ChangeEntity;
  entityId: number;
  /**
   * The record's fields before and after: all of them, or for a change that touches a few fields
   * of many records (a merge of reference entries, an import's undo) only those it changed. A create
   * keeps neither: the record itself is its first version until its first change, whose `before`
   * then keeps it (and a batch stays small).
   */
  before?: unknown;
  after?: unknown;
  batchId?: number | null;
  /** For a revert: the change whose version the record was brought back to. */
  versionOf?: number | null;
}

/** A row of the log as read back, its JSON parsed. */
export interface LoggedChange {
  id: number;
  at: string;
  user: string;
  action: ChangeAction;
  entity: ChangeEntity;
  entityId: number;
  before: unknown;
  after: unknown;
  batchId: number | null;
  versionOf: number | null;
}

/** The change log: appended to, never changed. */
export interface ChangeLogStore {
  /** Logs a change and answers its row's id; a change of an event or agreement (its creation aside) raises the record's version by one. */
  record(change: Change): Promise<number>;
  /** The id of the latest row, 0 in an empty log: where an action's own rows begin. */
  lastId(): Promise<number>;
  /** Who made the record's latest change and when, since `since` (its creation); undefined when none is logged. */
  lastChange(entity: ChangeEntity, id: number, since: string): Promise<{ at: string; user: string } | undefined>;
  /** Events a batch updated, latest first, with their fields before. */
  updatesOfBatch(batchId: number): Promise<{ id: number; before: unknown }[]>;
  /** The changes of one event or agreement since `since` (its creation), oldest first. */
  ofRecord(entity: ChangeEntity, id: number, since: string): Promise<LoggedChange[]>;
  /** The «import» row of a batch, which stands for the creation of each event it added. */
  importOfBatch(batchId: number): Promise<LoggedChange | undefined>;
  get(id: number): Promise<LoggedChange | undefined>;
  /** The events and agreements that use a reference entry: those a merge of it changes. */
  usersOfRef(id: number): Promise<{ events: number[]; agreements: number[] }>;
  /** Events linked to an agreement a batch added: its undo unlinks those it keeps. */
  eventsOfBatchAgreements(batchId: number): Promise<number[]>;
  /** Renames and merges of reference entries, oldest first: where an old name has gone. */
  refChanges(): Promise<LoggedChange[]>;
}

export interface ImportProfile {
  name: string;
  mapping: Partial<Record<ImportField, number>>;
}

export interface ProfilesStore {
  get(key: string): Promise<ImportProfile | undefined>;
  save(key: string, profile: ImportProfile, now: string): Promise<void>;
}

export interface SavedDraft {
  report: Report;
  savedAt: string;
}

/** A draft's key: one saved draft per document kind, period and partner. */
export interface DraftKey {
  kind: DocumentKind;
  period: string;
  partnerKey: string;
}

export interface DraftsStore {
  get(key: DraftKey): Promise<SavedDraft | undefined>;
  save(key: DraftKey, options: unknown, report: Report, now: string): Promise<void>;
  discard(key: DraftKey): Promise<boolean>;
}

export type KeyCount = [key: string, count: number];

/** The overview's counts of a period's live events. */
export interface StatsStore {
  registerTotal(): Promise<number>;
  /** The start of the latest event begun by `today`, or of the first one planned; null in an empty register. */
  latestStart(today: string): Promise<string | null>;
  total(start: string, end: string): Promise<number>;
  byMonth(start: string, end: string): Promise<KeyCount[]>;
  byKind(start: string, end: string): Promise<KeyCount[]>;
  byFormat(start: string, end: string): Promise<KeyCount[]>;
  bySphere(start: string, end: string): Promise<KeyCount[]>;
  /** [event id, partner id] of every partner link of the period's events. */
  partnerLinks(start: string, end: string): Promise<[number, number][]>;
  agreementIds(start: string, end: string): Promise<number[]>;
}

export interface SettingsStore {
  get<T>(key: string): Promise<T | undefined>;
  set(key: string, value: unknown): Promise<void>;
  delete(key: string): Promise<void>;
}

/** The tables of a register, as one transaction or the register outside any sees them. */
export interface Repos {
  refs: RefsStore;
  events: EventsStore;
  agreements: AgreementsStore;
  batches: BatchesStore;
  profiles: ProfilesStore;
  drafts: DraftsStore;
  stats: StatsStore;
  settings: SettingsStore;
  log: ChangeLogStore;
}

export interface Store extends Repos {
  /** Which adapter keeps the register: the single clerk's SQLite file, or the department's PostgreSQL. */
  readonly dialect: 'sqlite' | 'postgres';
  /**
   * Runs `fn` in one write transaction and answers its result: committed whole, or rolled back whole
   * when it throws. `tx` is the store bound to the transaction (the services read and write through
   * it); a transaction begun on `tx` is a savepoint of the outer one.
   */
  transaction<T>(fn: (tx: this) => Promise<T>): Promise<T>;
}
