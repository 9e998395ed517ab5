/** The shape of bench/results.json: everything one run of `npm run bench` measured. */
import type { NativeResult } from "./scenarios/native";
import type { BeforeFigures } from "./before";
import type { ApiCallsResult } from "./scenarios/api-calls";
import type { CliLoadResult, CliNaiveResult, CliStepTimes } from "./scenarios/cli";
import type { ProviderSizeResult } from "./scenarios/provider-size";
import type { RefreshResult } from "./scenarios/refresh";

export interface BenchMeta {
  /** ISO date of the run. */
  date: string;
  node: string;
  pulumi: string;
  /** `pulumi version` of the CLI the user-facing figures ran through. */
  pulumiCli: string;
  packageVersion: string;
  cpus: number;
  cpuModel: string;
  /** 1-minute load average at the start and at the end (other work on the machine skews timings). */
  loadAverage: { start: number; end: number };
  /** Seconds from the start of bench/run.ts to the report (the build before it is not included). */
  runtimeSeconds: number;
  /** Set by `--only refresh`: which figures that later run replaced, and when. */
  partialRun?: { date: string; loadAverage: number; note: string };
}

export interface BenchResults {
  meta: BenchMeta;
  /** What the provider itself stores (read from a CLI run's state) and calls (its methods called in process). */
  providerSize: ProviderSizeResult;
  apiCalls: ApiCallsResult;
  /** Through the real Pulumi CLI: what a user waits for. */
  cli: {
    /** With the CLI's default checkpointing (the state written after every step). */
    load: CliLoadResult;
    /** The same with PULUMI_SKIP_CHECKPOINTS=true, where the rate limit, not the state file, sets the pace. */
    loadSkippingCheckpoints: CliLoadResult;
    /** The naive provider on the load where the rate limit bites (checkpoints skipped). */
    naive: CliNaiveResult;
    steps: CliStepTimes;
    /** Refreshes of 1000 accepted members: this package, and the baseline provider that reads per resource. */
    refresh: { package: RefreshResult; baseline: RefreshResult };
  };
  /** The native plugin beside the dynamic provider: start-up and a no-change preview (absent from runs before it existed). */
  native?: NativeResult;
  /** The figures of the last committed run before the Throttle and the shared lists (bench/before-throttle.json). */
  before: BeforeFigures;
}
