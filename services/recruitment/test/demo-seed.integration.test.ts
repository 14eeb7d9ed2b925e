import { randomUUID } from 'node:crypto';

import { loadConfig } from '@kinerja/config';
import { createEnvelope } from '@kinerja/events';
import { createLogger } from '@kinerja/logger';
import { type EventHandler, InProcessTransport } from '@kinerja/messaging';
import { startService } from '@kinerja/service-kit';

import { graphql } from '../../../test/support/graphql-client';
import { createTestDatabase, type TestDatabase } from '../../../test/support/postgres';
import { startTestTokens, type TestTokens } from '../../../test/support/tokens';
import { recruitmentModule, type RecruitmentService } from '../src/recruitment.module';
import { demoSelectionCode } from '../src/seed/seed-demo-selections';
import * as Q from './support';

// The demo seed: per agency recruitment learnt from identity's events, a finished selection with
// published administrative and SKD results, and an open vacancy the demo applicant can apply to.
describe('the recruitment demo seed', () => {
  let database: TestDatabase;
  let tokens: TestTokens;
  let service: RecruitmentService;
  const transport = new InProcessTransport();
  const logger = createLogger({ name: 'recruitment', level: 'silent' });
  const agencies = [randomUUID(), randomUUID()];

  beforeAll(async () => {
    database = await createTestDatabase('recruitment_seed');
    tokens = await startTestTokens();
    const config = loadConfig(recruitmentModule.envSchema, {
      DATABASE_URL: database.url,
      PORT: '0',
      NODE_ENV: 'test',
      JWKS_URL: tokens.jwksUrl,
      SEED_WAIT_MS: '500',
      SEED_DEMO_DATA: 'auto',
    });
    service = await startService(recruitmentModule, config, logger, { transport });
  });

  afterAll(async () => {
    await service?.stop();
    await transport.close();
    await tokens?.close();
    await database?.drop();
  });

  it('skips with a note while no agency is known, then seeds each agency once', async () => {
    expect(await recruitmentModule.seed?.(service, logger)).toEqual({ summary: { agencies: 0, selectionsAdded: 0 } });

    for (const agencyId of agencies) {
      await (service.wiring.handlers['identity.employee.snapshot'] as EventHandler)(
        createEnvelope({
          id: randomUUID(),
          type: 'identity.employee.snapshot',
          agencyId,
          producer: 'identity',
          payload: {
            employeeId: randomUUID(),
            agencyId,
            orgUnitId: randomUUID(),
            positionId: null,
            name: 'Pegawai Demo',
            nip: '198501012010011001',
            employmentType: 'PNS',
            supervisorEmployeeId: null,
            status: 'ACTIVE',
          },
        }),
      );
    }
    expect(await recruitmentModule.seed?.(service, logger)).toEqual({ summary: { agencies: 2, selectionsAdded: 4 } });
    expect(await recruitmentModule.seed?.(service, logger)).toEqual({ summary: { agencies: 2, selectionsAdded: 0 } });

    const year = new Date().getUTCFullYear();
    for (const agencyId of agencies) {
      const finished = await service.prisma.selection.findUniqueOrThrow({
        where: { agencyId_code: { agencyId, code: demoSelectionCode(year - 1, agencyId) } },
        include: { announcements: true },
      });
      expect(finished.announcements.map((a) => a.stage).sort()).toEqual(['ADMINISTRATION', 'FINAL', 'SKD']);
      const statuses = (await service.prisma.application.findMany({ where: { selectionId: finished.id } })).map((a) => a.status).sort();
      expect(statuses).toEqual(['BELOW_PASS_MARK', 'HIRED', 'NOT_QUALIFIED', 'NOT_SELECTED']);
    }

    // The published results are public and masked; the open vacancy takes the demo applicant.
    const [agencyId] = agencies as [string];
    const open = await service.prisma.vacancy.findFirstOrThrow({ where: { agencyId, selection: { code: demoSelectionCode(year, agencyId) } } });
    const finishedVacancy = await service.prisma.vacancy.findFirstOrThrow({ where: { agencyId, selection: { code: demoSelectionCode(year - 1, agencyId) } } });
    const results = (await graphql(service.subgraph.graphqlUrl, Q.RESULTS, { id: finishedVacancy.id })) as {
      data: { selectionResults: { stages: { stage: string; entries: { nodes: unknown[] } }[] } };
    };
    expect(results.data.selectionResults.stages.map((s) => [s.stage, s.entries.nodes.length])).toEqual([
      ['ADMINISTRATION', 4],
      ['SKD', 3],
      ['FINAL', 2],
    ]);
    const pelamar = Q.applicantAccount();
    const as = (query: string, variables: Record<string, unknown>) => graphql(service.subgraph.graphqlUrl, query, variables, tokens.tokenFor(pelamar));
    await as(Q.REGISTER, { input: { nik: Q.nikOf(17, 8, 2000, false, 4321), name: 'Pelamar Demo', email: 'pelamar@kinerja.demo' } });
    const applied = (await as(Q.APPLY, { input: { vacancyId: open.id, idempotencyKey: 'demo-apply-1' } })) as { data: { applyToVacancy: { status: string } } };
    expect(applied.data.applyToVacancy.status).toBe('SUBMITTED');
  });
});
