import { ValidationError } from '@kinerja/errors';

/** Keyset position in the employee list ordered by (name, id): opaque to clients. */
export interface EmployeeCursor {
  name: string;
  id: string;
}

export function encodeCursor(cursor: EmployeeCursor): string {
  return Buffer.from(JSON.stringify([cursor.name, cursor.id]), 'utf8').toString('base64url');
}

export function decodeCursor(value: string, field = 'after'): EmployeeCursor {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(value, 'base64url').toString('utf8'));
    if (Array.isArray(parsed) && parsed.length === 2 && typeof parsed[0] === 'string' && typeof parsed[1] === 'string') {
      return { name: parsed[0], id: parsed[1] };
    }
  } catch {
    // fall through to the error below
  }
  throw new ValidationError({ field, message: 'is not a cursor returned by this API' });
}
