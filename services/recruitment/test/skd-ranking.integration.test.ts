import { randomUUID } from 'node:crypto';

import { DEFAULT_PASS_MARKS } from '../src/domain/skd.rule';
import { skdResults } from '../src/domain/stage-outcome';
import { PrismaApplicationRepository } from '../src/infrastructure/prisma-application.repository';
import { data, errorOf, recruitmentForTests, type Response } from './support/harness';
import * as Q from './support/operations';
import { approvedFormation, openSelection, publishedVacancy, windowPasses } from './support/selection.fixture';
import { hrOf } from './support/viewers';

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
  const harness = recruitmentForTests('recruitment_skd_ranking');
  const agency = randomUUID();
  const hr = hrOf(agency);
  const as = harness.as;
  const PAGE = `query ($id: ID!, $first: Int!, $after: String) {
    selectionResults(vacancyId: $id) { stages { stage entries(first: $first, after: $after) { nodes { registrationNumber rank outcome } hasNextPage endCursor } } }
  }`;

  async function selectionWithVacancies(quotas: number[]): Promise<{ selectionId: string; code: string; vacancies: { id: string; quota: number }[] }> {
    const selection = await openSelection(harness, hr, [-5, 5]);
    const vacancies = [];
    for (const quota of quotas) {
      const formationId = await approvedFormation(harness, hr, { positionTitle: 'Analis Kebijakan', need: quota, currentHolders: 0, quota });
      vacancies.push({ id: await publishedVacancy(harness, hr, { formationId, selectionId: selection.id, title: 'Analis' }), quota });
    }
    return { selectionId: selection.id, code: selection.code, vacancies };
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
      await harness.prisma.$executeRawUnsafe(
        `INSERT INTO applicant (id, user_id, nik, name, email, birth_date, sex, region_code, created_at)
         VALUES ($1::uuid, $2, $3, $4, $5, $6, 'MALE', '327302', now())`,
        applicantId,
        randomUUID(),
        `3273${String(i).padStart(12, '0')}`,
        `Pelamar ${i}`,
        `p${i}@example.id`,
        pick(['1990-01-01', '1990-01-02', '1994-06-30']),
      );
      await harness.prisma.$executeRawUnsafe(
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
    await windowPasses(harness.prisma, selectionId);

    const repository = new PrismaApplicationRepository(harness.prisma);
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
    const stored = await harness.prisma.application.findMany({ where: { selectionId }, select: { id: true, status: true, skdRank: true } });
    const actual = new Map(stored.filter((row) => row.status !== 'NOT_QUALIFIED').map((row) => [row.id, [row.status, row.skdRank]]));
    expect(actual).toEqual(expected);
    // Audited as summary rows on the selection, each with its applications' before and after (column arrays).
    const summaries = await harness.prisma.auditLog.findMany({ where: { action: 'application.skd-announced', entityId: selectionId } });
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
