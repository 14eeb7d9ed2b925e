import { GraphQLError } from 'graphql';

import { clientErrorFromDatabase } from './database-error';
import { createErrorFormatter } from './format-error';

// The shapes Prisma 6 and its pg driver adapter raise, as seen on PostgreSQL.
const adapter = (cause: object) => ({ name: 'DriverAdapterError', cause: { kind: 'postgres', ...cause } });
const known = (code: string, modelName: string, cause: object) => ({ code, meta: { modelName, driverAdapterError: { cause } } });

describe('clientErrorFromDatabase', () => {
  it.each<[string, object, string, Record<string, unknown>]>([
    [
      'unique violation',
      known('P2002', 'Agency', { originalCode: '23505', kind: 'UniqueConstraintViolation', constraint: { fields: ['code'] } }),
      'CONFLICT',
      { fields: ['code'] },
    ],
    [
      'foreign key',
      known('P2003', 'OrgUnit', { originalCode: '23503', kind: 'ForeignKeyConstraintViolation', constraint: { index: 'org_unit_agency_id_fkey' } }),
      'BAD_USER_INPUT',
      { field: 'agencyId' },
    ],
    ['malformed uuid', adapter({ originalCode: '22P02', code: '22P02' }), 'BAD_USER_INPUT', { field: 'input' }],
    ['NUL character', adapter({ originalCode: '22021', code: '22021' }), 'BAD_USER_INPUT', { field: 'input' }],
    ['too long for an index', adapter({ originalCode: '54000', code: '54000' }), 'BAD_USER_INPUT', { field: 'input' }],
  ])('maps a %s', (_case, error, code, details) => {
    const mapped = clientErrorFromDatabase(error);
    expect(mapped?.code).toBe(code);
    expect({ ...mapped?.details, ...(mapped && 'field' in mapped ? { field: (mapped as { field: string }).field } : {}) }).toMatchObject(details);
  });

  it.each([
    ['a connection failure', adapter({ originalCode: '08006' })],
    ['a plain error', new Error('boom')],
    ['nothing', null],
  ])('leaves %s unknown', (_case, error) => {
    expect(clientErrorFromDatabase(error)).toBeUndefined();
  });

  it('turns a malformed id inside a resolver error into BAD_USER_INPUT, not INTERNAL_SERVER_ERROR', () => {
    const formatter = createErrorFormatter({ error: () => undefined }, () => 'req-1');
    const wrapped = new GraphQLError('invalid input syntax for type uuid', {
      originalError: Object.assign(new Error('x'), adapter({ originalCode: '22P02' })),
      path: ['x'],
    });
    expect(formatter(wrapped.toJSON(), wrapped).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input' });
  });
});
