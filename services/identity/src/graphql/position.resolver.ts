import { Arg, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';

import type { CreatePosition } from '../application/create-position.command';
import type { SetPositionSupervisor } from '../application/set-position-supervisor.command';
import type { Employee } from '../domain/employee';
import type { OrgUnit, Position } from '../domain/organisation';
import { actorOf, type IdentityContext } from './context';
import { CreatePositionInput } from './inputs';
import { EmployeeType, OrgUnitType, PositionType } from './types';

@Resolver(() => PositionType)
export class PositionResolver {
  constructor(
    private readonly createPositionCommand: CreatePosition,
    private readonly setSupervisorCommand: SetPositionSupervisor,
  ) {}

  @Mutation(() => PositionType)
  createPosition(@Arg('input') input: CreatePositionInput, @Ctx() context: IdentityContext): Promise<Position> {
    return this.createPositionCommand.execute(actorOf(context), { ...input, supervisorPositionId: input.supervisorPositionId ?? null });
  }

  @Mutation(() => PositionType, { description: 'Changes the reporting line; refuses a cycle' })
  setPositionSupervisor(
    @Arg('positionId', () => ID) positionId: string,
    @Arg('supervisorPositionId', () => ID, { nullable: true }) supervisorPositionId: string | null,
    @Ctx() context: IdentityContext,
  ): Promise<Position> {
    return this.setSupervisorCommand.execute(actorOf(context), positionId, supervisorPositionId ?? null);
  }

  @FieldResolver(() => OrgUnitType, { nullable: true })
  orgUnit(@Root() position: Position, @Ctx() context: IdentityContext): Promise<OrgUnit | null> {
    return context.loaders.orgUnit.load(position.orgUnitId);
  }

  @FieldResolver(() => PositionType, { nullable: true })
  supervisorPosition(@Root() position: Position, @Ctx() context: IdentityContext): Promise<Position | null> | null {
    return position.supervisorPositionId ? context.loaders.position.load(position.supervisorPositionId) : null;
  }

  @FieldResolver(() => EmployeeType, { nullable: true, description: 'The employee holding the post, if any' })
  holder(@Root() position: Position, @Ctx() context: IdentityContext): Promise<Employee | null> {
    return context.loaders.positionHolder.load(position.id);
  }
}
