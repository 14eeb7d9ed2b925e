/** Past this many addresses, buckets that have refilled are dropped (and, if that is not enough, the oldest). */
const MAX_BUCKETS = 100_000;

interface Bucket {
  tokens: number;
  at: number;
}

export interface TakeResult {
  allowed: boolean;
  /** Seconds until the tokens asked for would be there (0 when allowed). */
  retryAfterSeconds: number;
}

/**
 * In-memory token buckets by key (a client address): `burst` tokens at most, refilled at
 * `perSecond`. One process's view: with several gateway replicas each holds its own buckets.
 */
export class TokenBuckets {
  private readonly buckets = new Map<string, Bucket>();

  constructor(
    private readonly burst: number,
    private readonly perSecond: number,
    private readonly now: () => number = () => performance.now(),
  ) {}

  take(key: string, cost: number): TakeResult {
    const now = this.now();
    const bucket = this.buckets.get(key) ?? { tokens: this.burst, at: now };
    bucket.tokens = Math.min(this.burst, bucket.tokens + ((now - bucket.at) / 1000) * this.perSecond);
    bucket.at = now;
    if (!this.buckets.has(key)) this.admit(key, bucket, now);
    if (bucket.tokens >= cost) {
      bucket.tokens -= cost;
      return { allowed: true, retryAfterSeconds: 0 };
    }
    // A cost above the burst can never be paid: the caller must ask for less.
    const missing = cost > this.burst ? Infinity : cost - bucket.tokens;
    return { allowed: false, retryAfterSeconds: Number.isFinite(missing) ? Math.max(1, Math.ceil(missing / this.perSecond)) : 60 };
  }

  get size(): number {
    return this.buckets.size;
  }

  private admit(key: string, bucket: Bucket, now: number): void {
    if (this.buckets.size >= MAX_BUCKETS) {
      for (const [other, { tokens, at }] of this.buckets) {
        if (tokens + ((now - at) / 1000) * this.perSecond >= this.burst) this.buckets.delete(other);
      }
      for (const other of this.buckets.keys()) {
        if (this.buckets.size < MAX_BUCKETS) break;
        this.buckets.delete(other);
      }
    }
    this.buckets.set(key, bucket);
  }
}
