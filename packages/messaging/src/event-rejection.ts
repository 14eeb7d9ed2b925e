/**
 * Why a consumer does not believe an event: a stable code (the start of the dead letter's
 * `dlq-reason`) and what contradicted it.
 */
export interface Doubt {
  code: string;
  detail: string;
}

const REJECTED = Symbol.for('@kinerja/messaging/event-rejected');

/**
 * Thrown by a handler, inside its unit of work, when the event contradicts what this consumer
 * knows (an employee event naming another agency than the copy held). The transaction rolls back,
 * the claim with it, so nothing of the event takes effect; the processor sends it to the
 * dead-letter topic with the reason at once, without retries: a retry would doubt it again. A
 * replay after the fix (`npm run dlq -- replay`) handles it anew.
 */
export class EventRejectedError extends Error {
  readonly [REJECTED] = true;

  constructor(
    readonly code: string,
    readonly detail: string,
  ) {
    super(`${code}: ${detail}`);
    this.name = 'EventRejectedError';
  }

  /** Also across copies of this package (a symbol from the global registry, not `instanceof`). */
  static is(error: unknown): error is EventRejectedError {
    return typeof error === 'object' && error !== null && (error as { [REJECTED]?: boolean })[REJECTED] === true;
  }
}

/** Rejects the event when a consumer's check found a doubt; a handler calls it before its effect. */
export function rejectIfDoubted(doubt: Doubt | null): void {
  if (doubt) throw new EventRejectedError(doubt.code, doubt.detail);
}
