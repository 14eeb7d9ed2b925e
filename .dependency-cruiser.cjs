// Architecture rules checked in `npm test` (scripts/check-boundaries.mjs).
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'domain-stays-pure',
      comment: 'domain/ holds entities, rules and ports: it imports no application, graphql or infrastructure code',
      severity: 'error',
      from: { path: '^services/[^/]+/src/domain/' },
      to: { path: '^services/[^/]+/src/(application|graphql|infrastructure)/' },
    },
    {
      name: 'application-knows-no-adapters',
      comment: 'use cases depend on domain ports, never on GraphQL or Prisma/Kafka adapters',
      severity: 'error',
      from: { path: '^services/[^/]+/src/application/' },
      to: { path: '^services/[^/]+/src/(graphql|infrastructure|generated)/' },
    },
    {
      name: 'graphql-stays-thin',
      comment: 'resolvers call use cases; they never touch Prisma or Kafka adapters',
      severity: 'error',
      from: { path: '^services/[^/]+/src/graphql/' },
      to: { path: '^services/[^/]+/src/(infrastructure|generated)/' },
    },
    {
      name: 'services-are-independent',
      comment: 'a service never imports another service; they meet in the graph and in events',
      severity: 'error',
      from: { path: '^services/([^/]+)/' },
      to: { path: '^services/', pathNot: '^services/$1/' },
    },
    {
      name: 'packages-know-no-services',
      severity: 'error',
      from: { path: '^packages/' },
      to: { path: '^(services|gateway)/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(dist|generated|node_modules)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
  },
};
