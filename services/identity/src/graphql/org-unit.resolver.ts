import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';

import type { CreateOrgUnit } from '../application/create-org-unit.command';
import type { IdentityReader } from '../application/identity.reader';
import type { Agency, OrgUnit, Position } from '../domain/organisation';
import { actorOf, type IdentityContext } from './context';
import { CreateOrgUnitInput } from './inputs';
import { AgencyType, OrgUnitType, PositionType } from './types';

@Resolver(() => OrgUnitType)
export class OrgUnitResolver {
  constructor(
    private readonly reader: IdentityReader,
    private readonly createOrgUnitCommand: CreateOrgUnit,
  ) {}

  @Query(() => OrgUnitType)
  orgUnit(@Arg('id', () => ID) id: string, @Ctx() context: IdentityContext): Promise<OrgUnit> {
    return this.reader.orgUnit(context.viewer, id);
  }

  @Mutation(() => OrgUnitType)
  createOrgUnit(@Arg('input') input: CreateOrgUnitInput, @Ctx() context: IdentityContext): Promise<OrgUnit> {
    return this.createOrgUnitCommand.execute(actorOf(context), { ...input, parentId: input.parentId ?? null });
  }

  @FieldResolver(() => AgencyType, { nullable: true })
  agency(@Root() unit: OrgUnit, @Ctx() context: IdentityContext): Promise<Agency | null> {
    return context.loaders.agency.load(unit.agencyId);
  }

  @FieldResolver(() => OrgUnitType, { nullable: true })
  parent(@Root() unit: OrgUnit, @Ctx() context: IdentityContext): Promise<OrgUnit | null> | null {
    return unit.parentId ? context.loaders.orgUnit.load(unit.parentId) : null;
  }

  @FieldResolver(() => [OrgUnitType])
  children(@Root() unit: OrgUnit, @Ctx() context: IdentityContext): Promise<OrgUnit[]> {
    return context.loaders.childUnits.load(unit.id);
  }

  @FieldResolver(() => [PositionType])
  positions(@Root() unit: OrgUnit, @Ctx() context: IdentityContext): Promise<Position[]> {
    return context.loaders.unitPositions.load(unit.id);
  }
}
