import type { EmployeeCopy } from '../domain/employee-copy';
import type { EmployeeCopyRepository } from '../domain/repositories';
import { toEmployeeCopy } from './mappers';
import type { DevelopmentPrisma } from './prisma-client';

export class PrismaEmployeeCopyRepository implements EmployeeCopyRepository {
  constructor(private readonly prisma: DevelopmentPrisma) {}

  async byIds(ids: readonly string[]): Promise<EmployeeCopy[]> {
    return (await this.prisma.employeeCopy.findMany({ where: { employeeId: { in: [...ids] } } })).map(toEmployeeCopy);
  }
}
