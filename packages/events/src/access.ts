import { EVENT_CATALOGUE, EVENT_TYPES, type Service } from './catalogue';
import { deadLetterTopicOf, topicOf } from './envelope';

/** What one service's broker principal may do, derived from the catalogue (who produces, who consumes). */
export interface TopicAccess {
  service: Service;
  /** The topics of the events it produces, and the dead-letter topics of what it consumes. */
  write: string[];
  /** The topics of the events it consumes (its handlers; a drift test holds `consumers` to them). */
  read: string[];
  /** Its consumer group (one per service, named after it). */
  group: string;
}

export const SERVICES: readonly Service[] = ['identity', 'performance', 'feedback', 'development', 'recruitment'];

/**
 * Least privilege on the broker: a service writes only its own topics (and dead letters for what it
 * reads) and reads only what it has handlers for. The one source of the ACLs (`npm run kafka:acls`).
 */
export function topicAccessOf(service: Service): TopicAccess {
  const produced = EVENT_TYPES.filter((type) => EVENT_CATALOGUE[type].producer === service).map(topicOf);
  const consumed = EVENT_TYPES.filter((type) => (EVENT_CATALOGUE[type].consumers as readonly Service[]).includes(service)).map(topicOf);
  return { service, write: [...produced, ...consumed.map(deadLetterTopicOf)], read: consumed, group: service };
}
