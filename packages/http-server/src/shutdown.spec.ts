import { EventEmitter } from 'node:events';

import { createLogger } from '@kinerja/logger';

import { shutdownOnSignals } from './shutdown';

const logger = createLogger({ name: 'shutdown', level: 'silent' });

describe('shutdownOnSignals', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  const setUp = (stop: () => Promise<void>) => {
    const signals = new EventEmitter();
    const exit = jest.fn<void, [number]>();
    shutdownOnSignals({ logger, stop, signals, exit, timeoutMs: 1_000 });
    return { signals, exit };
  };

  it('stops once on the first SIGTERM or SIGINT and exits 0', async () => {
    const stop = jest.fn(() => Promise.resolve());
    const { signals, exit } = setUp(stop);
    signals.emit('SIGTERM');
    signals.emit('SIGINT');
    await jest.advanceTimersByTimeAsync(0);
    expect(stop).toHaveBeenCalledTimes(1);
    expect(exit.mock.calls).toEqual([[0]]);
  });

  it('exits 1 when a step fails', async () => {
    const { signals, exit } = setUp(() => Promise.reject(new Error('broker gone')));
    signals.emit('SIGINT');
    await jest.advanceTimersByTimeAsync(0);
    expect(exit.mock.calls).toEqual([[1]]);
  });

  it('exits 1 when a step hangs past the timeout, instead of waiting for SIGKILL', async () => {
    const { signals, exit } = setUp(() => new Promise<void>(() => undefined));
    signals.emit('SIGTERM');
    await jest.advanceTimersByTimeAsync(999);
    expect(exit).not.toHaveBeenCalled();
    await jest.advanceTimersByTimeAsync(1);
    expect(exit.mock.calls).toEqual([[1]]);
  });
});
