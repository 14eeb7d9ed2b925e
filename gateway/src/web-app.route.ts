import { existsSync, readFileSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';

import type { Routes } from '@kinerja/http-server';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};

/**
 * The reference web app (web/dist, built by `npm run build`) at /app/ on the gateway's own origin,
 * so that it calls /graphql without CORS. Development only, like GraphiQL; none when not built.
 */
export function webAppRoutes(directory: string): Routes {
  if (!existsSync(join(directory, 'index.html'))) return {};
  const root = normalize(directory + sep);
  return {
    '/app': (_req, res) => {
      res.writeHead(308, { location: '/app/' });
      res.end();
    },
    '/app/*': (req, res) => {
      const relative = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname.slice('/app/'.length)) || 'index.html';
      const file = normalize(join(root, relative));
      const type = CONTENT_TYPES[extname(file)];
      if (!file.startsWith(root) || !type || !existsSync(file)) {
        res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
        res.end('not found');
        return;
      }
      res.writeHead(200, { 'content-type': type, 'cache-control': 'no-cache' });
      res.end(readFileSync(file));
    },
  };
}
