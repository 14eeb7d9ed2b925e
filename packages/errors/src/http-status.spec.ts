import { httpStatusOf } from './http-status';

describe('httpStatusOf', () => {
  it.each([
    ['BAD_USER_INPUT', 400],
    ['UNAUTHENTICATED', 401],
    ['FORBIDDEN', 403],
    ['NOT_FOUND', 404],
    ['CONFLICT', 409],
  ] as const)('%s → %d', (code, status) => {
    expect(httpStatusOf(code)).toBe(status);
  });
});
