import { randomUUID } from 'node:crypto';

import { createEnvelope, type EventEnvelope } from '@kinerja/events';
import { createLogger } from '@kinerja/logger';

import { batchable, createBatchProcessor, createMessageProcessor, deadLetterFor, EventConsumer, type HandlerMap, reasonCodeOf } from './event-consumer';
import { EventRejectedError, rejectIfDoubted } from './event-rejection';
import { InProcessTransport } from './in-process.transport';
import { toMessage } from './outbox';
import type { IncomingMessage } from './transport';

const logger = createLogger({ name: 'test', level: 'silent' });
// The processor's clock, fixed for the test; events made without a date are dated a moment before it.
const NOW = Date.now() + 1000;

function registered(occurredAt?: Date): EventEnvelope<'identity.employee.registered'> {
  return createEnvelope({
    id: randomUUID(),
    ...(occurredAt ? { occurredAt } : {}),
    type: 'identity.employee.registered',
    agencyId: randomUUID(),
    producer: 'identity',
    payload: {
      employeeId: randomUUID(),
      nip: '198609262015051001',
      name: 'Budi',
      agencyId: randomUUID(),
      orgUnitId: randomUUID(),
      positionId: null,
      supervisorEmployeeId: null,
      employmentType: 'PNS',
    },
  });
}

const incoming = (envelope: EventEnvelope, value?: string): IncomingMessage => ({
  ...toMessage(envelope.type, 'k', envelope),
  ...(value ? { value } : {}),
  partition: 2,
  offset: '41',
});

function setup(handlers: HandlerMap) {
  const deadLetters: { message: IncomingMessage; reason: string }[] = [];
  const sleeps: number[] = [];
  const process = createMessageProcessor({
    consumer: 'performance',
    handlers,
    logger,
    retry: { attempts: 3, initialDelayMs: 100, maxDelayMs: 150 },
    now: () => NOW,
    sleep: async (ms) => void sleeps.push(ms),
    publishDeadLetter: async (message, reason) => void deadLetters.push({ message, reason }),
  });
  return { process, deadLetters, sleeps };
}

describe('createMessageProcessor', () => {
  it('hands a valid event to its handler', async () => {
    const seen: string[] = [];
    const { process, deadLetters } = setup({ 'identity.employee.registered': async (event) => void seen.push(event.id) });
    const event = registered();
    await expect(process(incoming(event))).resolves.toBe('handled');
    expect(seen).toEqual([event.id]);
    expect(deadLetters).toEqual([]);
  });

  it('ignores event types it has no handler for', async () => {
    const { process } = setup({});
    await expect(process(incoming(registered()))).resolves.toBe('ignored');
  });

  it('retries a failing handler with growing backoff, then succeeds', async () => {
    let calls = 0;
    const { process, sleeps } = setup({
      'identity.employee.registered': async () => {
        calls += 1;
        if (calls < 3) throw new Error('database unavailable');
      },
    });
    await expect(process(incoming(registered()))).resolves.toBe('handled');
    expect(sleeps).toEqual([100, 150]);
  });

  it('dead-letters an event that keeps failing, with the reason', async () => {
    const { process, deadLetters } = setup({
      'identity.employee.registered': async () => {
        throw new Error('constraint violated');
      },
    });
    await expect(process(incoming(registered()))).resolves.toBe('dead-lettered');
    expect(deadLetters[0]?.reason).toMatch(/^HANDLER_FAILED after 3 attempts: constraint violated/);
  });

  it('dead-letters an event its handler rejects at once, with the reason and no retry', async () => {
    let calls = 0;
    const { process, deadLetters, sleeps } = setup({
      'identity.employee.registered': async () => {
        calls += 1;
        rejectIfDoubted({ code: 'AGENCY_MISMATCH', detail: 'held under another agency' });
      },
    });
    await expect(process(incoming(registered()))).resolves.toBe('dead-lettered');
    expect(calls).toBe(1);
    expect(sleeps).toEqual([]);
    expect(deadLetters.map(({ reason }) => reason)).toEqual(['AGENCY_MISMATCH: held under another agency']);
    expect(() => rejectIfDoubted(null)).not.toThrow();
    expect(EventRejectedError.is(new Error('AGENCY_MISMATCH: x'))).toBe(false);
  });

  it.each([
    ['garbage', 'not json at all'],
    ['an invalid payload', JSON.stringify({ ...registered(), payload: { employeeId: 'x' } })],
    ['an unknown type', JSON.stringify({ ...registered(), type: 'identity.employee.cloned' })],
  ])('dead-letters %s without calling a handler', async (_case, value) => {
    let called = false;
    const { process, deadLetters } = setup({ 'identity.employee.registered': async () => void (called = true) });
    await expect(process(incoming(registered(), value))).resolves.toBe('dead-lettered');
    expect(called).toBe(false);
    expect(deadLetters[0]?.reason).toMatch(/^INVALID_EVENT/);
  });

  it('dead-letters an event dated beyond the clock skew in the future, without calling its handler', async () => {
    let called = false;
    const { process, deadLetters } = setup({ 'identity.employee.registered': async () => void (called = true) });
    await expect(process(incoming(registered(new Date(NOW + 5 * 60_000 + 1000))))).resolves.toBe('dead-lettered');
    expect(called).toBe(false);
    expect(deadLetters[0]?.reason).toMatch(/^FUTURE_EVENT: occurredAt \S+ is 301 s ahead of this consumer's clock \(at most 300 s allowed\)$/);
  });

  it('believes an event dated within the clock skew', async () => {
    const { process, deadLetters } = setup({ 'identity.employee.registered': async () => undefined });
    await expect(process(incoming(registered(new Date(NOW + 4 * 60_000))))).resolves.toBe('handled');
    expect(deadLetters).toEqual([]);
  });

  it('builds a dead letter with the original headers and where it failed', () => {
    const event = registered();
    const letter = deadLetterFor(incoming(event), 'performance', 'why');
    expect(letter.topic).toBe('identity.employee.registered.dlq');
    expect(letter.value).toBe(JSON.stringify(event));
    expect(letter.headers).toMatchObject({
      'event-id': event.id,
      'dlq-reason': 'why',
      'dlq-consumer': 'performance',
      'dlq-original-partition': '2',
      'dlq-original-offset': '41',
    });
  });
});

describe('createBatchProcessor', () => {
  const TYPE = 'identity.employee.registered';

  function batchSetup(failWhen: (event: EventEnvelope<typeof TYPE>) => boolean) {
    const batches: string[][] = [];
    const singles: string[] = [];
    const effects: string[] = [];
    const handler = batchable<typeof TYPE>(
      async (event) => {
        singles.push(event.id);
        if (failWhen(event)) throw new Error('poison');
        effects.push(event.id);
      },
      async (events) => {
        batches.push(events.map((event) => event.id));
        // All or nothing, as one transaction.
        if (events.some(failWhen)) throw new Error('poison in the batch');
        effects.push(...events.map((event) => event.id));
      },
    );
    const deadLetters: { message: IncomingMessage; reason: string }[] = [];
    const process = createBatchProcessor({
      consumer: 'development',
      handlers: { [TYPE]: handler },
      logger,
      retry: { attempts: 2, initialDelayMs: 1, maxDelayMs: 1 },
      now: () => NOW,
      sleep: async () => undefined,
      publishDeadLetter: async (message, reason) => void deadLetters.push({ message, reason }),
    });
    return { process, batches, singles, effects, deadLetters };
  }

  it('hands consecutive events to the batch form at once, in order; an invalid message between them is dead-lettered on its own', async () => {
    const { process, batches, singles, effects, deadLetters } = batchSetup(() => false);
    const events = [registered(), registered(), registered(), registered()];
    const messages = events.map((event) => incoming(event));
    const garbage = incoming(registered(), '{"not":"an event"}');
    const outcomes = await process([...messages.slice(0, 2), garbage, ...messages.slice(2)]);
    expect(outcomes).toEqual(['handled', 'handled', 'dead-lettered', 'handled', 'handled']);
    expect(batches).toEqual([events.slice(0, 2).map((event) => event.id), events.slice(2).map((event) => event.id)]);
    expect(singles).toEqual([]);
    expect(effects).toEqual(events.map((event) => event.id));
    expect(deadLetters.map((letter) => letter.reason)).toEqual([expect.stringMatching(/^INVALID_EVENT/)]);
  });

  it('falls back to one by one when the batch fails: the poison event is dead-lettered alone, the others take effect in order', async () => {
    const events = [registered(), registered(), registered(), registered()];
    const poison = events[1]?.id;
    const { process, batches, singles, effects, deadLetters } = batchSetup((event) => event.id === poison);
    const outcomes = await process(events.map((event) => incoming(event)));
    expect(outcomes).toEqual(['handled', 'dead-lettered', 'handled', 'handled']);
    expect(batches).toHaveLength(1);
    expect(singles).toEqual([events[0]?.id, poison, poison, events[2]?.id, events[3]?.id]);
    expect(effects).toEqual(events.filter((event) => event.id !== poison).map((event) => event.id));
    expect(deadLetters.map((letter) => [letter.message.value, letter.reason])).toEqual([
      [JSON.stringify(events[1]), 'HANDLER_FAILED after 2 attempts: poison'],
    ]);
  });
});

describe('EventConsumer', () => {
  it('counts the dead letters it sends per topic and reason code, for /metrics', async () => {
    const transport = new InProcessTransport();
    const consumer = new EventConsumer({
      consumer: 'feedback',
      transport,
      logger,
      handlers: { 'identity.employee.registered': async () => rejectIfDoubted({ code: 'AGENCY_MISMATCH', detail: 'x' }) },
    });
    await consumer.start();
    const event = registered();
    await transport.publish([
      toMessage(event.type, 'k', event),
      toMessage(event.type, 'k', registered()),
      { ...toMessage(event.type, 'k', event), value: 'garbage' },
    ]);
    await transport.idle();
    expect(consumer.deadLetterCounts()).toEqual([
      { topic: 'identity.employee.registered', reason: 'AGENCY_MISMATCH', count: 2 },
      { topic: 'identity.employee.registered', reason: 'INVALID_EVENT', count: 1 },
    ]);
    await consumer.stop();
    await transport.close();
  });

  it.each([
    ['HANDLER_FAILED after 5 attempts: boom', 'HANDLER_FAILED'],
    ['FUTURE_EVENT: occurredAt …', 'FUTURE_EVENT'],
    ['something else', 'OTHER'],
  ])('takes the reason code of %p', (reason, code) => {
    expect(reasonCodeOf(reason)).toBe(code);
  });
});
