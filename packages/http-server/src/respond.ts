import type { ServerResponse } from 'node:http';

import { DomainError, httpStatusOf } from '@kinerja/errors';

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const payload = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(payload), ...headers });
  res.end(payload);
}

/**
 * A coded error of a route outside GraphQL (a download) in the shape GraphQL clients already read.
 * A malformed percent-encoding in the path names nothing that exists: NOT_FOUND. Anything else is
 * a bug and is rethrown, for the server to log and mask.
 */
export function sendError(res: ServerResponse, error: unknown): void {
  if (error instanceof DomainError) {
    sendJson(res, httpStatusOf(error.code), { errors: [{ message: error.message, extensions: { code: error.code } }] });
    return;
  }
  if (error instanceof URIError) {
    sendJson(res, httpStatusOf('NOT_FOUND'), { errors: [{ message: 'Not found', extensions: { code: 'NOT_FOUND' } }] });
    return;
  }
  throw error;
}
