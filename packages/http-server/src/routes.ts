import type { IncomingMessage, ServerResponse } from 'node:http';

export type RouteHandler = (req: IncomingMessage, res: ServerResponse) => Promise<void> | void;

/**
 * Extra GET routes: by exact path (`/.well-known/jwks.json`), or every path under a prefix when
 * the key ends in `*` (`/certificates/*`: a document's id is part of its path).
 */
export type Routes = Record<string, RouteHandler>;

export interface MatchedRoute {
  /** The route's key: a bounded metric label, never the raw path. */
  key: string;
  handler: RouteHandler;
}

export function matchRoute(routes: Routes, path: string): MatchedRoute | undefined {
  if (Object.hasOwn(routes, path)) return { key: path, handler: routes[path]! };
  let best: MatchedRoute | undefined;
  for (const [key, handler] of Object.entries(routes)) {
    if (!key.endsWith('*')) continue;
    const prefix = key.slice(0, -1);
    if (path.startsWith(prefix) && (!best || key.length > best.key.length)) best = { key, handler };
  }
  return best;
}
