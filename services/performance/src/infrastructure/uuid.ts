const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Ids arrive from clients (arguments, `_entities` representations); PostgreSQL refuses a malformed
 * uuid with an error, where the right answer is "no such record". Lookups keep only well-formed ids.
 */
export const onlyUuids = (ids: readonly string[]): string[] => ids.filter((id) => UUID.test(id));

export const isUuid = (id: string): boolean => UUID.test(id);
