import type { EmployeeFilterQuery, EmployeeSearch } from '../domain/repositories';
import { EMPLOYEE_COLUMNS } from './employee-reads.sql';

/**
 * The employee list's searches as plain SQL, each page reading a number of rows that does not grow
 * with the agency. A term's search keys (employee_search_key, kept by triggers on employee: the
 * lower-case words of each name, each two adjacent words, and the NIP's prefixes of 4, 6 and 8
 * digits) are walked on (agency_id, key, name, employee_id) in (name, id) order and merged, so a
 * page stops after its rows:
 * - a name term: the agency's name terms (employee_name_term) holding its longest two adjacent words, or its
 *   longest word when it has one, each walked with the term's ILIKE as the check (every match has such a term);
 * - a NIP prefix of 4, 6 or 8 digits: that key, exact.
 * Other terms (a NIP prefix of another length, a term whose words are all digits, more keys than
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
  /** Set for a statement whose text never changes, to prepare it once per connection. */
  prepare?: string;
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
 * What every match of a name term holds in one of its name terms: two adjacent words of the term
 * (both with a character other than a digit, the longest such pair; a match holds them at the end of
 * one word and the start of the next), else its longest such word (inside one word of the name).
 * Words are split at single spaces, as the triggers split names. Null when no word qualifies.
 */
export function nameSearchTerm(search: string): { words: 1 | 2; term: string } | null {
  const parts = search.split(' ');
  const usable = (part: string | undefined): part is string => part !== undefined && part !== '' && !/^[0-9]+$/.test(part);
  const longest = (candidates: string[]) => candidates.sort((x, y) => y.length - x.length)[0];
  const pair = longest(parts.flatMap((part, i) => (usable(part) && usable(parts[i + 1]) ? [`${part} ${parts[i + 1]}`] : [])));
  if (pair) return { words: 2, term: pair };
  const word = longest(parts.filter(usable));
  return word ? { words: 1, term: word } : null;
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
 * The first of a name search's two statements: the agency's name terms (as (agency, key) pairs)
 * that contain what nameSearchTerm picked, at most MAX_SEARCH_KEYS + 1. Null for a NIP search or a
 * term without a usable word.
 */
export function searchTermsStatement(query: EmployeeFilterQuery): Statement | null {
  const picked = query.search && !isNipSearch(query.search) ? nameSearchTerm(query.search) : null;
  if (!picked) return null;
  const params: unknown[] = [picked.words, namePattern(picked.term), MAX_SEARCH_KEYS + 1];
  const agencies = query.agencyIds === 'all' ? '' : `agency_id = ANY($${params.push([...query.agencyIds])}::uuid[]) AND`;
  return {
    text: `SELECT agency_id::text AS "agencyId", term AS "key" FROM employee_name_term WHERE ${agencies} words = $1 AND term LIKE lower($2) LIMIT $3`,
    params,
  };
}

/** The keys to walk for this search, or null when it has none (then it counts, and sorts or walks). */
function searchKeys(query: EmployeeSearch, terms: readonly SearchKey[] | null): SearchKey[] | null {
  if (!query.search) return null;
  if (isNipSearch(query.search)) {
    if (!NIP_KEY_LENGTHS.includes(query.search.length) || query.agencyIds === 'all') return null;
    const keys = query.agencyIds.map((agencyId) => ({ agencyId, key: query.search as string }));
    return keys.length <= MAX_SEARCH_KEYS ? keys : null;
  }
  return terms && terms.length <= MAX_SEARCH_KEYS ? [...terms] : null;
}

/**
 * One page in (name, id) order, one row more than asked to tell whether another page follows.
 * `terms` is what searchTermsStatement found (null when it was not run); the options are for tests
 * that compare the ways of reading a page.
 */
export function searchStatement(
  query: EmployeeSearch,
  terms: readonly SearchKey[] | null,
  { sortLimit = SEARCH_SORT_LIMIT, walkKeys = true }: { sortLimit?: number; walkKeys?: boolean } = {},
): Statement {
  const keys = walkKeys ? searchKeys(query, terms) : null;
  return keys ? keyWalkStatement(query, keys) : countedStatement(query, sortLimit);
}

/**
 * Each key's first rows in (name, id) order, walked on its index by employee_search_walk (see the
 * migration employee_search_keys), then the first of them all: a row among the page's first
 * `first + 1` is among the first `first + 1` of every key it is found under, so the page reads at
 * most that many matches per key. DISTINCT drops a row found under two keys.
 */
export const KEY_WALK = `SELECT ${EMPLOYEE_COLUMNS} FROM (
    SELECT DISTINCT k.name, k.employee_id FROM unnest($1::uuid[], $2::text[]) AS w(agency_id, key)
    CROSS JOIN LATERAL employee_search_walk(w.agency_id, w.key, $3, $4, $5::uuid, $6::uuid, $7) AS k
    ORDER BY k.name, k.employee_id LIMIT $7
  ) page JOIN employee e ON e.id = page.employee_id ORDER BY e.name, e.id`;

function keyWalkStatement(query: EmployeeSearch, keys: readonly SearchKey[]): Statement {
  const search = query.search as string;
  return {
    text: KEY_WALK,
    prepare: 'identity_employee_key_walk',
    params: [
      keys.map((key) => key.agencyId),
      keys.map((key) => key.key),
      isNipSearch(search) ? null : namePattern(search),
      query.after?.name ?? null,
      query.after?.id ?? null,
      query.orgUnitId ?? null,
      query.first + 1,
    ],
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
