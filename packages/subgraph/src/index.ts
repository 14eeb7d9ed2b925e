export { buildFederatedSchema, type FederatedSchema, type ReferenceResolvers } from './build-federated-schema';
export { DEFAULT_MAX_STRING_LENGTH, type InputGuardOptions, inputGuardPlugin, inputProblems } from './input-guard';
export { type RunningSubgraph, startSubgraph, type StartSubgraphOptions } from './start-subgraph';
export { type SubgraphContext } from './subgraph-context';
