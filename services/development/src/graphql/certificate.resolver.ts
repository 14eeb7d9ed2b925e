import { Arg, FieldResolver, Query, Resolver, Root } from 'type-graphql';

import { CertificateReader } from '../application/certificate.reader';
import type { Certificate, CertificateVerification } from '../domain/certificate';
import { CertificateType, CertificateVerificationType } from './types';

export const CERTIFICATE_PDF_PREFIX = '/certificates/';

@Resolver(() => CertificateType)
export class CertificateResolver {
  constructor(private readonly reader: CertificateReader) {}

  @Query(() => CertificateVerificationType, { description: 'Public: checks a certificate number; anyone may ask, no sign-in needed' })
  verifyCertificate(@Arg('number') number: string): Promise<CertificateVerification> {
    return this.reader.verify(number);
  }

  @FieldResolver(() => String, { description: "The PDF's path on this subgraph; send the bearer token (holder, HR, admins)" })
  downloadPath(@Root() certificate: Certificate): string {
    return `${CERTIFICATE_PDF_PREFIX}${encodeURIComponent(certificate.number)}.pdf`;
  }
}
