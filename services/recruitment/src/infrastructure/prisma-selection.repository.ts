import type { AuditContext } from '@kinerja/database';
import { ConflictError } from '@kinerja/errors';

import type { SelectionRepository, VacancyRepository } from '../domain/repositories';
import type { Selection } from '../domain/selection';
import type { Announcement } from '../domain/stage';
import type { Vacancy } from '../domain/vacancy';
import { createAudited } from './audited';
import { selectionData, toAnnouncement, toSelection, toVacancy } from './mappers';
import type { RecruitmentPrisma } from './prisma-client';

export class PrismaSelectionRepository implements SelectionRepository {
  constructor(private readonly prisma: RecruitmentPrisma) {}

  async byIds(ids: readonly string[]): Promise<Selection[]> {
    return (await this.prisma.selection.findMany({ where: { id: { in: [...ids] } } })).map(toSelection);
  }

  async create(selection: Selection, audit: AuditContext): Promise<void> {
    await createAudited(
      this.prisma,
      this.prisma.selection.create({ data: selectionData(selection) }),
      { agencyId: selection.agencyId, action: 'selection.created', entityType: 'Selection', entityId: selection.id, after: selection },
      audit,
      () => new ConflictError(`The agency has a selection ${selection.code} already`, { field: 'input.code' }),
    );
  }

  async announcements(selectionId: string): Promise<Announcement[]> {
    return (await this.prisma.announcement.findMany({ where: { selectionId }, orderBy: { announcedAt: 'asc' } })).map(toAnnouncement);
  }
}

export class PrismaVacancyRepository implements VacancyRepository {
  constructor(private readonly prisma: RecruitmentPrisma) {}

  async byIds(ids: readonly string[]): Promise<Vacancy[]> {
    return (await this.prisma.vacancy.findMany({ where: { id: { in: [...ids] } } })).map(toVacancy);
  }

  async ofSelection(selectionId: string): Promise<Vacancy[]> {
    return (await this.prisma.vacancy.findMany({ where: { selectionId }, orderBy: { publishedAt: 'asc' } })).map(toVacancy);
  }

  async publish(vacancy: Vacancy, audit: AuditContext): Promise<void> {
    await createAudited(
      this.prisma,
      this.prisma.vacancy.create({ data: vacancy }),
      { agencyId: vacancy.agencyId, action: 'vacancy.published', entityType: 'Vacancy', entityId: vacancy.id, after: vacancy },
      audit,
      () => new ConflictError('The formation has a vacancy already', { field: 'input.formationId' }),
    );
  }

  async page({ agencyId, after, first }: { agencyId: string | null; after: { publishedAt: Date; id: string } | null; first: number }): Promise<Vacancy[]> {
    const rows = await this.prisma.vacancy.findMany({
      where: {
        ...(agencyId ? { agencyId } : {}),
        ...(after ? { OR: [{ publishedAt: { lt: after.publishedAt } }, { publishedAt: after.publishedAt, id: { lt: after.id } }] } : {}),
      },
      orderBy: [{ publishedAt: 'desc' }, { id: 'desc' }],
      take: first,
    });
    return rows.map(toVacancy);
  }
}
