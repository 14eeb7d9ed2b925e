/** A token bucket: `capacity` requests at once, refilled at `perMinute` requests a minute. */
export interface RateLimit {
  capacity: number;
  perMinute: number;
}

export interface Bucket {
  tokens: number;
  /** When `tokens` was last computed, epoch milliseconds. */
  at: number;
}

/**
 * Takes one token from the bucket (a fresh bucket is full): whether the request may go on, the
 * bucket after it, and when the next token arrives. A refused request leaves the bucket as it is.
 */
export function takeToken(bucket: Bucket | undefined, nowMs: number, limit: RateLimit): { allowed: boolean; bucket: Bucket; retryAfterMs: number } {
  const elapsed = bucket ? Math.max(0, nowMs - bucket.at) : 0;
  const available = bucket ? Math.min(limit.capacity, bucket.tokens + (elapsed * limit.perMinute) / 60_000) : limit.capacity;
  if (available >= 1) return { allowed: true, bucket: { tokens: available - 1, at: nowMs }, retryAfterMs: 0 };
  const retryAfterMs = limit.perMinute > 0 ? Math.ceil(((1 - available) * 60_000) / limit.perMinute) : Number.POSITIVE_INFINITY;
  return { allowed: false, bucket: { tokens: available, at: nowMs }, retryAfterMs };
}

/** Whether a bucket has refilled completely by now, so forgetting it changes nothing. */
export function isFull(bucket: Bucket, nowMs: number, limit: RateLimit): boolean {
  return bucket.tokens + ((nowMs - bucket.at) * limit.perMinute) / 60_000 >= limit.capacity;
}

/** The bucket with one token given back (a request it was taken for changed nothing), never above capacity. */
export function giveBackToken(bucket: Bucket, limit: RateLimit): Bucket {
  return { tokens: Math.min(limit.capacity, bucket.tokens + 1), at: bucket.at };
}
