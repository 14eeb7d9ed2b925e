import 'reflect-metadata';

import { buildSubgraphSchema, printSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import type { GraphQLSchema } from 'graphql';
import gql from 'graphql-tag';
import { buildSchema, createResolversMap } from 'type-graphql';

// Federation 2 directives the subgraphs may use on their type-graphql classes via @Directive.
const FEDERATION_LINK =
  'extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@shareable", "@external", "@requires", "@provides", "@inaccessible", "@tag"])';

/** `__resolveReference` per entity type name; the representation carries the `@key` fields. */
export type ReferenceResolvers<Context> = Record<string, (representation: { id: string }, context: Context) => unknown>;

export interface FederatedSchema {
  schema: GraphQLSchema;
  /** The subgraph SDL as composition sees it; committed as the service's `schema.graphql`. */
  sdl: string;
}

/**
 * Builds a federation subgraph from resolver instances wired in main.ts (no DI container magic).
 * type-graphql's own printer loses `@key`, so the schema is printed with its directives and handed
 * to `@apollo/subgraph` together with the resolver map and the reference resolvers.
 */
export async function buildFederatedSchema<Context>(options: {
  resolvers: readonly object[];
  orphanedTypes?: readonly Function[];
  references: ReferenceResolvers<Context>;
}): Promise<FederatedSchema> {
  const instances = new Map<Function, object>(options.resolvers.map((instance) => [instance.constructor, instance]));
  const typeGraphQLSchema = await buildSchema({
    resolvers: [...instances.keys()] as [Function, ...Function[]],
    orphanedTypes: [...(options.orphanedTypes ?? [])],
    container: {
      get: (someClass: Function) => {
        const instance = instances.get(someClass);
        if (!instance) throw new Error(`No resolver instance wired for ${someClass.name}`);
        return instance;
      },
    },
    validate: false,
    skipCheck: true,
  });
  const typeDefs = gql`
    ${FEDERATION_LINK}
    ${printSchemaWithDirectives(typeGraphQLSchema)}
  `;
  const resolvers = createResolversMap(typeGraphQLSchema) as GraphQLResolverMap<unknown>;
  for (const [typeName, resolveReference] of Object.entries(options.references)) {
    const existing = (resolvers[typeName] ?? {}) as Record<string, unknown>;
    resolvers[typeName] = { ...existing, __resolveReference: resolveReference } as GraphQLResolverMap<unknown>[string];
  }
  const schema = buildSubgraphSchema({ typeDefs, resolvers });
  return { schema, sdl: printSubgraphSchema(schema) };
}
