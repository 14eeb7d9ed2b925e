import type { Logger } from '@kinerja/logger';

/**
 * What a broker answers while it is starting or moving a partition's leadership. A just-formatted
 * broker answers a new topic's or group's first calls with these for a few seconds (measured here:
 * NOT_LEADER_FOR_PARTITION on ListOffsets, COORDINATOR_LOAD_IN_PROGRESS on InitProducerId and
 * JoinGroup); they pass on their own, so they are waited out rather than reported.
 */
const NOT_READY_TYPES = new Set([
  'NOT_LEADER_FOR_PARTITION',
  'LEADER_NOT_AVAILABLE',
  'COORDINATOR_LOAD_IN_PROGRESS',
  'COORDINATOR_NOT_AVAILABLE',
  'NOT_COORDINATOR',
  'UNKNOWN_TOPIC_OR_PARTITION',
]);
const NOT_READY_NAMES = new Set(['KafkaJSGroupCoordinatorNotFound', 'KafkaJSMetadataNotLoaded', 'KafkaJSTopicMetadataNotLoaded']);
const UNREACHABLE_NAMES = new Set([
  'KafkaJSConnectionError',
  'KafkaJSConnectionClosedError',
  'KafkaJSRequestTimeoutError',
  'KafkaJSBrokerNotFound',
  'KafkaJSNoBrokerAvailableError',
]);

/** `not-ready`: the broker answers but is not ready yet; `unreachable`: nothing answers (yet). */
export type TransientBrokerError = 'not-ready' | 'unreachable';

/**
 * Classifies an error by everything it wraps: KafkaJS reports exhausted retries as
 * KafkaJSNumberOfRetriesExceeded, whose `cause` (or `originalError`) is what the broker said.
 */
export function transientBrokerError(error: unknown): TransientBrokerError | undefined {
  const seen = new Set<unknown>();
  const queue = [error];
  let found: TransientBrokerError | undefined;
  while (queue.length > 0) {
    const current = queue.shift();
    if (!current || typeof current !== 'object' || seen.has(current)) continue;
    seen.add(current);
    const { name, type, cause, originalError, errors } = current as {
      name?: string;
      type?: string;
      cause?: unknown;
      originalError?: unknown;
      errors?: unknown;
    };
    if ((type && NOT_READY_TYPES.has(type)) || (name && NOT_READY_NAMES.has(name))) return 'not-ready';
    if (name && UNREACHABLE_NAMES.has(name)) found = 'unreachable';
    queue.push(cause, originalError, ...(Array.isArray(errors) ? errors : []));
  }
  return found;
}

export interface BrokerRetryOptions {
  /** Named in the log line of each retry. */
  what: string;
  logger?: Pick<Logger, 'warn'>;
  /** Attempts in all, the first included. */
  attempts?: number;
  initialDelayMs?: number;
  maxDelayMs?: number;
  /**
   * Also wait for a broker that does not answer at all. Right for start-up (a service may start
   * before its broker); wrong where a caller already retries outages on its own schedule (the
   * outbox relay), which would otherwise hold its transaction open for the whole backoff.
   */
  whileUnreachable?: boolean;
  sleep?: (ms: number) => Promise<void>;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Runs `operation`, retrying transient broker errors with bounded exponential backoff (by default
 * 10 attempts over about 28 s); any other error, or the last attempt's, is thrown as is.
 */
export async function withBrokerRetry<T>(operation: () => Promise<T>, options: BrokerRetryOptions): Promise<T> {
  const { attempts = 10, initialDelayMs = 250, maxDelayMs = 5000, whileUnreachable = true, sleep = defaultSleep } = options;
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await operation();
    } catch (error) {
      const transient = transientBrokerError(error);
      const retriable = transient === 'not-ready' || (transient === 'unreachable' && whileUnreachable);
      if (!retriable || attempt >= attempts) throw error;
      const delayMs = Math.min(initialDelayMs * 2 ** (attempt - 1), maxDelayMs);
      options.logger?.warn({ err: error, attempt, retryInMs: delayMs, transient }, `${options.what}: broker not ready, retrying`);
      await sleep(delayMs);
    }
  }
}
