import { createHash } from 'node:crypto';

import { ValidationError } from '@kinerja/errors';

import { newEvidenceDocument } from './evidence-document';

describe('a new evidence document', () => {
  const owner = { agencyId: 'a', realizationId: 'r', employeeId: 'e', uploadedBy: 'u' };
  const at = new Date('2031-04-02T03:00:00Z');

  it('describes the decoded bytes: detected type, size and SHA-256', () => {
    const content = Buffer.from('%PDF-1.4\n% bukti\n');
    const { document, content: decoded } = newEvidenceDocument('d', owner, { fileName: 'bukti', contentBase64: content.toString('base64') }, at, 1024);
    expect(Buffer.from(decoded)).toEqual(content);
    expect(document).toEqual({
      id: 'd',
      ...owner,
      fileName: 'bukti.pdf',
      contentType: 'application/pdf',
      sizeBytes: content.length,
      sha256: createHash('sha256').update(content).digest('hex'),
      uploadedAt: at,
    });
  });

  it('refuses what the rule refuses', () => {
    expect(() => newEvidenceDocument('d', owner, { fileName: 'x.pdf', contentBase64: Buffer.from('hello').toString('base64') }, at, 1024)).toThrow(
      ValidationError,
    );
  });
});
