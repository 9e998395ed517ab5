/**
 * Probes on the harness, installed at run time (the harness itself is not changed): the
 * duration of every gRPC call the harness makes to the plugin (check, diff, create, read,
 * update, delete), the Qovery API calls made while each was in flight, and the duration of
 * every state-file write.
 *
 * The API-call attribution is exact only when one step is in flight at a time (parallel 1).
 */
import { ProviderClient } from "../../tests/harness/provider";
import { StateFile } from "../../tests/harness/state";

export const STEP_CALLS = ["check", "diff", "create", "read", "update", "delete"] as const;
export type StepCall = (typeof STEP_CALLS)[number];

export interface StepRecord {
  /** performance.now() when the call started. */
  startedAt: number;
  ms: number;
  /** API calls the fake received between the start and the end of the gRPC call. */
  apiCalls: number;
  /** The fake's request count when the call started: its exchanges from there are this step's. */
  firstCall: number;
}

export interface Probe {
  steps: Record<StepCall, StepRecord[]>;
  /** Durations (ms) of the harness's state-file writes. */
  saves: number[];
  reset(): void;
  /** Removes the probes. */
  uninstall(): void;
}

type AnyMethod = (this: unknown, ...args: unknown[]) => unknown;

function wrap(
  target: object,
  name: string,
  record: (start: number, ms: number, before: number) => void,
  counter: () => number,
): () => void {
  const owner = target as Record<string, AnyMethod>;
  const original = owner[name]!;
  owner[name] = function (this: unknown, ...args: unknown[]) {
    const before = counter();
    const start = performance.now();
    const result = original.apply(this, args);
    const done = () => record(start, performance.now() - start, before);
    if (result instanceof Promise) return result.finally(done);
    done();
    return result;
  };
  return () => {
    owner[name] = original;
  };
}

const noSteps = () => Object.fromEntries(STEP_CALLS.map((c) => [c, [] as StepRecord[]])) as unknown as Record<StepCall, StepRecord[]>;

/** `apiCallCount` reads the fake's request counter (default: none, apiCalls stay 0). */
export function installProbe(apiCallCount: () => number = () => 0): Probe {
  const probe: Probe = {
    steps: noSteps(),
    saves: [],
    reset() {
      probe.steps = noSteps();
      probe.saves = [];
    },
    uninstall: () => undefined,
  };
  const undo = [
    ...STEP_CALLS.map((call) =>
      wrap(
        ProviderClient.prototype,
        call,
        (startedAt, ms, before) => probe.steps[call].push({ startedAt, ms, apiCalls: apiCallCount() - before, firstCall: before }),
        apiCallCount,
      ),
    ),
    wrap(
      StateFile.prototype,
      "save",
      (_start, ms) => probe.saves.push(ms),
      () => 0,
    ),
  ];
  probe.uninstall = () => undo.forEach((u) => u());
  return probe;
}
