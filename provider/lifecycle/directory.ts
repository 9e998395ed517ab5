/**
 * Short-lived, per-organization copies of lists that many resources of one `pulumi up` need:
 * the available roles and the members. Concurrent callers share one request; a copy older
 * than its time-to-live is fetched again, and `forget` drops it after a change we made.
 */
export class Directory<T> {
  private readonly entries = new Map<string, { at: number; value: Promise<T> }>();

  constructor(
    private readonly fetch: (organizationId: string) => Promise<T>,
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  get(organizationId: string): Promise<T> {
    const entry = this.entries.get(organizationId);
    if (entry && this.now() - entry.at < this.ttlMs) return entry.value;
    const value = this.fetch(organizationId);
    this.entries.set(organizationId, { at: this.now(), value });
    // A failed fetch is not kept: the next caller asks again.
    value.catch(() => this.entries.delete(organizationId));
    return value;
  }

  /** Fetches again, whatever the age of the copy. */
  fresh(organizationId: string): Promise<T> {
    this.forget(organizationId);
    return this.get(organizationId);
  }

  forget(organizationId: string): void {
    this.entries.delete(organizationId);
  }
}
