import type { EmployeeFilterQuery, EmployeeSearch } from '../domain/repositories';
import { EMPLOYEE_COLUMNS } from './employee-reads.sql';

/**
 * The employee list's searches as plain SQL, each page reading a number of rows that does not grow
 * with the agency. A term's search keys (employee_search_key, kept by triggers on employee: the
 * lower-case words of each name and the NIP's prefixes of 4, 6 and 8 digits) are walked on
 * (agency_id, key, name, employee_id) in (name, id) order and merged, so a page stops after its rows:
 * - a name term: the agency's words (employee_name_word) containing its longest piece between
 *   spaces, each walked with the term's ILIKE as the check, since every match has such a word;
 * - a NIP prefix of 4, 6 or 8 digits: that key, exact.
 * Other terms (a NIP prefix of another length, a term whose pieces are all digits, more words than
 * MAX_SEARCH_KEYS) count their matches through the NIP prefix or trigram index up to a limit, then
 * sort them or walk the (agency_id, name, id) index.
 */
export interface SearchKey {
  agencyId: string;
  key: string;
}

interface Statement {
  text: string;
  params: unknown[];
}

/** More keys than this are not merged: the search falls back to counting and sorting or walking. */
export const MAX_SEARCH_KEYS = 64;

/** The NIP prefix lengths that are search keys (birth year, year and month, date of birth). */
const NIP_KEY_LENGTHS = [4, 6, 8];

/**
 * A search matching at most this many employees is read through its own index (trigram or NIP
 * prefix) and sorted; a broader one walks the (agency_id, name, id) index instead, where matches are
 * frequent. Used only when the search has no keys to walk.
 */
export const SEARCH_SORT_LIMIT = 1000;

/** The smallest string above every string that starts with `prefix`, compared byte-wise (`~<~`). */
export function prefixUpperBound(prefix: string): string {
  const last = prefix.charCodeAt(prefix.length - 1);
  return prefix.slice(0, -1) + String.fromCharCode(last + 1);
}

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (char) => `\\${char}`);
const isNipSearch = (search: string) => /^\d+$/.test(search);
const namePattern = (search: string) => `%${escapeLike(search)}%`;

/**
 * The piece of a name term that every match holds inside one word of the name: the longest run
 * between spaces that is not all digits (words of digits only are not keys). Null when there is none.
 */
export function nameSearchPiece(search: string): string | null {
  const pieces = search.split(' ').filter((piece) => piece !== '' && !/^[0-9]+$/.test(piece));
  return pieces.sort((a, b) => b.length - a.length)[0] ?? null;
}

/** The WHERE conditions of a filter, appending their parameters to `params`. */
function filterConditions(query: EmployeeFilterQuery, params: unknown[]): string[] {
  const conditions: string[] = [];
  const param = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  if (query.agencyIds !== 'all') {
    // One agency (the common case) as an equality, so that the (agency_id, name, id) index also gives the order.
    conditions.push(
      query.agencyIds.length === 1 ? `e.agency_id = ${param(query.agencyIds[0])}::uuid` : `e.agency_id = ANY(${param([...query.agencyIds])}::uuid[])`,
    );
  }
  if (query.orgUnitId) conditions.push(`e.org_unit_id = ${param(query.orgUnitId)}::uuid`);
  if (query.search) {
    if (isNipSearch(query.search)) {
      conditions.push(`e.nip ~>=~ ${param(query.search)} AND e.nip ~<~ ${param(prefixUpperBound(query.search))}`);
    } else {
      conditions.push(`e.name ILIKE ${param(namePattern(query.search))}`);
    }
  }
  return conditions;
}

const where = (conditions: readonly string[]) => (conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '');

/**
 * The first of a name search's two statements: the (agency, word) pairs whose word contains the
 * term's piece, at most MAX_SEARCH_KEYS + 1. Null for a NIP search or a term without a piece.
 */
export function searchWordsStatement(query: EmployeeFilterQuery): Statement | null {
  const piece = query.search && !isNipSearch(query.search) ? nameSearchPiece(query.search) : null;
  if (!piece) return null;
  const params: unknown[] = [namePattern(piece), MAX_SEARCH_KEYS + 1];
  const agencies = query.agencyIds === 'all' ? '' : `agency_id = ANY($${params.push([...query.agencyIds])}::uuid[]) AND`;
  return {
    text: `SELECT agency_id::text AS "agencyId", word AS "key" FROM employee_name_word WHERE ${agencies} word LIKE lower($1) LIMIT $2`,
    params,
  };
}

/** The keys to walk for this search, or null when it has none (then it counts, and sorts or walks). */
function searchKeys(query: EmployeeSearch, words: readonly SearchKey[] | null): SearchKey[] | null {
  if (!query.search) return null;
  if (isNipSearch(query.search)) {
    if (!NIP_KEY_LENGTHS.includes(query.search.length) || query.agencyIds === 'all') return null;
    const keys = query.agencyIds.map((agencyId) => ({ agencyId, key: query.search as string }));
    return keys.length <= MAX_SEARCH_KEYS ? keys : null;
  }
  return words && words.length <= MAX_SEARCH_KEYS ? [...words] : null;
}

/**
 * One page in (name, id) order, one row more than asked to tell whether another page follows.
 * `words` is what searchWordsStatement found (null when it was not run); the options are for tests
 * that compare the ways of reading a page.
 */
export function searchStatement(
  query: EmployeeSearch,
  words: readonly SearchKey[] | null,
  { sortLimit = SEARCH_SORT_LIMIT, walkKeys = true }: { sortLimit?: number; walkKeys?: boolean } = {},
): Statement {
  const keys = walkKeys ? searchKeys(query, words) : null;
  return keys ? keyWalkStatement(query, keys) : countedStatement(query, sortLimit);
}

/**
 * Each key's first rows in (name, id) order, walked on its index, then the first of them all: a row
 * among the page's first `first + 1` is among the first `first + 1` of every key it is found under,
 * so the page reads at most that many matches per key. UNION drops a row found under two keys.
 */
function keyWalkStatement(query: EmployeeSearch, keys: readonly SearchKey[]): Statement {
  const params: unknown[] = [];
  const param = (value: unknown) => `$${params.push(value)}`;
  if (keys.length === 0) return { text: `SELECT ${EMPLOYEE_COLUMNS} FROM employee e WHERE false`, params };
  const search = query.search as string;
  const limit = param(query.first + 1);
  const check = isNipSearch(search) ? '' : ` AND k.name ILIKE ${param(namePattern(search))}`;
  const after = query.after ? ` AND (k.name, k.employee_id) > (${param(query.after.name)}, ${param(query.after.id)}::uuid)` : '';
  const unit = query.orgUnitId ? ` AND EXISTS (SELECT 1 FROM employee u WHERE u.id = k.employee_id AND u.org_unit_id = ${param(query.orgUnitId)}::uuid)` : '';
  const walks = keys.map(
    ({ agencyId, key }) =>
      `(SELECT k.name, k.employee_id FROM employee_search_key k WHERE k.agency_id = ${param(agencyId)}::uuid AND k.key = ${param(key)}${check}${after}${unit}
        ORDER BY k.name, k.employee_id LIMIT ${limit})`,
  );
  return {
    text: `SELECT ${EMPLOYEE_COLUMNS} FROM (SELECT w.name, w.employee_id FROM (${walks.join(' UNION ')}) w ORDER BY w.name, w.employee_id LIMIT ${limit}) page
      JOIN employee e ON e.id = page.employee_id ORDER BY e.name, e.id`,
    params,
  };
}

/** A search without keys: its matches counted up to `sortLimit`, then sorted, or the name index walked. */
function countedStatement(query: EmployeeSearch, sortLimit: number): Statement {
  const params: unknown[] = [];
  const conditions = filterConditions(query, params);
  if (query.after) {
    params.push(query.after.name, query.after.id);
    conditions.push(`(e.name, e.id) > ($${params.length - 1}, $${params.length}::uuid)`);
  }
  params.push(query.first + 1);
  const limit = `$${params.length}`;
  const walk = `SELECT ${EMPLOYEE_COLUMNS} FROM employee e ${where(conditions)} ORDER BY e.name, e.id LIMIT ${limit}`;
  if (!query.search) return { text: walk, params };
  params.push(sortLimit + 1);
  const cap = `$${params.length}`;
  // Both branches are planned; the one-time filter on the candidates' count runs only one of them.
  const text = `WITH candidates AS MATERIALIZED (SELECT e.id FROM employee e ${where(conditions)} LIMIT ${cap})
    SELECT * FROM (
      (SELECT ${EMPLOYEE_COLUMNS} FROM employee e
        WHERE e.id IN (SELECT id FROM candidates) AND (SELECT count(*) FROM candidates) < ${cap}
        ORDER BY e.name, e.id LIMIT ${limit})
      UNION ALL
      (${walk.replace(where(conditions), `${where(conditions)} AND (SELECT count(*) FROM candidates) >= ${cap}`)})
    ) page ORDER BY page.name, page.id`;
  return { text, params };
}

export function countStatement(query: EmployeeFilterQuery): Statement {
  const params: unknown[] = [];
  return { text: `SELECT count(*)::int AS "count" FROM employee e ${where(filterConditions(query, params))}`, params };
}
