import {
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  getArgumentValues,
  getNamedType,
  getNullableType,
  getVariableValues,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  isInterfaceType,
  isListType,
  isObjectType,
  Kind,
  type OperationDefinitionNode,
  type SelectionSetNode,
  visit,
} from 'graphql';

/** What the gateway lets through; see env.ts for the defaults and README "Edge limits". */
export interface OperationLimits {
  maxDepth: number;
  maxAliases: number;
  maxRootFields: number;
  maxCost: number;
}

export interface OperationMeasures {
  depth: number;
  aliases: number;
  rootFields: number;
  cost: number;
}

export type LimitName = 'depth' | 'aliases' | 'rootFields' | 'cost' | 'tokens';

export interface ExceededLimit {
  limit: LimitName;
  max: number;
  measured: number;
}

/** A list field with no `first`/`last` is assumed to return this many items. */
export const DEFAULT_LIST_SIZE = 10;

interface Measure {
  depth: number;
  cost: number;
  aliases: number;
  /** Fields at this level, fragments expanded (the root's are the operation's root fields). */
  fields: number;
}

const NONE: Measure = { depth: 0, cost: 0, aliases: 0, fields: 0 };

/**
 * Depth, aliases, root fields and an estimated cost of one operation, fragments expanded. Cost: each
 * field 1, plus its selection times the page it asks for (`first`/`last`, schema defaults included),
 * or DEFAULT_LIST_SIZE for a list field without one; the `edges`/`nodes` list of a page is counted
 * once. Fragments are measured once each, so a document of nested spreads cannot make this walk
 * exponential. Introspection fields are not descended into (the gateway answers them itself).
 */
export function measureOperation(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  rawVariables: Record<string, unknown> = {},
): OperationMeasures {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], rawVariables);
  const variables = coerced.coerced ?? {};
  const memo = new Map<string, Measure>();

  const pageSize = (field: FieldNode, definition: GraphQLField<unknown, unknown> | undefined): number | undefined => {
    if (!definition?.args.some((arg) => arg.name === 'first' || arg.name === 'last')) return undefined;
    try {
      const args = getArgumentValues(definition, field, variables);
      const size = args['first'] ?? args['last'];
      return typeof size === 'number' && size >= 0 ? size : undefined;
    } catch {
      return undefined;
    }
  };

  const measure = (selectionSet: SelectionSetNode, parent: GraphQLNamedType | undefined, insidePage: boolean, seen: ReadonlySet<string>): Measure => {
    const total = { ...NONE };
    const add = (part: Measure, fields: number) => {
      total.depth = Math.max(total.depth, part.depth);
      total.cost += part.cost;
      total.aliases += part.aliases;
      total.fields += fields;
    };
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        const name = selection.name.value;
        const aliases = selection.alias ? 1 : 0;
        if (name.startsWith('__')) {
          add({ depth: 1, cost: name === '__typename' ? 0 : 1, aliases, fields: 0 }, name === '__typename' ? 0 : 1);
          continue;
        }
        const definition = parent && (isObjectType(parent) || isInterfaceType(parent)) ? parent.getFields()[name] : undefined;
        const page = pageSize(selection, definition);
        const list = definition !== undefined && isListType(getNullableType(definition.type));
        const multiplier = page ?? (list && !insidePage ? DEFAULT_LIST_SIZE : 1);
        const child = selection.selectionSet ? measure(selection.selectionSet, definition && getNamedType(definition.type), page !== undefined, seen) : NONE;
        add({ depth: 1 + child.depth, cost: 1 + multiplier * child.cost, aliases: aliases + child.aliases, fields: 0 }, 1);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parent;
        const part = measure(selection.selectionSet, type ?? undefined, insidePage, seen);
        add(part, part.fields);
      } else {
        const name = selection.name.value;
        const fragment = fragments.get(name);
        // A cycle is a validation error; it is measured as nothing here rather than looping.
        if (!fragment || seen.has(name)) continue;
        const key = `${name}:${insidePage}`;
        let part = memo.get(key);
        if (!part) {
          part = measure(fragment.selectionSet, schema.getType(fragment.typeCondition.name.value) ?? undefined, insidePage, new Set([...seen, name]));
          memo.set(key, part);
        }
        add(part, part.fields);
      }
    }
    return total;
  };

  const root = measure(operation.selectionSet, schema.getRootType(operation.operation) ?? undefined, false, new Set());
  return { depth: root.depth, aliases: root.aliases, rootFields: root.fields, cost: root.cost };
}

/** The first limit the operation is over, or undefined when it is within all of them. */
export function exceededLimit(measures: OperationMeasures, limits: OperationLimits): ExceededLimit | undefined {
  const checks: [LimitName, number, number][] = [
    ['rootFields', measures.rootFields, limits.maxRootFields],
    ['aliases', measures.aliases, limits.maxAliases],
    ['depth', measures.depth, limits.maxDepth],
    ['cost', measures.cost, limits.maxCost],
  ];
  const over = checks.find(([, measured, max]) => measured > max);
  return over && { limit: over[0], measured: over[1], max: over[2] };
}

/** The root fields an operation selects (aliases repeat a name), fragments expanded; call once the limits have passed. */
export function rootFieldNames(document: DocumentNode, operation: OperationDefinitionNode): string[] {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  const names: string[] = [];
  const walk = (selectionSet: SelectionSetNode, seen: ReadonlySet<string>) => {
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) names.push(selection.name.value);
      else if (selection.kind === Kind.INLINE_FRAGMENT) walk(selection.selectionSet, seen);
      else {
        const fragment = fragments.get(selection.name.value);
        if (fragment && !seen.has(fragment.name.value)) walk(fragment.selectionSet, new Set([...seen, fragment.name.value]));
      }
    }
  };
  walk(operation.selectionSet, new Set());
  return names;
}

/**
 * Whether the operation's measures can depend on its variables: only a page size (`first`/`last`)
 * given as a variable makes them differ from one request of the document to the next.
 */
export function pagesUseVariables(document: DocumentNode): boolean {
  let uses = false;
  visit(document, {
    Argument(node) {
      if ((node.name.value === 'first' || node.name.value === 'last') && node.value.kind === Kind.VARIABLE) uses = true;
    },
  });
  return uses;
}
