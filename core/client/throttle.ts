/**
 * The pace at which one provider process starts requests to Qovery. Qovery's rate limit holds
 * for every request of the token, so when one request is answered 429 every request slows down,
 * instead of each one sleeping on its own while holding a concurrency slot:
 *
 * - a `Retry-After` pauses every new request until it has passed, once for the whole process
 *   however many requests were told so at the same time;
 * - from the first 429 on, requests start no faster than the rate that was being answered in the
 *   second before it, and a 429 to a request sent at that pace slows the pace by a fifth. The pace
 *   lasts as long as the process, which is one Pulumi command. It never drops below
 *   MIN_PACED_RATE requests a second: a 429 after fewer requests than that says nothing about our
 *   own rate (the token is shared, or the limit is a quota), and only its pause applies.
 *
 * A request waits here once it holds a concurrency slot; a request waiting to be retried holds
 * none (it sleeps before asking for a slot again).
 */
const RATE_WINDOW_MS = 1000;
const SLOWDOWN = 1.25;
const MIN_PACED_RATE = 10;

export class Throttle {
  private pausedUntil = 0;
  /** 0 until the first 429: no pacing. */
  private intervalMs = 0;
  private paceSetAt = 0;
  private nextStartAt = 0;
  private readonly waiting: Array<() => void> = [];
  private timer: NodeJS.Timeout | undefined;
  /** When the requests answered with something other than 429 started, over the last window. */
  private readonly answeredStarts: number[] = [];

  constructor(private readonly now: () => number = Date.now) {}

  /** Resolves when the next request may start, in the order the requests asked. */
  turn(): Promise<void> {
    return new Promise((resolve) => {
      this.waiting.push(resolve);
      this.release();
    });
  }

  /** A request that started at `startedAt` got an answer that was not a 429. */
  answered(startedAt: number): void {
    this.answeredStarts.push(startedAt);
    const horizon = this.now() - RATE_WINDOW_MS;
    while (this.answeredStarts.length > 0 && this.answeredStarts[0]! < horizon) this.answeredStarts.shift();
  }

  /** A request that started at `startedAt` was answered 429, with a Retry-After (capped) or not. */
  rateLimited(startedAt: number, retryAfterMs?: number): void {
    const now = this.now();
    if (retryAfterMs !== undefined) this.pausedUntil = Math.max(this.pausedUntil, now + retryAfterMs);
    if (this.intervalMs === 0) {
      const recent = this.answeredStarts.filter((at) => at >= now - RATE_WINDOW_MS).length;
      if (recent >= MIN_PACED_RATE) this.setPace(RATE_WINDOW_MS / recent, now);
    } else if (startedAt >= this.paceSetAt) {
      // Only a request sent at the current pace says the pace is too fast; others were already
      // in flight when it was set.
      this.setPace(Math.min(this.intervalMs * SLOWDOWN, RATE_WINDOW_MS / MIN_PACED_RATE), now);
    }
    this.reschedule();
  }

  /** Milliseconds between two request starts; 0 while no 429 has been seen. */
  get paceMs(): number {
    return this.intervalMs;
  }

  private setPace(intervalMs: number, now: number): void {
    this.intervalMs = intervalMs;
    this.paceSetAt = now;
  }

  private reschedule(): void {
    if (this.timer === undefined) return;
    clearTimeout(this.timer);
    this.timer = undefined;
    this.release();
  }

  /** Lets waiting requests start as far as the pause and the pace allow, then waits for the next. */
  private release(): void {
    if (this.timer !== undefined) return;
    while (this.waiting.length > 0) {
      const now = this.now();
      const at = Math.max(this.pausedUntil, this.nextStartAt);
      if (at > now) {
        this.timer = setTimeout(() => {
          this.timer = undefined;
          this.release();
        }, at - now);
        return;
      }
      this.nextStartAt = now + this.intervalMs;
      this.waiting.shift()!();
    }
  }
}
