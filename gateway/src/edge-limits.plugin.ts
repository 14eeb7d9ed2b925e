import type { ApolloServerPlugin } from '@apollo/server';
import type { DocumentNode, GraphQLSchema, OperationDefinitionNode } from 'graphql';

import { EdgeError } from './edge-error';
import { exceededLimit, measureOperation, type OperationLimits, type OperationMeasures, pagesUseVariables, rootFieldNames } from './operation-limits';
import type { TokenBuckets } from './token-bucket';

/**
 * The only operations that may send a large body (up to MAX_BODY_BYTES, signed in): uploads of
 * documents in base64 (performance's evidence, an applicant's documents), the test centre's
 * SKD export (CSV, about 40 bytes a participant) and HR's employee file (identity's import, CSV or
 * XLSX in base64, about 200 bytes an employee). Each subgraph holds its own field to its limit.
 */
export const UPLOAD_FIELDS: ReadonlySet<string> = new Set(['uploadEvidence', 'uploadApplicationDocument', 'importSkdScores', 'startEmployeeImport']);

/** Root fields anyone may call without a token; they are rate limited with or without one. */
export const PUBLIC_FIELDS: ReadonlySet<string> = new Set(['verifyCertificate', 'login', 'refreshToken', 'logout', 'viewer', 'resetPassword']);

export interface EdgeContext {
  authorization: string | undefined;
  clientAddress: string;
}

export interface EdgeLimitsOptions {
  limits: OperationLimits;
  /** MAX_OPERATION_BODY_BYTES: the body of anything but an upload. */
  operationBodyBytes: number;
  /** Undefined: no rate limit. */
  anonymousBuckets?: TokenBuckets;
}

/** Variables longer than this are measured every time rather than kept as a key. */
const MAX_CACHED_VARIABLES_LENGTH = 2_048;
/** Variable sets remembered per document whose page sizes are variables (the app's operations repeat a few). */
const MAX_CACHED_VARIABLE_SETS = 64;

/** What the checks need of one operation of a document, worked out once. */
interface KnownOperation {
  /** The operation's root fields (fragments expanded, introspection left out), once it is within the limits. */
  fields?: { names: string[]; upload: boolean };
  /** The measures when no page size is a variable (the same for every request of the document). */
  measures: OperationMeasures | undefined;
  /** Otherwise, by variables (as JSON). */
  byVariables: Map<string, OperationMeasures>;
}

/**
 * The checks' view of an operation, remembered per schema, parsed document (Apollo's document
 * store hands the same node back for the same query text) and operation name: a known operation is
 * measured once, not on every request; one whose page sizes are variables once per variable set.
 */
function operationsCache() {
  const bySchema = new WeakMap<GraphQLSchema, WeakMap<DocumentNode, Map<string, KnownOperation>>>();
  const known = (schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode, variables: Record<string, unknown>): KnownOperation => {
    let byDocument = bySchema.get(schema);
    if (!byDocument) bySchema.set(schema, (byDocument = new WeakMap()));
    let byName = byDocument.get(document);
    if (!byName) byDocument.set(document, (byName = new Map()));
    const name = operation.name?.value ?? '';
    let entry = byName.get(name);
    if (!entry) {
      entry = { measures: pagesUseVariables(document) ? undefined : measureOperation(schema, document, operation, variables), byVariables: new Map() };
      byName.set(name, entry);
    }
    return entry;
  };
  const measures = (
    entry: KnownOperation,
    schema: GraphQLSchema,
    document: DocumentNode,
    operation: OperationDefinitionNode,
    variables: Record<string, unknown>,
    variablesJson: string,
  ) => {
    if (entry.measures) return entry.measures;
    if (variablesJson.length > MAX_CACHED_VARIABLES_LENGTH) return measureOperation(schema, document, operation, variables);
    let measured = entry.byVariables.get(variablesJson);
    if (!measured) {
      measured = measureOperation(schema, document, operation, variables);
      if (entry.byVariables.size >= MAX_CACHED_VARIABLE_SETS) entry.byVariables.clear();
      entry.byVariables.set(variablesJson, measured);
    }
    return measured;
  };
  return { known, measures };
}

/**
 * The gateway's checks of a parsed, valid operation, in order, before it is planned and before any
 * subgraph is called: the operation limits, the body of anything but an upload, then the rate of
 * anonymous and public calls (last, so a refused operation spends nothing of the caller's bucket).
 */
export function edgeLimitsPlugin<Context extends EdgeContext>(options: EdgeLimitsOptions): ApolloServerPlugin<Context> {
  const operations = operationsCache();
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request, contextValue }) {
          // Apollo has already refused a document without the operation asked for.
          if (!operation) return;
          const variables = request.variables ?? {};
          const variablesJson = JSON.stringify(variables);
          const known = operations.known(schema, document, operation, variables);
          const over = exceededLimit(operations.measures(known, schema, document, operation, variables, variablesJson), options.limits);
          if (over)
            throw new EdgeError(`The operation is over the gateway's ${over.limit} limit (${over.measured} > ${over.max})`, 'OPERATION_TOO_COMPLEX', {
              ...over,
            });

          // Only walked once the operation is within the limits (its root fragments may nest deeply).
          if (!known.fields) {
            const names = rootFieldNames(document, operation).filter((name) => !name.startsWith('__'));
            known.fields = { names, upload: names.length > 0 && names.every((name) => UPLOAD_FIELDS.has(name)) };
          }
          const { names: fields, upload } = known.fields;
          // The body as sent, give or take its JSON punctuation: the server has already cut off
          // anything over MAX_BODY_BYTES (and an anonymous one over this limit) while it streamed.
          const bodyBytes = Buffer.byteLength(request.query ?? '') + Buffer.byteLength(variablesJson);
          if (!upload && bodyBytes > options.operationBodyBytes) {
            throw new EdgeError(`Request body too large: only an upload or an SKD import may exceed ${options.operationBodyBytes} bytes`, 'PAYLOAD_TOO_LARGE', {
              max: options.operationBodyBytes,
              measured: bodyBytes,
            });
          }

          const charged = contextValue.authorization ? fields.filter((name) => PUBLIC_FIELDS.has(name)).length : fields.length;
          if (charged === 0 || !options.anonymousBuckets) return;
          const taken = options.anonymousBuckets.take(contextValue.clientAddress, charged);
          if (!taken.allowed) {
            throw new EdgeError(
              'Too many anonymous requests from this address; retry later',
              'RATE_LIMITED',
              { retryAfterSeconds: taken.retryAfterSeconds },
              {
                'retry-after': String(taken.retryAfterSeconds),
              },
            );
          }
        },
      };
    },
  };
}
