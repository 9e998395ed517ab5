// A token bucket shared by all requests: capacity = rate, refilled continuously.
export class TokenBucket {
  private tokens: number;
  private last = performance.now();

  constructor(private readonly ratePerSecond: number) {
    if (!(ratePerSecond > 0)) throw new Error(`fake-qovery: rateLimitPerSecond must be > 0, got ${ratePerSecond}`);
    this.tokens = ratePerSecond;
  }

  /** Takes one token if there is one. */
  tryTake(): boolean {
    const current = performance.now();
    this.tokens = Math.min(this.ratePerSecond, this.tokens + ((current - this.last) / 1000) * this.ratePerSecond);
    this.last = current;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}
