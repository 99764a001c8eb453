// One promise after another: for work on one transaction, where steps must not overlap (a look-up that
// inserts a missing reference entry, done twice at once, would insert it twice).
export async function inOrder<T, R>(items: Iterable<T>, step: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  for (const item of items) results.push(await step(item));
  return results;
}
