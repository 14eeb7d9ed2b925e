/** The stable codes clients switch on (`extensions.code`). */
export type ErrorCode = 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND' | 'BAD_USER_INPUT' | 'CONFLICT';

export interface FieldProblem {
  /** Input path of the offending value, e.g. `input.nip` or `nip.birthDate`. */
  field: string;
  message: string;
}

/** Base of every error a use case may raise on purpose; anything else is a bug and is masked. */
export abstract class DomainError extends Error {
  abstract readonly code: ErrorCode;
  readonly details: Record<string, unknown>;

  constructor(message: string, details: Record<string, unknown> = {}) {
    super(message);
    this.name = new.target.name;
    this.details = details;
  }
}

export class ValidationError extends DomainError {
  readonly code = 'BAD_USER_INPUT' as const;
  readonly problems: readonly FieldProblem[];

  constructor(problems: FieldProblem | readonly FieldProblem[]) {
    const list = Array.isArray(problems) ? problems : [problems as FieldProblem];
    super(list.map((p) => `${p.field}: ${p.message}`).join('; '));
    this.problems = list;
  }

  get field(): string {
    return this.problems[0]?.field ?? '';
  }

  /** Prefixes every field path, so a domain rule's `nip.sex` becomes `input.nip.sex` at the edge. */
  under(prefix: string): ValidationError {
    return new ValidationError(this.problems.map((p) => ({ ...p, field: `${prefix}.${p.field}` })));
  }
}

export class NotFoundError extends DomainError {
  readonly code = 'NOT_FOUND' as const;
  constructor(entity: string, id: string, field?: string) {
    super(`${entity} ${id} does not exist`, { entity, id, ...(field ? { field } : {}) });
  }
}

export class ConflictError extends DomainError {
  readonly code = 'CONFLICT' as const;
  constructor(message: string, details: Record<string, unknown> = {}) {
    super(message, details);
  }
}

export class ForbiddenError extends DomainError {
  readonly code = 'FORBIDDEN' as const;
  constructor(message = 'You are not allowed to do this', details: Record<string, unknown> = {}) {
    super(message, details);
  }
}

export class UnauthenticatedError extends DomainError {
  readonly code = 'UNAUTHENTICATED' as const;
  constructor(message = 'Authentication required', details: Record<string, unknown> = {}) {
    super(message, details);
  }
}
