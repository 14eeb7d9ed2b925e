import { type FieldProblem, ValidationError } from '@kinerja/errors';

export const AGENCY_KINDS = ['PROVINCE', 'REGENCY', 'CITY'] as const;
export type AgencyKind = (typeof AGENCY_KINDS)[number];

/** Instansi: a province, regency (kabupaten) or city (kota) government. */
export interface Agency {
  id: string;
  code: string;
  name: string;
  kind: AgencyKind;
  parentId: string | null;
}

/** Unit kerja: a node of the organisation tree inside one agency. */
export interface OrgUnit {
  id: string;
  agencyId: string;
  parentId: string | null;
  code: string;
  name: string;
}

/** Jabatan: a post in a unit, reporting to a supervising position. */
export interface Position {
  id: string;
  agencyId: string;
  orgUnitId: string;
  title: string;
  supervisorPositionId: string | null;
}

const CODE = /^[A-Z0-9][A-Z0-9._-]{0,31}$/;

function requireText(problems: FieldProblem[], field: string, value: string, max = 200): string {
  const trimmed = value.trim();
  if (trimmed.length === 0) problems.push({ field, message: 'must not be empty' });
  else if (trimmed.length > max) problems.push({ field, message: `must be at most ${max} characters` });
  return trimmed;
}

function requireCode(problems: FieldProblem[], value: string): string {
  const code = value.trim().toUpperCase();
  if (!CODE.test(code)) problems.push({ field: 'code', message: 'must be 1-32 letters, digits, dots, dashes or underscores' });
  return code;
}

function throwIfAny(problems: FieldProblem[]): void {
  if (problems.length > 0) throw new ValidationError(problems);
}

export function newAgency(id: string, input: { code: string; name: string; kind: AgencyKind; parentId: string | null }): Agency {
  const problems: FieldProblem[] = [];
  const agency = { id, code: requireCode(problems, input.code), name: requireText(problems, 'name', input.name), kind: input.kind, parentId: input.parentId };
  if (input.kind === 'PROVINCE' && input.parentId) problems.push({ field: 'parentId', message: 'a province has no parent agency' });
  if (input.kind !== 'PROVINCE' && !input.parentId) problems.push({ field: 'parentId', message: 'a regency or city belongs to a province' });
  throwIfAny(problems);
  return agency;
}

export function newOrgUnit(id: string, input: { agencyId: string; parentId: string | null; code: string; name: string }): OrgUnit {
  const problems: FieldProblem[] = [];
  const unit = {
    id,
    agencyId: input.agencyId,
    parentId: input.parentId,
    code: requireCode(problems, input.code),
    name: requireText(problems, 'name', input.name),
  };
  throwIfAny(problems);
  return unit;
}

export function newPosition(id: string, input: { agencyId: string; orgUnitId: string; title: string; supervisorPositionId: string | null }): Position {
  const problems: FieldProblem[] = [];
  const position = { ...input, id, title: requireText(problems, 'title', input.title) };
  throwIfAny(problems);
  return position;
}
