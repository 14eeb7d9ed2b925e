export * from './generated/graphql';
export { type ClientOptions, createClient, type GraphQLErrorEntry, GraphQLRequestError, type Request } from './request';
