/**
 * The shapes a batched read answers in (a dataloader's contract): one result per requested key,
 * in the order of the keys, whatever order the database returned its rows in.
 */

/** The items in the order of `keys`, undefined where there is none. */
export function orderedBy<T>(keys: readonly string[], items: readonly T[], keyOf: (item: T) => string): (T | undefined)[] {
  const index = new Map(items.map((item) => [keyOf(item), item]));
  return keys.map((key) => index.get(key));
}

/** The items grouped under each key, in the order of `keys` (an empty list where nothing matched). */
export function groupedBy<T>(keys: readonly string[], items: readonly T[], keyOf: (item: T) => string | null): T[][] {
  const groups = new Map<string, T[]>(keys.map((key) => [key, []]));
  for (const item of items) groups.get(keyOf(item) ?? '')?.push(item);
  return keys.map((key) => groups.get(key) ?? []);
}

export const unique = (values: readonly string[]): string[] => [...new Set(values)];
