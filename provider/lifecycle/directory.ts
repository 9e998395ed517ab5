/**
 * Per-organization copies of the lists that many resources of one Pulumi command need: the
 * available roles, the members, the invitations. Concurrent callers share one request, and a
 * failed request is not kept (the next caller asks again).
 *
 * Two kinds of copies, because the plugin process lives for one command:
 * - `current` gives the command's copy, fetched at its first use and kept whatever its age: a
 *   refresh of a thousand members reads one member list, never older than the command itself,
 *   so changes made between two runs are always seen. It is kept apart from the other kind, so
 *   that a copy taken by an earlier step of the same process never stands in for it;
 * - `get` gives a copy younger than the time-to-live, for steps that act on what they read;
 *   `fresh` fetches one whatever the age of the last.
 * `forget`, called after each change we make to the list's contents, drops both, so that our
 * own changes are never hidden by a copy.
 */
interface Entry<T> {
  at: number;
  value: Promise<T>;
}

export class Directory<T> {
  private readonly recent = new Map<string, Entry<T>>();
  private readonly commandCopies = new Map<string, Entry<T>>();

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

  /** Fetches again, whatever the age of the copy. */
  fresh(organizationId: string): Promise<T> {
    this.recent.delete(organizationId);
    return this.get(organizationId);
  }

  forget(organizationId: string): void {
    this.recent.delete(organizationId);
    this.commandCopies.delete(organizationId);
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
