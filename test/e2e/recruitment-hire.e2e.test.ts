import { randomUUID } from 'node:crypto';

import { login } from '../support/graphql-client';
import { waitFor } from '../support/kafka';
import { type FederatedStack, ok, startFederatedStack } from './federated-stack';

const DAY = 86_400_000;
const inDays = (days: number) => new Date(Date.now() + days * DAY).toISOString();

/**
 * Rule 6 end to end through the gateway over real Kafka: a formation from the needs analysis, a
 * vacancy, a trained committee appointed, an application, verification, the SKD import, SKB, masked published results, the hire;
 * then identity holds the CPNS employee and development has assigned Latsar CPNS, nobody re-typing.
 */
describe('recruitment: from formation to a hired CPNS with Latsar assigned', () => {
  let stack: FederatedStack;
  const token: Record<'hr' | 'committee' | 'admin' | 'applicant', string> = { hr: '', committee: '', admin: '', applicant: '' };
  let agencyId: string;
  let orgUnitId: string;

  // The 3-day objection window passes: the announcement is moved three days into the past.
  const windowPasses = async (selectionId: string) => {
    const prisma = stack.services['recruitment']!.service.prisma as unknown as {
      $executeRawUnsafe(sql: string, ...values: unknown[]): Promise<number>;
    };
    await prisma.$executeRawUnsafe(
      `UPDATE announcement SET announced_at = announced_at - interval '3 days', objection_closes_at = objection_closes_at - interval '3 days' WHERE selection_id = $1::uuid`,
      selectionId,
    );
  };

  beforeAll(async () => {
    stack = await startFederatedStack('e2e_rec');
    token.hr = await login(stack.url, { email: 'hr.kotalama@kinerja.demo' });
    token.committee = await login(stack.url, { email: 'panitia.kotalama@kinerja.demo' });
    token.admin = await login(stack.url, { email: 'admin@kinerja.demo' });
    token.applicant = await login(stack.url, { email: 'pelamar@kinerja.demo' });
    const unit = await stack.identity.service.prisma.orgUnit.findFirstOrThrow({ where: { agency: { code: 'KOTA-KOTALAMA' }, code: 'DINKES' } });
    agencyId = unit.agencyId;
    orgUnitId = unit.id;
  }, 180_000);

  afterAll(async () => {
    await stack?.stop();
  });

  it('hires the selected applicant into the formation and identity and development follow', async () => {
    const position = ok<{ id: string }>(
      await stack.gql(
        `mutation ($input: CreatePositionInput!) { createPosition(input: $input) { id } }`,
        { input: { orgUnitId, title: 'Pranata Komputer Ahli Pertama' } },
        token.hr,
      ),
      'createPosition',
    );
    const formation = ok<{ id: string; status: string }>(
      await stack.gql(
        `mutation ($input: ProposeFormationInput!) { proposeFormation(input: $input) { id status gap } }`,
        {
          input: {
            agencyId,
            orgUnitId,
            positionId: position.id,
            positionTitle: 'Pranata Komputer Ahli Pertama',
            need: 2,
            currentHolders: 1,
            quota: 1,
            justification: 'Analisis beban kerja: layanan data kesehatan butuh dua pranata komputer.',
          },
        },
        token.hr,
      ),
      'proposeFormation',
    );
    expect(
      ok<{ status: string }>(
        await stack.gql(
          `mutation ($input: ReviewFormationInput!) { approveFormation(input: $input) { status } }`,
          { input: { formationId: formation.id } },
          token.admin,
        ),
        'approveFormation',
      ).status,
    ).toBe('APPROVED');

    const code = `CPNS-${randomUUID().slice(0, 6).toUpperCase()}`;
    const selection = ok<{ id: string }>(
      await stack.gql(
        `mutation ($input: CreateSelectionInput!) { createSelection(input: $input) { id } }`,
        { input: { agencyId, code, name: 'Seleksi CPNS Kota Kotalama', year: 2027, registrationOpensAt: inDays(-1), registrationClosesAt: inDays(14) } },
        token.hr,
      ),
      'createSelection',
    );
    const vacancy = ok<{ id: string }>(
      await stack.gql(
        `mutation ($input: PublishVacancyInput!) { publishVacancy(input: $input) { id } }`,
        {
          input: {
            formationId: formation.id,
            selectionId: selection.id,
            title: 'Pranata Komputer Ahli Pertama — Dinas Kesehatan',
            education: 'S1 Informatika',
            minAge: 18,
            maxAge: 35,
            documents: ['Ijazah'],
          },
        },
        token.hr,
      ),
      'publishVacancy',
    );
    // The committee: HR appoints the panitia, who completes development's committee training
    // (PANITIA-SELEKSI); recruitment learns it from development.training.completed over Kafka.
    const panitia = await stack.identity.service.prisma.userAccount.findFirstOrThrow({ where: { email: 'panitia.kotalama@kinerja.demo' } });
    const panitiaEmployeeId = panitia.employeeId as string;
    const recruitmentPrisma = stack.services['recruitment']!.service.prisma as unknown as {
      employeeCopy: { count(args: unknown): Promise<number> };
      committeeTraining: { count(args: unknown): Promise<number> };
    };
    await stack.backfill(); // identity's snapshots: recruitment learns the agency's employees
    // recruitment's and development's copies both come from the snapshots, each at its own pace.
    await waitFor(
      async () =>
        (await recruitmentPrisma.employeeCopy.count({ where: { employeeId: panitiaEmployeeId } })) === 1 &&
        (await stack.development.service.prisma.employeeCopy.count({ where: { employeeId: panitiaEmployeeId } })) === 1,
      60_000,
      "recruitment's and development's copies of the panitia",
    );
    ok(
      await stack.gql(
        `mutation ($input: AppointCommitteeMemberInput!) { appointCommitteeMember(input: $input) { employeeId trained } }`,
        { input: { selectionId: selection.id, employeeId: panitiaEmployeeId } },
        token.hr,
      ),
      'appointCommitteeMember',
    );
    const programme = await stack.development.service.prisma.trainingProgram.findFirstOrThrow({ where: { code: 'PANITIA-SELEKSI' } });
    const assignment = ok<{ id: string }>(
      await stack.gql(
        `mutation ($input: AssignTrainingInput!) { assignTraining(input: $input) { id } }`,
        { input: { employeeId: panitiaEmployeeId, programId: programme.id } },
        token.hr,
      ),
      'assignTraining',
    );
    ok(await stack.gql(`mutation ($id: ID!) { startTraining(assignmentId: $id) { id } }`, { id: assignment.id }, token.hr), 'startTraining');
    ok(
      await stack.gql(
        `mutation ($input: RecordTrainingCompletionInput!) { recordTrainingCompletion(input: $input) { id } }`,
        { input: { assignmentId: assignment.id, result: 'PASSED', completedOn: new Date().toISOString().slice(0, 10) } },
        token.hr,
      ),
      'recordTrainingCompletion',
    );
    await waitFor(
      async () => (await recruitmentPrisma.committeeTraining.count({ where: { employeeId: panitiaEmployeeId } })) === 1,
      60_000,
      'the committee training in recruitment',
    );

    const listed = ok<{ nodes: { id: string }[] }>(
      await stack.gql(`query ($a: ID) { publicVacancies(agencyId: $a, first: 50) { nodes { id } } }`, { a: agencyId }),
      'publicVacancies',
    );
    expect(listed.nodes.map((v) => v.id)).toContain(vacancy.id);

    const nik = `3273024507${String(new Date().getFullYear() - 25).slice(2)}0042`; // a woman born 5 July, 25 years ago
    ok(
      await stack.gql(
        `mutation ($input: RegisterApplicantInput!) { registerApplicant(input: $input) { id } }`,
        { input: { nik, name: 'Siti  Rahmawati', email: 'siti@example.id' } },
        token.applicant,
      ),
      'registerApplicant',
    );
    const apply = () =>
      stack.gql(
        `mutation ($input: ApplyToVacancyInput!) { applyToVacancy(input: $input) { id registrationNumber status } }`,
        { input: { vacancyId: vacancy.id, idempotencyKey: 'submit-0001' } },
        token.applicant,
      );
    const application = ok<{ id: string; registrationNumber: string }>(await apply(), 'applyToVacancy');
    expect(ok<{ id: string }>(await apply(), 'applyToVacancy').id).toBe(application.id);

    const hire = `mutation ($id: ID!) { hireApplicant(applicationId: $id) { status nip } }`;
    expect((await stack.gql(hire, { id: application.id }, token.hr)).errors?.[0]?.extensions?.['code']).toBe('CONFLICT');

    ok(
      await stack.gql(
        `mutation ($input: VerifyApplicationInput!) { verifyApplication(input: $input) { status } }`,
        { input: { applicationId: application.id, qualified: true } },
        token.committee,
      ),
      'verifyApplication',
    );
    const announce = (stage: string) =>
      stack.gql(
        `mutation ($input: AnnounceResultsInput!) { announceResults(input: $input) { stage } }`,
        { input: { selectionId: selection.id, stage } },
        token.hr,
      );
    ok(await announce('ADMINISTRATION'), 'announceResults');
    expect((await announce('SKD')).errors?.[0]?.extensions?.['code']).toBe('CONFLICT');
    await windowPasses(selection.id);

    const report = ok<{ imported: number }>(
      await stack.gql(
        `mutation ($input: ImportSkdScoresInput!) { importSkdScores(input: $input) { imported } }`,
        { input: { selectionId: selection.id, csv: `registration_number,twk,tiu,tkp\n${application.registrationNumber},100,120,180\n` } },
        token.committee,
      ),
      'importSkdScores',
    );
    expect(report.imported).toBe(1);
    ok(await announce('SKD'), 'announceResults');
    await windowPasses(selection.id);
    ok(
      await stack.gql(
        `mutation ($input: RecordTestScoresInput!) { recordTestScores(input: $input) { status } }`,
        { input: { applicationId: application.id, skbScore: 85 } },
        token.committee,
      ),
      'recordTestScores',
    );
    ok(await announce('FINAL'), 'announceResults');

    const results = await stack.gql(
      `query ($id: ID!) { selectionResults(vacancyId: $id) { stages { stage entries { nodes { registrationNumber name outcome skdTotal finalScore } } } } }`,
      { id: vacancy.id },
    );
    const published = ok<{ stages: { stage: string; entries: { nodes: { name: string; outcome: string; skdTotal: number; finalScore: number | null }[] } }[] }>(
      results,
      'selectionResults',
    );
    expect(published.stages.map((s) => [s.stage, s.entries.nodes[0]?.outcome])).toEqual([
      ['ADMINISTRATION', 'QUALIFIED'],
      ['SKD', 'SKB'],
      ['FINAL', 'SELECTED'],
    ]);
    // 40 % of 400/550 + 60 % of 85/100, as announcements print it; the name as announced, no NIK.
    expect(published.stages[2]?.entries.nodes[0]).toEqual({
      registrationNumber: application.registrationNumber,
      name: 'SITI RAHMAWATI',
      outcome: 'SELECTED',
      skdTotal: 400,
      finalScore: 80.09,
    });
    expect(JSON.stringify(results)).not.toContain(nik);

    await windowPasses(selection.id);
    const hired = ok<{ status: string; nip: string }>(await stack.gql(hire, { id: application.id }, token.hr), 'hireApplicant');
    expect(hired.status).toBe('HIRED');
    expect(hired.nip).toMatch(new RegExp(`^${new Date().getFullYear() - 25}0705\\d{6}2001$`));

    await waitFor(
      async () => (await stack.identity.service.prisma.employee.count({ where: { nip: hired.nip } })) === 1,
      60_000,
      'the CPNS employee in identity',
    );
    const employee = await stack.identity.service.prisma.employee.findFirstOrThrow({ where: { nip: hired.nip } });
    expect(employee).toMatchObject({ employmentType: 'CPNS', orgUnitId, positionId: position.id, agencyId, hiredFromApplicationId: application.id });
    await waitFor(
      async () => (await stack.development.service.prisma.trainingAssignment.count({ where: { employeeId: employee.id, reason: 'LATSAR_CPNS' } })) === 1,
      60_000,
      'Latsar CPNS assigned in development',
    );
  }, 240_000);
});
