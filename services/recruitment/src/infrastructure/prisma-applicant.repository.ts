import { type AuditContext, isUniqueViolation } from '@kinerja/database';
import { ConflictError } from '@kinerja/errors';

import type { Applicant } from '../domain/applicant';
import type { ApplicantRepository } from '../domain/repositories';
import { createAudited } from './audited';
import { toApplicant } from './mappers';
import type { RecruitmentPrisma } from './prisma-client';

export class PrismaApplicantRepository implements ApplicantRepository {
  constructor(private readonly prisma: RecruitmentPrisma) {}

  async byUserId(userId: string): Promise<Applicant | null> {
    const row = await this.prisma.applicant.findUnique({ where: { userId } });
    return row ? toApplicant(row) : null;
  }

  async byIds(ids: readonly string[]): Promise<Applicant[]> {
    return (await this.prisma.applicant.findMany({ where: { id: { in: [...ids] } } })).map(toApplicant);
  }

  async create(applicant: Applicant, audit: AuditContext): Promise<void> {
    await createAudited(
      this.prisma,
      this.prisma.applicant.create({ data: applicant }),
      // The audit row names the applicant without the NIK: the trail is read more widely than the register.
      {
        agencyId: null,
        action: 'applicant.registered',
        entityType: 'Applicant',
        entityId: applicant.id,
        after: { id: applicant.id, userId: applicant.userId },
      },
      audit,
      (violation) =>
        isUniqueViolation(violation, 'nik')
          ? new ConflictError('This NIK is registered already', { field: 'input.nik' })
          : new ConflictError('This account has registered as an applicant already'),
    );
  }
}
