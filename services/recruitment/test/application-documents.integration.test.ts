import { randomUUID } from 'node:crypto';

import type { Viewer } from '@kinerja/auth';

import { DOCUMENT_DOWNLOAD_PREFIX } from '../src/recruitment.module';
import { data, errorOf, recruitmentForTests } from './support/harness';
import { VERIFY } from './support/operations';
import { applicantsOf, nikOf, openVacancy } from './support/selection.fixture';
import { hrOf } from './support/viewers';

const UPLOAD = `mutation ($input: UploadApplicationDocumentInput!) {
  uploadApplicationDocument(input: $input) { id documentType fileName contentType sizeBytes sha256 }
}`;
const DOCUMENTS = `query ($id: ID!) { application(id: $id) { documents { id documentType contentType sizeBytes } } }`;

const MAX = 2 * 1024 * 1024;
const pdf = (size: number) => {
  const bytes = Buffer.alloc(size, 0x20);
  Buffer.from('%PDF-1.7\n').copy(bytes);
  return bytes;
};
const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(200, 1)]);

// Document uploads for an application: the vacancy's types, the type from the content, the size limit, stored with the application.
describe("an applicant's documents (subgraph)", () => {
  const harness = recruitmentForTests('recruitment_documents');
  const agency = randomUUID();
  const hr = hrOf(agency);
  const as = harness.as;
  const download = (viewer: Viewer, id: string) =>
    fetch(new URL(`${DOCUMENT_DOWNLOAD_PREFIX}${id}`, harness.service.subgraph.graphqlUrl), {
      headers: { authorization: `Bearer ${harness.tokens.tokenFor(viewer)}` },
    });

  it('takes the documents the vacancy asks for, typed by content and size-limited, and keeps them with the application', async () => {
    const { vacancyId } = await openVacancy(harness, hr, { documents: ['Ijazah', 'Pas foto'] });
    const applicants = await applicantsOf(
      harness,
      vacancyId,
      [0, 1].map((i) => ({ nik: nikOf(12 + i, 5, 1996, true, 2000 + i), name: `Pelamar ${i}` })),
    );
    const [siti, other] = applicants as [(typeof applicants)[0], (typeof applicants)[0]];
    const upload = (viewer: Viewer, input: Record<string, unknown>) => as(viewer)(UPLOAD, { input: { applicationId: siti.id, ...input } });

    // The bad ones, each naming its field.
    const refusals: [Record<string, unknown>, string][] = [
      [{ documentType: 'Ijazah', fileName: 'ijazah.pdf', contentBase64: Buffer.from('hanya teks, bukan PDF').toString('base64') }, 'input.contentBase64'],
      [{ documentType: 'Ijazah', fileName: 'ijazah.pdf', contentBase64: pdf(MAX + 1).toString('base64') }, 'input.contentBase64'],
      [{ documentType: 'Ijazah', fileName: 'ijazah.pdf', contentBase64: '' }, 'input.contentBase64'],
      [{ documentType: 'Ijazah', fileName: 'ijazah.pdf', contentBase64: 'bukan base64!' }, 'input.contentBase64'],
      [{ documentType: 'Ijazah', fileName: 'ijazah.pdf', contentBase64: png.toString('base64') }, 'input.fileName'],
      [{ documentType: 'Sertifikat TOEFL', fileName: 'toefl.pdf', contentBase64: pdf(100).toString('base64') }, 'input.documentType'],
    ];
    for (const [input, field] of refusals) expect(errorOf(await upload(siti.viewer, input))).toMatchObject({ code: 'BAD_USER_INPUT', field });
    // Someone else's application: as if it did not exist; HR does not upload for the applicant.
    expect(errorOf(await upload(other.viewer, { documentType: 'Ijazah', fileName: 'a.pdf', contentBase64: pdf(10).toString('base64') }))).toMatchObject({
      code: 'NOT_FOUND',
      field: 'input.applicationId',
    });
    expect(errorOf(await upload(hr, { documentType: 'Ijazah', fileName: 'a.pdf', contentBase64: pdf(10).toString('base64') }))).toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(await harness.prisma.applicationDocument.count()).toBe(0);

    // The largest allowed PDF, and a photo whose name has no extension: typed from the bytes.
    const ijazah = data<{ id: string; contentType: string; sizeBytes: number; fileName: string }>(
      await upload(siti.viewer, { documentType: 'ijazah', fileName: 'Ijazah S1.pdf', contentBase64: pdf(MAX).toString('base64') }),
      'uploadApplicationDocument',
    );
    expect(ijazah).toMatchObject({ documentType: 'Ijazah', contentType: 'application/pdf', sizeBytes: MAX, fileName: 'Ijazah S1.pdf' });
    const photo = data<{ fileName: string; contentType: string }>(
      await upload(siti.viewer, { documentType: 'Pas foto', fileName: 'foto', contentBase64: png.toString('base64') }),
      'uploadApplicationDocument',
    );
    expect(photo).toMatchObject({ fileName: 'foto.png', contentType: 'image/png' });
    // A new upload of the same type replaces the file, keeping the document.
    const again = data<{ id: string; sizeBytes: number }>(
      await upload(siti.viewer, { documentType: 'Ijazah', fileName: 'ijazah-legalisir.pdf', contentBase64: pdf(5000).toString('base64') }),
      'uploadApplicationDocument',
    );
    expect(again).toMatchObject({ id: ijazah.id, sizeBytes: 5000 });
    expect(await harness.prisma.auditLog.count({ where: { entityId: ijazah.id } })).toBe(2);

    // Stored with the application: listed on it and downloaded byte for byte by those who may read it.
    const listed = data<{ documents: { documentType: string; sizeBytes: number }[] }>(await as(hr)(DOCUMENTS, { id: siti.id }), 'application').documents;
    expect(listed.map((d) => [d.documentType, d.sizeBytes])).toEqual([
      ['Ijazah', 5000],
      ['Pas foto', png.length],
    ]);
    for (const viewer of [siti.viewer, hr]) {
      const response = await download(viewer, ijazah.id);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('application/pdf');
      expect(Buffer.from(await response.arrayBuffer()).equals(pdf(5000))).toBe(true);
    }
    expect((await download(other.viewer, ijazah.id)).status).toBe(404);

    // Once verified, the documents are what was checked.
    data(await as(hr)(VERIFY, { input: { applicationId: siti.id, qualified: true } }), 'verifyApplication');
    expect(errorOf(await upload(siti.viewer, { documentType: 'Ijazah', fileName: 'baru.pdf', contentBase64: pdf(10).toString('base64') }))).toMatchObject({
      code: 'CONFLICT',
      field: 'input.applicationId',
    });
  });
});
