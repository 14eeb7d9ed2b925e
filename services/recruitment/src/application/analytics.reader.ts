import { canManageAgency, hasRole, type Viewer } from '@kinerja/auth';
import { ForbiddenError, NotFoundError } from '@kinerja/errors';
import { assertEntityId, isEntityId } from '@kinerja/kernel';

import type { SurveySummary, VacancyFunnel } from '../domain/funnel';
import type { Repositories } from '../domain/repositories';
import { SURVEY_QUESTIONS, SURVEY_REPORTING_THRESHOLD } from '../domain/survey.rule';

/** HR (and the province admin) and the agency's auditors read the funnel and the survey. */
const canAnalyse = (viewer: Viewer, agencyId: string) => canManageAgency(viewer, agencyId) || hasRole(viewer, 'AUDITOR', agencyId);

function refuse(viewer: Viewer, agencyId: string, entity: string, id: string, field: string): never {
  if (viewer.agencyId === agencyId) throw new ForbiddenError('Only HR and auditors of the agency read recruitment analytics');
  throw new NotFoundError(entity, id, field);
}

export class AnalyticsReader {
  constructor(private readonly repositories: Pick<Repositories, 'selections' | 'vacancies' | 'surveys' | 'funnels'>) {}

  /** The funnel per vacancy of the agency (or the one vacancy), then the total. */
  async funnel(viewer: Viewer, agencyId: string, vacancyId: string | null): Promise<VacancyFunnel[]> {
    assertEntityId(agencyId, 'agencyId');
    if (vacancyId !== null) {
      const [vacancy] = isEntityId(vacancyId) ? await this.repositories.vacancies.byIds([vacancyId]) : [];
      if (!vacancy || vacancy.agencyId !== agencyId) throw new NotFoundError('Vacancy', vacancyId, 'vacancyId');
    }
    if (!canAnalyse(viewer, agencyId)) refuse(viewer, agencyId, 'Agency', agencyId, 'agencyId');
    return this.repositories.funnels.funnel(agencyId, vacancyId);
  }

  /** How many answered and the mean per statement, shown from SURVEY_REPORTING_THRESHOLD answers. */
  async surveySummary(viewer: Viewer, selectionId: string): Promise<SurveySummary> {
    const [selection] = isEntityId(selectionId) ? await this.repositories.selections.byIds([selectionId]) : [];
    if (!selection) throw new NotFoundError('Selection', selectionId, 'selectionId');
    if (!canAnalyse(viewer, selection.agencyId)) refuse(viewer, selection.agencyId, 'Selection', selectionId, 'selectionId');
    return this.repositories.surveys.summary(selection.id, SURVEY_REPORTING_THRESHOLD, SURVEY_QUESTIONS);
  }
}
