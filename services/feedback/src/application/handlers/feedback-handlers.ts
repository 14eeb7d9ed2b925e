import type { HandlerMap } from '@kinerja/messaging';

import type { HandlerDeps } from './handler-deps';
import { keepEmployeeCopyWhenEmployeeChanged } from './keep-employee-copy-when-employee-changed.handler';
import { scheduleFollowUpWhenAssessmentFinalized } from './schedule-follow-up-when-assessment-finalized.handler';

/** Every event feedback consumes, and what it does with it. */
export function feedbackHandlers(deps: HandlerDeps): HandlerMap {
  const keepEmployeeCopy = keepEmployeeCopyWhenEmployeeChanged(deps);
  return {
    'identity.employee.registered': keepEmployeeCopy,
    'identity.employee.transferred': keepEmployeeCopy,
    'identity.employee.left': keepEmployeeCopy,
    'identity.employee.snapshot': keepEmployeeCopy,
    'performance.assessment.finalized': scheduleFollowUpWhenAssessmentFinalized(deps),
  };
}
