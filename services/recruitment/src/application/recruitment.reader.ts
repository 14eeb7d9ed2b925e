import { assertAuthenticated, canManageAgency, canReadAgency, hasRole, type Viewer } from '@kinerja/auth';
import { ForbiddenError, NotFoundError, ValidationError } from '@kinerja/errors';
import { isEntityId } from '@kinerja/kernel';

import type { Applicant } from '../domain/applicant';
import type { Application } from '../domain/application';
import { mayRead, type ReadScope, readScope } from '../domain/committee.rule';
import type { Formation } from '../domain/formation';
import type { Repositories } from '../domain/repositories';
import type { Selection } from '../domain/selection';
import type { Objection, Stage } from '../domain/stage';
import type { Vacancy } from '../domain/vacancy';

export interface Page<T> {
  nodes: T[];
  hasNextPage: boolean;
  endCursor: string | null;
}

const MAX_PAGE = 100;

const encodeCursor = (vacancy: Vacancy) => Buffer.from(`${vacancy.publishedAt.toISOString()}|${vacancy.id}`).toString('base64url');

function decodeCursor(cursor: string): { publishedAt: Date; id: string } {
  const [at, id] = Buffer.from(cursor, 'base64url').toString().split('|');
  const publishedAt = new Date(at ?? '');
  if (!isEntityId(id) || Number.isNaN(publishedAt.getTime())) throw new ValidationError({ field: 'after', message: 'is not a cursor of this list' });
  return { publishedAt, id };
}

const scopeRefusal = (reason: 'NOT_APPOINTED' | 'NOT_STAFF', what: string) =>
  reason === 'NOT_APPOINTED'
    ? `Only the committee appointed to this selection (and the agency's HR) see its ${what}`
    : `Only HR and the selection committee of the agency see the ${what}`;

/** Reads for the graph; another agency's record answers exactly like one that does not exist. */
export class RecruitmentReader {
  constructor(
    private readonly repositories: Pick<Repositories, 'formations' | 'selections' | 'vacancies' | 'applicants' | 'applications' | 'objections' | 'committee'>,
  ) {}

  /** HR, the province admin and auditors read every application of the agency; a committee member, their selections' but for their conflicts. */
  private async scopeOf(viewer: Viewer, selection: { id: string; agencyId: string }): Promise<ReadScope> {
    const fullAccess = canManageAgency(viewer, selection.agencyId) || hasRole(viewer, 'AUDITOR', selection.agencyId);
    const member = !fullAccess && viewer.employeeId !== null && hasRole(viewer, 'SELECTION_COMMITTEE', selection.agencyId);
    return readScope(fullAccess, member ? await this.repositories.committee.standing(selection.id, viewer.employeeId as string) : null);
  }

  /** For `_entities` and the loaders: null for what is unknown, malformed or not the viewer's to see. */
  async visible(viewer: Viewer, ids: readonly string[]): Promise<(Vacancy | null)[]> {
    const wellFormed = ids.filter(isEntityId);
    const found = new Map((wellFormed.length > 0 ? await this.repositories.vacancies.byIds(wellFormed) : []).map((record) => [record.id, record]));
    return ids.map((id) => {
      const record = found.get(id);
      return record && canReadAgency(viewer, record.agencyId) ? record : null;
    });
  }

  async one(viewer: Viewer, id: string): Promise<Vacancy> {
    const [record] = await this.visible(viewer, [id]);
    if (!record) throw new NotFoundError('Vacancy', id, 'id');
    return record;
  }

  /** Published vacancies for anyone, newest first. */
  async publicVacancies(options: { agencyId: string | null; first: number; after: string | null }): Promise<Page<Vacancy>> {
    if (!Number.isInteger(options.first) || options.first < 1 || options.first > MAX_PAGE)
      throw new ValidationError({ field: 'first', message: `must be 1 to ${MAX_PAGE}` });
    if (options.agencyId !== null && !isEntityId(options.agencyId)) return { nodes: [], hasNextPage: false, endCursor: null };
    const rows = await this.repositories.vacancies.page({
      agencyId: options.agencyId,
      after: options.after ? decodeCursor(options.after) : null,
      first: options.first + 1,
    });
    const nodes = rows.slice(0, options.first);
    const last = nodes[nodes.length - 1];
    return { nodes, hasNextPage: rows.length > options.first, endCursor: last ? encodeCursor(last) : null };
  }

  async selectionsByIds(ids: readonly string[]): Promise<Map<string, Selection>> {
    return new Map((await this.repositories.selections.byIds(ids)).map((s) => [s.id, s]));
  }

  async formation(viewer: Viewer, id: string): Promise<Formation> {
    const [formation] = isEntityId(id) ? await this.repositories.formations.byIds([id]) : [];
    if (!formation || !canReadAgency(viewer, formation.agencyId)) throw new NotFoundError('Formation', id, 'id');
    return formation;
  }

  async selection(viewer: Viewer, id: string): Promise<Selection> {
    const [selection] = isEntityId(id) ? await this.repositories.selections.byIds([id]) : [];
    if (!selection || !canReadAgency(viewer, selection.agencyId)) throw new NotFoundError('Selection', id, 'id');
    return selection;
  }

  async myApplicant(viewer: Viewer): Promise<Applicant | null> {
    return viewer.userId ? this.repositories.applicants.byUserId(viewer.userId) : null;
  }

  /** The applicant's own applications, with their status. */
  async myApplications(viewer: Viewer): Promise<Application[]> {
    assertAuthenticated(viewer);
    const applicant = await this.repositories.applicants.byUserId(viewer.userId);
    return applicant ? this.repositories.applications.ofApplicant(applicant.id) : [];
  }

  /**
   * The applicant's own; the agency's HR and auditors (and the province admin) any; a committee
   * member only in a selection they are appointed to and never one they declared a conflict with.
   */
  async application(viewer: Viewer, id: string): Promise<Application> {
    const [application] = isEntityId(id) ? await this.repositories.applications.byIds([id]) : [];
    if (!application || viewer.userId === null) throw new NotFoundError('Application', id, 'id');
    const [applicant] = await this.repositories.applicants.byIds([application.applicantId]);
    if (applicant?.userId === viewer.userId) return application;
    const scope = await this.scopeOf(viewer, { id: application.selectionId, agencyId: application.agencyId });
    if (mayRead(scope, application.id)) return application;
    if (scope.kind === 'NONE' && scope.reason === 'NOT_STAFF') throw new NotFoundError('Application', id, 'id');
    throw new ForbiddenError(
      scope.kind === 'ALL_BUT'
        ? `You declared a conflict of interest with applicant ${application.registrationNumber}`
        : 'You are not on the committee of this application’s selection',
    );
  }

  /** The applications of a vacancy: all for HR and auditors, a committee member's selection's but for their conflicts. */
  async applicationsOf(viewer: Viewer, vacancyId: string): Promise<Application[]> {
    const [vacancy] = isEntityId(vacancyId) ? await this.repositories.vacancies.byIds([vacancyId]) : [];
    if (!vacancy || !canReadAgency(viewer, vacancy.agencyId)) throw new NotFoundError('Vacancy', vacancyId, 'vacancyId');
    const scope = await this.scopeOf(viewer, { id: vacancy.selectionId, agencyId: vacancy.agencyId });
    if (scope.kind === 'NONE') throw new ForbiddenError(scopeRefusal(scope.reason, 'applications'));
    return (await this.repositories.applications.ofVacancy(vacancy.id)).filter((a) => mayRead(scope, a.id));
  }

  async objections(viewer: Viewer, selectionId: string, stage: Stage): Promise<Objection[]> {
    const selection = await this.selection(viewer, selectionId);
    const scope = await this.scopeOf(viewer, selection);
    if (scope.kind === 'NONE') throw new ForbiddenError(scopeRefusal(scope.reason, 'objections'));
    return (await this.repositories.objections.ofStage(selection.id, stage)).filter((o) => mayRead(scope, o.applicationId));
  }
}
