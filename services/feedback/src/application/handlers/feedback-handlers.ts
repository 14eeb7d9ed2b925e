import { forEmployeeEvents, type HandlerMap } from '@kinerja/messaging';

import type { HandlerDeps } from './handler-deps';
import { keepEmployeeCopyWhenEmployeeChanged } from './keep-employee-copy-when-employee-changed.handler';
import { scheduleFollowUpWhenAssessmentFinalized } from './schedule-follow-up-when-assessment-finalized.handler';

/** Every event feedback consumes, and what it does with it. */
export function feedbackHandlers(deps: HandlerDeps): HandlerMap {
  return {
    ...forEmployeeEvents(keepEmployeeCopyWhenEmployeeChanged(deps)),
    'performance.assessment.finalized': scheduleFollowUpWhenAssessmentFinalized(deps),
  };
}
