import { type AuditContext, auditRow, isUniqueViolation, type SqlRunner } from '@kinerja/database';
import { ConflictError } from '@kinerja/errors';

import type { Agency, OrgUnit, Position } from '../domain/organisation';
import type { OrganisationRepository } from '../domain/repositories';
import { ORG_UNITS_BY_IDS, POSITIONS_BY_IDS } from './employee-reads.sql';
import { toAgency, toOrgUnit, toPosition } from './mappers';
import type { IdentityPrisma } from './prisma-client';
import { isUuid, onlyUuids } from './uuid';

export class PrismaOrganisationRepository implements OrganisationRepository {
  constructor(
    private readonly prisma: IdentityPrisma,
    /** The driver, for the hot reads by id (no per-call query compilation). */
    private readonly sql?: SqlRunner,
  ) {}

  async listAgencies(agencyIds: readonly string[] | 'all'): Promise<Agency[]> {
    const where = agencyIds === 'all' ? {} : { id: { in: onlyUuids(agencyIds) } };
    return (await this.prisma.agency.findMany({ where, orderBy: [{ kind: 'asc' }, { name: 'asc' }] })).map(toAgency);
  }

  async agenciesByIds(ids: readonly string[]): Promise<Agency[]> {
    return (await this.prisma.agency.findMany({ where: { id: { in: onlyUuids(ids) } } })).map(toAgency);
  }

  async orgUnitsByIds(ids: readonly string[]): Promise<OrgUnit[]> {
    if (this.sql) return this.sql.query<OrgUnit>(ORG_UNITS_BY_IDS, [onlyUuids(ids)], { prepare: 'identity_org_units_by_ids' });
    return (await this.prisma.orgUnit.findMany({ where: { id: { in: onlyUuids(ids) } } })).map(toOrgUnit);
  }

  async orgUnitsByAgencies(agencyIds: readonly string[]): Promise<OrgUnit[]> {
    return (await this.prisma.orgUnit.findMany({ where: { agencyId: { in: onlyUuids(agencyIds) } }, orderBy: { code: 'asc' } })).map(toOrgUnit);
  }

  async childUnitsOf(parentIds: readonly string[]): Promise<OrgUnit[]> {
    return (await this.prisma.orgUnit.findMany({ where: { parentId: { in: onlyUuids(parentIds) } }, orderBy: { code: 'asc' } })).map(toOrgUnit);
  }

  async positionsByIds(ids: readonly string[]): Promise<Position[]> {
    if (this.sql) return this.sql.query<Position>(POSITIONS_BY_IDS, [onlyUuids(ids)], { prepare: 'identity_positions_by_ids' });
    return (await this.prisma.position.findMany({ where: { id: { in: onlyUuids(ids) } } })).map(toPosition);
  }

  async positionsByUnits(unitIds: readonly string[]): Promise<Position[]> {
    return (await this.prisma.position.findMany({ where: { orgUnitId: { in: onlyUuids(unitIds) } }, orderBy: { title: 'asc' } })).map(toPosition);
  }

  async chainAbove(positionId: string): Promise<string[]> {
    if (!isUuid(positionId)) return [];
    // One recursive query instead of a round trip per level; the depth bound stops a corrupt loop.
    const rows = await this.prisma.$queryRaw<{ id: string }[]>`
      WITH RECURSIVE chain(id, supervisor_position_id, depth) AS (
        SELECT id, supervisor_position_id, 0 FROM position WHERE id = ${positionId}::uuid
        UNION ALL
        SELECT p.id, p.supervisor_position_id, c.depth + 1 FROM position p JOIN chain c ON p.id = c.supervisor_position_id WHERE c.depth < 100
      )
      SELECT id::text AS id FROM chain ORDER BY depth`;
    return rows.map((row) => row.id);
  }

  async createAgency(agency: Agency, audit: AuditContext): Promise<void> {
    try {
      await this.prisma.$transaction([
        this.prisma.agency.create({ data: agency }),
        this.prisma.auditLog.create({
          data: auditRow(audit, { action: 'agency.created', entityType: 'Agency', entityId: agency.id, agencyId: agency.id, before: null, after: agency }),
        }),
      ]);
    } catch (error) {
      // The unique key decides, so two concurrent requests for one code cannot both pass.
      if (isUniqueViolation(error, 'code')) throw new ConflictError(`Agency code ${agency.code} is taken`, { field: 'input.code' });
      throw error;
    }
  }

  async createOrgUnit(unit: OrgUnit, audit: AuditContext): Promise<void> {
    try {
      await this.prisma.$transaction([
        this.prisma.orgUnit.create({ data: unit }),
        this.prisma.auditLog.create({
          data: auditRow(audit, { action: 'org-unit.created', entityType: 'OrgUnit', entityId: unit.id, agencyId: unit.agencyId, before: null, after: unit }),
        }),
      ]);
    } catch (error) {
      if (isUniqueViolation(error, 'code')) throw new ConflictError(`Unit code ${unit.code} is taken in this agency`, { field: 'input.code' });
      throw error;
    }
  }

  async createPosition(position: Position, audit: AuditContext): Promise<void> {
    await this.prisma.$transaction([
      this.prisma.position.create({ data: position }),
      this.prisma.auditLog.create({
        data: auditRow(audit, {
          action: 'position.created',
          entityType: 'Position',
          entityId: position.id,
          agencyId: position.agencyId,
          before: null,
          after: position,
        }),
      }),
    ]);
  }

  async setSupervisorPosition(position: Position, supervisorPositionId: string | null, audit: AuditContext): Promise<Position> {
    const after = { ...position, supervisorPositionId };
    await this.prisma.$transaction([
      this.prisma.position.update({ where: { id: position.id }, data: { supervisorPositionId } }),
      this.prisma.auditLog.create({
        data: auditRow(audit, {
          action: 'position.supervisor-changed',
          entityType: 'Position',
          entityId: position.id,
          agencyId: position.agencyId,
          before: position,
          after,
        }),
      }),
    ]);
    return after;
  }
}
