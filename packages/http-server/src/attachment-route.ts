import type { IncomingMessage, ServerResponse } from 'node:http';

import { NotFoundError } from '@kinerja/errors';

import { sendError } from './respond';
import type { RouteHandler } from './routes';

/** A stored upload as a download serves it. */
export interface StoredAttachment {
  fileName: string;
  /** Detected from the bytes when it was uploaded, never taken from a client. */
  contentType: string;
  content: Uint8Array;
}

export interface AttachmentRouteOptions {
  /** The path prefix; the rest of the path is the document's id. */
  prefix: string;
  /** The ASCII file name when nothing of the stored name is ASCII. */
  fallbackName: string;
  /** Reads the document for the caller of `req` (verifies their token, then `assertDocumentId`, then their access). */
  load(req: IncomingMessage, id: string): Promise<StoredAttachment>;
}

/** `filename` for old clients (ASCII only) and `filename*` with the stored name in UTF-8 (RFC 6266). */
export function attachmentDisposition(fileName: string, fallbackName: string): string {
  const ascii =
    fileName
      .normalize('NFKD')
      .replace(/[^\x20-\x7e]/g, '')
      .replace(/["\\]/g, '_') || fallbackName;
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`;
}

/**
 * GET <prefix><id>: an uploaded document with its detected content type, as an attachment (never
 * displayed inline, and sandboxed, so an uploaded file cannot run in the app's origin); errors
 * answer with their code's status.
 */
export function attachmentRoute(options: AttachmentRouteOptions): RouteHandler {
  return async (req: IncomingMessage, res: ServerResponse) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    try {
      const id = decodeURIComponent(path.slice(options.prefix.length));
      const document = await options.load(req, id);
      res.writeHead(200, {
        'content-type': document.contentType,
        'content-length': document.content.length,
        'content-disposition': attachmentDisposition(document.fileName, options.fallbackName),
        'x-content-type-options': 'nosniff',
        'content-security-policy': "default-src 'none'; sandbox",
        'cache-control': 'private, no-store',
      });
      res.end(document.content);
    } catch (error) {
      sendError(res, error);
    }
  };
}

/** An id taken from a download path: one path segment, not empty. */
export function assertDocumentId(id: string, entity: string): void {
  if (id.length === 0 || id.includes('/')) throw new NotFoundError(entity, id);
}
