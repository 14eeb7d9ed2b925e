const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const isUuid = (value: string): boolean => UUID.test(value);

/** Ids that cannot exist are not sent to PostgreSQL, which would reject the whole query. */
export const onlyUuids = (ids: readonly string[]): string[] => ids.filter(isUuid);
