import { randomUUID } from 'node:crypto';

import type { Viewer } from '@kinerja/auth';

import { data, errorOf, recruitmentForTests } from './support/harness';
import * as Q from './support/operations';
import { inDays, nikOf, openVacancy, registeredApplicant, windowPasses } from './support/selection.fixture';
import { applicantAccount, employeeOf, hrOf } from './support/viewers';

// The bad input of the issue, each answered with its code and field, storing nothing.
describe('a selection from application to hire (subgraph)', () => {
  const harness = recruitmentForTests('recruitment_flow');
  const agency = randomUUID();
  const hr = hrOf(agency);
  const as = harness.as;

  const vacancy = (quota: number, registration: [number, number]) => openVacancy(harness, hr, { title: 'Perawat', quota, registration });
  const applicant = (nik: string, name: string) => registeredApplicant(harness, { nik, name });

  it('refuses a bad NIK naming the part, a second application in the selection, and applying after registration closed', async () => {
    const badNik = await as(applicantAccount())(Q.REGISTER, { input: { nik: '3273023208950001', name: 'A', email: 'a@example.id' } });
    expect(errorOf(badNik)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.nik.birthDate' });

    const open = await vacancy(1, [-1, 5]);
    const siti = await applicant(nikOf(5, 7, 2000, true, 1), 'Siti');
    const first = data<{ id: string }>(await as(siti)(Q.APPLY, { input: { vacancyId: open.vacancyId, idempotencyKey: 'key-00000001' } }), 'applyToVacancy');
    const retries = await Promise.all([1, 2, 3].map(() => as(siti)(Q.APPLY, { input: { vacancyId: open.vacancyId, idempotencyKey: 'key-00000001' } })));
    expect(retries.map((r) => data<{ id: string }>(r, 'applyToVacancy').id)).toEqual([first.id, first.id, first.id]);
    expect(errorOf(await as(siti)(Q.APPLY, { input: { vacancyId: open.vacancyId, idempotencyKey: 'key-00000002' } }))).toMatchObject({
      code: 'CONFLICT',
      field: 'input.vacancyId',
    });
    expect(await harness.prisma.application.count({ where: { selectionId: open.selectionId } })).toBe(1);

    const closed = await vacancy(1, [-10, -1]);
    expect(errorOf(await as(siti)(Q.APPLY, { input: { vacancyId: closed.vacancyId, idempotencyKey: 'key-00000003' } }))).toMatchObject({ code: 'CONFLICT' });

    // Only the applicant and the agency's staff see the status.
    expect(data<{ status: string }>(await as(siti)(Q.APPLICATION, { id: first.id }), 'application').status).toBe('SUBMITTED');
    expect(errorOf(await as(employeeOf(agency))(Q.APPLICATION, { id: first.id }))).toMatchObject({ code: 'NOT_FOUND' });
    expect(errorOf(await as(applicantAccount())(Q.APPLICATION, { id: first.id }))).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('ranks SKD with the tie rules, cuts at 3x, imports all or nothing, keeps the objection window, and hires only the selected', async () => {
    const { vacancyId, selectionId } = await vacancy(1, [-1, 5]);
    const people = [
      ['Ani', nikOf(1, 1, 1995, true, 11), [100, 120, 180]],
      ['Budi', nikOf(2, 2, 1996, false, 12), [100, 115, 185]],
      ['Cici', nikOf(3, 3, 1997, true, 13), [100, 115, 185]],
      ['Dodi', nikOf(4, 4, 1990, false, 14), [100, 120, 170]],
      ['Euis', nikOf(5, 5, 1999, true, 15), [60, 120, 180]],
    ] as const;
    const applied: { viewer: Viewer; id: string; number: string; scores: readonly number[] }[] = [];
    for (const [name, nik, scores] of people) {
      const viewer = await applicant(nik, name);
      const application = data<{ id: string; registrationNumber: string }>(
        await as(viewer)(Q.APPLY, { input: { vacancyId, idempotencyKey: `k-${randomUUID()}` } }),
        'applyToVacancy',
      );
      applied.push({ viewer, id: application.id, number: application.registrationNumber, scores });
      data(await as(hr)(Q.VERIFY, { input: { applicationId: application.id, qualified: true } }), 'verifyApplication');
    }
    const announce = (stage: string) => as(hr)(Q.ANNOUNCE, { input: { selectionId, stage } });
    expect(errorOf(await announce('SKD'))).toMatchObject({ code: 'CONFLICT', field: 'input.stage' });
    data(await announce('ADMINISTRATION'), 'announceResults');
    expect(errorOf(await announce('SKD'))).toMatchObject({ code: 'CONFLICT', field: 'input.stage' });

    // An objection inside the window blocks the next stage until answered.
    const objection = data<{ id: string }>(
      await as(applied[0]!.viewer)(Q.OBJECT, {
        input: { applicationId: applied[0]!.id, stage: 'ADMINISTRATION', reason: 'Saya ingin memastikan berkas saya lengkap.' },
      }),
      'fileObjection',
    );
    await windowPasses(harness.prisma, selectionId, 3);
    expect(
      errorOf(
        await as(applied[1]!.viewer)(Q.OBJECT, { input: { applicationId: applied[1]!.id, stage: 'ADMINISTRATION', reason: 'Terlambat mengajukan sanggah.' } }),
      ),
    ).toMatchObject({ code: 'CONFLICT' });
    expect(errorOf(await announce('SKD'))).toMatchObject({ code: 'CONFLICT' });
    data(
      await as(hr)(Q.ANSWER, { input: { objectionId: objection.id, accepted: false, response: 'Berkas sudah lengkap dan dinyatakan MS.' } }),
      'answerObjection',
    );

    const rows = applied.map((a) => `${a.number},${a.scores.join(',')}`);
    const bad = await as(hr)(Q.IMPORT, {
      input: { selectionId, csv: ['registration_number,twk,tiu,tkp', ...rows, 'NOBODY-1,100,100,200', `${applied[0]!.number}x,67,100,200`].join('\n') },
    });
    expect(errorOf(bad)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.csv.row7.registration_number' });
    expect((errorOf(bad)?.['problems'] as { field: string }[]).map((p) => p.field)).toEqual(['input.csv.row7.registration_number', 'input.csv.row8.twk']);
    expect(await harness.prisma.application.count({ where: { selectionId, twk: { not: null } } })).toBe(0);
    expect(
      data<{ imported: number }>(
        await as(hr)(Q.IMPORT, { input: { selectionId, csv: ['registration_number,twk,tiu,tkp', ...rows].join('\n') } }),
        'importSkdScores',
      ).imported,
    ).toBe(5);
    // One summary audit row on the selection names every imported application with its scores (and the outbox relays it).
    const [imported] = await harness.prisma.auditLog.findMany({ where: { entityId: selectionId, action: 'application.skd-imported' } });
    expect(imported).toMatchObject({ entityType: 'Selection', before: { overwritten: [] } });
    const importedAfter = imported!.after as { registrationNumbers: string[]; twk: number[]; tiu: number[]; tkp: number[] };
    expect(importedAfter.registrationNumbers.map((number, i) => `${number},${importedAfter.twk[i]},${importedAfter.tiu[i]},${importedAfter.tkp[i]}`)).toEqual(
      rows,
    );
    expect(await harness.prisma.outboxEvent.count({ where: { type: 'recruitment.audit.recorded', key: `Selection:${selectionId}` } })).toBeGreaterThan(0);

    data(await announce('SKD'), 'announceResults');
    const results = data<{ stages: { stage: string; entries: { nodes: { registrationNumber: string; outcome: string; rank: number | null }[] } }[] }>(
      await as(null)(Q.RESULTS, { id: vacancyId }),
      'selectionResults',
    );
    const skd = results.stages.find((s) => s.stage === 'SKD')!.entries.nodes;
    // Totals: Ani 400, Budi 400, Cici 400, Dodi 390; Euis is below the TWK mark. Budi and Cici beat Ani on TKP; Budi is older.
    const numberOf = (i: number) => applied[i]!.number;
    expect(skd.map((e) => [e.registrationNumber, e.rank, e.outcome])).toEqual([
      [numberOf(1), 1, 'SKB'],
      [numberOf(2), 2, 'SKB'],
      [numberOf(0), 3, 'SKB'],
      [numberOf(3), 4, 'OUTSIDE_SKB_CUT'],
      [numberOf(4), null, 'BELOW_PASS_MARK'],
    ]);
    expect(JSON.stringify(results)).not.toMatch(/3273\d{12}|19\d\d-\d\d-\d\d/);

    await windowPasses(harness.prisma, selectionId, 3);
    expect(errorOf(await as(hr)(Q.SCORES, { input: { applicationId: applied[3]!.id, skbScore: 90 } }))).toMatchObject({ code: 'CONFLICT' });
    expect(errorOf(await as(hr)(Q.SCORES, { input: { applicationId: applied[1]!.id, skbScore: 101 } }))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.skbScore',
    });
    for (const [i, skb] of [
      [1, 70],
      [2, 90],
      [0, 80],
    ] as const)
      data(await as(hr)(Q.SCORES, { input: { applicationId: applied[i]!.id, skbScore: skb } }), 'recordTestScores');
    expect(errorOf(await as(hr)(Q.INTERVIEW, { input: { applicationId: applied[2]!.id, at: inDays(1), link: 'http://meet.example/x' } }))).toMatchObject({
      field: 'input.link',
    });
    data(await as(hr)(Q.INTERVIEW, { input: { applicationId: applied[2]!.id, at: inDays(1), link: 'https://meet.example.id/skb-1' } }), 'scheduleInterview');
    data(await as(hr)(Q.INTERVIEW_SCORE, { input: { applicationId: applied[2]!.id, score: 88 } }), 'recordInterviewScore');
    data(await announce('FINAL'), 'announceResults');
    expect(data<{ status: string; finalRank: number }>(await as(hr)(Q.APPLICATION, { id: applied[2]!.id }), 'application')).toMatchObject({
      status: 'SELECTED',
      finalRank: 1,
    });

    expect(errorOf(await as(hr)(Q.HIRE, { id: applied[2]!.id }))).toMatchObject({ code: 'CONFLICT' }); // the window is open
    await windowPasses(harness.prisma, selectionId, 3);
    expect(errorOf(await as(hr)(Q.HIRE, { id: applied[1]!.id }))).toMatchObject({ code: 'CONFLICT' }); // not selected
    const hired = data<{ status: string; nip: string }>(await as(hr)(Q.HIRE, { id: applied[2]!.id }), 'hireApplicant');
    expect(hired.nip).toMatch(/^19970303\d{6}2001$/);
    const outbox = await harness.prisma.outboxEvent.findMany({ where: { type: 'recruitment.applicant.hired' } });
    expect(outbox.map((row) => (row.envelope as { payload: { applicationId: string; nip: string } }).payload)).toContainEqual(
      expect.objectContaining({ applicationId: applied[2]!.id, nip: hired.nip, name: 'Cici' }),
    );
    expect(errorOf(await as(hr)(Q.HIRE, { id: applied[2]!.id }))).toMatchObject({ code: 'CONFLICT' });
  });
});
