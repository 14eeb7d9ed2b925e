import type { RouteHandler } from '@kinerja/http-server';

/**
 * The http server matches GET routes by exact path, but a document's id is part of its path: this
 * routes every path under the prefix to one handler. The same as development's certificate route;
 * a prefix option in @kinerja/http-server would make both unnecessary.
 */
export function withPrefixRoute(routes: Record<string, RouteHandler>, prefix: string, handler: RouteHandler): Record<string, RouteHandler> {
  return new Proxy(routes, {
    get: (target, key) => (typeof key === 'string' && key.startsWith(prefix) ? handler : Reflect.get(target, key)),
  });
}
