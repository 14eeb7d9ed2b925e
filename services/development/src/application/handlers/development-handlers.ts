import type { HandlerMap } from '@kinerja/messaging';

import { assignCoachingWhenSanctionIssued } from './assign-coaching-when-sanction-issued.handler';
import { assignLatsarWhenApplicantHired } from './assign-latsar-when-applicant-hired.handler';
import { assignTrainingWhenAssessmentFinalized } from './assign-training-when-assessment-finalized.handler';
import type { HandlerDeps } from './handler-deps';
import { keepEmployeeCopyWhenEmployeeChanged } from './keep-employee-copy-when-employee-changed.handler';

/** Every event development consumes, and what it does with it. */
export function developmentHandlers(deps: HandlerDeps): HandlerMap {
  const keepEmployeeCopy = keepEmployeeCopyWhenEmployeeChanged(deps);
  return {
    'identity.employee.registered': keepEmployeeCopy,
    'identity.employee.transferred': keepEmployeeCopy,
    'identity.employee.left': keepEmployeeCopy,
    'identity.employee.snapshot': keepEmployeeCopy,
    'performance.assessment.finalized': assignTrainingWhenAssessmentFinalized(deps),
    'performance.sanction.issued': assignCoachingWhenSanctionIssued(deps),
    'recruitment.applicant.hired': assignLatsarWhenApplicantHired(deps),
  };
}
