import { dateColumn } from '@kinerja/database';
import { type AuditContext, auditRow, isUniqueViolation, type SqlRunner } from '@kinerja/database';
import { ConflictError } from '@kinerja/errors';
import { isEntityId } from '@kinerja/kernel';

import { catalogueScopeOf, type Competency, PROVINCE_SCOPE } from '../domain/catalogue';
import type { CatalogueRepository } from '../domain/repositories';
import type { TrainingProgram, TrainingSession } from '../domain/training-program';
import type { CompetencyKind } from '../domain/vocabulary';
import { toCompetency, toProgramme, toSession } from './mappers';
import type { DevelopmentPrisma } from './prisma-client';
import { PROGRAMMES_BY_IDS, SEAT_STATUSES } from './sql';

export class PrismaCatalogueRepository implements CatalogueRepository {
  constructor(
    private readonly prisma: DevelopmentPrisma,
    /** The driver, for programmes by id (the team dashboard's assignments): prepared once, no ORM. */
    private readonly sql?: SqlRunner,
  ) {}

  async competencies(kind: CompetencyKind | null): Promise<Competency[]> {
    return (await this.prisma.competency.findMany({ where: kind ? { kind } : {}, orderBy: [{ kind: 'asc' }, { code: 'asc' }] })).map(toCompetency);
  }

  async competenciesByCodes(codes: readonly string[]): Promise<Competency[]> {
    return (await this.prisma.competency.findMany({ where: { code: { in: [...codes] } } })).map(toCompetency);
  }

  async programmesByIds(ids: readonly string[]): Promise<TrainingProgram[]> {
    if (this.sql) {
      const valid = ids.filter(isEntityId);
      return valid.length === 0 ? [] : this.sql.query<TrainingProgram>(PROGRAMMES_BY_IDS, [valid], { prepare: 'development_programmes_by_ids' });
    }
    return (await this.prisma.trainingProgram.findMany({ where: { id: { in: [...ids] } } })).map(toProgramme);
  }

  async programmes(agencyIds: readonly string[] | 'all'): Promise<TrainingProgram[]> {
    const where = agencyIds === 'all' ? {} : { scope: { in: [PROVINCE_SCOPE, ...agencyIds] } };
    return (await this.prisma.trainingProgram.findMany({ where, orderBy: [{ scope: 'asc' }, { code: 'asc' }] })).map(toProgramme);
  }

  async sessionsByIds(ids: readonly string[]): Promise<TrainingSession[]> {
    return (await this.prisma.trainingSession.findMany({ where: { id: { in: [...ids] } } })).map(toSession);
  }

  async sessionsOfProgrammes(programIds: readonly string[]): Promise<TrainingSession[]> {
    const rows = await this.prisma.trainingSession.findMany({ where: { programId: { in: [...programIds] } }, orderBy: [{ startDate: 'asc' }, { id: 'asc' }] });
    return rows.map(toSession);
  }

  async seatsTaken(sessionIds: readonly string[]): Promise<Map<string, number>> {
    const groups = await this.prisma.trainingAssignment.groupBy({
      by: ['sessionId'],
      where: { sessionId: { in: [...sessionIds] }, status: { in: [...SEAT_STATUSES] } },
      _count: { _all: true },
    });
    return new Map(groups.map((group) => [group.sessionId ?? '', group._count._all]));
  }

  async createProgramme(programme: TrainingProgram, audit: AuditContext): Promise<void> {
    try {
      await this.prisma.$transaction([
        this.prisma.trainingProgram.create({ data: { ...programme, scope: catalogueScopeOf(programme.agencyId) } }),
        this.prisma.auditLog.create({
          data: auditRow(audit, {
            action: 'training-program.created',
            entityType: 'TrainingProgram',
            entityId: programme.id,
            agencyId: programme.agencyId,
            before: null,
            after: programme,
          }),
        }),
      ]);
    } catch (error) {
      if (isUniqueViolation(error)) throw new ConflictError(`Programme code ${programme.code} is taken in this catalogue`, { field: 'input.code' });
      throw error;
    }
  }

  async createSession(session: TrainingSession, agencyId: string | null, audit: AuditContext): Promise<void> {
    await this.prisma.$transaction([
      this.prisma.trainingSession.create({
        data: { ...session, startDate: dateColumn(session.startDate), endDate: dateColumn(session.endDate) },
      }),
      this.prisma.auditLog.create({
        data: auditRow(audit, {
          action: 'training-session.created',
          entityType: 'TrainingSession',
          entityId: session.id,
          agencyId,
          before: null,
          after: session,
        }),
      }),
    ]);
  }
}
