// SQL of snapshots taken while a connection is busy opening: VACUUM INTO, synchronous and consistent.
import type { Db } from './connection';

/** Writes a compacted, consistent copy of the main database to `target` (which must not exist). */
export function vacuumInto(db: Db, target: string): void {
  db.prepare('VACUUM INTO ?').run(target);
}
