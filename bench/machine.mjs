// @ts-check
/**
 * The machine's speed at the time of a run, for comparing results from different days: the 2 cores
 * are shared with other sessions, and the same code has measured three times slower on a slow day.
 * A fixed integer loop on one core, the best of three, before the run's load starts; lower is faster
 * (about 1,550 ms on an idle machine of this kind on 2026-12-08, while the benchmarks ran at about a
 * third of their usual speed).
 */
export function machineReferenceMs() {
  let best = Number.POSITIVE_INFINITY;
  for (let round = 0; round < 3; round += 1) {
    const started = process.hrtime.bigint();
    let x = 0;
    for (let i = 0; i < 300_000_000; i += 1) x = (x + i * 7) % 1_000_003;
    if (x < 0) throw new Error('unreachable');
    best = Math.min(best, Number(process.hrtime.bigint() - started) / 1e6);
  }
  return Math.round(best);
}
