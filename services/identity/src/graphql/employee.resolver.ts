import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';

import { encodeCursor } from '../application/cursor';
import type { IdentityReader } from '../application/identity.reader';
import type { RecordEmployeeLeft } from '../application/record-employee-left.command';
import type { RegisterEmployee } from '../application/register-employee.command';
import type { TransferEmployee } from '../application/transfer-employee.command';
import type { Employee } from '../domain/employee';
import type { Agency, OrgUnit, Position } from '../domain/organisation';
import { actorOf, type IdentityContext } from './context';
import { EmployeeFilterInput, RecordEmployeeLeftInput, RegisterEmployeeInput, TransferEmployeeInput } from './inputs';
import { AgencyType, EmployeeConnectionType, EmployeeType, OrgUnitType, PositionType } from './types';

@Resolver(() => EmployeeType)
export class EmployeeResolver {
  constructor(
    private readonly reader: IdentityReader,
    private readonly registerEmployeeCommand: RegisterEmployee,
    private readonly transferEmployeeCommand: TransferEmployee,
    private readonly recordEmployeeLeftCommand: RecordEmployeeLeft,
  ) {}

  @Query(() => EmployeeType, { nullable: true, description: 'The signed-in employee; null for accounts that are not employees' })
  me(@Ctx() context: IdentityContext): Promise<Employee | null> {
    return this.reader.me(context.viewer);
  }

  @Query(() => EmployeeType)
  employee(@Arg('id', () => ID) id: string, @Ctx() context: IdentityContext): Promise<Employee> {
    return this.reader.employee(context.viewer, id);
  }

  @Query(() => EmployeeType)
  employeeByNip(@Arg('nip') nip: string, @Ctx() context: IdentityContext): Promise<Employee> {
    return this.reader.employeeByNip(context.viewer, nip);
  }

  @Query(() => EmployeeConnectionType, { description: 'Employees by name, then id; page with first/after' })
  async employees(
    @Ctx() context: IdentityContext,
    @Arg('filter', () => EmployeeFilterInput, { nullable: true }) filter?: EmployeeFilterInput | null,
    @Arg('first', () => Int, { defaultValue: 20 }) first = 20,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
  ): Promise<EmployeeConnectionType> {
    const page = await this.reader.searchEmployees(
      context.viewer,
      { agencyId: filter?.agencyId ?? undefined, orgUnitId: filter?.orgUnitId ?? undefined, search: filter?.search ?? undefined },
      first,
      after ?? undefined,
    );
    const edges = page.employees.map((node) => ({ cursor: encodeCursor(node), node }));
    return { edges, pageInfo: { hasNextPage: page.hasNextPage, endCursor: edges.at(-1)?.cursor ?? null }, countTotal: page.totalCount };
  }

  @Mutation(() => EmployeeType)
  registerEmployee(@Arg('input') input: RegisterEmployeeInput, @Ctx() context: IdentityContext): Promise<Employee> {
    return this.registerEmployeeCommand.execute(actorOf(context), {
      ...input,
      email: input.email ?? null,
      rank: input.rank ?? null,
      positionId: input.positionId ?? null,
      initialPassword: input.initialPassword ?? null,
    });
  }

  @Mutation(() => EmployeeType, { description: 'Mutasi: move an employee to another unit and position of their agency' })
  transferEmployee(@Arg('input') input: TransferEmployeeInput, @Ctx() context: IdentityContext): Promise<Employee> {
    return this.transferEmployeeCommand.execute(actorOf(context), { ...input, positionId: input.positionId ?? null });
  }

  @Mutation(() => EmployeeType, { description: 'The employee leaves the service (pensiun, resignation, dismissal): the position is vacated' })
  recordEmployeeLeft(@Arg('input') input: RecordEmployeeLeftInput, @Ctx() context: IdentityContext): Promise<Employee> {
    return this.recordEmployeeLeftCommand.execute(actorOf(context), input);
  }

  @FieldResolver(() => AgencyType, { nullable: true })
  agency(@Root() employee: Employee, @Ctx() context: IdentityContext): Promise<Agency | null> {
    return context.loaders.agency.load(employee.agencyId);
  }

  @FieldResolver(() => OrgUnitType, { nullable: true })
  orgUnit(@Root() employee: Employee, @Ctx() context: IdentityContext): Promise<OrgUnit | null> {
    return context.loaders.orgUnit.load(employee.orgUnitId);
  }

  @FieldResolver(() => PositionType, { nullable: true })
  position(@Root() employee: Employee, @Ctx() context: IdentityContext): Promise<Position | null> | null {
    return employee.positionId ? context.loaders.position.load(employee.positionId) : null;
  }

  @FieldResolver(() => EmployeeType, { nullable: true, description: 'Atasan langsung: the holder of the supervising position (or the next filled post up)' })
  supervisor(@Root() employee: Employee, @Ctx() context: IdentityContext): Promise<Employee | null> {
    return context.loaders.supervisor.load(employee);
  }

  @FieldResolver(() => [EmployeeType], { description: 'Direct subordinates: holders of the positions reporting to this one' })
  subordinates(@Root() employee: Employee, @Ctx() context: IdentityContext): Promise<Employee[]> {
    return context.loaders.subordinates.load(employee);
  }
}
