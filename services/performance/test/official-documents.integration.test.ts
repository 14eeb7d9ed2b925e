import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { Viewer } from '@kinerja/auth';

import { type PerformanceHarness, startWithOrganisation } from './performance-harness';
import { approvedPlan, CREATE_PERIOD, FINALIZE, finalizeInput, ok, type PlanFixture, report, SET_UNIT_RATING } from './support/operations';
import type { demoOrganisation } from './support/organisation';

const LINK = `query ($id: ID!, $kind: OfficialDocumentKind!) { performancePlan(id: $id) { documentLink(kind: $kind) { path expiresAt } } }`;
const code = (response: { errors?: { extensions?: Record<string, unknown> }[] }) => response.errors?.[0]?.extensions?.['code'];

/** The text of a PDF as poppler's pdftotext reads it (installed by .ci/run; a missing tool fails the test). */
function pdfText(pdf: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'kinerja-pdf-'));
  try {
    writeFileSync(join(dir, 'document.pdf'), pdf);
    return execFileSync('pdftotext', ['-layout', join(dir, 'document.pdf'), '-'], { encoding: 'utf8' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// The SKP and the annual evaluation as PDFs in the annex's layout, through short-lived signed links.
describe('official documents', () => {
  let h: PerformanceHarness;
  let org: ReturnType<typeof demoOrganisation>;
  let plan: PlanFixture;
  let unassessed: PlanFixture;

  beforeAll(async () => {
    ({ harness: h, org } = await startWithOrganisation('documents'));
    const year = ok(await h.gql(CREATE_PERIOD, { input: { agencyId: org.agencyA, year: 2031 } }, org.hrA), 'createPerformancePeriod');
    const q1 = year.subPeriods[0].id;
    plan = await approvedPlan(h, org.staff[0], org.supervisor.viewer, year.id, ['Menyusun laporan kinerja (LKjIP)'], ['Mengelola arsip kepegawaian']);
    unassessed = await approvedPlan(h, org.staff[1], org.supervisor.viewer, year.id);
    ok(await report(h, org.staff[0], plan.workResults[0]!.indicatorId, q1, 12), 'reportRealization');
    ok(await report(h, org.staff[0], plan.workResults[1]!.indicatorId, q1, 7), 'reportRealization');
    ok(await h.gql(SET_UNIT_RATING, { input: { orgUnitId: org.unitA, periodId: year.id, rating: 'BAIK' } }, org.hrA), 'setUnitRating');
    const ratings = finalizeInput(plan.planId, year.id).behaviourRatings.map((r) => (r.value === 'LOYAL' ? { ...r, rating: 'ABOVE' } : r));
    ok(
      await h.gql(
        FINALIZE,
        {
          input: finalizeInput(plan.planId, year.id, {
            behaviourRatings: ratings,
            workResultRating: 'ABOVE',
            overrideReason: 'Menangani dua unit selama cuti rekan',
          }),
        },
        org.supervisor.viewer,
      ),
      'finalizeAssessment',
    );
  });
  afterAll(() => h?.stop());

  const link = async (planId: string, kind: string, viewer: Viewer) => h.gql(LINK, { id: planId, kind }, viewer);
  const download = async (path: string) => {
    const response = await fetch(`${h.url.replace(/\/graphql$/, '')}${path}`);
    return { status: response.status, type: response.headers.get('content-type'), body: Buffer.from(await response.arrayBuffer()) };
  };
  const pathOf = async (planId: string, kind: string, viewer: Viewer) => ok(await link(planId, kind, viewer), 'performancePlan').documentLink.path as string;

  it('prints the SKP: employee, assessor, every RHK with its indicator and target, the signature blocks', async () => {
    const { status, type, body } = await download(await pathOf(plan.planId, 'SKP', org.staff[0].viewer));
    expect([status, type]).toEqual([200, 'application/pdf']);
    const text = pdfText(body);
    for (const expected of [
      'SASARAN KINERJA PEGAWAI',
      'PEGAWAI YANG DINILAI',
      org.staff[0].name,
      'PEJABAT PENILAI KINERJA',
      org.supervisor.name,
      'Menyusun laporan kinerja (LKjIP) (Utama)',
      'Mengelola arsip kepegawaian (Tambahan)',
      'Kuantitas: Jumlah Menyusun laporan kinerja',
      '12 dokumen',
      'Pejabat Penilai Kinerja',
    ]) {
      expect(text).toContain(expected);
    }
    expect(text).toMatch(/NIP\s+: \d{18}/);
  });

  it('prints the annual evaluation with realizations, both ratings and the predikat', async () => {
    const text = pdfText((await download(await pathOf(plan.planId, 'ASSESSMENT', org.supervisor.viewer))).body);
    for (const expected of [
      'DOKUMEN EVALUASI KINERJA PEGAWAI',
      'Realisasi',
      '7 dokumen',
      'Rating Hasil Kerja',
      'Di atas ekspektasi',
      'Loyal',
      'Predikat Kinerja',
    ]) {
      expect(text).toContain(expected);
    }
    // ABOVE on work results with MEETS on behaviour: BAIK (the matrix of rule 3).
    expect(text).toMatch(/Predikat Kinerja\s+: Baik/);
  });

  it('renders the same bytes for the same data', async () => {
    const first = await download(await pathOf(plan.planId, 'ASSESSMENT', org.hrA));
    const second = await download(await pathOf(plan.planId, 'ASSESSMENT', org.staff[0].viewer));
    expect(first.body.equals(second.body)).toBe(true);
  });

  it('gives no link to a person of another agency, nor to a colleague', async () => {
    expect(code(await link(plan.planId, 'SKP', org.hrB))).toBe('NOT_FOUND');
    expect(code(await link(plan.planId, 'SKP', org.supervisorB.viewer))).toBe('NOT_FOUND');
    expect(code(await link(plan.planId, 'SKP', org.staff[1].viewer))).toBe('FORBIDDEN');
  });

  it('refuses a link that was altered or forged', async () => {
    const path = await pathOf(unassessed.planId, 'SKP', org.staff[1].viewer);
    expect((await download(path)).status).toBe(200);
    expect((await download(path.replace(unassessed.planId, plan.planId))).status).toBe(403);
    expect((await download(path.replace('/skp/', '/assessment/'))).status).toBe(403);
    expect((await download(path.replace(/expires=\d+/, `expires=${Date.now() + 86_400_000}`))).status).toBe(403);
    expect((await download(`/documents/skp/${plan.planId}.pdf`)).status).toBe(403);
  });

  it('has no evaluation document before the annual assessment is finalized', async () => {
    expect(code(await link(unassessed.planId, 'ASSESSMENT', org.staff[1].viewer))).toBe('NOT_FOUND');
  });
});
