// The register's change counter: open windows poll it and re-read what they show once it grows.
import type { Core } from '../core';

/** The id of the change log's latest row (0 in an empty log): reads leave it as it is, every change raises it. */
export async function latestChange(core: Core): Promise<{ id: number }> {
  return { id: await core.log.lastId() };
}
