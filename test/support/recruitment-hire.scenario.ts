import { graphql, type GraphQLResponse, login } from './graphql-client';

const DAY = 86_400_000;
const inDays = (days: number) => new Date(Date.now() + days * DAY).toISOString();

export interface HireWorld {
  /** The gateway's GraphQL endpoint. */
  url: string;
  /** The 3-day objection windows of the selection's announcements pass (the test moves them into the past). */
  windowPasses(selectionId: string): Promise<void>;
  /** Before the committee is appointed: what the world needs for recruitment to learn the agency's employees. */
  beforeAppointing?(): Promise<void>;
}

export interface HiredOutcome {
  applicationId: string;
  nip: string;
  employeeId: string;
  orgUnitId: string;
  positionId: string;
  agencyId: string;
}

function ok<T>(response: GraphQLResponse, field: string): T {
  if (response.errors) throw new Error(`${field}: ${JSON.stringify(response.errors)}`);
  return (response.data as Record<string, T>)[field] as T;
}

/** Retries `probe` until it answers something (events between the services arrive a moment after the request that caused them). */
async function eventually<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(300 * 1024, 0x20)]);

/**
 * Rule 6 end to end through the gateway, the same whether the services run as processes over Kafka
 * or embedded in `npm start`: a formation from the needs analysis, a vacancy, a trained committee,
 * an application with its document, verification, the test centre's SKD export (thousands of lines,
 * past the gateway's 64 KiB operation limit), SKB, masked published results, the hire; then identity
 * holds the CPNS employee in the formation's unit and position and development has assigned Latsar
 * CPNS, read back through the graph. Nobody re-types anything.
 */
export async function hireThroughTheGraph(world: HireWorld): Promise<HiredOutcome> {
  const gql = (query: string, variables: Record<string, unknown> = {}, token?: string) => graphql(world.url, query, variables, token);
  const [hr, committee, admin, applicant] = await Promise.all(
    ['hr.kotalama@kinerja.demo', 'panitia.kotalama@kinerja.demo', 'admin@kinerja.demo', 'pelamar@kinerja.demo'].map((email) => login(world.url, { email })),
  );
  const me = ok<{ agency: { id: string }; orgUnit: { id: string } }>(await gql('{ me { agency { id } orgUnit { id } } }', {}, hr), 'me');
  const agencyId = me.agency.id;
  const orgUnitId = me.orgUnit.id;
  const position = ok<{ id: string }>(
    await gql(
      `mutation ($input: CreatePositionInput!) { createPosition(input: $input) { id } }`,
      { input: { orgUnitId, title: 'Pranata Komputer Ahli Pertama' } },
      hr,
    ),
    'createPosition',
  );
  const formation = ok<{ id: string }>(
    await gql(
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
          justification: 'Analisis beban kerja: layanan data butuh dua pranata komputer.',
        },
      },
      hr,
    ),
    'proposeFormation',
  );
  const approved = ok<{ status: string }>(
    await gql(`mutation ($input: ReviewFormationInput!) { approveFormation(input: $input) { status } }`, { input: { formationId: formation.id } }, admin),
    'approveFormation',
  );
  if (approved.status !== 'APPROVED') throw new Error(`formation ${approved.status}`);
  const selection = ok<{ id: string }>(
    await gql(
      `mutation ($input: CreateSelectionInput!) { createSelection(input: $input) { id } }`,
      {
        input: {
          agencyId,
          code: `CPNS-${Math.random().toString(36).slice(2, 8).toUpperCase()}`,
          name: 'Seleksi CPNS Kota Kotalama',
          year: 2027,
          registrationOpensAt: inDays(-1),
          registrationClosesAt: inDays(14),
        },
      },
      hr,
    ),
    'createSelection',
  );
  const vacancy = ok<{ id: string }>(
    await gql(
      `mutation ($input: PublishVacancyInput!) { publishVacancy(input: $input) { id } }`,
      {
        input: {
          formationId: formation.id,
          selectionId: selection.id,
          title: 'Pranata Komputer Ahli Pertama',
          education: 'S1 Informatika',
          minAge: 18,
          maxAge: 35,
          documents: ['Ijazah'],
        },
      },
      hr,
    ),
    'publishVacancy',
  );

  // The committee: HR appoints the panitia once recruitment knows them (identity's events), who
  // completes development's PANITIA-SELEKSI programme; recruitment learns it from development's event.
  const panitiaId = ok<{ id: string }>(await gql('{ me { id } }', {}, committee), 'me').id;
  await world.beforeAppointing?.();
  await eventually('recruitment to know the panitia', async () =>
    ok(
      await gql(
        `mutation ($input: AppointCommitteeMemberInput!) { appointCommitteeMember(input: $input) { employeeId } }`,
        { input: { selectionId: selection.id, employeeId: panitiaId } },
        hr,
      ),
      'appointCommitteeMember',
    ),
  );
  const programme = ok<{ id: string; code: string }[]>(await gql('{ trainingPrograms { id code } }', {}, hr), 'trainingPrograms').find(
    (p) => p.code === 'PANITIA-SELEKSI',
  );
  if (!programme) throw new Error('the PANITIA-SELEKSI programme is not in the catalogue');
  const assignment = await eventually('development to know the panitia', async () =>
    ok<{ id: string }>(
      await gql(
        `mutation ($input: AssignTrainingInput!) { assignTraining(input: $input) { id } }`,
        { input: { employeeId: panitiaId, programId: programme.id } },
        hr,
      ),
      'assignTraining',
    ),
  );
  ok(await gql(`mutation ($id: ID!) { startTraining(assignmentId: $id) { id } }`, { id: assignment.id }, hr), 'startTraining');
  ok(
    await gql(
      `mutation ($input: RecordTrainingCompletionInput!) { recordTrainingCompletion(input: $input) { id } }`,
      { input: { assignmentId: assignment.id, result: 'PASSED', completedOn: new Date().toISOString().slice(0, 10) } },
      hr,
    ),
    'recordTrainingCompletion',
  );
  await eventually('the committee training in recruitment', async () =>
    ok<{ employeeId: string; trained: boolean }[]>(
      await gql(`query ($id: ID!) { selectionCommittee(selectionId: $id) { employeeId trained } }`, { id: selection.id }, hr),
      'selectionCommittee',
    ).some((m) => m.employeeId === panitiaId && m.trained)
      ? true
      : undefined,
  );

  const listed = ok<{ nodes: { id: string }[] }>(
    await gql(`query ($a: ID) { publicVacancies(agencyId: $a, first: 50) { nodes { id } } }`, { a: agencyId }),
    'publicVacancies',
  );
  if (!listed.nodes.some((v) => v.id === vacancy.id)) throw new Error('the vacancy is not public');

  // The applicant: a woman born 5 July, 25 years ago; one application however often the submit is retried.
  const birthYear = new Date().getFullYear() - 25;
  const nik = `3273024507${String(birthYear).slice(2)}0042`;
  ok(
    await gql(
      `mutation ($input: RegisterApplicantInput!) { registerApplicant(input: $input) { id } }`,
      { input: { nik, name: 'Siti  Rahmawati', email: 'siti@example.id' } },
      applicant,
    ),
    'registerApplicant',
  );
  const apply = () =>
    gql(
      `mutation ($input: ApplyToVacancyInput!) { applyToVacancy(input: $input) { id registrationNumber status } }`,
      { input: { vacancyId: vacancy.id, idempotencyKey: `submit-${selection.id}` } },
      applicant,
    );
  const application = ok<{ id: string; registrationNumber: string }>(await apply(), 'applyToVacancy');
  if (ok<{ id: string }>(await apply(), 'applyToVacancy').id !== application.id) throw new Error('a retried submit made a second application');
  // Its document, past the gateway's small body limit: read as a PDF from its bytes.
  const document = ok<{ contentType: string }>(
    await gql(
      `mutation ($input: UploadApplicationDocumentInput!) { uploadApplicationDocument(input: $input) { contentType } }`,
      { input: { applicationId: application.id, documentType: 'Ijazah', fileName: 'ijazah', contentBase64: pdf.toString('base64') } },
      applicant,
    ),
    'uploadApplicationDocument',
  );
  if (document.contentType !== 'application/pdf') throw new Error(`document typed ${document.contentType}`);

  const hire = `mutation ($id: ID!) { hireApplicant(applicationId: $id) { status nip } }`;
  if ((await gql(hire, { id: application.id }, hr)).errors?.[0]?.extensions?.['code'] !== 'CONFLICT') throw new Error('hired someone not selected');

  ok(
    await gql(
      `mutation ($input: VerifyApplicationInput!) { verifyApplication(input: $input) { status } }`,
      { input: { applicationId: application.id, qualified: true } },
      committee,
    ),
    'verifyApplication',
  );
  const announce = (stage: string) =>
    gql(`mutation ($input: AnnounceResultsInput!) { announceResults(input: $input) { stage } }`, { input: { selectionId: selection.id, stage } }, hr);
  ok(await announce('ADMINISTRATION'), 'announceResults');
  if ((await announce('SKD')).errors?.[0]?.extensions?.['code'] !== 'CONFLICT') throw new Error('announced within the objection window');
  await world.windowPasses(selection.id);

  // The test centre's export of the whole session: this applicant and 3,000 other participants
  // (of other selections) the committee chooses to skip. About 130 KiB, twice the operation limit.
  const others = Array.from({ length: 3000 }, (_, i) => `LAIN-${String(i + 1).padStart(6, '0')},100,120,180`);
  const csv = ['registration_number,twk,tiu,tkp', `${application.registrationNumber},100,120,180`, ...others].join('\n');
  const report = ok<{ imported: number; rejected: { row: number }[] }>(
    await gql(
      `mutation ($input: ImportSkdScoresInput!) { importSkdScores(input: $input) { imported rejected { row } } }`,
      { input: { selectionId: selection.id, csv, skipRejectedRows: true } },
      committee,
    ),
    'importSkdScores',
  );
  if (report.imported !== 1 || report.rejected.length !== 3000)
    throw new Error(`import ${JSON.stringify({ imported: report.imported, rejected: report.rejected.length })}`);
  ok(await announce('SKD'), 'announceResults');
  await world.windowPasses(selection.id);
  ok(
    await gql(
      `mutation ($input: RecordTestScoresInput!) { recordTestScores(input: $input) { status } }`,
      { input: { applicationId: application.id, skbScore: 85 } },
      committee,
    ),
    'recordTestScores',
  );
  ok(await announce('FINAL'), 'announceResults');

  const results = await gql(
    `query ($id: ID!) { selectionResults(vacancyId: $id) { stages { stage entries { nodes { registrationNumber name outcome skdTotal finalScore } } } } }`,
    { id: vacancy.id },
  );
  const published = ok<{
    stages: {
      stage: string;
      entries: { nodes: { registrationNumber: string; name: string; outcome: string; skdTotal: number | null; finalScore: number | null }[] };
    }[];
  }>(results, 'selectionResults');
  const outcomes = published.stages.map((s) => `${s.stage}:${s.entries.nodes[0]?.outcome}`).join(' ');
  if (outcomes !== 'ADMINISTRATION:QUALIFIED SKD:SKB FINAL:SELECTED') throw new Error(`published ${outcomes}`);
  // 40 % of 400/550 + 60 % of 85/100, as announcements print it; the name as announced, never the NIK.
  const final = published.stages[2]?.entries.nodes[0];
  const expected = { registrationNumber: application.registrationNumber, name: 'SITI RAHMAWATI', outcome: 'SELECTED', skdTotal: 400, finalScore: 80.09 };
  if (JSON.stringify(final) !== JSON.stringify(expected)) throw new Error(`final line ${JSON.stringify(final)}`);
  if (JSON.stringify(results).includes(nik)) throw new Error('the NIK was published');

  await world.windowPasses(selection.id);
  const hired = ok<{ status: string; nip: string }>(await gql(hire, { id: application.id }, hr), 'hireApplicant');
  if (hired.status !== 'HIRED' || !new RegExp(`^${birthYear}0705\\d{6}2001$`).test(hired.nip)) throw new Error(`hired ${JSON.stringify(hired)}`);

  // identity creates the CPNS employee; development assigns Latsar CPNS: read back through the gateway.
  const employee = await eventually('the CPNS employee with Latsar CPNS assigned', async () => {
    const found = await gql(
      `query ($nip: String!) { employeeByNip(nip: $nip) { id employmentType agency { id } orgUnit { id } position { id } trainingAssignments { reason } } }`,
      { nip: hired.nip },
      hr,
    );
    const value = found.data?.['employeeByNip'] as
      | {
          id: string;
          employmentType: string;
          agency: { id: string };
          orgUnit: { id: string };
          position: { id: string } | null;
          trainingAssignments: { reason: string }[] | null;
        }
      | undefined;
    return value?.trainingAssignments?.some((t) => t.reason === 'LATSAR_CPNS') ? value : undefined;
  });
  if (employee.employmentType !== 'CPNS') throw new Error(`employee ${JSON.stringify(employee)}`);
  return {
    applicationId: application.id,
    nip: hired.nip,
    employeeId: employee.id,
    agencyId: employee.agency.id,
    orgUnitId: employee.orgUnit.id,
    positionId: employee.position?.id ?? '',
  };
}
