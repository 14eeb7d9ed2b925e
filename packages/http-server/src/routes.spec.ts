import { matchRoute, type Routes } from './routes';

describe('matchRoute', () => {
  const exact = () => undefined;
  const documents = () => undefined;
  const nested = () => undefined;
  const routes: Routes = { '/.well-known/jwks.json': exact, '/documents/*': documents, '/documents/archive/*': nested };

  it.each([
    ['/.well-known/jwks.json', '/.well-known/jwks.json'],
    ['/documents/abc', '/documents/*'],
    ['/documents/archive/abc', '/documents/archive/*'],
    ['/documents/', '/documents/*'],
  ])('%s is served by %s', (path, key) => {
    expect(matchRoute(routes, path)?.key).toBe(key);
  });

  it.each(['/other', '/document', '/.well-known/jwks.json/x'])('%s matches nothing', (path) => {
    expect(matchRoute(routes, path)).toBeUndefined();
  });
});
