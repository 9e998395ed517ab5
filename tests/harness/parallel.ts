/**
 * How the harness runs steps side by side, like the CLI's `--parallel`: a FIFO limit on steps
 * in flight, a deletion scheduler that respects parent/child and dependency relations, and the
 * error that reports every failure of an operation at once.
 */

/** The `parallel` option, checked: a positive integer, default 1. */
export function parallelism(value: number | undefined): number {
  const parallel = value ?? 1;
  if (!Number.isInteger(parallel) || parallel < 1) throw new Error(`parallel must be a positive integer, got ${parallel}`);
  return parallel;
}

/** A counting semaphore; waiters run in arrival order, so a limit of 1 keeps registration order. */
export class StepLimit {
  private active = 0;
  private readonly waiting: Array<() => void> = [];
  private readonly running = new Set<Promise<unknown>>();

  constructor(private readonly limit: number) {
    parallelism(limit);
  }

  run<T>(task: () => Promise<T>): Promise<T> {
    const result = this.acquire().then(async () => {
      try {
        return await task();
      } finally {
        const next = this.waiting.shift();
        // Hand the slot over directly, so that a newcomer cannot overtake the queue.
        if (next) next();
        else this.active--;
      }
    });
    const tracked = result.catch(() => undefined);
    this.running.add(tracked);
    void tracked.then(() => this.running.delete(tracked));
    return result;
  }

  /** Resolves once every task handed to `run` so far has settled. */
  async idle(): Promise<void> {
    while (this.running.size > 0) await Promise.all([...this.running]);
  }

  private acquire(): Promise<void> {
    if (this.active < this.limit) {
      this.active++;
      return Promise.resolve();
    }
    return new Promise<void>((resolve) => this.waiting.push(resolve));
  }
}

/** What the deletion scheduler needs to know of a resource. */
export interface DeletionNode {
  urn: string;
  parent?: string;
  dependencies?: string[];
}

/**
 * Deletes `resources` (given in reverse state order) at most `limit` at a time. A resource is
 * deleted only once every other resource of the set that names it as its parent or among its
 * dependencies is gone; independent resources go side by side, picked in the given order, so
 * a limit of 1 deletes in exactly that order. After the first failure nothing new starts, the
 * deletions in flight finish, and every failure is thrown together (see `failuresError`).
 */
export async function deleteInOrder<T extends DeletionNode>(
  resources: readonly T[],
  limit: number,
  remove: (resource: T) => Promise<void>,
): Promise<void> {
  const left = [...resources];
  const failures: Error[] = [];
  const blockers = (resource: T) =>
    left.filter((other) => other !== resource && (other.parent === resource.urn || (other.dependencies ?? []).includes(resource.urn)));
  const inFlight = new Set<T>();
  await new Promise<void>((resolve) => {
    const pump = () => {
      if (failures.length === 0) {
        for (const resource of left) {
          if (inFlight.size >= limit) break;
          if (inFlight.has(resource) || blockers(resource).length > 0) continue;
          inFlight.add(resource);
          remove(resource).then(
            () => {
              left.splice(left.indexOf(resource), 1);
              inFlight.delete(resource);
              pump();
            },
            (error: unknown) => {
              failures.push(toError(error));
              inFlight.delete(resource);
              pump();
            },
          );
        }
      }
      if (inFlight.size === 0) resolve();
    };
    pump();
  });
  if (failures.length > 0) throw failuresError(failures);
  // A cycle (impossible in a state the engine wrote) would leave resources behind: say so.
  if (left.length > 0) throw new Error(`could not order the deletion of ${left.map((r) => r.urn).join(", ")}`);
}

/**
 * One failure is thrown as it is; several become one error listing each on its own line
 * (`<op> of <type> '<name>' failed: ...`), as the CLI reports every failed step of a run.
 * `errors` keeps the individual errors.
 */
export class StepFailures extends Error {
  constructor(readonly errors: Error[]) {
    const lines = errors.map((error) => `  ${error.message.split("\n").join("\n    ")}`);
    super(`${errors.length} steps failed:\n${lines.join("\n")}`);
    this.name = "StepFailures";
  }
}

export function failuresError(errors: Error[]): Error {
  return errors.length === 1 ? errors[0]! : new StepFailures(errors);
}

export function toError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}
