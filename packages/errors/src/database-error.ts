import { ConflictError, type DomainError, ValidationError } from './domain-error';

/** What Prisma (and its driver adapter) attach to an error PostgreSQL raised. */
interface DatabaseFailure {
  code?: string;
  meta?: { modelName?: string; target?: unknown; driverAdapterError?: { cause?: DriverCause } };
  cause?: DriverCause;
}

interface DriverCause {
  originalCode?: string;
  code?: string;
  constraint?: { fields?: string[]; index?: string };
}

const camel = (column: string) => column.replace(/_([a-z])/g, (_m, letter: string) => letter.toUpperCase());
const snake = (model: string) => model.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();

/** `org_unit_agency_id_fkey` of model `OrgUnit` → `agencyId`. */
function foreignKeyField(failure: DatabaseFailure): string {
  const constraint = failure.meta?.driverAdapterError?.cause?.constraint?.index ?? '';
  const table = failure.meta?.modelName ? `${snake(failure.meta.modelName)}_` : '';
  const column = constraint.replace(/_fkey$/, '');
  return camel(column.startsWith(table) ? column.slice(table.length) : column) || 'input';
}

/** PostgreSQL's SQLSTATE of an error from the database, however it was wrapped. */
function sqlState(failure: DatabaseFailure): string | undefined {
  const cause = failure.cause ?? failure.meta?.driverAdapterError?.cause;
  return cause?.originalCode ?? cause?.code;
}

/**
 * Database errors a client can cause with its input, as the coded errors they are: a duplicate
 * (unique violation) is CONFLICT; a reference to nothing (foreign key), a malformed value (invalid
 * text such as a malformed uuid, a NUL character, a value too long for its column or index) is
 * BAD_USER_INPUT. Anything else stays unknown, is logged and masked.
 */
export function clientErrorFromDatabase(error: unknown): DomainError | undefined {
  if (!error || typeof error !== 'object') return undefined;
  const failure = error as DatabaseFailure;
  if (failure.code === 'P2002') {
    const fields = failure.meta?.driverAdapterError?.cause?.constraint?.fields ?? (Array.isArray(failure.meta?.target) ? failure.meta.target : []);
    return new ConflictError('A record with this value already exists', { fields: (fields as string[]).map(camel) });
  }
  if (failure.code === 'P2003') return new ValidationError({ field: foreignKeyField(failure), message: 'refers to a record that does not exist' });
  switch (sqlState(failure)) {
    case '22P02': // invalid_text_representation, e.g. a malformed uuid
      return new ValidationError({ field: 'input', message: 'a value is malformed (an id must be a uuid)' });
    case '22021': // character_not_in_repertoire: NUL
      return new ValidationError({ field: 'input', message: 'text must not contain NUL characters' });
    case '22001': // string_data_right_truncation
    case '54000': // program_limit_exceeded: an index entry too large
      return new ValidationError({ field: 'input', message: 'a value is too long' });
    default:
      return undefined;
  }
}
