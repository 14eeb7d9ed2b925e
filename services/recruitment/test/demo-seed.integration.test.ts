import { randomUUID } from 'node:crypto';

import { recruitmentModule } from '../src/recruitment.module';
import { demoSelectionCode } from '../src/seed/seed-demo-selections';
import { employeeSnapshot } from './support/events';
import { recruitmentForTests } from './support/harness';
import * as Q from './support/operations';
import { nikOf } from './support/selection.fixture';
import { applicantAccount } from './support/viewers';

// The demo seed: per agency recruitment learnt from identity's events, a finished selection with
// published administrative and SKD results, and an open vacancy the demo applicant can apply to.
describe('the recruitment demo seed', () => {
  const harness = recruitmentForTests('recruitment_seed', { SEED_WAIT_MS: '500', SEED_DEMO_DATA: 'auto' });
  const agencies = [randomUUID(), randomUUID()];

  it('skips with a note while no agency is known, then seeds each agency once', async () => {
    expect(await recruitmentModule.seed?.(harness.service, harness.logger)).toEqual({ summary: { agencies: 0, selectionsAdded: 0 } });

    for (const agencyId of agencies) {
      await harness.deliver(employeeSnapshot({ employeeId: randomUUID(), agencyId, name: 'Pegawai Demo', nip: '198501012010011001' }));
    }
    expect(await recruitmentModule.seed?.(harness.service, harness.logger)).toEqual({ summary: { agencies: 2, selectionsAdded: 4 } });
    expect(await recruitmentModule.seed?.(harness.service, harness.logger)).toEqual({ summary: { agencies: 2, selectionsAdded: 0 } });

    const year = new Date().getUTCFullYear();
    for (const agencyId of agencies) {
      const finished = await harness.prisma.selection.findUniqueOrThrow({
        where: { agencyId_code: { agencyId, code: demoSelectionCode(year - 1, agencyId) } },
        include: { announcements: true },
      });
      expect(finished.announcements.map((a) => a.stage).sort()).toEqual(['ADMINISTRATION', 'FINAL', 'SKD']);
      const statuses = (await harness.prisma.application.findMany({ where: { selectionId: finished.id } })).map((a) => a.status).sort();
      expect(statuses).toEqual(['BELOW_PASS_MARK', 'HIRED', 'NOT_QUALIFIED', 'NOT_SELECTED']);
    }

    // The published results are public and masked; the open vacancy takes the demo applicant.
    const [agencyId] = agencies as [string];
    const open = await harness.prisma.vacancy.findFirstOrThrow({ where: { agencyId, selection: { code: demoSelectionCode(year, agencyId) } } });
    const finishedVacancy = await harness.prisma.vacancy.findFirstOrThrow({ where: { agencyId, selection: { code: demoSelectionCode(year - 1, agencyId) } } });
    const results = (await harness.as(null)(Q.RESULTS, { id: finishedVacancy.id })) as {
      data: { selectionResults: { stages: { stage: string; entries: { nodes: unknown[] } }[] } };
    };
    expect(results.data.selectionResults.stages.map((s) => [s.stage, s.entries.nodes.length])).toEqual([
      ['ADMINISTRATION', 4],
      ['SKD', 3],
      ['FINAL', 2],
    ]);
    const as = harness.as(applicantAccount());
    await as(Q.REGISTER, { input: { nik: nikOf(17, 8, 2000, false, 4321), name: 'Pelamar Demo', email: 'pelamar@kinerja.demo' } });
    const applied = (await as(Q.APPLY, { input: { vacancyId: open.id, idempotencyKey: 'demo-apply-1' } })) as { data: { applyToVacancy: { status: string } } };
    expect(applied.data.applyToVacancy.status).toBe('SUBMITTED');
  });
});
