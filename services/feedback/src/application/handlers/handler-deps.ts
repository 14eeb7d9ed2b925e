import type { Clock, EventStore, IdGenerator } from '../../domain/repositories';

/** What every event handler of feedback needs: the transactional store, ids and the time. */
export interface HandlerDeps {
  events: EventStore;
  ids: IdGenerator;
  clock: Clock;
}
