import { createLogger } from '@kinerja/logger';

import { capturingLogger } from '../../../test/support/capturing-logger';
import { countingJob, PeriodicJob } from './periodic-job';

const silent = createLogger({ name: 'periodic-job', level: 'silent' });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('PeriodicJob', () => {
  it('runs one at a time, keeps running after a failure, and stops only once the run in flight has finished', async () => {
    let runs = 0;
    let inFlight = 0;
    let overlapped = false;
    let finishedAfterStop = false;
    let stopping = false;
    const job = new PeriodicJob(
      'test',
      5,
      async () => {
        runs += 1;
        inFlight += 1;
        overlapped ||= inFlight > 1;
        await sleep(20);
        inFlight -= 1;
        if (stopping) finishedAfterStop = true;
        if (runs === 1) throw new Error('a failed run');
      },
      silent,
    );
    job.start();
    job.start();
    await sleep(120);
    expect(runs).toBeGreaterThanOrEqual(2);
    // Stop while a run is in flight (each takes 20 ms of a 25 ms cycle).
    while (inFlight === 0) await sleep(1);
    stopping = true;
    await job.stop();
    expect(finishedAfterStop).toBe(true);
    const after = runs;
    await sleep(50);
    expect(runs).toBe(after);
    expect(overlapped).toBe(false);
  });

  it('never runs with an interval of 0', async () => {
    let runs = 0;
    const job = new PeriodicJob('off', 0, async () => void (runs += 1), silent);
    job.start();
    await sleep(30);
    await job.stop();
    expect(runs).toBe(0);
  });

  it('logs what a counting job handled under its name, and nothing for a run that handled nothing', async () => {
    const { logger, lines } = capturingLogger('info');
    const counts = [0, 3];
    const job = countingJob('test-reminders', 0.005, logger, { run: async () => counts.shift() ?? 0, field: 'claimed', message: 'reminders sent' });
    job.start();
    while (counts.length > 0) await sleep(5);
    await sleep(10);
    await job.stop();
    expect(lines.map(({ component, claimed, msg }) => ({ component, claimed, msg }))).toEqual([
      { component: 'test-reminders', claimed: 3, msg: 'reminders sent' },
    ]);
  });
});
