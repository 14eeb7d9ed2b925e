import { forEmployeeEvents, type HandlerMap } from '@kinerja/messaging';

import { assignCoachingWhenSanctionIssued } from './assign-coaching-when-sanction-issued.handler';
import { assignLatsarWhenApplicantHired } from './assign-latsar-when-applicant-hired.handler';
import { assignTrainingWhenAssessmentFinalized } from './assign-training-when-assessment-finalized.handler';
import type { HandlerDeps } from './handler-deps';
import { keepEmployeeCopyWhenEmployeeChanged } from './keep-employee-copy-when-employee-changed.handler';

/** Every event development consumes, and what it does with it. */
export function developmentHandlers(deps: HandlerDeps): HandlerMap {
  return {
    ...forEmployeeEvents(keepEmployeeCopyWhenEmployeeChanged(deps)),
    'performance.assessment.finalized': assignTrainingWhenAssessmentFinalized(deps),
    'performance.sanction.issued': assignCoachingWhenSanctionIssued(deps),
    'recruitment.applicant.hired': assignLatsarWhenApplicantHired(deps),
  };
}
