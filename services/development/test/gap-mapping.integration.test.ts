import { randomUUID } from 'node:crypto';

import type { Viewer } from '@kinerja/auth';

import { type DevelopmentHarness, startDevelopmentOnPostgres, viewers } from './development-harness';
import { asViewer, codeOf } from './support/client';
import { assessmentFinalized, employeeRegistered, testEmployee } from './support/events';

const SET = `mutation ($input: SetGapProgramMappingInput!) {
  setGapProgramMapping(input: $input) { gap programCode agencyOverride program { code provinceWide } } }`;
const CLEAR = `mutation ($a: ID!, $gap: MappableGap!) { clearGapProgramMapping(agencyId: $a, gap: $gap) { gap programCode agencyOverride } }`;
const MAPPING = `query ($a: ID!) { gapProgramMapping(agencyId: $a) { gap programCode agencyOverride program { code } } }`;
const CREATE_PROGRAM = `mutation ($input: CreateTrainingProgramInput!) { createTrainingProgram(input: $input) { id code } }`;

interface Line {
  gap: string;
  programCode: string | null;
  agencyOverride: boolean;
  program: { code: string } | null;
}

describe("an agency's own gap → programme mapping", () => {
  let harness: DevelopmentHarness;
  const agencyId = randomUUID();
  let hr: Viewer;

  beforeAll(async () => {
    harness = await startDevelopmentOnPostgres('gap_mapping');
    hr = viewers.hrOf(agencyId);
  });
  afterAll(() => harness?.stop());

  const mapping = async (viewer: Viewer, agency = agencyId) => {
    const result = await asViewer(harness, viewer)(MAPPING, { a: agency });
    expect(result.errors).toBeUndefined();
    return result.data?.['gapProgramMapping'] as Line[];
  };
  const line = (lines: Line[], gap: string) => lines.find((entry) => entry.gap === gap);

  it('shows the province default for every gap before the agency sets any', async () => {
    const lines = await mapping(viewers.employee(randomUUID(), agencyId));
    expect(lines).toHaveLength(8);
    expect(line(lines, 'KOLABORATIF')).toEqual({ gap: 'KOLABORATIF', programCode: 'KOM-EFEKTIF', agencyOverride: false, program: { code: 'KOM-EFEKTIF' } });
    expect(line(lines, 'WORK_RESULT')).toMatchObject({ programCode: 'PERENCANAAN-KINERJA', agencyOverride: false });
    expect(codeOf(await asViewer(harness, viewers.hrOf(randomUUID()))(MAPPING, { a: agencyId }))).toBe('FORBIDDEN');
  });

  it("lets HR map a value to the agency's own programme, audited, and a finalized assessment then assigns it", async () => {
    const created = await asViewer(harness, hr)(CREATE_PROGRAM, {
      input: { agencyId, code: 'KERJA-TIM', title: 'Kerja Sama Tim Lintas Bidang', jpHours: 8, mode: 'WORKSHOP', competencyCodes: ['KOLABORATIF'] },
    });
    expect(created.errors).toBeUndefined();
    const set = await asViewer(harness, hr)(SET, { input: { agencyId, gap: 'KOLABORATIF', programCode: 'kerja-tim' } });
    expect(set.errors).toBeUndefined();
    expect(set.data?.['setGapProgramMapping']).toEqual({
      gap: 'KOLABORATIF',
      programCode: 'KERJA-TIM',
      agencyOverride: true,
      program: { code: 'KERJA-TIM', provinceWide: false },
    });
    expect(line(await mapping(hr), 'KOLABORATIF')).toMatchObject({ programCode: 'KERJA-TIM', agencyOverride: true });
    const audit = await harness.service.prisma.auditLog.findMany({ where: { agencyId, action: 'gap-programme-mapping.set' } });
    expect(audit).toEqual([
      expect.objectContaining({
        actorUserId: hr.userId,
        entityType: 'GapProgrammeMapping',
        before: null,
        after: { gap: 'CORE_VALUE:KOLABORATIF', programmeCode: 'KERJA-TIM' },
      }),
    ]);

    const employee = testEmployee(agencyId);
    await harness.deliver(employeeRegistered(employee));
    await harness.deliver(assessmentFinalized(employee, { behaviourGaps: ['KOLABORATIF', 'AKUNTABEL'] }));
    const assignments = await harness.service.prisma.trainingAssignment.findMany({ where: { employeeId: employee.employeeId } });
    expect(assignments.map((a) => a.programmeCode).sort()).toEqual(['AKUNTABILITAS-KINERJA', 'KERJA-TIM']);
    // Only this agency: another agency's employees still get the province default.
    const elsewhere = testEmployee(randomUUID());
    await harness.deliver(employeeRegistered(elsewhere));
    await harness.deliver(assessmentFinalized(elsewhere, { behaviourGaps: ['KOLABORATIF'] }));
    const other = await harness.service.prisma.trainingAssignment.findMany({ where: { employeeId: elsewhere.employeeId } });
    expect(other.map((a) => a.programmeCode)).toEqual(['KOM-EFEKTIF']);
  });

  it('sends a gap to HR when set to no programme, and back to the default when cleared', async () => {
    const none = await asViewer(harness, hr)(SET, { input: { agencyId, gap: 'WORK_RESULT', programCode: null } });
    expect(none.data?.['setGapProgramMapping']).toMatchObject({ gap: 'WORK_RESULT', programCode: null, agencyOverride: true, program: null });
    const employee = testEmployee(agencyId);
    await harness.deliver(employeeRegistered(employee));
    await harness.deliver(assessmentFinalized(employee, { behaviourGaps: [], workResultGaps: [{ workResultId: randomUUID(), title: 'Laporan supervisi' }] }));
    const [waiting] = await harness.service.prisma.trainingAssignment.findMany({ where: { employeeId: employee.employeeId } });
    expect(waiting).toMatchObject({ status: 'AWAITING_HR_CHOICE', programmeCode: null });

    const cleared = await asViewer(harness, hr)(CLEAR, { a: agencyId, gap: 'WORK_RESULT' });
    expect(cleared.data?.['clearGapProgramMapping']).toEqual({ gap: 'WORK_RESULT', programCode: 'PERENCANAAN-KINERJA', agencyOverride: false });
    expect(await harness.service.prisma.auditLog.count({ where: { agencyId, action: 'gap-programme-mapping.cleared' } })).toBe(1);
    // Clearing what is not there changes nothing and writes no audit row.
    expect((await asViewer(harness, hr)(CLEAR, { a: agencyId, gap: 'WORK_RESULT' })).errors).toBeUndefined();
    expect(await harness.service.prisma.auditLog.count({ where: { agencyId, action: 'gap-programme-mapping.cleared' } })).toBe(1);
  });

  it('refuses a programme the agency is not offered, and anyone but its HR admin or the province admin', async () => {
    const foreignAgency = randomUUID();
    const foreign = await asViewer(harness, viewers.hrOf(foreignAgency))(CREATE_PROGRAM, {
      input: { agencyId: foreignAgency, code: 'MILIK-LAIN', title: 'Program Instansi Lain', jpHours: 4, mode: 'WORKSHOP', competencyCodes: ['KOLABORATIF'] },
    });
    expect(foreign.errors).toBeUndefined();
    for (const programCode of ['MILIK-LAIN', 'TIDAK-ADA']) {
      const refused = await asViewer(harness, hr)(SET, { input: { agencyId, gap: 'LOYAL', programCode } });
      expect(codeOf(refused)).toBe('BAD_USER_INPUT');
      expect(refused.errors?.[0]?.extensions?.field).toBe('input.programCode');
    }
    const input = { agencyId, gap: 'LOYAL', programCode: 'KOM-EFEKTIF' };
    expect(codeOf(await asViewer(harness, viewers.hrOf(foreignAgency))(SET, { input }))).toBe('FORBIDDEN');
    expect(codeOf(await asViewer(harness, viewers.employee(randomUUID(), agencyId))(SET, { input }))).toBe('FORBIDDEN');
    expect(codeOf(await asViewer(harness, viewers.auditor())(SET, { input }))).toBe('FORBIDDEN');
    expect(codeOf(await asViewer(harness)(SET, { input }))).toBe('UNAUTHENTICATED');
    expect(codeOf(await asViewer(harness, viewers.hrOf(foreignAgency))(CLEAR, { a: agencyId, gap: 'KOLABORATIF' }))).toBe('FORBIDDEN');
    expect((await asViewer(harness, viewers.provinceAdmin())(SET, { input })).errors).toBeUndefined();
    expect(line(await mapping(hr), 'LOYAL')).toMatchObject({ programCode: 'KOM-EFEKTIF', agencyOverride: true });
  });
});
