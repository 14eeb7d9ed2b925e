import { buildSchema, getOperationAST, parse } from 'graphql';

import { DEFAULT_LIST_SIZE, exceededLimit, measureOperation, pagesUseVariables, rootFieldNames } from './operation-limits';

const schema = buildSchema(`
  type Query { me: Employee, employees(first: Int! = 20): EmployeeConnection!, verifyCertificate(number: String!): Check! }
  type Check { valid: Boolean! }
  type Employee { name: String!, subordinates: [Employee!]!, supervisor: Employee }
  type EmployeeConnection { totalCount: Int!, edges: [EmployeeEdge!]! }
  type EmployeeEdge { node: Employee! }
`);

const measure = (query: string, variables: Record<string, unknown> = {}) => {
  const document = parse(query);
  return measureOperation(schema, document, getOperationAST(document)!, variables);
};

describe('measureOperation', () => {
  it.each([
    ['one field', '{ me { name } }', { depth: 2, aliases: 0, rootFields: 1, cost: 2 }],
    ['__typename costs nothing and is no root field', '{ __typename }', { depth: 1, aliases: 0, rootFields: 0, cost: 0 }],
    [
      'a list without a page counts DEFAULT_LIST_SIZE items',
      '{ me { subordinates { name } } }',
      { depth: 3, aliases: 0, rootFields: 1, cost: 2 + DEFAULT_LIST_SIZE },
    ],
    ['nested lists multiply', '{ me { subordinates { subordinates { name } } } }', { depth: 4, aliases: 0, rootFields: 1, cost: 2 + 10 * (1 + 10) }],
    [
      'a page counts `first` items, its edges once',
      '{ employees(first: 50) { edges { node { name } } } }',
      { depth: 4, aliases: 0, rootFields: 1, cost: 1 + 50 * 3 },
    ],
    ['the schema default of `first` when it is left out', '{ employees { totalCount } }', { depth: 2, aliases: 0, rootFields: 1, cost: 1 + 20 }],
    [
      'aliases and root fields',
      '{ a: verifyCertificate(number: "1") { valid } b: verifyCertificate(number: "2") { v: valid } }',
      { depth: 2, aliases: 3, rootFields: 2, cost: 4 },
    ],
    ['fragments are expanded', '{ ...Twice ...Twice } fragment Twice on Query { x: me { name } }', { depth: 2, aliases: 2, rootFields: 2, cost: 4 }],
  ])('%s', (_name, query, expected) => {
    expect(measure(query)).toEqual(expected);
  });

  it('reads `first` from the variables', () => {
    expect(measure('query ($n: Int!) { employees(first: $n) { totalCount } }', { n: 1000 }).cost).toBe(1 + 1000);
  });

  it('measures a document of nested spreads in linear time (each fragment once)', () => {
    // 40 fragments, each spreading the next twice: 2^40 fields if expanded naively.
    const fragments = Array.from({ length: 40 }, (_, k) => `fragment F${k} on Query { ${k === 39 ? 'me { name }' : `...F${k + 1} ...F${k + 1}`} }`);
    const started = performance.now();
    const measures = measure(`{ ...F0 } ${fragments.join(' ')}`);
    expect(performance.now() - started).toBeLessThan(500);
    expect(measures.rootFields).toBe(2 ** 39);
    expect(exceededLimit(measures, { maxDepth: 10, maxAliases: 10, maxRootFields: 10, maxCost: 10 })?.limit).toBe('rootFields');
  });
});

describe('exceededLimit', () => {
  const limits = { maxDepth: 3, maxAliases: 1, maxRootFields: 2, maxCost: 100 };

  it.each([
    ['{ me { subordinates { supervisor { name } } } }', { limit: 'depth', max: 3, measured: 4 }],
    ['{ a: me { name } b: me { name } }', { limit: 'aliases', max: 1, measured: 2 }],
    ['{ me { name } employees(first: 1) { totalCount } verifyCertificate(number: "x") { valid } }', { limit: 'rootFields', max: 2, measured: 3 }],
    ['{ employees(first: 500) { totalCount } }', { limit: 'cost', max: 100, measured: 501 }],
  ])('names the limit %s is over, with both figures', (query, expected) => {
    expect(exceededLimit(measure(query), limits)).toEqual(expected);
  });

  it('is undefined within every limit', () => {
    expect(exceededLimit(measure('{ me { name } }'), limits)).toBeUndefined();
  });
});

describe('rootFieldNames', () => {
  it('lists each root selection, aliases and fragments included', () => {
    const document = parse(
      '{ a: verifyCertificate(number: "1") { valid } ...F __typename } fragment F on Query { verifyCertificate(number: "2") { valid } me { name } }',
    );
    expect(rootFieldNames(document, getOperationAST(document)!)).toEqual(['verifyCertificate', 'verifyCertificate', 'me', '__typename']);
  });
});

describe('pagesUseVariables', () => {
  it.each([
    ['no page', 'query ($n: String!) { verifyCertificate(number: $n) { valid } }', false],
    ['a literal page', '{ employees(first: 5) { totalCount } }', false],
    ['a page from a variable', 'query ($n: Int!) { employees(first: $n) { totalCount } }', true],
    ['a page from a variable in a fragment', 'query ($n: Int!) { ...Page } fragment Page on Query { employees(first: $n) { totalCount } }', true],
  ])('%s', (_name, query, expected) => {
    expect(pagesUseVariables(parse(query))).toBe(expected);
  });
});
