/**
 * A counting semaphore. One instance per provider process limits the requests in flight for
 * every resource at once (Pulumi calls the provider for many resources in parallel).
 */
export class ConcurrencyLimit {
  private active = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(private readonly limit: number) {}

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.active >= this.limit) {
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    } else {
      this.active++;
    }
    try {
      return await task();
    } finally {
      const next = this.waiting.shift();
      // Hand the slot over directly, so that a newcomer cannot overtake the queue.
      if (next) next();
      else this.active--;
    }
  }
}
