import { type Bucket, giveBackToken, isFull, takeToken } from './rate-limit.rule';

const limit = { capacity: 3, perMinute: 6 }; // a token every 10 s

describe('takeToken', () => {
  it.each<[string, Bucket | undefined, number, boolean, number]>([
    ['a fresh bucket is full', undefined, 0, true, 2],
    ['the last token', { tokens: 1, at: 0 }, 0, true, 0],
    ['an empty bucket refuses', { tokens: 0, at: 0 }, 5_000, false, 0.5],
    ['it refills with time', { tokens: 0, at: 0 }, 10_000, true, 0],
    ['never above capacity', { tokens: 0, at: 0 }, 3_600_000, true, 2],
  ])('%s', (_case, bucket, now, allowed, left) => {
    const result = takeToken(bucket, now, limit);
    expect(result.allowed).toBe(allowed);
    expect(result.bucket.tokens).toBeCloseTo(left);
  });

  it('says when to retry', () => {
    expect(takeToken({ tokens: 0.5, at: 0 }, 0, limit).retryAfterMs).toBe(5_000);
  });

  it('knows a refilled bucket can be forgotten', () => {
    expect(isFull({ tokens: 0, at: 0 }, 30_000, limit)).toBe(true);
    expect(isFull({ tokens: 0, at: 0 }, 29_999, limit)).toBe(false);
  });

  it('takes a token given back as if it had never been taken, never above capacity', () => {
    const taken = takeToken({ tokens: 1, at: 0 }, 0, limit);
    expect(giveBackToken(taken.bucket, limit)).toEqual({ tokens: 1, at: 0 });
    expect(giveBackToken({ tokens: 2.5, at: 0 }, limit).tokens).toBe(3);
  });
});
