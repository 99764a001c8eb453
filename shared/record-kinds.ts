// The kinds of record the register keeps, each with a card, a change history and a trash: the one
// list every per-kind table is keyed by (Record<RecordKindName, …>), so a kind added here is missing,
// as a type error, from every table that has to say something about it. Step by step:
// docs/architecture.md, «Adding a record kind».
export const RECORD_KINDS = ['event', 'agreement'] as const;
export type RecordKindName = (typeof RECORD_KINDS)[number];
