import { TokenBuckets } from './token-bucket';

describe('TokenBuckets', () => {
  let now = 0;
  const buckets = () => new TokenBuckets(3, 2, () => now);
  beforeEach(() => (now = 0));

  it('lets a burst through, then refuses until the bucket refills', () => {
    const limiter = buckets();
    expect([1, 2, 3, 4].map(() => limiter.take('10.0.0.1', 1).allowed)).toEqual([true, true, true, false]);
    expect(limiter.take('10.0.0.1', 1)).toEqual({ allowed: false, retryAfterSeconds: 1 });
    now = 500; // 2 per second: one token back
    expect(limiter.take('10.0.0.1', 1).allowed).toBe(true);
    expect(limiter.take('10.0.0.1', 1).allowed).toBe(false);
  });

  it('keeps one bucket per key', () => {
    const limiter = buckets();
    expect(limiter.take('10.0.0.1', 3).allowed).toBe(true);
    expect(limiter.take('10.0.0.2', 3).allowed).toBe(true);
    expect(limiter.take('10.0.0.1', 1).allowed).toBe(false);
  });

  it('charges a cost of several tokens at once, and never more than the burst', () => {
    const limiter = buckets();
    expect(limiter.take('a', 2).allowed).toBe(true);
    expect(limiter.take('a', 2)).toEqual({ allowed: false, retryAfterSeconds: 1 });
    expect(limiter.take('b', 4)).toEqual({ allowed: false, retryAfterSeconds: 60 });
  });

  it('never holds more than the burst after a long pause', () => {
    const limiter = buckets();
    limiter.take('a', 1);
    now = 3_600_000;
    expect(limiter.take('a', 3).allowed).toBe(true);
    expect(limiter.take('a', 1).allowed).toBe(false);
  });
});
