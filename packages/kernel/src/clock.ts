import { randomUUID } from 'node:crypto';

/** The time as the domain sees it: injected, so that tests control deadlines and windows. */
export interface Clock {
  now(): Date;
}

/** New entity and event ids: injected, so that tests can predict them. */
export interface IdGenerator {
  newId(): string;
}

export const systemClock: Clock = { now: () => new Date() };

export const randomIds: IdGenerator = { newId: () => randomUUID() };
