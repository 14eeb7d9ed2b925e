/** Results in the order of the requested ids; missing ones are undefined. */
export function byKey<T>(keys: readonly string[], items: readonly T[], keyOf: (item: T) => string): (T | undefined)[] {
  const index = new Map(items.map((item) => [keyOf(item), item]));
  return keys.map((key) => index.get(key));
}

/** Groups items under the requested keys, every key present (empty when nothing matched). */
export function groupByKey<T>(keys: readonly string[], items: readonly T[], keyOf: (item: T) => string | null): T[][] {
  const groups = new Map<string, T[]>(keys.map((key) => [key, []]));
  for (const item of items) groups.get(keyOf(item) ?? '')?.push(item);
  return keys.map((key) => groups.get(key) ?? []);
}
