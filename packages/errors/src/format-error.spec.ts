import { GraphQLError } from 'graphql';

import { ConflictError, ForbiddenError, NotFoundError, UnauthenticatedError, ValidationError } from './domain-error';
import { createErrorFormatter } from './format-error';

function format(error: Error) {
  const logged: object[] = [];
  const formatter = createErrorFormatter({ error: (object) => logged.push(object) }, () => 'req-1');
  const graphQLError = error instanceof GraphQLError ? error : new GraphQLError(error.message, { originalError: error, path: ['x'] });
  return { result: formatter(graphQLError.toJSON(), graphQLError), logged };
}

describe('createErrorFormatter', () => {
  it.each([
    [new NotFoundError('Employee', 'e1'), 'NOT_FOUND'],
    [new ConflictError('duplicate'), 'CONFLICT'],
    [new ForbiddenError(), 'FORBIDDEN'],
    [new UnauthenticatedError(), 'UNAUTHENTICATED'],
    [new ValidationError({ field: 'input.nip', message: 'bad' }), 'BAD_USER_INPUT'],
  ])('maps %p to its stable code', (error, code) => {
    expect(format(error).result.extensions?.['code']).toBe(code);
  });

  it('names the offending field for bad input', () => {
    const { result } = format(new ValidationError({ field: 'nip.sex', message: 'must be 1 or 2' }).under('input'));
    expect(result.extensions).toMatchObject({ field: 'input.nip.sex', problems: [{ field: 'input.nip.sex' }] });
  });

  it('masks unknown errors, logs them and hands out the request id', () => {
    const { result, logged } = format(new Error('connection string postgres://secret@db'));
    expect(result.message).not.toContain('secret');
    expect(result.message).toContain('req-1');
    expect(result.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR', requestId: 'req-1' });
    expect(logged).toHaveLength(1);
  });

  it('passes GraphQL validation errors through without a stack trace', () => {
    const error = new GraphQLError('Cannot query field "x"', { extensions: { code: 'GRAPHQL_VALIDATION_FAILED', stacktrace: ['at'] } });
    const { result, logged } = format(error);
    expect(result.extensions).toEqual({ code: 'GRAPHQL_VALIDATION_FAILED' });
    expect(logged).toHaveLength(0);
  });
});
