import { EMPLOYEE_EVENT_TYPES } from '@kinerja/events';
import { forEmployeeEvents, type HandlerMap } from '@kinerja/messaging';

import type { EventStore } from '../../domain/repositories';
import { keepEmployeeCopyWhenEmployeeChanged } from './keep-employee-copy-when-employee-changed.handler';
import { qualifyCommitteeMemberWhenTrainingCompleted } from './qualify-committee-member-when-training-completed.handler';

/** The event types recruitment consumes; the module's `consumes` lists the same keys. */
export const RECRUITMENT_CONSUMES = [...EMPLOYEE_EVENT_TYPES, 'development.training.completed'] as const;

/** Every event recruitment consumes, and what it does with it. */
export function recruitmentHandlers(events: EventStore): HandlerMap {
  return {
    ...forEmployeeEvents(keepEmployeeCopyWhenEmployeeChanged(events)),
    'development.training.completed': qualifyCommitteeMemberWhenTrainingCompleted(events),
  };
}
