import { type FieldProblem, ValidationError } from '@kinerja/errors';

/** Trims a required text field, or records the problem naming the field. */
export function requiredText(problems: FieldProblem[], field: string, value: string, max: number, min = 1): string {
  const text = value.trim();
  if (text.length < min) problems.push({ field, message: min > 1 ? `must be at least ${min} characters` : 'must not be empty' });
  else if (text.length > max) problems.push({ field, message: `must be at most ${max} characters` });
  return text;
}

export function wholeNumber(problems: FieldProblem[], field: string, value: number, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max) problems.push({ field, message: `must be a whole number from ${min} to ${max}` });
  return value;
}

export function throwIfAny(problems: readonly FieldProblem[]): void {
  if (problems.length > 0) throw new ValidationError(problems);
}

/** Prefixes a rule's field names (`twk` becomes `skd.twk`). */
export const under = (prefix: string, problems: readonly FieldProblem[]): FieldProblem[] => problems.map((p) => ({ ...p, field: `${prefix}.${p.field}` }));
