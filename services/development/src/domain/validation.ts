import { type FieldProblem, ValidationError } from '@kinerja/errors';

// Same code shape as identity's agency and unit codes, so codes read alike across the graph.
const CODE = /^[A-Z0-9][A-Z0-9._-]{0,31}$/;

export function isCode(value: string): boolean {
  return CODE.test(value);
}

/** Upper-cases the code, since HR types `kom-efektif` as often as `KOM-EFEKTIF`. */
export function requireCode(problems: FieldProblem[], field: string, value: string): string {
  const code = value.trim().toUpperCase();
  if (!CODE.test(code)) problems.push({ field, message: 'must be 1-32 letters, digits, dots, dashes or underscores' });
  return code;
}

export function requireText(problems: FieldProblem[], field: string, value: string, max = 200): string {
  const trimmed = value.trim();
  if (trimmed.length === 0) problems.push({ field, message: 'must not be empty' });
  else if (trimmed.length > max) problems.push({ field, message: `must be at most ${max} characters` });
  return trimmed;
}

export function throwIfAny(problems: FieldProblem[]): void {
  if (problems.length > 0) throw new ValidationError(problems);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids are UUID columns: a malformed one is the caller's mistake, not a database error. */
export function requireUuid(field: string, value: string): void {
  if (!UUID.test(value)) throw new ValidationError({ field, message: 'must be an id (UUID)' });
}
