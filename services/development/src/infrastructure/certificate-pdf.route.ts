import type { IncomingMessage, ServerResponse } from 'node:http';

import type { TokenVerifier } from '@kinerja/auth';
import { DomainError } from '@kinerja/errors';
import { type RouteHandler, sendJson } from '@kinerja/http-server';

import type { CertificateReader } from '../application/certificate.reader';
import { renderCertificatePdf } from './certificate-pdf';

const STATUS: Record<string, number> = { UNAUTHENTICATED: 401, FORBIDDEN: 403, NOT_FOUND: 404, BAD_USER_INPUT: 400, CONFLICT: 409 };

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
      if (!(error instanceof DomainError) && !(error instanceof URIError)) throw error;
      const code = error instanceof DomainError ? error.code : 'NOT_FOUND';
      sendJson(res, STATUS[code] ?? 400, { errors: [{ message: error instanceof DomainError ? error.message : 'Not found', extensions: { code } }] });
    }
  };
}

/**
 * The http server matches GET routes by exact path, but a certificate's number is part of its
 * path: this routes every path under the prefix to one handler. (A prefix option in
 * @kinerja/http-server would make this unnecessary.)
 */
export function withPrefixRoute(routes: Record<string, RouteHandler>, prefix: string, handler: RouteHandler): Record<string, RouteHandler> {
  return new Proxy(routes, {
    get: (target, key) => (typeof key === 'string' && key.startsWith(prefix) ? handler : Reflect.get(target, key)),
  });
}
