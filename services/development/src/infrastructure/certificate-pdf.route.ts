import type { IncomingMessage, ServerResponse } from 'node:http';

import type { TokenVerifier } from '@kinerja/auth';
import { type RouteHandler, sendError } from '@kinerja/http-server';

import type { CertificateReader } from '../application/certificate.reader';
import { renderCertificatePdf } from './certificate-pdf';

/** GET <prefix><number>.pdf with the bearer token: the certificate as a PDF, for those who may download it. */
export function certificatePdfRoute(prefix: string, reader: CertificateReader, verifier: TokenVerifier): RouteHandler {
  return async (req: IncomingMessage, res: ServerResponse) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    try {
      const number = decodeURIComponent(path.slice(prefix.length)).replace(/\.pdf$/i, '');
      const viewer = await verifier.viewerFrom(req.headers.authorization);
      const pdf = renderCertificatePdf(await reader.forDownload(viewer, number));
      const filename = `sertifikat-${number.replace(/[^A-Za-z0-9-]+/g, '-')}.pdf`;
      res.writeHead(200, {
        'content-type': 'application/pdf',
        'content-length': pdf.length,
        'content-disposition': `attachment; filename="${filename}"`,
        'cache-control': 'private, no-store',
      });
      res.end(pdf);
    } catch (error) {
      sendError(res, error);
    }
  };
}
