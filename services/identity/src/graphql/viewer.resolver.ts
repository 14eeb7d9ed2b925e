import { FieldResolver, Resolver, Root } from 'type-graphql';

import type { IdentityReader } from '../application/identity.reader';
import type { Employee } from '../domain/employee';
import { EmployeeType, ViewerType } from './types';

@Resolver(() => ViewerType)
export class ViewerResolver {
  constructor(private readonly reader: IdentityReader) {}

  @FieldResolver(() => EmployeeType, { nullable: true, description: 'The employee record of the account, if any' })
  async employee(@Root() viewer: ViewerType): Promise<Employee | null> {
    const { subject } = viewer;
    if (!subject.employeeId) return null;
    const [employee] = await this.reader.employeesByIds(subject, [subject.employeeId]);
    return employee ?? null;
  }
}
