import { type AuditContext, auditRow, isUniqueViolation } from '@kinerja/database';
import { ConflictError } from '@kinerja/errors';

import type { Application } from '../domain/application';
import type { ApplicationRepository, PendingEvent } from '../domain/repositories';
import type { Announcement, Objection, Stage } from '../domain/stage';
import type { Contender } from '../domain/stage-outcome';
import { applicationData, toApplication, toObjection } from './mappers';
import { outboxData } from './outbox';
import type { RecruitmentPrisma, RecruitmentTransaction } from './prisma-client';

type Change = { before: Application; after: Application };

const changedMeanwhile = (application: Application) =>
  new ConflictError(`Application ${application.registrationNumber} changed meanwhile; read it again`, { field: 'input.applicationId' });

/** Writes each change only over the row as it was read (same `updatedAt`), with its audit row. */
async function saveChanges(tx: RecruitmentTransaction, changes: readonly Change[], action: string, audit: AuditContext): Promise<void> {
  for (const { before, after } of changes) {
    const { id: _id, ...data } = applicationData(after);
    const { count } = await tx.application.updateMany({ where: { id: before.id, updatedAt: before.updatedAt }, data });
    if (count === 0) throw changedMeanwhile(before);
  }
  if (changes.length === 0) return;
  await tx.auditLog.createMany({
    data: changes.map(({ before, after }) =>
      auditRow(audit, { agencyId: after.agencyId, action, entityType: 'Application', entityId: after.id, before, after }),
    ),
  });
}

export class PrismaApplicationRepository implements ApplicationRepository {
  constructor(
    private readonly prisma: RecruitmentPrisma,
    private readonly afterOutboxCommit: () => void = () => undefined,
  ) {}

  async byIds(ids: readonly string[]): Promise<Application[]> {
    return (await this.prisma.application.findMany({ where: { id: { in: [...ids] } } })).map(toApplication);
  }

  async ofApplicant(applicantId: string): Promise<Application[]> {
    return (await this.prisma.application.findMany({ where: { applicantId }, orderBy: { submittedAt: 'desc' } })).map(toApplication);
  }

  async ofApplicantInSelection(applicantId: string, selectionId: string): Promise<Application | null> {
    const row = await this.prisma.application.findUnique({ where: { applicantId_selectionId: { applicantId, selectionId } } });
    return row ? toApplication(row) : null;
  }

  async ofVacancy(vacancyId: string): Promise<Application[]> {
    return (await this.prisma.application.findMany({ where: { vacancyId }, orderBy: { registrationNumber: 'asc' } })).map(toApplication);
  }

  async contenders(selectionId: string): Promise<Contender[]> {
    const rows = await this.prisma.application.findMany({ where: { selectionId }, include: { applicant: { select: { birthDate: true } } } });
    return rows.map(({ applicant, ...row }) => ({ application: toApplication(row), birthDate: applicant.birthDate }));
  }

  async submit(application: Omit<Application, 'registrationNumber'>, selectionCode: string, audit: AuditContext): Promise<Application | null> {
    try {
      return await this.prisma.$transaction(async (tx) => {
        // The increment locks the selection's row until commit: numbers are handed out once, in order.
        const { lastSequence } = await tx.selection.update({
          where: { id: application.selectionId },
          data: { lastSequence: { increment: 1 } },
          select: { lastSequence: true },
        });
        const created: Application = { ...application, registrationNumber: `${selectionCode}-${String(lastSequence).padStart(6, '0')}` };
        await tx.application.create({ data: applicationData(created) });
        await tx.auditLog.create({
          data: auditRow(audit, {
            agencyId: created.agencyId,
            action: 'application.submitted',
            entityType: 'Application',
            entityId: created.id,
            before: null,
            after: created,
          }),
        });
        return created;
      });
    } catch (error) {
      // Another submit of the same applicant in this selection committed first.
      if (isUniqueViolation(error)) return null;
      throw error;
    }
  }

  async save(changes: readonly Change[], action: string, audit: AuditContext): Promise<void> {
    await this.prisma.$transaction((tx) => saveChanges(tx, changes, action, audit), { timeout: 60_000 });
  }

  async announce(announcement: Announcement, changes: readonly Change[], audit: AuditContext): Promise<void> {
    try {
      await this.prisma.$transaction(
        async (tx) => {
          await tx.announcement.create({ data: announcement });
          await saveChanges(tx, changes, `application.${announcement.stage.toLowerCase()}-announced`, audit);
          await tx.auditLog.create({
            data: auditRow(audit, {
              agencyId: announcement.agencyId,
              action: 'results.announced',
              entityType: 'Announcement',
              entityId: announcement.id,
              before: null,
              after: announcement,
            }),
          });
        },
        { timeout: 60_000 },
      );
    } catch (error) {
      if (isUniqueViolation(error)) throw new ConflictError(`The ${announcement.stage} results are announced already`, { field: 'input.stage' });
      throw error;
    }
  }

  async objectionsOf(selectionId: string, stage: Stage): Promise<Objection[]> {
    return (await this.prisma.objection.findMany({ where: { selectionId, stage }, orderBy: { filedAt: 'asc' } })).map(toObjection);
  }

  async objectionById(id: string): Promise<Objection | null> {
    const row = await this.prisma.objection.findUnique({ where: { id } });
    return row ? toObjection(row) : null;
  }

  async fileObjection(objection: Objection, audit: AuditContext): Promise<void> {
    try {
      await this.prisma.$transaction([
        this.prisma.objection.create({ data: objection }),
        this.prisma.auditLog.create({
          data: auditRow(audit, {
            agencyId: objection.agencyId,
            action: 'objection.filed',
            entityType: 'Objection',
            entityId: objection.id,
            before: null,
            after: objection,
          }),
        }),
      ]);
    } catch (error) {
      if (isUniqueViolation(error))
        throw new ConflictError(`This application has an objection to the ${objection.stage} results already`, { field: 'input.stage' });
      throw error;
    }
  }

  async answerObjection(before: Objection, after: Objection, change: Change | null, audit: AuditContext): Promise<void> {
    await this.prisma.$transaction(async (tx) => {
      const { count } = await tx.objection.updateMany({
        where: { id: before.id, status: 'OPEN' },
        data: { status: after.status, response: after.response, answeredAt: after.answeredAt },
      });
      if (count === 0) throw new ConflictError('The objection was answered meanwhile', { field: 'input.objectionId' });
      await tx.auditLog.create({
        data: auditRow(audit, { agencyId: after.agencyId, action: 'objection.answered', entityType: 'Objection', entityId: after.id, before, after }),
      });
      if (change) await saveChanges(tx, [change], 'application.objection-accepted', audit);
    });
  }

  async hire(
    application: Application,
    hiredAt: Date,
    nip: { prefix: string; choose(taken: readonly string[]): string },
    eventOf: (hired: Application) => PendingEvent,
    audit: AuditContext,
  ): Promise<Application> {
    const hired = await this.prisma.$transaction(async (tx) => {
      // Two hires of the same birth date, month and sex must not pick the same sequence.
      await tx.$executeRawUnsafe('SELECT pg_advisory_xact_lock(hashtext($1))', `nip:${nip.prefix}`);
      const taken = await tx.application.findMany({ where: { nip: { startsWith: nip.prefix } }, select: { nip: true } });
      const after: Application = { ...application, status: 'HIRED', nip: nip.choose(taken.map((row) => row.nip as string)), updatedAt: hiredAt };
      await saveChanges(tx, [{ before: application, after }], 'application.hired', audit);
      await tx.outboxEvent.createMany({ data: outboxData([eventOf(after)]) });
      return after;
    });
    this.afterOutboxCommit();
    return hired;
  }
}
