import type { HandlerMap } from '@kinerja/messaging';

import type { EventStore } from '../../domain/repositories';
import { keepEmployeeCopyWhenEmployeeChanged } from './keep-employee-copy-when-employee-changed.handler';
import { qualifyCommitteeMemberWhenTrainingCompleted } from './qualify-committee-member-when-training-completed.handler';

/** The event types recruitment consumes; the module's `consumes` lists the same keys. */
export const RECRUITMENT_CONSUMES = [
  'identity.employee.registered',
  'identity.employee.transferred',
  'identity.employee.left',
  'identity.employee.snapshot',
  'development.training.completed',
] as const;

/** Every event recruitment consumes, and what it does with it. */
export function recruitmentHandlers(events: EventStore): HandlerMap {
  const keepEmployeeCopy = keepEmployeeCopyWhenEmployeeChanged(events);
  return {
    'identity.employee.registered': keepEmployeeCopy,
    'identity.employee.transferred': keepEmployeeCopy,
    'identity.employee.left': keepEmployeeCopy,
    'identity.employee.snapshot': keepEmployeeCopy,
    'development.training.completed': qualifyCommitteeMemberWhenTrainingCompleted(events),
  };
}
