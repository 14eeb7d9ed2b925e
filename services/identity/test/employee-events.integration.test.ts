import { randomUUID } from 'node:crypto';

import { createEnvelope, type EventEnvelope } from '@kinerja/events';
import { createLogger } from '@kinerja/logger';

import { graphql, login } from '../../../test/support/graphql-client';
import { createEmployeeWhenApplicantHired, IDENTITY_CONSUMER } from '../src/application/create-employee-when-applicant-hired.handler';
import { PrismaEmployeeRepository } from '../src/infrastructure/prisma-employee.repository';
import { PrismaOrganisationRepository } from '../src/infrastructure/prisma-organisation.repository';
import { type IdentityHarness, startIdentityOnPostgres } from './identity-harness';

// What identity publishes and consumes about employees, on a real PostgreSQL without a broker: the
// outbox rows of its own changes, and its handler of hires called the way the consumer calls it.
describe('identity employee events', () => {
  let identity: IdentityHarness;
  let agencyId: string;

  beforeAll(async () => {
    identity = await startIdentityOnPostgres('events');
    agencyId = (await identity.service.prisma.agency.findUniqueOrThrow({ where: { code: 'KOTA-TANJUNGPINANG' } })).id;
  });
  afterAll(() => identity?.stop());

  const outboxOf = async (type: string, key: string) => {
    const rows = await identity.service.prisma.outboxEvent.findMany({ where: { type, key } });
    expect(rows).toHaveLength(1);
    return rows[0]!.envelope as unknown as EventEnvelope;
  };

  describe('create-employee-when-applicant-hired', () => {
    let handle: ReturnType<typeof createEmployeeWhenApplicantHired>;
    let unitId: string;
    let positionId: string;
    let head: { id: string };

    beforeAll(async () => {
      const prisma = identity.service.prisma;
      handle = createEmployeeWhenApplicantHired({
        organisation: new PrismaOrganisationRepository(prisma),
        employees: new PrismaEmployeeRepository(prisma, identity.service.database.sql),
        ids: { newId: () => randomUUID() },
        clock: { now: () => new Date() },
        logger: createLogger({ name: 'identity', level: 'silent' }),
      });
      const unit = await prisma.orgUnit.findFirstOrThrow({ where: { agencyId, code: 'DINKES' } });
      const headPosition = await prisma.position.findFirstOrThrow({ where: { orgUnitId: unit.id, title: 'Kepala Dinas Kesehatan' } });
      head = await prisma.employee.findFirstOrThrow({ where: { positionId: headPosition.id } });
      unitId = unit.id;
      positionId = randomUUID();
      await prisma.position.create({
        data: { id: positionId, agencyId, orgUnitId: unit.id, title: 'Epidemiolog Ahli Pertama', supervisorPositionId: headPosition.id },
      });
    });

    const hired = (applicationId: string): EventEnvelope<'recruitment.applicant.hired'> =>
      createEnvelope({
        id: randomUUID(),
        type: 'recruitment.applicant.hired',
        agencyId,
        producer: 'recruitment',
        payload: {
          applicationId,
          applicantId: randomUUID(),
          vacancyId: randomUUID(),
          agencyId,
          orgUnitId: unitId,
          positionId,
          name: 'Rahmat Hidayat',
          nip: '199902142024031001',
          email: null,
          employmentType: 'CPNS',
        },
      });

    const writes = async () => {
      const prisma = identity.service.prisma;
      return { employees: await prisma.employee.count(), outbox: await prisma.outboxEvent.count(), audit: await prisma.auditLog.count() };
    };
    let first: EventEnvelope<'recruitment.applicant.hired'>;

    it('creates the CPNS employee in the unit and position of the hire', async () => {
      first = hired(randomUUID());
      await handle(first);
      const employee = await identity.service.prisma.employee.findUniqueOrThrow({ where: { nip: '199902142024031001' } });
      expect(employee).toMatchObject({ agencyId, orgUnitId: unitId, positionId, employmentType: 'CPNS', hiredFromApplicationId: first.payload.applicationId });
      expect((await outboxOf('identity.employee.registered', employee.id)).payload).toMatchObject({ positionId, supervisorEmployeeId: head.id });
    });

    it('does nothing, without an error, when the same event is delivered again', async () => {
      const before = await writes();
      await expect(handle(first)).resolves.toBeUndefined();
      expect(await writes()).toEqual(before);
    });

    it('hires nobody twice for a second event of the same application', async () => {
      const before = await writes();
      const republished = { ...hired(first.payload.applicationId), payload: first.payload };
      expect(republished.id).not.toBe(first.id);
      await expect(handle(republished)).resolves.toBeUndefined();
      expect(await writes()).toEqual(before);
      expect(await identity.service.prisma.employee.count({ where: { hiredFromApplicationId: first.payload.applicationId } })).toBe(1);
      // Recorded as handled all the same, so that the consumer never looks at it again.
      expect(await identity.service.prisma.processedEvent.count({ where: { consumer: IDENTITY_CONSUMER, eventId: republished.id } })).toBe(1);
    });
  });

  describe('published on a change of an employee', () => {
    let hrToken: string;
    beforeAll(async () => {
      hrToken = await login(identity.url, { email: 'hr.tanjungpinang@kinerja.demo' });
    });

    it('publishes identity.employee.transferred with the new unit, position and supervisor', async () => {
      const prisma = identity.service.prisma;
      const staff = await prisma.position.findFirstOrThrow({ where: { agencyId, title: 'Pengawas Sekolah' } });
      const employee = await prisma.employee.findFirstOrThrow({ where: { positionId: staff.id } });
      const target = await prisma.orgUnit.findFirstOrThrow({ where: { agencyId, code: 'DUKCAPIL' } });
      const targetHead = await prisma.position.findFirstOrThrow({ where: { orgUnitId: target.id, title: 'Kepala Dinas Kependudukan dan Pencatatan Sipil' } });
      const supervisor = await prisma.employee.findFirstOrThrow({ where: { positionId: targetHead.id } });
      const newPosition = randomUUID();
      await prisma.position.create({
        data: { id: newPosition, agencyId, orgUnitId: target.id, title: 'Analis Kependudukan', supervisorPositionId: targetHead.id },
      });
      const result = await graphql(
        identity.url,
        `
          mutation ($input: TransferEmployeeInput!) {
            transferEmployee(input: $input) {
              id
            }
          }
        `,
        { input: { employeeId: employee.id, orgUnitId: target.id, positionId: newPosition } },
        hrToken,
      );
      expect(result.errors).toBeUndefined();
      const envelope = await outboxOf('identity.employee.transferred', employee.id);
      expect(envelope).toMatchObject({ type: 'identity.employee.transferred', agencyId, producer: 'identity' });
      expect(envelope.payload).toEqual({
        employeeId: employee.id,
        nip: employee.nip,
        name: employee.name,
        agencyId,
        orgUnitId: target.id,
        positionId: newPosition,
        supervisorEmployeeId: supervisor.id,
        employmentType: employee.employmentType,
        previousOrgUnitId: employee.orgUnitId,
        previousPositionId: staff.id,
      });
    });

    it('publishes identity.employee.left with the time and the position given up, not the reason', async () => {
      const prisma = identity.service.prisma;
      const staff = await prisma.position.findFirstOrThrow({ where: { agencyId, title: 'Analis Kinerja' } });
      const employee = await prisma.employee.findFirstOrThrow({ where: { positionId: staff.id } });
      const started = Date.now();
      const result = await graphql(
        identity.url,
        `
          mutation ($input: RecordEmployeeLeftInput!) {
            recordEmployeeLeft(input: $input) {
              id
            }
          }
        `,
        { input: { employeeId: employee.id, reason: 'Pensiun' } },
        hrToken,
      );
      expect(result.errors).toBeUndefined();
      const envelope = await outboxOf('identity.employee.left', employee.id);
      expect(envelope).toMatchObject({ type: 'identity.employee.left', agencyId, producer: 'identity' });
      const { leftAt, ...payload } = envelope.payload as { leftAt: string };
      expect(payload).toEqual({
        employeeId: employee.id,
        nip: employee.nip,
        name: employee.name,
        agencyId,
        orgUnitId: employee.orgUnitId,
        // Leaving vacates the position, so the snapshot has neither a position nor a supervisor.
        positionId: null,
        supervisorEmployeeId: null,
        employmentType: employee.employmentType,
        // Why they left is not on the wire (free text); identity keeps it.
        // ...but names the one given up, so that consumers can free it.
        previousPositionId: staff.id,
      });
      expect(Date.parse(leftAt)).toBeGreaterThanOrEqual(started - 1000);
    });
  });
});
