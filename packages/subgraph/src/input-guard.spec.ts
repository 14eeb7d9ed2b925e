import { buildSchema, type OperationDefinitionNode, parse } from 'graphql';

import { DEFAULT_MAX_STRING_LENGTH, inputProblems } from './input-guard';

const schema = buildSchema(`
  scalar _Any
  input LoginInput { email: String, password: String! }
  input NoteInput { notes: [String!]!, text: String }
  type Query { ping: Boolean, _entities(representations: [_Any!]!): [Boolean] }
  type Mutation { login(input: LoginInput!): Boolean, note(input: NoteInput!, id: ID): Boolean }
`);

function problems(query: string, variables: Record<string, unknown> = {}, longTextInputs: Record<string, number> = {}) {
  const document = parse(query);
  const operation = document.definitions[0] as OperationDefinitionNode;
  return inputProblems(schema, operation, document, variables, { longTextInputs });
}

const long = 'x'.repeat(DEFAULT_MAX_STRING_LENGTH + 1);

describe('inputProblems', () => {
  it.each<[string, string, Record<string, unknown>, string[]]>([
    ['a clean login', 'mutation($i: LoginInput!) { login(input: $i) }', { i: { email: 'a@b.c', password: 'secret' } }, []],
    [
      'NUL in a variable',
      'mutation($input: LoginInput!) { login(input: $input) }',
      { input: { email: 'a@b.c', password: 'se\u0000cret' } },
      ['input.password'],
    ],
    ['NUL in an inline literal', 'mutation { login(input: { email: "a\\u0000", password: "p" }) }', {}, ['input.email']],
    ['oversized string in a list', 'mutation($n: NoteInput!) { note(input: $n) }', { n: { notes: ['ok', long] } }, ['n.notes.1']],
    ['oversized ID argument', `mutation { note(input: { notes: [] }, id: "${long}") }`, {}, ['id']],
    [
      'NUL inside an entity representation',
      'query($r: [_Any!]!) { _entities(representations: $r) }',
      { r: [{ __typename: 'Employee', id: 'a\u0000' }] },
      ['r.0.id'],
    ],
    ['every problem at once', 'mutation($i: LoginInput!) { login(input: $i) }', { i: { email: long, password: '\u0000' } }, ['i.email', 'i.password']],
  ])('%s', (_case, query, variables, fields) => {
    expect(problems(query, variables).map((problem) => problem.field)).toEqual(fields);
  });

  it('allows the long text fields it is told about, up to their own limit', () => {
    const query = 'mutation($n: NoteInput!) { note(input: $n) }';
    expect(problems(query, { n: { notes: [], text: long } }, { 'NoteInput.text': 10_000 })).toEqual([]);
    expect(problems(query, { n: { notes: [], text: 'y'.repeat(10_001) } }, { 'NoteInput.text': 10_000 })).toEqual([
      { field: 'n.text', message: 'must be at most 10000 characters' },
    ]);
  });
});
