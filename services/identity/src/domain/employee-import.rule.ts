import { ValidationError } from '@kinerja/errors';

import { type Employee, EMPLOYMENT_TYPES, newEmployee } from './employee';
import {
  IMPORT_COLUMNS,
  type ImportColumn,
  type ImportProblem,
  importProblem,
  type ImportRow,
  nipProblemInIndonesian,
  REQUIRED_COLUMNS,
} from './employee-import.file';
import type { OrgUnit, Position } from './organisation';

/**
 * Bulk import of employees (issue 17): the pure rules. A file is a header row and data rows; each
 * data row describes one employee by NIP (the key). `checkImport` checks every row against the
 * file itself and the agency's data, and `planImport` turns the valid rows into the changes to write.
 */

export interface AgencyState {
  agencyId: string;
  units: readonly OrgUnit[];
  positions: readonly Position[];
  /** Every employee of the agency (any status). */
  employees: readonly Employee[];
  /** NIPs of the file registered in other agencies. */
  nipsElsewhere: ReadonlySet<string>;
}

/** A checked row: the employee it describes and the supervisor position it sets for the employee's position. */
export interface CheckedRow {
  row: number;
  employee: Employee;
  existing: Employee | null;
  /** undefined: the row leaves the position's reporting line as it is. */
  supervisorPositionId: string | undefined;
}

export interface ImportCheck {
  valid: CheckedRow[];
  problems: ImportProblem[];
  invalidRows: number;
}

const MAX_RANK = 50;

interface Resolved {
  row: ImportRow;
  employee: Employee;
  existing: Employee | null;
  unit: OrgUnit;
  /** Positions the row may take: those with its title in its unit (several posts may share a title). */
  candidates: Position[];
  supervisorPositionId: string | undefined;
}

/**
 * Checks every row against the file and the agency: the row-level rules first (the same NIP,
 * name and e-mail rules as registerEmployee), then who holds which position and the reporting
 * line, repeated until no more rows fall out (a row that falls out keeps its employee where they
 * are, which may take a position another row counted on or close a loop).
 * `newId` names new employees; `today` bounds the NIP's dates.
 */
export function checkImport(rows: readonly ImportRow[], state: AgencyState, today: Date, newId: () => string): ImportCheck {
  const steps = checkImportSteps(rows, state, today, newId);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** Rows checked before the check pauses to tell its progress. */
export const CHECK_STEP_ROWS = 1_000;

/**
 * `checkImport` in steps: yields the number of rows checked every CHECK_STEP_ROWS rows, so that a
 * caller can show the progress between them; returns the same check.
 */
export function* checkImportSteps(rows: readonly ImportRow[], state: AgencyState, today: Date, newId: () => string): Generator<number, ImportCheck, void> {
  const problems: ImportProblem[] = [];
  const byNip = new Map(state.employees.map((employee) => [employee.nip, employee]));
  const unitByKey = new Map<string, OrgUnit>();
  for (const unit of state.units) unitByKey.set(unit.code.toUpperCase(), unit);
  const unitsByName = new Map<string, OrgUnit[]>();
  for (const unit of state.units) unitsByName.set(unit.name.toLowerCase(), [...(unitsByName.get(unit.name.toLowerCase()) ?? []), unit]);
  const positionsByUnitTitle = new Map<string, Position[]>();
  const positionsByTitle = new Map<string, Position[]>();
  for (const position of [...state.positions].sort((a, b) => (a.id < b.id ? -1 : 1))) {
    const key = `${position.orgUnitId}\u0000${position.title.toLowerCase()}`;
    positionsByUnitTitle.set(key, [...(positionsByUnitTitle.get(key) ?? []), position]);
    positionsByTitle.set(position.title.toLowerCase(), [...(positionsByTitle.get(position.title.toLowerCase()) ?? []), position]);
  }

  const firstRowOfNip = new Map<string, number>();
  const nipCount = new Map<string, number>();
  for (const row of rows) {
    const nip = (row.cells.nip ?? '').replace(/\s+/g, '');
    if (nip) nipCount.set(nip, (nipCount.get(nip) ?? 0) + 1);
  }

  let resolved: Resolved[] = [];
  for (const [index, row] of rows.entries()) {
    if (index > 0 && index % CHECK_STEP_ROWS === 0) yield index;
    const own: ImportProblem[] = [];
    const cell = (column: ImportColumn) => row.cells[column] ?? '';
    for (const column of REQUIRED_COLUMNS) if (cell(column) === '') own.push(importProblem(row.row, column, 'VALUE_REQUIRED'));
    const nip = cell('nip').replace(/\s+/g, '');
    const typeText = cell('type').toUpperCase();
    const type = EMPLOYMENT_TYPES.find((candidate) => candidate === typeText);
    if (typeText !== '' && !type) own.push(importProblem(row.row, 'type', 'TYPE_INVALID', { value: cell('type'), allowed: EMPLOYMENT_TYPES.join(', ') }));
    if (cell('rank').length > MAX_RANK) own.push(importProblem(row.row, 'rank', 'RANK_INVALID'));
    let employee: Employee | null = null;
    if (nip !== '' && cell('name') !== '') {
      try {
        employee = newEmployee(
          '',
          {
            agencyId: state.agencyId,
            nip,
            name: cell('name'),
            email: cell('email') || null,
            employmentType: type ?? 'PNS',
            rank: cell('rank') || null,
            orgUnitId: '',
            positionId: null,
          },
          today,
        );
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        const nipProblems = error.problems.filter((p) => p.field.startsWith('nip'));
        if (nipProblems.length > 0) {
          const detail = nipProblems.map((p) => p.message).join('; ');
          own.push(importProblem(row.row, 'nip', 'NIP_INVALID', { detail, detailId: nipProblems.map(nipProblemInIndonesian).join('; ') }));
        }
        if (error.problems.some((p) => p.field === 'name')) own.push(importProblem(row.row, 'name', 'NAME_INVALID'));
        if (error.problems.some((p) => p.field === 'email')) own.push(importProblem(row.row, 'email', 'EMAIL_INVALID', { value: cell('email') }));
      }
    }
    if (nip !== '' && (nipCount.get(nip) ?? 0) > 1) {
      const first = firstRowOfNip.get(nip);
      if (first === undefined) firstRowOfNip.set(nip, row.row);
      const other = first ?? rows.find((candidate) => candidate !== row && (candidate.cells.nip ?? '').replace(/\s+/g, '') === nip)?.row ?? row.row;
      own.push(importProblem(row.row, 'nip', 'NIP_DUPLICATE_IN_FILE', { nip, other }));
    }
    if (nip !== '' && state.nipsElsewhere.has(nip)) own.push(importProblem(row.row, 'nip', 'NIP_IN_OTHER_AGENCY', { nip }));
    const existing = byNip.get(nip) ?? null;
    if (existing?.status === 'LEFT') own.push(importProblem(row.row, 'nip', 'EMPLOYEE_LEFT', { nip }));

    const unitText = cell('unit');
    const byName = unitsByName.get(unitText.toLowerCase()) ?? [];
    const unit = unitByKey.get(unitText.toUpperCase()) ?? (byName.length === 1 ? byName[0] : undefined);
    if (unitText !== '' && !unit) own.push(importProblem(row.row, 'unit', 'UNIT_UNKNOWN', { value: unitText }));
    const positionText = cell('position');
    const candidates = unit && positionText !== '' ? (positionsByUnitTitle.get(`${unit.id}\u0000${positionText.toLowerCase()}`) ?? []) : [];
    if (unit && positionText !== '' && candidates.length === 0)
      own.push(importProblem(row.row, 'position', 'POSITION_UNKNOWN', { value: positionText, unit: unit.code }));
    const supervisorText = cell('supervisorPosition');
    let supervisorPositionId: string | undefined;
    if (supervisorText !== '') {
      const supervisors = positionsByTitle.get(supervisorText.toLowerCase()) ?? [];
      if (positionText === '') own.push(importProblem(row.row, 'supervisorPosition', 'SUPERVISOR_WITHOUT_POSITION'));
      else if (supervisors.length === 0) own.push(importProblem(row.row, 'supervisorPosition', 'SUPERVISOR_POSITION_UNKNOWN', { value: supervisorText }));
      else if (supervisors.length > 1)
        own.push(importProblem(row.row, 'supervisorPosition', 'SUPERVISOR_POSITION_AMBIGUOUS', { value: supervisorText, count: supervisors.length }));
      else supervisorPositionId = supervisors[0]!.id;
    }
    if (own.length > 0 || !employee || !unit || !type) {
      problems.push(...own);
      continue;
    }
    resolved.push({
      row,
      existing,
      unit,
      candidates,
      supervisorPositionId,
      employee: { ...employee, id: existing?.id ?? newId(), employmentType: type, orgUnitId: unit.id, status: existing?.status ?? 'ACTIVE' },
    });
  }

  // Who holds which position, and the reporting line, over the rows still valid; again while rows fall out.
  const supervisorOf = new Map(state.positions.map((position) => [position.id, position.supervisorPositionId]));
  const titleOf = new Map(state.positions.map((position) => [position.id, position.title]));
  for (;;) {
    const fallen = new Map<Resolved, ImportProblem>();
    const inFile = new Set(resolved.map((r) => r.employee.id));
    const holderOf = new Map<string, string>();
    for (const employee of state.employees)
      if (employee.positionId && employee.status !== 'LEFT' && !inFile.has(employee.id)) holderOf.set(employee.positionId, employee.id);
    const assigned = new Map<Resolved, string | null>();
    // Rows keeping the position their employee holds first, then the others in file order.
    for (const r of resolved) {
      const current = r.existing?.positionId;
      if (current && r.candidates.some((p) => p.id === current)) {
        assigned.set(r, current);
        holderOf.set(current, r.employee.id);
      }
    }
    for (const r of resolved) {
      if (assigned.has(r)) continue;
      if (r.candidates.length === 0) {
        assigned.set(r, null);
        continue;
      }
      const free = r.candidates.find((p) => !holderOf.has(p.id));
      if (!free) {
        fallen.set(r, importProblem(r.row.row, 'position', 'POSITION_TAKEN', { value: r.row.cells.position ?? '', unit: r.unit.code }));
        continue;
      }
      assigned.set(r, free.id);
      holderOf.set(free.id, r.employee.id);
    }
    const edges = new Map(supervisorOf);
    for (const [r, positionId] of assigned) if (positionId && r.supervisorPositionId !== undefined) edges.set(positionId, r.supervisorPositionId);
    const cyclic = positionsOnCycles(edges);
    for (const [r, positionId] of assigned) {
      if (positionId && r.supervisorPositionId !== undefined && cyclic.has(positionId)) {
        fallen.set(r, importProblem(r.row.row, 'supervisorPosition', 'REPORTING_CYCLE', { value: titleOf.get(r.supervisorPositionId) ?? '' }));
      }
    }
    if (fallen.size === 0) {
      const valid = resolved.map((r) => ({
        row: r.row.row,
        existing: r.existing,
        employee: { ...r.employee, positionId: assigned.get(r) ?? null },
        supervisorPositionId: assigned.get(r) ? r.supervisorPositionId : undefined,
      }));
      problems.sort((a, b) => a.row - b.row || IMPORT_COLUMNS.indexOf(a.column) - IMPORT_COLUMNS.indexOf(b.column));
      return { valid, problems, invalidRows: new Set(problems.map((p) => p.row)).size };
    }
    problems.push(...fallen.values());
    resolved = resolved.filter((r) => !fallen.has(r));
  }
}

/** The positions that lie on a loop of the reporting line (position → supervisor position). */
export function positionsOnCycles(edges: ReadonlyMap<string, string | null>): Set<string> {
  const state = new Map<string, 'open' | 'done'>();
  const cyclic = new Set<string>();
  for (const start of edges.keys()) {
    if (state.has(start)) continue;
    const path: string[] = [];
    let node: string | null | undefined = start;
    while (node && !state.has(node)) {
      state.set(node, 'open');
      path.push(node);
      node = edges.get(node);
    }
    if (node && state.get(node) === 'open') {
      // The walk came back to a node of this walk: everything from it on is the loop.
      for (let i = path.indexOf(node); i < path.length; i += 1) cyclic.add(path[i]!);
    }
    for (const visited of path) state.set(visited, 'done');
  }
  return cyclic;
}

/** One employee's change of an import, with the audit action and the event it is told with. */
export interface EmployeeChange {
  before: Employee | null;
  after: Employee;
  /** employee.registered, employee.transferred (unit or position changed) or employee.updated. */
  action: 'employee.registered' | 'employee.transferred' | 'employee.updated';
}

export interface PositionChange {
  before: Position;
  after: Position;
}

export interface ImportPlan {
  created: Employee[];
  changed: EmployeeChange[];
  positions: PositionChange[];
  unchanged: number;
  /** Each employee's supervisor (an employee id) before and after the import, for the events. */
  supervisorBefore: ReadonlyMap<string, string | null>;
  supervisorAfter: ReadonlyMap<string, string | null>;
  /** Employees not changed by a row whose supervisor changes with the import: a snapshot event each. */
  newSupervisor: Employee[];
}

const SAME_FIELDS = ['name', 'email', 'employmentType', 'rank', 'orgUnitId', 'positionId'] as const;

const MAX_CHAIN = 20;

/**
 * Each active employee's supervisor: the holder of the position their position reports to, or
 * when that post is vacant the next filled post up the line (as resolveSupervisors does).
 */
export function supervisorsOf(employees: readonly Employee[], supervisorOfPosition: ReadonlyMap<string, string | null>): Map<string, string | null> {
  const holder = new Map<string, string>();
  for (const employee of employees) if (employee.positionId && employee.status !== 'LEFT') holder.set(employee.positionId, employee.id);
  const result = new Map<string, string | null>();
  for (const employee of employees) {
    let found: string | null = null;
    let position = employee.positionId ? supervisorOfPosition.get(employee.positionId) : null;
    for (let level = 0; position && level < MAX_CHAIN; level += 1) {
      const id = holder.get(position);
      if (id) {
        found = id;
        break;
      }
      position = supervisorOfPosition.get(position);
    }
    result.set(employee.id, found);
  }
  return result;
}

/**
 * The writes of the checked rows: new employees, employees with a changed field (only those), the
 * positions whose supervisor changes, and who else gets a new supervisor through them. A row equal
 * to what is stored is no change at all.
 */
export function planImport(valid: readonly CheckedRow[], state: AgencyState): ImportPlan {
  const created: Employee[] = [];
  const changed: EmployeeChange[] = [];
  let unchanged = 0;
  const positionById = new Map(state.positions.map((p) => [p.id, p]));
  const supervisorBefore = new Map(state.positions.map((p) => [p.id, p.supervisorPositionId]));
  const supervisorAfterOfPosition = new Map(supervisorBefore);
  const positions: PositionChange[] = [];
  for (const row of valid) {
    const { employee, existing } = row;
    if (!existing) created.push(employee);
    else if (SAME_FIELDS.some((field) => existing[field] !== employee[field])) {
      const moved = existing.orgUnitId !== employee.orgUnitId || existing.positionId !== employee.positionId;
      changed.push({ before: existing, after: employee, action: moved ? 'employee.transferred' : 'employee.updated' });
    } else unchanged += 1;
    const positionId = employee.positionId;
    if (positionId && row.supervisorPositionId !== undefined && supervisorBefore.get(positionId) !== row.supervisorPositionId) {
      const before = positionById.get(positionId)!;
      if (!positions.some((p) => p.before.id === positionId)) positions.push({ before, after: { ...before, supervisorPositionId: row.supervisorPositionId } });
      supervisorAfterOfPosition.set(positionId, row.supervisorPositionId);
    }
  }
  const afterById = new Map(state.employees.map((e) => [e.id, e]));
  for (const employee of created) afterById.set(employee.id, employee);
  for (const change of changed) afterById.set(change.after.id, change.after);
  const before = supervisorsOf(state.employees, supervisorBefore);
  const supervisorAfter = supervisorsOf([...afterById.values()], supervisorAfterOfPosition);
  const touched = new Set([...created, ...changed.map((c) => c.after)].map((e) => e.id));
  const newSupervisor = state.employees.filter(
    (e) => e.status !== 'LEFT' && !touched.has(e.id) && (before.get(e.id) ?? null) !== (supervisorAfter.get(e.id) ?? null),
  );
  return { created, changed, positions, unchanged, supervisorBefore: before, supervisorAfter, newSupervisor };
}

export {
  IMPORT_COLUMNS,
  IMPORT_PROBLEM_CODES,
  type ImportColumn,
  type ImportProblem,
  importProblem,
  type ImportProblemCode,
  type ImportRow,
  nipProblemInIndonesian,
  rowsOfCells,
} from './employee-import.file';
