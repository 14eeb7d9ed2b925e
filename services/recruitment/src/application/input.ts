import { ValidationError } from '@kinerja/errors';

/** Builds a domain object from a use case's input: its field problems are named as the input's (`input.<field>`). */
export function fromInput<T>(build: () => T): T {
  try {
    return build();
  } catch (error) {
    throw error instanceof ValidationError ? error.under('input') : error;
  }
}
