/**
 * Per-organization copies of the lists that many resources of one Pulumi command need: the
 * available roles, the members, the invitations. Concurrent callers share one request, and a
 * failed request is not kept (the next caller asks again).
 *
 * Three kinds of copies, kept apart, because the plugin process lives for one command:
 * - `current` gives the command's copy, fetched at its first use and kept whatever its age: a
 *   refresh of a thousand members reads one member list, never older than the command itself,
 *   so changes made between two runs are always seen. It is kept apart from the other kinds, so
 *   that a copy taken by an earlier step of the same process never stands in for it;
 * - `get` gives a copy younger than the time-to-live, for steps that act on what they read;
 *   `fresh` fetches one whatever the age of the last;
 * - `forRemovals` gives the copy that the steps taking access away share: fetched by the first of
 *   them in the command, whatever other copies exist (a copy taken before, even a refresh's of the
 *   same command, may miss an identity that joined since, which must lose its access too), then
 *   kept for the command: a destroy of a thousand members reads one member list.
 * Our own changes never hide behind a copy: `amend` applies a change we made (a member removed,
 * a role set, an invitation sent) to every copy, so that one copy stays true for the whole
 * command instead of being read again after each change; `forget` drops them all, for an answer that
 * leaves unknown what the change did.
 */
interface Entry<T> {
  at: number;
  value: Promise<T>;
}

export class Directory<T> {
  private readonly recent = new Map<string, Entry<T>>();
  private readonly commandCopies = new Map<string, Entry<T>>();
  private readonly removalCopies = new Map<string, Entry<T>>();

  constructor(
    private readonly fetch: (organizationId: string) => Promise<T>,
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** A copy younger than the time-to-live. */
  get(organizationId: string): Promise<T> {
    return this.copy(this.recent, organizationId, this.ttlMs);
  }

  /** The copy fetched during this command (this process), unless forgotten since. */
  current(organizationId: string): Promise<T> {
    return this.copy(this.commandCopies, organizationId, Number.POSITIVE_INFINITY);
  }

  /** The copy fetched by the first removing step of this command, unless forgotten since. */
  forRemovals(organizationId: string): Promise<T> {
    return this.copy(this.removalCopies, organizationId, Number.POSITIVE_INFINITY);
  }

  /** Fetches again, whatever the age of the copy. */
  fresh(organizationId: string): Promise<T> {
    this.recent.delete(organizationId);
    return this.get(organizationId);
  }

  /**
   * Applies our own change to every copy, fetched or still in flight. The change must be
   * idempotent: a copy fetched after the change already shows it.
   */
  amend(organizationId: string, change: (value: T) => T): void {
    for (const entries of this.kinds()) {
      const entry = entries.get(organizationId);
      if (!entry) continue;
      entry.value = entry.value.then(change);
      // A failed fetch reaches those who wait for the copy; the amended promise itself must not
      // count as an unhandled rejection when nobody asks for the copy again.
      entry.value.catch(() => undefined);
    }
  }

  forget(organizationId: string): void {
    for (const entries of this.kinds()) entries.delete(organizationId);
  }

  private kinds(): Map<string, Entry<T>>[] {
    return [this.recent, this.commandCopies, this.removalCopies];
  }

  private copy(entries: Map<string, Entry<T>>, organizationId: string, maxAgeMs: number): Promise<T> {
    const cached = entries.get(organizationId);
    if (cached && this.now() - cached.at < maxAgeMs) return cached.value;
    const entry = { at: this.now(), value: this.fetch(organizationId) };
    entries.set(organizationId, entry);
    // Only this entry: after a forget() and a new fetch, the newer entry must stay.
    entry.value.catch(() => {
      if (entries.get(organizationId) === entry) entries.delete(organizationId);
    });
    return entry.value;
  }
}
