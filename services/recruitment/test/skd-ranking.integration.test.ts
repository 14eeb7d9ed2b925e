import { randomUUID } from 'node:crypto';

import type { Viewer } from '@kinerja/auth';
import { loadConfig } from '@kinerja/config';
import { createLogger } from '@kinerja/logger';
import { InProcessTransport } from '@kinerja/messaging';
import { startService } from '@kinerja/service-kit';

import { graphql } from '../../../test/support/graphql-client';
import { createTestDatabase, type TestDatabase } from '../../../test/support/postgres';
import { startTestTokens, type TestTokens } from '../../../test/support/tokens';
import { DEFAULT_PASS_MARKS } from '../src/domain/skd.rule';
import { skdResults } from '../src/domain/stage-outcome';
import { PrismaApplicationRepository } from '../src/infrastructure/prisma-application.repository';
import { recruitmentModule, type RecruitmentService } from '../src/recruitment.module';
import * as Q from './support';

type Response = { data?: Record<string, unknown> | null; errors?: { extensions?: Record<string, unknown> }[] };
type Entry = { registrationNumber: string; rank: number | null; outcome: string };
type EntryPage = { nodes: Entry[]; hasNextPage: boolean; endCursor: string | null };

/** mulberry32: the same applicants on every run. */
function prng(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

// The SKD announcement ranks in SQL (window functions); it must agree with the table-tested rule
// (skdResults: pass marks, the tie chain, the 3× cut) row for row, ties and absentees included.
// The published results are then read a keyset page at a time.
describe('SKD ranking in the database and paged results', () => {
  let database: TestDatabase;
  let tokens: TestTokens;
  let service: RecruitmentService;
  const transport = new InProcessTransport();
  const agency = randomUUID();
  const hr = Q.hrOf(agency);
  const as = (viewer: Viewer | null) => async (query: string, variables: Record<string, unknown>) =>
    (await graphql(service.subgraph.graphqlUrl, query, variables, viewer ? tokens.tokenFor(viewer) : undefined)) as Response;
  const data = <T>(response: Response, field: string): T => {
    if (response.errors) throw new Error(JSON.stringify(response.errors));
    return response.data?.[field] as T;
  };
  const errorOf = (response: Response) => response.errors?.[0]?.extensions;
  const PAGE = `query ($id: ID!, $first: Int!, $after: String) {
    selectionResults(vacancyId: $id) { stages { stage entries(first: $first, after: $after) { nodes { registrationNumber rank outcome } hasNextPage endCursor } } }
  }`;

  beforeAll(async () => {
    database = await createTestDatabase('recruitment_skd_ranking');
    tokens = await startTestTokens();
    const config = loadConfig(recruitmentModule.envSchema, { DATABASE_URL: database.url, PORT: '0', NODE_ENV: 'test', JWKS_URL: tokens.jwksUrl });
    service = await startService(recruitmentModule, config, createLogger({ name: 'recruitment', level: 'silent' }), { transport });
  });

  afterAll(async () => {
    await service?.stop();
    await transport.close();
    await tokens?.close();
    await database?.drop();
  });

  async function selectionWithVacancies(quotas: number[]): Promise<{ selectionId: string; code: string; vacancies: { id: string; quota: number }[] }> {
    const code = `R-${randomUUID().slice(0, 6).toUpperCase()}`;
    const selection = data<{ id: string }>(
      await as(hr)(Q.CREATE_SELECTION, {
        input: { agencyId: agency, code, name: 'CPNS 2027', year: 2027, registrationOpensAt: Q.inDays(-5), registrationClosesAt: Q.inDays(5) },
      }),
      'createSelection',
    );
    const vacancies = [];
    for (const quota of quotas) {
      const formation = data<{ id: string }>(
        await as(hr)(Q.PROPOSE, {
          input: {
            agencyId: agency,
            orgUnitId: randomUUID(),
            positionTitle: 'Analis Kebijakan',
            need: quota,
            currentHolders: 0,
            quota,
            justification: 'Analisis beban kerja.',
          },
        }),
        'proposeFormation',
      );
      data(await as(Q.provinceAdmin())(Q.APPROVE, { input: { formationId: formation.id } }), 'approveFormation');
      const vacancy = data<{ id: string }>(
        await as(hr)(Q.PUBLISH, {
          input: { formationId: formation.id, selectionId: selection.id, title: 'Analis', education: 'S1', minAge: 18, maxAge: 40, documents: [] },
        }),
        'publishVacancy',
      );
      vacancies.push({ id: vacancy.id, quota });
    }
    return { selectionId: selection.id, code, vacancies };
  }

  it('ranks every formation as skdResults does: pass marks, total, TKP, TIU, TWK, the older applicant, the number; 3× the quota to SKB', async () => {
    const { selectionId, code, vacancies } = await selectionWithVacancies([2, 5]);
    const random = prng(20_271_207);
    const pick = <T>(values: readonly T[]) => values[Math.floor(random() * values.length)] as T;
    // Few distinct scores and birth dates: many full ties, so every rule of the chain is exercised.
    const numbers = new Set<string>();
    for (let i = 0; i < 240; i++) {
      let number = '';
      do number = `${code}-${String(Math.floor(random() * 999_999)).padStart(6, '0')}`;
      while (numbers.has(number));
      numbers.add(number);
      const absent = random() < 0.08;
      const applicantId = randomUUID();
      await service.prisma.$executeRawUnsafe(
        `INSERT INTO applicant (id, user_id, nik, name, email, birth_date, sex, region_code, created_at)
         VALUES ($1::uuid, $2, $3, $4, $5, $6, 'MALE', '327302', now())`,
        applicantId,
        randomUUID(),
        `3273${String(i).padStart(12, '0')}`,
        `Pelamar ${i}`,
        `p${i}@example.id`,
        pick(['1990-01-01', '1990-01-02', '1994-06-30']),
      );
      await service.prisma.$executeRawUnsafe(
        `INSERT INTO application (id, agency_id, selection_id, vacancy_id, applicant_id, registration_number, idempotency_key, status, twk, tiu, tkp, submitted_at, updated_at)
         VALUES ($1::uuid, $2::uuid, $3::uuid, $4::uuid, $5::uuid, $6, $7, $8, $9, $10, $11, now(), now())`,
        randomUUID(),
        agency,
        selectionId,
        pick(vacancies).id,
        applicantId,
        number,
        `key-${i}-ranking`,
        random() < 0.05 ? 'NOT_QUALIFIED' : 'QUALIFIED',
        absent ? null : pick([60, 65, 70]),
        absent ? null : pick([75, 80, 85]),
        absent ? null : pick([160, 166, 170, 171]),
      );
    }
    data(await as(hr)(Q.ANNOUNCE, { input: { selectionId, stage: 'ADMINISTRATION' } }), 'announceResults');
    await service.prisma.$executeRawUnsafe(
      `UPDATE announcement SET announced_at = announced_at - interval '4 days', objection_closes_at = objection_closes_at - interval '4 days' WHERE selection_id = $1::uuid`,
      selectionId,
    );

    const repository = new PrismaApplicationRepository(service.prisma);
    const contenders = await repository.contenders(selectionId);
    const now = new Date();
    const expected = new Map(
      vacancies
        .flatMap((vacancy) =>
          skdResults(
            contenders.filter((c) => c.application.vacancyId === vacancy.id),
            vacancy.quota,
            DEFAULT_PASS_MARKS,
            now,
          ),
        )
        .map((a) => [a.id, [a.status, a.skdRank]]),
    );
    expect([...expected.values()].filter(([status]) => status === 'SKB')).toHaveLength(21);

    data(await as(hr)(Q.ANNOUNCE, { input: { selectionId, stage: 'SKD' } }), 'announceResults');
    const stored = await service.prisma.application.findMany({ where: { selectionId }, select: { id: true, status: true, skdRank: true } });
    const actual = new Map(stored.filter((row) => row.status !== 'NOT_QUALIFIED').map((row) => [row.id, [row.status, row.skdRank]]));
    expect(actual).toEqual(expected);
    // Audited as summary rows on the selection, each with its applications' before and after (column arrays).
    const summaries = await service.prisma.auditLog.findMany({ where: { action: 'application.skd-announced', entityId: selectionId } });
    expect(summaries.every((row) => row.entityType === 'Selection')).toBe(true);
    type Summary = { registrationNumbers: string[]; status: string[] | string; skdRank: (number | null)[] };
    const idOf = new Map(contenders.map((c) => [c.application.registrationNumber, c.application.id]));
    const audited = summaries.flatMap((row) => {
      const after = row.after as Summary;
      return after.registrationNumbers.map((number, i) => [idOf.get(number), [after.status[i], after.skdRank[i]]] as const);
    });
    expect(new Map(audited)).toEqual(expected);
    expect(summaries.every((row) => (row.before as Summary).status === 'QUALIFIED')).toBe(true);

    // The published SKD results of a vacancy, a page of 7 at a time, are the one big page, in order.
    const vacancyId = vacancies[1]!.id;
    const skdOf = (response: Response) =>
      data<{ stages: { stage: string; entries: EntryPage }[] }>(response, 'selectionResults').stages.find((s) => s.stage === 'SKD')!.entries;
    const whole = skdOf(await as(null)(PAGE, { id: vacancyId, first: 500, after: null }));
    expect(whole.hasNextPage).toBe(false);
    const ranked = whole.nodes.filter((e) => e.rank !== null);
    expect(ranked.map((e) => e.rank)).toEqual(ranked.map((_, i) => i + 1));
    const unranked = whole.nodes.slice(ranked.length);
    expect(unranked.length).toBeGreaterThan(0);
    expect(unranked.every((e) => e.rank === null && e.outcome === 'BELOW_PASS_MARK')).toBe(true);
    expect(unranked.map((e) => e.registrationNumber)).toEqual(unranked.map((e) => e.registrationNumber).sort());
    const walked: Entry[] = [];
    let after: string | null = null;
    let pages = 0;
    do {
      const page: EntryPage = skdOf(await as(null)(PAGE, { id: vacancyId, first: 7, after }));
      walked.push(...page.nodes);
      after = page.hasNextPage ? page.endCursor : null;
      pages += 1;
    } while (after !== null);
    expect(walked).toEqual(whole.nodes);
    expect(pages).toBe(Math.ceil(whole.nodes.length / 7));

    // The administrative stage pages by registration number.
    const admin = data<{ stages: { stage: string; entries: EntryPage }[] }>(await as(null)(PAGE, { id: vacancyId, first: 3, after: null }), 'selectionResults')
      .stages[0]!.entries;
    const second = data<{ stages: { stage: string; entries: EntryPage }[] }>(
      await as(null)(PAGE, { id: vacancyId, first: 3, after: admin.endCursor }),
      'selectionResults',
    ).stages[0]!.entries;
    const six = [...admin.nodes, ...second.nodes].map((e) => e.registrationNumber);
    expect(six).toEqual([...six].sort());
    expect(new Set(six).size).toBe(6);

    expect(errorOf(await as(null)(PAGE, { id: vacancyId, first: 0, after: null }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
    expect(errorOf(await as(null)(PAGE, { id: vacancyId, first: 5, after: 'not-a-cursor' }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });
});
