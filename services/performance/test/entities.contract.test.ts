import { randomUUID } from 'node:crypto';

import { type PerformanceHarness, startWithOrganisation } from './performance-harness';
import { CREATE_PERIOD, ok } from './support/operations';
import { auditor, type demoOrganisation, nextNip } from './support/organisation';

// Subgraph contract: the gateway resolves performance's entities and identity's extended ones
// through `_entities`, for every @key, without crossing agencies, in batches.
describe('performance subgraph contract (_entities)', () => {
  let h: PerformanceHarness;
  let org: ReturnType<typeof demoOrganisation>;
  let periodId: string;

  beforeAll(async () => {
    ({ harness: h, org } = await startWithOrganisation('contract'));
    periodId = ok<{ id: string }>(await h.gql(CREATE_PERIOD, { input: { agencyId: org.agencyA, year: 2031 } }, org.hrA), 'createPerformancePeriod').id;
  });
  afterAll(() => h?.stop());

  const ENTITIES = `query ($representations: [_Any!]!) { _entities(representations: $representations) {
    ... on PerformancePeriod { id year subPeriods { index } } ... on Employee { id latestAssessment { predikat } performancePlans { id } }
    ... on OrgUnit { id } ... on Agency { id } } }`;
  const entities = (representations: object[], viewer = org.hrA) => h.gql(ENTITIES, { representations }, viewer);

  it('resolves PerformancePeriod by id, and null for an unknown or malformed id', async () => {
    const result = ok<any[]>(await entities([{ __typename: 'PerformancePeriod', id: periodId }]), '_entities');
    expect(result).toEqual([{ id: periodId, year: 2031, subPeriods: [{ index: 1 }, { index: 2 }, { index: 3 }, { index: 4 }] }]);
    const missing = await entities([
      { __typename: 'PerformancePeriod', id: randomUUID() },
      { __typename: 'PerformancePeriod', id: 'not-a-uuid' },
    ]);
    expect(missing.errors).toBeUndefined();
    expect(missing.data?.['_entities']).toEqual([null, null]);
  });

  it.each(['Employee', 'OrgUnit', 'Agency'])('resolves a reference to identity’s %s by its id', async (typename) => {
    const id = randomUUID();
    expect(ok<any[]>(await entities([{ __typename: typename, id }]), '_entities')[0]).toMatchObject({ id });
  });

  it("never returns another agency's period or performance data", async () => {
    const [period] = ok<any[]>(await entities([{ __typename: 'PerformancePeriod', id: periodId }], org.hrB), '_entities');
    expect(period).toBeNull();
    await h.service.prisma.performancePlan.create({
      data: { id: randomUUID(), agencyId: org.agencyA, periodId, employeeId: org.staff[0].employeeId, orgUnitId: org.unitA },
    });
    const [employee] = ok<any[]>(await entities([{ __typename: 'Employee', id: org.staff[0].employeeId }], org.hrB), '_entities');
    expect(employee).toEqual({ id: org.staff[0].employeeId, latestAssessment: null, performancePlans: [] });
    const [own] = ok<any[]>(await entities([{ __typename: 'Employee', id: org.staff[0].employeeId }], org.staff[0].viewer), '_entities');
    expect(own.performancePlans).toHaveLength(1);
    // A colleague of the same agency does not see someone else's plans either.
    const [colleague] = ok<any[]>(await entities([{ __typename: 'Employee', id: org.staff[0].employeeId }], org.staff[1].viewer), '_entities');
    expect(colleague.performancePlans).toEqual([]);
  });

  it('resolves the latest assessment of 100 employees with one SQL statement', async () => {
    const unitId = randomUUID();
    const employees = Array.from({ length: 100 }, (_, i) => ({
      employeeId: randomUUID(),
      agencyId: org.agencyA,
      orgUnitId: unitId,
      positionId: null,
      supervisorEmployeeId: org.supervisor.employeeId,
      name: `Pegawai ${String(i).padStart(3, '0')}`,
      nip: nextNip(),
      employmentType: 'PNS' as const,
      status: 'ACTIVE' as const,
      sourceOccurredAt: new Date(),
    }));
    await h.service.prisma.employeeCopy.createMany({ data: employees });
    const predikats = ['SANGAT_BAIK', 'BAIK', 'BUTUH_PERBAIKAN', 'KURANG', 'SANGAT_KURANG'] as const;
    const plans = employees.map((e) => ({
      id: randomUUID(),
      agencyId: org.agencyA,
      periodId,
      employeeId: e.employeeId,
      orgUnitId: unitId,
      status: 'APPROVED' as const,
    }));
    await h.service.prisma.performancePlan.createMany({ data: plans });
    // Two assessments each for the first 90 (the older periodic one must not win); none for the last 10.
    const assessment = (i: number, kind: 'ANNUAL' | 'PERIODIC', finalizedAt: Date, predikat: (typeof predikats)[number]) => ({
      id: randomUUID(),
      agencyId: org.agencyA,
      planId: plans[i]!.id,
      periodId: kind === 'ANNUAL' ? periodId : randomUUID(),
      employeeId: employees[i]!.employeeId,
      orgUnitId: unitId,
      kind,
      proposedWorkResultRating: 'MEETS' as const,
      workResultRating: 'MEETS' as const,
      proposedBehaviourRating: 'MEETS' as const,
      behaviourRating: 'MEETS' as const,
      predikat,
      feedback: 'Umpan balik',
      curveWarning: false,
      behaviourGaps: [],
      workResultGaps: [],
      assessorEmployeeId: org.supervisor.employeeId,
      finalizedAt,
    });
    await h.service.prisma.assessment.createMany({
      data: employees
        .slice(0, 90)
        .flatMap((_, i) => [
          assessment(i, 'PERIODIC', new Date('2031-04-10T00:00:00Z'), 'SANGAT_KURANG'),
          assessment(i, 'ANNUAL', new Date('2032-01-10T00:00:00Z'), predikats[i % 4]!),
        ]),
    });
    const QUERY = `query ($representations: [_Any!]!) { _entities(representations: $representations) { ... on Employee { id latestAssessment { predikat kind } } } }`;
    h.queries.length = 0;
    const result = await h.gql(QUERY, { representations: employees.map((e) => ({ __typename: 'Employee', id: e.employeeId })) }, auditor());
    const statements = h.queries.filter((sql) => /^\s*SELECT/i.test(sql));
    expect(result.errors).toBeUndefined();
    const latest = (result.data?.['_entities'] as { latestAssessment: { predikat: string; kind: string } | null }[]).map((e) => e.latestAssessment);
    expect(latest.slice(0, 90)).toEqual(employees.slice(0, 90).map((_, i) => ({ predikat: predikats[i % 4], kind: 'ANNUAL' })));
    expect(latest.slice(90)).toEqual(Array(10).fill(null));
    expect(statements).toHaveLength(1);
    expect(h.queries).toHaveLength(1);
  });
});
