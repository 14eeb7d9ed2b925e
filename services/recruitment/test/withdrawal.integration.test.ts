import { randomUUID } from 'node:crypto';

import { data, errorOf, recruitmentForTests } from './support/harness';
import * as Q from './support/operations';
import { applicantsOf, nikOf, openVacancy, windowPasses } from './support/selection.fixture';
import { employeeOf, hrOf } from './support/viewers';

const WITHDRAW = `mutation ($input: WithdrawApplicationInput!) { withdrawApplication(input: $input) { id status withdrawnAt } }`;
const FINAL_PAGE = `query ($id: ID!) { selectionResults(vacancyId: $id) { stages { stage entries { nodes { registrationNumber outcome rank } } } } }`;

// Rule 6's last step: a place left by someone who withdraws goes to the next ranked applicant of the formation.
describe('withdrawing an application (subgraph)', () => {
  const harness = recruitmentForTests('recruitment_withdrawal');
  const agency = randomUUID();
  const hr = hrOf(agency);
  const as = harness.as;

  it('passes a selected place on by rank, refuses a second withdrawal, another’s application and a hired one, and keeps the results truthful', async () => {
    const { vacancyId, selectionId } = await openVacancy(harness, hr);
    // Four applicants: three reach the final results (best first), one withdraws before verification.
    const applicants = await applicantsOf(
      harness,
      vacancyId,
      [0, 1, 2, 3].map((i) => ({ nik: nikOf(10 + i, 4, 1997, false, 1000 + i), name: `Pelamar ${i}` })),
    );
    const [first, second, third, early] = applicants as [(typeof applicants)[0], (typeof applicants)[0], (typeof applicants)[0], (typeof applicants)[0]];

    // Before verification: withdrawn, and the administrative announcement no longer waits for it.
    expect(
      data<{ status: string }>(
        await as(early.viewer)(WITHDRAW, { input: { applicationId: early.id, reason: 'Diterima kerja di tempat lain' } }),
        'withdrawApplication',
      ),
    ).toMatchObject({
      status: 'WITHDRAWN',
    });
    for (const a of [first, second, third]) data(await as(hr)(Q.VERIFY, { input: { applicationId: a.id, qualified: true } }), 'verifyApplication');
    data(await as(hr)(Q.ANNOUNCE, { input: { selectionId, stage: 'ADMINISTRATION' } }), 'announceResults');
    await windowPasses(harness.prisma, selectionId);
    const skd = [
      [first, { twk: 100, tiu: 120, tkp: 180 }],
      [second, { twk: 95, tiu: 115, tkp: 175 }],
      [third, { twk: 90, tiu: 110, tkp: 170 }],
    ] as const;
    for (const [a, scores] of skd) data(await as(hr)(Q.SCORES, { input: { applicationId: a.id, skd: scores } }), 'recordTestScores');
    data(await as(hr)(Q.ANNOUNCE, { input: { selectionId, stage: 'SKD' } }), 'announceResults');
    await windowPasses(harness.prisma, selectionId);
    for (const a of [first, second, third]) data(await as(hr)(Q.SCORES, { input: { applicationId: a.id, skbScore: 80 } }), 'recordTestScores');
    data(await as(hr)(Q.ANNOUNCE, { input: { selectionId, stage: 'FINAL' } }), 'announceResults');
    const statusOf = async (id: string) => data<{ status: string }>(await as(hr)(Q.APPLICATION, { id }), 'application').status;
    expect([await statusOf(first.id), await statusOf(second.id), await statusOf(third.id)]).toEqual(['SELECTED', 'NOT_SELECTED', 'NOT_SELECTED']);

    // Another applicant's application: as if it did not exist; the committee-less employee the same.
    expect(errorOf(await as(second.viewer)(WITHDRAW, { input: { applicationId: first.id } }))).toMatchObject({
      code: 'NOT_FOUND',
      field: 'input.applicationId',
    });
    expect(errorOf(await as(employeeOf(agency))(WITHDRAW, { input: { applicationId: first.id } }))).toMatchObject({ code: 'NOT_FOUND' });
    expect(errorOf(await as(first.viewer)(WITHDRAW, { input: { applicationId: first.id, reason: 'x'.repeat(1001) } }))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.reason',
    });

    // The selected applicant withdraws: the next ranked (second) is selected, in the same transaction as the event.
    const withdrawn = data<{ status: string; withdrawnAt: string }>(
      await as(first.viewer)(WITHDRAW, { input: { applicationId: first.id, reason: 'Melanjutkan studi' } }),
      'withdrawApplication',
    );
    expect(withdrawn.status).toBe('WITHDRAWN');
    expect(withdrawn.withdrawnAt).not.toBeNull();
    expect([await statusOf(first.id), await statusOf(second.id), await statusOf(third.id)]).toEqual(['WITHDRAWN', 'SELECTED', 'NOT_SELECTED']);
    expect(errorOf(await as(first.viewer)(WITHDRAW, { input: { applicationId: first.id } }))).toMatchObject({ code: 'CONFLICT', field: 'input.applicationId' });
    const events = await harness.prisma.outboxEvent.findMany({ where: { type: 'recruitment.application.withdrawn' }, orderBy: { seq: 'asc' } });
    expect(events.map((e) => (e.envelope as { payload: Record<string, unknown> }).payload)).toEqual([
      expect.objectContaining({ applicationId: early.id, withdrawnFrom: 'SUBMITTED', promotedApplicationId: null }),
      expect.objectContaining({ applicationId: first.id, withdrawnFrom: 'SELECTED', promotedApplicationId: second.id }),
    ]);
    expect(await harness.prisma.auditLog.count({ where: { entityId: first.id, action: 'application.withdrawn' } })).toBe(1);
    expect(await harness.prisma.auditLog.count({ where: { entityId: second.id, action: 'application.promoted-after-withdrawal' } })).toBe(1);

    // HR records the second one's withdrawal (a letter): the place moves on once more.
    data(await as(hr)(WITHDRAW, { input: { applicationId: second.id, reason: 'Surat pengunduran diri' } }), 'withdrawApplication');
    expect([await statusOf(second.id), await statusOf(third.id)]).toEqual(['WITHDRAWN', 'SELECTED']);

    // The published results still list what everyone reached, the withdrawn marked; the early one never reached a stage.
    const stages = data<{ stages: { stage: string; entries: { nodes: { registrationNumber: string; outcome: string; rank: number | null }[] } }[] }>(
      await as(null)(FINAL_PAGE, { id: vacancyId }),
      'selectionResults',
    ).stages;
    expect(stages.find((s) => s.stage === 'FINAL')!.entries.nodes.map((e) => [e.registrationNumber, e.outcome, e.rank])).toEqual([
      [first.registrationNumber, 'WITHDRAWN', 1],
      [second.registrationNumber, 'WITHDRAWN', 2],
      [third.registrationNumber, 'SELECTED', 3],
    ]);
    expect(stages.find((s) => s.stage === 'ADMINISTRATION')!.entries.nodes.map((e) => e.registrationNumber)).toEqual([
      first.registrationNumber,
      second.registrationNumber,
      third.registrationNumber,
    ]);

    // Hired: no withdrawal any more.
    await windowPasses(harness.prisma, selectionId);
    expect(data<{ status: string }>(await as(hr)(Q.HIRE, { id: third.id }), 'hireApplicant').status).toBe('HIRED');
    expect(errorOf(await as(third.viewer)(WITHDRAW, { input: { applicationId: third.id } }))).toMatchObject({ code: 'CONFLICT', field: 'input.applicationId' });
  });
});
