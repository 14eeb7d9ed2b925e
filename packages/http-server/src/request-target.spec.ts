import { requestTargetOf } from './request-target';

describe('requestTargetOf', () => {
  it.each([
    '/graphql',
    '/',
    '/graphql/',
    '/healthz',
    '//graphql',
    '/a/../graphql',
    '/graphql?query=%7B%20me%20%7D',
    '/gr%61phql',
    '/.well-known/jwks.json',
    '/a//b',
    '',
    undefined,
  ])('reads %p as the URL parser does', (url) => {
    const { pathname, search } = new URL(url || '/', 'http://localhost');
    expect(requestTargetOf(url)).toEqual({ pathname, search });
  });

  it('reads a long target of unsafe characters in linear time', () => {
    const started = performance.now();
    requestTargetOf(`/${'a'.repeat(100_000)}!`);
    expect(performance.now() - started).toBeLessThan(500);
  });
});
