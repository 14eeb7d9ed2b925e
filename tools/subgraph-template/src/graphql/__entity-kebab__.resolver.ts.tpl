import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';

import type { __Name__Reader } from '../application/__name__.reader';
import type { Create__Entity__ } from '../application/create-__entity-kebab__.command';
import type { __Entity__ } from '../domain/__entity-kebab__';
import { actorOf, type __Name__Context } from './context';
import { Create__Entity__Input } from './inputs';
import { __Entity__Type } from './types';

@Resolver(() => __Entity__Type)
export class __Entity__Resolver {
  constructor(
    private readonly reader: __Name__Reader,
    private readonly create__Entity__Command: Create__Entity__,
  ) {}

  @Query(() => __Entity__Type)
  __entity__(@Arg('id', () => ID) id: string, @Ctx() context: __Name__Context): Promise<__Entity__> {
    return this.reader.one(context.viewer, id);
  }

  @Mutation(() => __Entity__Type)
  create__Entity__(@Arg('input') input: Create__Entity__Input, @Ctx() context: __Name__Context): Promise<__Entity__> {
    return this.create__Entity__Command.execute(actorOf(context), input);
  }
}
