/**
 * A probe on the Automation API (installed at run time; tests/support/pulumi-cli.ts is not
 * changed): the bench-side arrival time of the engine events of each `pulumi` command, which the
 * CLI streams over gRPC as they happen. From them, when the first resource step started (its
 * `resourcePreEvent`) and when the last one ended (its `resOutputsEvent`), so that a run's time
 * can be read without the program's start-up before its first step.
 *
 * The stack resource and provider resources are left out; every other resource counts.
 */
import { Stack, type EngineEvent } from "@pulumi/pulumi/automation";

export interface StepSpan {
  /** ms from the command's start to the first resource step's start. */
  firstStepStartMs: number;
  /** ms from the command's start to the last resource step's end. */
  lastStepEndMs: number;
  /** lastStepEndMs - firstStepStartMs. */
  spanMs: number;
  /** Resource steps that ended. */
  steps: number;
}

export interface StepClock {
  /** The span of the last command that ran (undefined if it had no resource step). */
  last(): StepSpan | undefined;
  uninstall(): void;
}

type Command = "up" | "refresh" | "preview" | "destroy";
type WithOnEvent = { onEvent?: (event: EngineEvent) => void };
type CommandMethod = (this: Stack, opts?: WithOnEvent) => Promise<unknown>;

const isResourceStep = (type: string) => type !== "pulumi:pulumi:Stack" && !type.startsWith("pulumi:providers:");

export function installStepClock(): StepClock {
  let span: StepSpan | undefined;
  const owner = Stack.prototype as unknown as Record<Command, CommandMethod>;
  const undo = (["up", "refresh", "preview", "destroy"] as const).map((command) => {
    const original = owner[command];
    owner[command] = function (this: Stack, opts: WithOnEvent = {}) {
      const started = performance.now();
      let first: number | undefined;
      let lastEnd: number | undefined;
      let steps = 0;
      span = undefined;
      const onEvent = (event: EngineEvent) => {
        const now = performance.now() - started;
        const pre = event.resourcePreEvent?.metadata;
        if (pre && isResourceStep(pre.type)) first ??= now;
        const done = event.resOutputsEvent?.metadata;
        if (done && isResourceStep(done.type)) {
          lastEnd = now;
          steps += 1;
        }
        opts.onEvent?.(event);
      };
      return original.call(this, { ...opts, onEvent }).finally(() => {
        if (first !== undefined && lastEnd !== undefined)
          span = { firstStepStartMs: first, lastStepEndMs: lastEnd, spanMs: lastEnd - first, steps };
      });
    };
    return () => {
      owner[command] = original;
    };
  });
  return { last: () => span, uninstall: () => undo.forEach((u) => u()) };
}
