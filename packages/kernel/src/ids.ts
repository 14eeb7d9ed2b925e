import { ValidationError } from '@kinerja/errors';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Every entity id of the graph is a UUID; anything else cannot name a record. */
export function isEntityId(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}

/** A malformed id is bad input that names its field, never a database error. */
export function assertEntityId(value: string, field: string): string {
  if (!isEntityId(value)) throw new ValidationError({ field, message: 'must be an id (UUID)' });
  return value;
}
