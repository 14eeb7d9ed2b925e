import { ValidationError } from '@kinerja/errors';

import type { AssignmentPosition } from '../domain/repositories';

/**
 * The cursor of `agencyTrainingAssignments`: the keyset position (created at, id) of the last
 * assignment of a page, base64url of a JSON pair like identity's employee cursor; opaque to clients.
 */
export function encodeAssignmentCursor(position: AssignmentPosition): string {
  return Buffer.from(JSON.stringify([position.createdAt.toISOString(), position.id]), 'utf8').toString('base64url');
}

export function decodeAssignmentCursor(value: string, field = 'after'): AssignmentPosition {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(value, 'base64url').toString('utf8'));
    if (Array.isArray(parsed) && parsed.length === 2 && typeof parsed[0] === 'string' && typeof parsed[1] === 'string') {
      const createdAt = new Date(parsed[0]);
      if (!Number.isNaN(createdAt.getTime()) && /^[0-9a-f-]{36}$/i.test(parsed[1])) return { createdAt, id: parsed[1] };
    }
  } catch {
    // fall through to the error below
  }
  throw new ValidationError({ field, message: 'is not a cursor returned by this API' });
}
