import { randomBytes, randomUUID } from 'node:crypto';

import type { Viewer } from '@kinerja/auth';
import { createErrorFormatter } from '@kinerja/errors';
import { randomIds, systemClock } from '@kinerja/kernel';
import { createLogger } from '@kinerja/logger';
import { buildServiceSchema } from '@kinerja/service-kit';
import { graphql as execute } from 'graphql';

import { DEFAULT_EVIDENCE_MAX_BYTES } from '../src/domain/evidence-document.rule';
import { performanceModule, wirePerformance } from '../src/performance.module';
import { type PerformanceHarness, startWithOrganisation } from './performance-harness';
import { approvedPlan, CREATE_PERIOD, CREATE_PLAN, ok, type PlanFixture, report } from './support/operations';
import type { demoOrganisation } from './support/organisation';

const UPLOAD = `mutation ($input: UploadEvidenceInput!) {
  uploadEvidence(input: $input) { id fileName contentType sizeBytes sha256 downloadPath uploadedAt } }`;
const PLAN_EVIDENCE = `query ($id: ID!) { performancePlan(id: $id) {
  workResults { indicators { realizations { id period { index } evidenceDocuments { id fileName contentType sizeBytes downloadPath } } } } } }`;

interface Uploaded {
  id: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
  downloadPath: string;
  uploadedAt: string;
}

/** A minimal one-page PDF, as bytes a client would read from disk. */
const pdfBytes = (): Buffer =>
  Buffer.from(
    '%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n' +
      '3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
    'latin1',
  );
/** The 8-byte PNG signature and an IHDR chunk of a 1×1 image: enough for the type to be told. */
const pngBytes = (): Buffer =>
  Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('0000000d49484452000000010000000108060000001f15c489', 'hex')]);
/** A PDF padded to exactly `size` bytes. */
const pdfOfSize = (size: number): Buffer => {
  const content = Buffer.alloc(size, 0x20);
  pdfBytes().copy(content);
  return content;
};
const b64 = (content: Buffer) => content.toString('base64');
const code = (response: { errors?: { extensions?: Record<string, unknown> }[] }) => response.errors?.[0]?.extensions;

// Uploaded evidence (bukti dukung) on a real PostgreSQL: stored in performance's own database,
// uploaded through the subgraph's GraphQL API, downloaded from GET /evidence/<id>.
describe('evidence documents', () => {
  let h: PerformanceHarness;
  let org: ReturnType<typeof demoOrganisation>;
  let year: { id: string; subPeriods: { id: string; index: number }[] };
  let plan: PlanFixture;
  let realizationId: string;
  let pdf: Uploaded;
  let png: Uploaded;

  const q = (index: number) => year.subPeriods[index - 1]!.id;
  const indicatorId = () => plan.workResults[0]!.indicatorId;
  const upload = (input: Record<string, unknown>, viewer: Viewer = org.staff[0].viewer) => h.gql<{ uploadEvidence: Uploaded }>(UPLOAD, { input }, viewer);
  const download = (path: string, viewer?: Viewer) =>
    fetch(`${h.service.subgraph.url}${path}`, { headers: viewer ? { authorization: `Bearer ${h.signer.tokenFor(viewer)}` } : {} });

  /** The mutation run on the service's schema in this process: past the HTTP body limit (see the test). */
  async function inProcess(query: string, variables: Record<string, unknown>, viewer: Viewer) {
    const logger = createLogger({ name: 'performance', level: 'silent' });
    const wiring = wirePerformance(
      h.repositories,
      { evidenceMaxBytes: DEFAULT_EVIDENCE_MAX_BYTES, documentLinkSecret: randomBytes(32) },
      { clock: systemClock, ids: randomIds },
    );
    const schema = await buildServiceSchema(performanceModule, wiring);
    const base = { viewer, requestId: randomUUID(), clientAddress: '127.0.0.1', logger };
    const result = await execute({
      schema,
      source: query,
      variableValues: variables,
      contextValue: wiring.extendContext(base),
    });
    const format = createErrorFormatter(logger);
    return { data: result.data as { uploadEvidence?: Uploaded } | null | undefined, errors: result.errors?.map((e) => format(e.toJSON(), e)) };
  }

  beforeAll(async () => {
    ({ harness: h, org } = await startWithOrganisation('evidence'));
    year = ok(await h.gql(CREATE_PERIOD, { input: { agencyId: org.agencyA, year: 2031 } }, org.hrA), 'createPerformancePeriod');
    plan = await approvedPlan(h, org.staff[0], org.supervisor.viewer, year.id);
    realizationId = ok<{ id: string }>(await report(h, org.staff[0], indicatorId(), q(1), 4), 'reportRealization').id;
  });
  afterAll(() => h?.stop());

  it('takes a PDF by realization and a PNG by indicator and sub-period, typed from their bytes', async () => {
    pdf = ok(await upload({ realizationId, fileName: 'C:\\Dokumen\\Laporan "Triwulan I".pdf', contentBase64: b64(pdfBytes()) }), 'uploadEvidence');
    expect(pdf).toMatchObject({
      fileName: 'Laporan _Triwulan I_.pdf',
      contentType: 'application/pdf',
      sizeBytes: pdfBytes().length,
      sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
      downloadPath: `/evidence/${pdf.id}`,
    });
    png = ok(await upload({ indicatorId: indicatorId(), periodId: q(1), fileName: 'foto kegiatan', contentBase64: b64(pngBytes()) }), 'uploadEvidence');
    expect(png).toMatchObject({ fileName: 'foto kegiatan.png', contentType: 'image/png', sizeBytes: pngBytes().length });

    const planView = ok<any>(await h.gql(PLAN_EVIDENCE, { id: plan.planId }, org.supervisor.viewer), 'performancePlan');
    const realization = planView.workResults[0].indicators[0].realizations[0];
    expect(realization).toMatchObject({ id: realizationId, period: { index: 1 } });
    expect(realization.evidenceDocuments.map((d: Uploaded) => [d.id, d.fileName, d.contentType])).toEqual([
      [pdf.id, pdf.fileName, 'application/pdf'],
      [png.id, png.fileName, 'image/png'],
    ]);

    const row = await h.service.prisma.evidenceDocument.findUniqueOrThrow({ where: { id: pdf.id } });
    expect(row).toMatchObject({ agencyId: org.agencyA, employeeId: org.staff[0].employeeId, realizationId, uploadedBy: org.staff[0].viewer.userId });
    const audit = await h.service.prisma.auditLog.findMany({ where: { entityId: { in: [pdf.id, png.id] } } });
    expect(audit.map((a) => a.action)).toEqual(['evidence.uploaded', 'evidence.uploaded']);
    expect(JSON.stringify(audit)).not.toContain(b64(pdfBytes()).slice(0, 40));
  });

  it('hands the same bytes back as an attachment with the stored content type', async () => {
    for (const [document, bytes] of [
      [pdf, pdfBytes()],
      [png, pngBytes()],
    ] as const) {
      const response = await download(document.downloadPath, org.staff[0].viewer);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe(document.contentType);
      expect(response.headers.get('content-disposition')).toMatch(new RegExp(`^attachment; filename="${document.fileName}"; filename\\*=UTF-8''`));
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(Buffer.from(await response.arrayBuffer())).toEqual(bytes);
    }
  });

  it("lets the employee, the supervisor, the agency's HR, the province admin and auditors download, and nobody else", async () => {
    const provinceAdmin: Viewer = { userId: randomUUID(), employeeId: null, agencyId: null, grants: [{ role: 'PROVINCE_ADMIN', agencyId: null }] };
    const auditor: Viewer = { userId: randomUUID(), employeeId: null, agencyId: null, grants: [{ role: 'AUDITOR', agencyId: null }] };
    for (const reader of [org.staff[0].viewer, org.supervisor.viewer, org.hrA, provinceAdmin, auditor]) {
      expect((await download(pdf.downloadPath, reader)).status).toBe(200);
    }
    const foreignHr = await download(pdf.downloadPath, org.hrB);
    expect(foreignHr.status).toBe(403);
    expect(await foreignHr.json()).toMatchObject({ errors: [{ extensions: { code: 'FORBIDDEN' } }] });
    for (const stranger of [org.staff[1].viewer, org.otherSupervisor.viewer, org.supervisorB.viewer, org.employeeB.viewer]) {
      expect((await download(pdf.downloadPath, stranger)).status).toBe(403);
    }
    expect((await download(pdf.downloadPath)).status).toBe(401);
    expect((await download(`/evidence/${randomUUID()}`, org.hrA)).status).toBe(404);
    expect((await download('/evidence/not-a-uuid', org.hrA)).status).toBe(404);
    expect((await download(`/evidence/${pdf.id}/extra`, org.hrA)).status).toBe(404);
  });

  it.each([
    ['a text file renamed .pdf', 'input.contentBase64', 'laporan.pdf', () => Buffer.from('Laporan kegiatan, bukan PDF\n')],
    ['a PNG declared as PDF', 'input.fileName', 'bukti.pdf', pngBytes],
    ['an empty file', 'input.contentBase64', 'kosong.pdf', () => Buffer.alloc(0)],
    ['content that is not base64', 'input.contentBase64', 'bukti.pdf', () => null],
    ['a name with nothing in it', 'input.fileName', '../..', pdfBytes],
  ])('refuses %s with BAD_USER_INPUT on %s', async (_name, field, fileName, bytes) => {
    const content = bytes();
    const response = await upload({ realizationId, fileName, contentBase64: content ? b64(content) : '%%% not base64 %%%' });
    expect(code(response)).toMatchObject({ code: 'BAD_USER_INPUT', field });
  });

  // The rule's limit, on the same schema and database in this process: the HTTP body limit is sized
  // from EVIDENCE_MAX_BYTES (performance.service.ts), and ~14 MB of base64 JSON per run is not
  // what this test is about.
  it('takes a document of exactly 5 MiB and refuses 5 MiB + 1 byte on input.contentBase64', async () => {
    const tooLarge = await inProcess(
      UPLOAD,
      { input: { realizationId, fileName: 'besar.pdf', contentBase64: b64(pdfOfSize(DEFAULT_EVIDENCE_MAX_BYTES + 1)) } },
      org.staff[0].viewer,
    );
    expect(tooLarge.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.contentBase64' });
    expect(tooLarge.errors?.[0]?.message).toContain('at most 5 MiB');

    const largest = pdfOfSize(DEFAULT_EVIDENCE_MAX_BYTES);
    const accepted = await inProcess(UPLOAD, { input: { realizationId, fileName: 'besar.pdf', contentBase64: b64(largest) } }, org.staff[0].viewer);
    expect(accepted.errors).toBeUndefined();
    const document = accepted.data!.uploadEvidence!;
    expect(document.sizeBytes).toBe(DEFAULT_EVIDENCE_MAX_BYTES);
    const response = await download(document.downloadPath, org.supervisor.viewer);
    expect(Buffer.from(await response.arrayBuffer()).equals(largest)).toBe(true);
  });

  it('takes a photo-sized document over HTTP', async () => {
    const jpeg = Buffer.alloc(600 * 1024, 0x11);
    jpeg.set([0xff, 0xd8, 0xff, 0xe0]);
    const uploaded = ok<Uploaded>(await upload({ realizationId, fileName: 'foto.jpg', contentBase64: b64(jpeg) }), 'uploadEvidence');
    expect(uploaded).toMatchObject({ contentType: 'image/jpeg', sizeBytes: jpeg.length });
  });

  it('takes uploads from the employee only', async () => {
    const input = { realizationId, fileName: 'bukti.pdf', contentBase64: b64(pdfBytes()) };
    for (const someoneElse of [org.supervisor.viewer, org.staff[1].viewer, org.hrA, org.hrB, org.employeeB.viewer]) {
      expect(code(await upload(input, someoneElse))?.code).toBe('FORBIDDEN');
    }
    expect(code(await h.gql(UPLOAD, { input }))?.code).toBe('UNAUTHENTICATED');
  });

  it('attaches to a reported realization of an approved plan in an open sub-period, named one way only', async () => {
    const content = b64(pdfBytes());
    const notReported = await upload({ indicatorId: indicatorId(), periodId: q(2), fileName: 'bukti.pdf', contentBase64: content });
    expect(code(notReported)?.code).toBe('CONFLICT');
    expect(code(await upload({ realizationId: randomUUID(), fileName: 'bukti.pdf', contentBase64: content }))).toMatchObject({
      code: 'NOT_FOUND',
      field: 'input.realizationId',
    });
    expect(code(await upload({ realizationId, indicatorId: indicatorId(), periodId: q(1), fileName: 'bukti.pdf', contentBase64: content }))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.realizationId',
    });
    expect(code(await upload({ indicatorId: indicatorId(), fileName: 'bukti.pdf', contentBase64: content }))?.field).toBe('input.realizationId');

    // A plan still in draft: the realization rules refuse before any realization is looked for.
    const draft = ok<{ id: string }>(await h.gql(CREATE_PLAN, { input: { periodId: year.id } }, org.staff[1].viewer), 'createPerformancePlan');
    const workResult = ok<{ id: string }>(
      await h.gql(
        `mutation ($input: AddWorkResultInput!) { addWorkResult(input: $input) { id } }`,
        { input: { planId: draft.id, kind: 'MAIN', title: 'Draf' } },
        org.staff[1].viewer,
      ),
      'addWorkResult',
    );
    const indicator = ok<{ id: string }>(
      await h.gql(
        `mutation ($input: AddIndicatorInput!) { addIndicator(input: $input) { id } }`,
        { input: { workResultId: workResult.id, aspect: 'QUANTITY', description: 'Draf', target: 1, unit: 'dokumen' } },
        org.staff[1].viewer,
      ),
      'addIndicator',
    );
    const onDraft = await upload({ indicatorId: indicator.id, periodId: q(1), fileName: 'bukti.pdf', contentBase64: content }, org.staff[1].viewer);
    expect(code(onDraft)?.code).toBe('CONFLICT');

    // A closed sub-period accepts no more evidence.
    ok(await report(h, org.staff[0], indicatorId(), q(2), 3), 'reportRealization');
    ok(await h.gql(`mutation ($id: ID!) { closePerformancePeriod(id: $id) { id } }`, { id: q(2) }, org.hrA), 'closePerformancePeriod');
    expect(code(await upload({ indicatorId: indicatorId(), periodId: q(2), fileName: 'bukti.pdf', contentBase64: content }))?.code).toBe('CONFLICT');
  });

  it('takes a realization with a link only, with a document only (reported, then uploaded), or with neither, shown as evidenceMissing', async () => {
    const employee = org.staff[2];
    const own = await approvedPlan(h, employee, org.supervisor.viewer, year.id, ['Menyusun laporan pengaduan']);
    const indicator = own.workResults[0]!.indicatorId;
    const REPORT_ANY = `mutation ($input: ReportRealizationInput!) { reportRealization(input: $input) { id evidenceUrl evidenceMissing } }`;
    const reported = async (periodId: string, evidenceUrl?: string | null) =>
      ok<{ id: string; evidenceUrl: string | null; evidenceMissing: boolean }>(
        await h.gql(
          REPORT_ANY,
          { input: { indicatorId: indicator, periodId, value: 2, ...(evidenceUrl === undefined ? {} : { evidenceUrl }) } },
          employee.viewer,
        ),
        'reportRealization',
      );

    const linkOnly = await reported(q(1), 'https://dokumen.example.go.id/bukti/pengaduan-tw1.pdf');
    expect(linkOnly).toMatchObject({ evidenceUrl: 'https://dokumen.example.go.id/bukti/pengaduan-tw1.pdf', evidenceMissing: false });

    // A document only: the realization is reported without a link, then its document is uploaded.
    const documentOnly = await reported(q(3));
    expect(documentOnly).toMatchObject({ evidenceUrl: null, evidenceMissing: true });
    ok(await upload({ realizationId: documentOnly.id, fileName: 'rekap.pdf', contentBase64: b64(pdfBytes()) }, employee.viewer), 'uploadEvidence');
    // Reporting again (a corrected value, no link) keeps the uploaded document.
    expect(await reported(q(3), null)).toEqual({ id: documentOnly.id, evidenceUrl: null, evidenceMissing: false });

    // Neither: accepted, counted, and shown as missing evidence to whoever reads the plan.
    expect(await reported(q(4), '  ')).toMatchObject({ evidenceUrl: null, evidenceMissing: true });
    const badLink = await h.gql(
      REPORT_ANY,
      { input: { indicatorId: indicator, periodId: q(4), value: 2, evidenceUrl: 'file:///C:/bukti.pdf' } },
      employee.viewer,
    );
    expect(code(badLink)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.evidenceUrl' });

    const view = ok<any>(
      await h.gql(
        `query ($id: ID!) { performancePlan(id: $id) { workResults { indicators { realizations { period { index } value evidenceMissing } } } } }`,
        { id: own.planId },
        org.supervisor.viewer,
      ),
      'performancePlan',
    );
    expect(
      view.workResults[0].indicators[0].realizations
        .map((r: { period: { index: number }; evidenceMissing: boolean }) => [r.period.index, r.evidenceMissing])
        .sort(),
    ).toEqual([
      [1, false],
      [3, false],
      [4, true],
    ]);
  });
});
