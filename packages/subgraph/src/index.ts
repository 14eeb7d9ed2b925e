export { buildFederatedSchema, type FederatedSchema, type ReferenceResolvers } from './build-federated-schema';
export { type RunningSubgraph, startSubgraph, type StartSubgraphOptions } from './start-subgraph';
export { type SubgraphContext } from './subgraph-context';
