import { type GraphQLError, parse } from 'graphql';

import { EdgeError, formatEdgeErrors } from './edge-error';

const inner = jest.fn(() => ({ message: 'masked', extensions: { code: 'INTERNAL_SERVER_ERROR' } }));
const format = formatEdgeErrors(inner);

describe('formatEdgeErrors', () => {
  beforeEach(() => inner.mockClear());

  it("keeps the edge's own refusals as they are, without the HTTP details", () => {
    const error = new EdgeError('too deep', 'OPERATION_TOO_COMPLEX', { limit: 'depth', max: 12, measured: 40 });
    const formatted = format({ message: error.message, extensions: { ...error.extensions, stacktrace: ['x'] } }, error);
    expect(formatted).toEqual({
      message: 'too deep',
      extensions: expect.objectContaining({ code: 'OPERATION_TOO_COMPLEX', limit: 'depth', max: 12, measured: 40 }),
    });
    expect(formatted.extensions).not.toHaveProperty('stacktrace');
    expect(inner).not.toHaveBeenCalled();
  });

  it("turns graphql-js's token limit into OPERATION_TOO_COMPLEX naming the tokens limit", () => {
    let message = '';
    try {
      parse('{ a b c d }', { maxTokens: 3 });
    } catch (error) {
      message = (error as GraphQLError).message;
    }
    expect(format({ message, extensions: { code: 'GRAPHQL_PARSE_FAILED' } }, new Error(message))).toEqual({
      message: 'The operation has more than 3 tokens',
      extensions: { code: 'OPERATION_TOO_COMPLEX', limit: 'tokens', max: 3 },
    });
  });

  it('hands everything else to the shared formatter', () => {
    expect(format({ message: 'boom' }, new Error('boom'))).toEqual({ message: 'masked', extensions: { code: 'INTERNAL_SERVER_ERROR' } });
    expect(format({ message: 'Syntax Error: Unexpected Name', extensions: { code: 'GRAPHQL_PARSE_FAILED' } }, new Error('x')).message).toBe('masked');
  });
});
