import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';

import type { CreateAgency } from '../application/create-agency.command';
import type { IdentityReader } from '../application/identity.reader';
import type { Agency, OrgUnit } from '../domain/organisation';
import { actorOf, type IdentityContext } from './context';
import { CreateAgencyInput } from './inputs';
import { AgencyType, OrgUnitType } from './types';

@Resolver(() => AgencyType)
export class AgencyResolver {
  constructor(
    private readonly reader: IdentityReader,
    private readonly createAgencyCommand: CreateAgency,
  ) {}

  @Query(() => [AgencyType], { description: 'The agencies the viewer may see' })
  agencies(@Ctx() context: IdentityContext): Promise<Agency[]> {
    return this.reader.agencies(context.viewer);
  }

  @Query(() => AgencyType)
  agency(@Arg('id', () => ID) id: string, @Ctx() context: IdentityContext): Promise<Agency> {
    return this.reader.agency(context.viewer, id);
  }

  @Mutation(() => AgencyType)
  createAgency(@Arg('input') input: CreateAgencyInput, @Ctx() context: IdentityContext): Promise<Agency> {
    return this.createAgencyCommand.execute(actorOf(context), { ...input, parentId: input.parentId ?? null });
  }

  @FieldResolver(() => AgencyType, { nullable: true, description: 'The province a regency or city belongs to' })
  parent(@Root() agency: Agency, @Ctx() context: IdentityContext): Promise<Agency | null> | null {
    return agency.parentId ? context.loaders.agency.load(agency.parentId) : null;
  }

  @FieldResolver(() => [OrgUnitType], { description: 'The top-level units of the agency' })
  async orgUnits(@Root() agency: Agency, @Ctx() context: IdentityContext): Promise<OrgUnit[]> {
    return (await context.loaders.agencyUnits.load(agency.id)).filter((unit) => unit.parentId === null);
  }
}
