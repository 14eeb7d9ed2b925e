import type { ApolloServerPlugin } from '@apollo/server';
import { type FieldProblem, ValidationError } from '@kinerja/errors';
import {
  GraphQLError,
  type GraphQLInputType,
  type GraphQLSchema,
  isInputObjectType,
  isListType,
  isNonNullType,
  Kind,
  type OperationDefinitionNode,
  typeFromAST,
  TypeInfo,
  type ValueNode,
  visit,
  visitWithTypeInfo,
} from 'graphql';

/**
 * Names, codes, titles and identifiers: short enough for any unique index (a btree entry holds at
 * most 2704 bytes, 4 bytes a character at worst). Longer free text is allowed per input field.
 */
export const DEFAULT_MAX_STRING_LENGTH = 500;

export interface InputGuardOptions {
  /** Input fields allowed more characters, by coordinate, e.g. `{ 'UploadEvidenceInput.contentBase64': 8_000_000 }`. */
  longTextInputs?: Readonly<Record<string, number>>;
}

interface Walk {
  limitOf(coordinate: string | undefined): number;
  problems: FieldProblem[];
}

function checkString(walk: Walk, value: string, path: string, coordinate: string | undefined): void {
  // PostgreSQL text cannot hold NUL at all: refused here, it is never a database error.
  if (value.includes('\u0000')) walk.problems.push({ field: path, message: 'must not contain NUL characters' });
  const limit = walk.limitOf(coordinate);
  if (value.length > limit) walk.problems.push({ field: path, message: `must be at most ${limit} characters` });
}

/** A leaf of any scalar (`_Any` representations included): every string inside it is checked. */
function checkJson(walk: Walk, value: unknown, path: string, coordinate: string | undefined): void {
  if (typeof value === 'string') checkString(walk, value, path, coordinate);
  else if (Array.isArray(value)) value.forEach((item, index) => checkJson(walk, item, `${path}.${index}`, coordinate));
  else if (value && typeof value === 'object') for (const [key, item] of Object.entries(value)) checkJson(walk, item, `${path}.${key}`, undefined);
}

function checkValue(walk: Walk, value: unknown, type: GraphQLInputType | undefined, path: string, coordinate?: string): void {
  if (value === null || value === undefined) return;
  const inner = type && isNonNullType(type) ? type.ofType : type;
  if (inner && isListType(inner) && Array.isArray(value)) {
    value.forEach((item, index) => checkValue(walk, item, inner.ofType, `${path}.${index}`, coordinate));
  } else if (inner && isInputObjectType(inner) && typeof value === 'object') {
    const fields = inner.getFields();
    for (const [key, item] of Object.entries(value)) checkValue(walk, item, fields[key]?.type, `${path}.${key}`, `${inner.name}.${key}`);
  } else {
    checkJson(walk, value, path, coordinate);
  }
}

/** Inline literals, e.g. `login(input: { nip: "…" })`; variables inside them are checked with the variables. */
function checkLiteral(walk: Walk, node: ValueNode, type: GraphQLInputType | undefined, path: string, coordinate?: string): void {
  const inner = type && isNonNullType(type) ? type.ofType : type;
  if (node.kind === Kind.STRING) checkString(walk, node.value, path, coordinate);
  else if (node.kind === Kind.LIST)
    node.values.forEach((item, index) => checkLiteral(walk, item, inner && isListType(inner) ? inner.ofType : undefined, `${path}.${index}`, coordinate));
  else if (node.kind === Kind.OBJECT) {
    const fields = inner && isInputObjectType(inner) ? inner.getFields() : {};
    const typeName = inner && isInputObjectType(inner) ? inner.name : undefined;
    for (const field of node.fields) {
      const key = field.name.value;
      checkLiteral(walk, field.value, fields[key]?.type, `${path}.${key}`, typeName ? `${typeName}.${key}` : undefined);
    }
  }
}

type Document = Parameters<typeof visit>[0];

const walkOf = (options: InputGuardOptions): Walk => {
  const long = options.longTextInputs ?? {};
  return { limitOf: (coordinate) => (coordinate && long[coordinate]) || DEFAULT_MAX_STRING_LENGTH, problems: [] };
};

/** The problems of the operation's variables. */
function variableProblems(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  variables: Readonly<Record<string, unknown>>,
  options: InputGuardOptions,
): FieldProblem[] {
  const walk = walkOf(options);
  for (const definition of operation.variableDefinitions ?? []) {
    const name = definition.variable.name.value;
    checkValue(walk, variables[name], typeFromAST(schema, definition.type) as GraphQLInputType | undefined, name);
  }
  return walk.problems;
}

/** Every problem of the operation's variables and inline arguments, each naming its field. */
export function inputProblems(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  document: Document,
  variables: Readonly<Record<string, unknown>>,
  options: InputGuardOptions = {},
): FieldProblem[] {
  return [...variableProblems(schema, operation, variables, options), ...literalProblems(schema, document, options)];
}

/** The problems of the document's inline arguments: the same for every request of the same document. */
function literalProblems(schema: GraphQLSchema, document: Document, options: InputGuardOptions): FieldProblem[] {
  const walk = walkOf(options);
  const typeInfo = new TypeInfo(schema);
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Argument(node) {
        checkLiteral(walk, node.value, typeInfo.getArgument()?.type, node.name.value);
      },
    }),
  );
  return walk.problems;
}

/**
 * Refuses NUL characters and oversized strings anywhere in a request's input before anything runs:
 * `BAD_USER_INPUT` naming each field. Answered with status 200 like any GraphQL error, so that the
 * gateway relays the error to the client instead of turning a non-2xx answer into its own.
 */
export function inputGuardPlugin<Context extends object>(options: InputGuardOptions = {}): ApolloServerPlugin<Context> {
  // Apollo's document store hands back the same parsed node for the same query text: its literals
  // are walked once per schema, not on every request (the variables still are, every time).
  const literals = new WeakMap<GraphQLSchema, WeakMap<Document, FieldProblem[]>>();
  const literalsOf = (schema: GraphQLSchema, document: Document) => {
    let byDocument = literals.get(schema);
    if (!byDocument) literals.set(schema, (byDocument = new WeakMap()));
    let problems = byDocument.get(document);
    if (!problems) byDocument.set(document, (problems = literalProblems(schema, document, options)));
    return problems;
  };
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, operation, document, request }) {
          if (!operation) return;
          const problems = [...variableProblems(schema, operation, request.variables ?? {}, options), ...literalsOf(schema, document)];
          if (problems.length === 0) return;
          const error = new ValidationError(problems);
          throw new GraphQLError(error.message, { originalError: error, extensions: { http: { status: 200 } } });
        },
      };
    },
  };
}
