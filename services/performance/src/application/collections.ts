/** The items in the order of `ids`, undefined where there is none (what a dataloader expects). */
export function orderedBy<T>(ids: readonly string[], items: readonly T[], idOf: (item: T) => string): (T | undefined)[] {
  const index = new Map(items.map((item) => [idOf(item), item]));
  return ids.map((id) => index.get(id));
}

/** The items grouped under each key, in the order of `keys`. */
export function groupedBy<T>(keys: readonly string[], items: readonly T[], keyOf: (item: T) => string | null): T[][] {
  const groups = new Map<string, T[]>(keys.map((key) => [key, []]));
  for (const item of items) groups.get(keyOf(item) ?? '')?.push(item);
  return keys.map((key) => groups.get(key) ?? []);
}

export const unique = (values: readonly string[]): string[] => [...new Set(values)];
