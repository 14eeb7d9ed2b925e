import { GraphQLError, GraphQLScalarType } from 'graphql';
import { Arg, Ctx, Field, GraphQLISODateTime, ID, InputType, Int, ObjectType, Query, registerEnumType, Resolver } from 'type-graphql';

import { encodeAuditCursor, type ReadAuditTrail } from '../application/read-audit-trail.query';
import { AUDITED_SERVICES, type AuditedService, type AuditTrailEntry } from '../domain/audit-trail';
import type { IdentityContext } from './context';
import { PageInfoType } from './types';

const AuditedServiceEnum = Object.fromEntries(AUDITED_SERVICES.map((name) => [name.toUpperCase(), name])) as { [K in AuditedService as Uppercase<K>]: K };
registerEnumType(AuditedServiceEnum, { name: 'AuditedService', description: 'The service that recorded a change' });

/** Any JSON value, as recorded: output only (the audit trail is read, never written, through the graph). */
export const JsonScalar = new GraphQLScalarType({
  name: 'JSON',
  description: 'A JSON value as recorded (object, array, string, number, boolean or null)',
  serialize: (value) => value,
  parseValue: () => {
    throw new GraphQLError('JSON is an output type only');
  },
  parseLiteral: () => {
    throw new GraphQLError('JSON is an output type only');
  },
});

@ObjectType('AuditTrailEntry', { description: 'One recorded change: who changed which record of which service, when, before and after' })
export class AuditTrailEntryType {
  @Field(() => AuditedServiceEnum) service!: AuditedService;
  @Field(() => ID, { description: "The audit row's id in its service" }) auditId!: string;
  @Field(() => GraphQLISODateTime) occurredAt!: Date;
  @Field(() => ID, { nullable: true, description: 'The account that made the change; null for the system (events, seeds)' }) actorUserId!: string | null;
  @Field(() => String, { nullable: true, description: 'The request id the server issued for the change' }) requestId!: string | null;
  @Field(() => ID, { nullable: true, description: 'Null for province-wide records' }) agencyId!: string | null;
  @Field({ description: 'What was done, e.g. employee.registered or plan.submitted' }) action!: string;
  @Field({ description: 'The kind of record, e.g. Employee or PerformancePlan' }) entityType!: string;
  @Field({ description: "The record's id in its service" }) entityId!: string;
  @Field(() => JsonScalar, { nullable: true, description: 'The record before the change; null when it was created' }) before!: unknown;
  @Field(() => JsonScalar, { nullable: true, description: 'The record after the change; null when it was removed' }) after!: unknown;
}

@ObjectType('AuditTrailEdge')
export class AuditTrailEdgeType {
  @Field() cursor!: string;
  @Field(() => AuditTrailEntryType) node!: AuditTrailEntryType;
}

@ObjectType('AuditTrailConnection')
export class AuditTrailConnectionType {
  @Field(() => [AuditTrailEdgeType]) edges!: AuditTrailEdgeType[];
  @Field(() => PageInfoType) pageInfo!: PageInfoType;
}

@InputType()
export class AuditTrailFilterInput {
  @Field(() => ID, { nullable: true, description: 'One agency (an agency auditor may name only their own)' }) agencyId?: string | null;
  @Field(() => AuditedServiceEnum, { nullable: true }) service?: AuditedService | null;
  @Field(() => String, { nullable: true, description: 'The kind of record, e.g. Employee' }) entityType?: string | null;
  @Field(() => String, { nullable: true, description: "One record's id" }) entityId?: string | null;
  @Field(() => ID, { nullable: true, description: 'Changes made by one account' }) actorUserId?: string | null;
  @Field(() => GraphQLISODateTime, { nullable: true, description: 'From this instant (inclusive)' }) from?: Date | null;
  @Field(() => GraphQLISODateTime, { nullable: true, description: 'Until this instant (exclusive)' }) to?: Date | null;
}

const defined = <T>(value: T | null | undefined): T | undefined => (value === null ? undefined : value);

@Resolver(() => AuditTrailEntryType)
export class AuditTrailResolver {
  constructor(private readonly readAuditTrail: ReadAuditTrail) {}

  @Query(() => AuditTrailConnectionType, {
    description: "Who changed what in any service, newest first; the auditor reads their agency's entries, the province admin all. Page with first/after.",
  })
  async auditTrail(
    @Ctx() context: IdentityContext,
    @Arg('filter', () => AuditTrailFilterInput, { nullable: true }) filter?: AuditTrailFilterInput | null,
    @Arg('first', () => Int, { defaultValue: 20 }) first = 20,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
  ): Promise<AuditTrailConnectionType> {
    const page = await this.readAuditTrail.execute(
      context.viewer,
      {
        agencyId: defined(filter?.agencyId),
        service: defined(filter?.service),
        entityType: defined(filter?.entityType),
        entityId: defined(filter?.entityId),
        actorUserId: defined(filter?.actorUserId),
        from: defined(filter?.from),
        to: defined(filter?.to),
      },
      first,
      after ?? null,
    );
    const edges = page.entries.map((node: AuditTrailEntry) => ({ cursor: encodeAuditCursor(node), node }));
    return { edges, pageInfo: { hasNextPage: page.hasNextPage, endCursor: edges.at(-1)?.cursor ?? null } };
  }
}
