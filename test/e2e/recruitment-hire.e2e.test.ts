import { hireThroughTheGraph } from '../support/recruitment-hire.scenario';
import { type FederatedStack, startFederatedStack } from './federated-stack';

/**
 * Rule 6 end to end through the gateway over real Kafka (the scenario is shared with the embedded
 * `npm start`: test/e2e/embedded-recruitment-hire.e2e.test.ts): formation → vacancy → trained
 * committee → application with its document → verification → SKD import → SKB → masked published
 * results → hire; identity holds the CPNS employee and development has assigned Latsar CPNS.
 */
describe('recruitment: from formation to a hired CPNS with Latsar assigned', () => {
  let stack: FederatedStack;

  beforeAll(async () => {
    stack = await startFederatedStack('e2e_rec');
  }, 180_000);

  afterAll(async () => {
    await stack?.stop();
  });

  it('hires the selected applicant into the formation and identity and development follow', async () => {
    const recruitment = stack.services['recruitment']!.service.prisma as unknown as {
      $executeRawUnsafe(sql: string, ...values: unknown[]): Promise<number>;
    };
    const hired = await hireThroughTheGraph({
      url: stack.url,
      // The 3-day objection window passes: the announcements move three days into the past.
      windowPasses: async (selectionId) => {
        await recruitment.$executeRawUnsafe(
          `UPDATE announcement SET announced_at = announced_at - interval '3 days', objection_closes_at = objection_closes_at - interval '3 days' WHERE selection_id = $1::uuid`,
          selectionId,
        );
      },
      // identity's snapshots: recruitment and development learn the agency's employees.
      beforeAppointing: async () => {
        await stack.backfill();
      },
    });
    const employee = await stack.identity.service.prisma.employee.findFirstOrThrow({ where: { nip: hired.nip } });
    expect(employee).toMatchObject({
      employmentType: 'CPNS',
      orgUnitId: hired.orgUnitId,
      positionId: hired.positionId,
      agencyId: hired.agencyId,
      hiredFromApplicationId: hired.applicationId,
    });
    expect(await stack.development.service.prisma.trainingAssignment.count({ where: { employeeId: employee.id, reason: 'LATSAR_CPNS' } })).toBe(1);
  }, 240_000);
});
