import { KafkaJSConnectionError, KafkaJSNumberOfRetriesExceeded, KafkaJSProtocolError } from 'kafkajs';

import { transientBrokerError, withBrokerRetry } from './broker-retry';

const protocolError = (type: string, code: number, retriable = true) =>
  new KafkaJSProtocolError(Object.assign(new Error(type), { type, code, retriable }) as unknown as Error);
const exhausted = (cause: Error) => new KafkaJSNumberOfRetriesExceeded(cause, { retryCount: 3, retryTime: 2000 });

describe('transientBrokerError', () => {
  it.each([
    ['leadership moving', protocolError('NOT_LEADER_FOR_PARTITION', 6), 'not-ready'],
    ['the coordinator loading', protocolError('COORDINATOR_LOAD_IN_PROGRESS', 14), 'not-ready'],
    ['retries exhausted on leadership', exhausted(protocolError('NOT_LEADER_FOR_PARTITION', 6)), 'not-ready'],
    ['retries exhausted on a refused connection', exhausted(new KafkaJSConnectionError('Connection error: ECONNREFUSED')), 'unreachable'],
    ['a topic that already exists', protocolError('TOPIC_ALREADY_EXISTS', 36, false), undefined],
    ['an error of our own', new Error('constraint violated'), undefined],
  ])('classifies %s', (_case, error, expected) => {
    expect(transientBrokerError(error)).toBe(expected);
  });
});

describe('withBrokerRetry', () => {
  function flaky(failures: Error[]) {
    let calls = 0;
    return {
      operation: async () => {
        calls += 1;
        const failure = failures[calls - 1];
        if (failure) throw failure;
        return calls;
      },
      calls: () => calls,
    };
  }

  it('waits out a broker that is not ready, with growing and bounded delays', async () => {
    const sleeps: number[] = [];
    const { operation } = flaky([1, 2, 3, 4].map(() => exhausted(protocolError('COORDINATOR_LOAD_IN_PROGRESS', 14))));
    const result = await withBrokerRetry(operation, { what: 'test', initialDelayMs: 100, maxDelayMs: 500, sleep: async (ms) => void sleeps.push(ms) });
    expect(result).toBe(5);
    expect(sleeps).toEqual([100, 200, 400, 500]);
  });

  it('gives up after the last attempt with the broker’s error', async () => {
    const failure = protocolError('NOT_LEADER_FOR_PARTITION', 6);
    const { operation, calls } = flaky([failure, failure, failure]);
    await expect(withBrokerRetry(operation, { what: 'test', attempts: 3, sleep: async () => undefined })).rejects.toBe(failure);
    expect(calls()).toBe(3);
  });

  it('throws other errors at once', async () => {
    const { operation, calls } = flaky([protocolError('TOPIC_ALREADY_EXISTS', 36, false)]);
    await expect(withBrokerRetry(operation, { what: 'test', sleep: async () => undefined })).rejects.toThrow('TOPIC_ALREADY_EXISTS');
    expect(calls()).toBe(1);
  });

  it('leaves an unreachable broker to the caller when told to', async () => {
    const { operation, calls } = flaky([new KafkaJSConnectionError('ECONNREFUSED')]);
    await expect(withBrokerRetry(operation, { what: 'test', whileUnreachable: false, sleep: async () => undefined })).rejects.toThrow('ECONNREFUSED');
    expect(calls()).toBe(1);
  });
});
