import type { IncomingMessage, ServerResponse } from 'node:http';

import { type RouteHandler, sendError } from '@kinerja/http-server';

import type { DocumentLinks, OfficialDocumentReader } from '../application/official-document.reader';
import { renderOfficialDocumentPdf } from './official-document.pdf';

/** GET a signed document link (PerformancePlan.documentLink): the SKP or the annual evaluation as a PDF. */
export function officialDocumentRoute(links: DocumentLinks, reader: OfficialDocumentReader): RouteHandler {
  return async (req: IncomingMessage, res: ServerResponse) => {
    try {
      const { kind, planId } = links.verify(new URL(req.url ?? '/', 'http://localhost'));
      const content = await reader.content(kind, planId);
      const pdf = renderOfficialDocumentPdf(content);
      res.writeHead(200, {
        'content-type': 'application/pdf',
        'content-length': pdf.length,
        'content-disposition': `attachment; filename="${content.fileName.replace(/[^A-Za-z0-9.-]+/g, '-')}"`,
        'x-content-type-options': 'nosniff',
        'cache-control': 'private, no-store',
      });
      res.end(pdf);
    } catch (error) {
      sendError(res, error);
    }
  };
}
