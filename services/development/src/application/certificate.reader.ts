import { assertAuthenticated, type Viewer } from '@kinerja/auth';
import { ForbiddenError, NotFoundError } from '@kinerja/errors';

import { canDownloadCertificate } from '../domain/access.rule';
import type { Certificate, CertificateVerification } from '../domain/certificate';
import { maskName, parseCertificateNumber } from '../domain/certificate.rule';
import type { TrainingRecordRepository } from '../domain/repositories';

const NOT_VALID: CertificateVerification = Object.freeze({ valid: false });

export class CertificateReader {
  constructor(private readonly records: TrainingRecordRepository) {}

  /**
   * Anyone may check a number read off a certificate. A malformed or unknown number gets the same
   * bare "not valid" as any other, so the answer reveals nothing beyond the yes or no.
   */
  async verify(number: string): Promise<CertificateVerification> {
    if (!parseCertificateNumber(number)) return NOT_VALID;
    const certificate = await this.records.certificateByNumber(number.trim().toUpperCase());
    if (!certificate) return NOT_VALID;
    const { programTitle, jp, completedOn, holderName } = certificate;
    return { valid: true, programTitle, jp, completedOn, holderName: maskName(holderName) };
  }

  /** The certificate behind the PDF download: the holder, their HR, the province admin and auditors. */
  async forDownload(viewer: Viewer, number: string): Promise<Certificate> {
    assertAuthenticated(viewer);
    const certificate = parseCertificateNumber(number) ? await this.records.certificateByNumber(number.trim().toUpperCase()) : null;
    if (!certificate) throw new NotFoundError('Certificate', number);
    if (!canDownloadCertificate(viewer, certificate)) throw new ForbiddenError("This is another employee's certificate");
    return certificate;
  }
}
