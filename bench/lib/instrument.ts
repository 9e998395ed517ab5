/**
 * A probe on the provider's lifecycle methods, called in process by the fault suite's stack
 * (tests/faults/stack.ts, its `around` option): the duration of every call (check, diff, create,
 * read, update, delete) and the Qovery API calls made while it was in flight.
 *
 * The API-call attribution is exact only when one step is in flight at a time (parallel 1).
 */
import type { Method, StackOptions } from "../../tests/faults/stack";

export const STEP_CALLS = ["check", "diff", "create", "read", "update", "delete"] as const satisfies readonly Method[];
export type StepCall = Method;

export interface StepRecord {
  /** performance.now() when the call started. */
  startedAt: number;
  ms: number;
  /** API calls the fake received between the start and the end of the call. */
  apiCalls: number;
  /** The fake's request count when the call started: its exchanges from there are this step's. */
  firstCall: number;
}

export interface Probe {
  steps: Record<StepCall, StepRecord[]>;
  reset(): void;
  /** For the stack's `around` option. */
  around: NonNullable<StackOptions["around"]>;
}

const noSteps = () => Object.fromEntries(STEP_CALLS.map((c) => [c, [] as StepRecord[]])) as unknown as Record<StepCall, StepRecord[]>;

/** `apiCallCount` reads the fake's request counter. */
export function newProbe(apiCallCount: () => number): Probe {
  const probe: Probe = {
    steps: noSteps(),
    reset() {
      probe.steps = noSteps();
    },
    around(method, call) {
      const before = apiCallCount();
      const startedAt = performance.now();
      return call().finally(() =>
        probe.steps[method].push({ startedAt, ms: performance.now() - startedAt, apiCalls: apiCallCount() - before, firstCall: before }),
      );
    },
  };
  return probe;
}
