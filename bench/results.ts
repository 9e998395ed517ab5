/** The shape of bench/results.json: everything one run of `npm run bench` measured. */
import type { ApiCallsResult } from "./scenarios/api-calls";
import type { HarnessBaselineResult, LoadResult, NaiveLoadResult } from "./scenarios/load";
import type { PreviewResult } from "./scenarios/preview";
import type { ProviderSizeResult } from "./scenarios/provider-size";
import type { LatencyRun } from "./scenarios/step-latency";

export interface BenchMeta {
  /** ISO date of the run. */
  date: string;
  node: string;
  pulumi: string;
  packageVersion: string;
  cpus: number;
  cpuModel: string;
  /** 1-minute load average at the start and at the end (other work on the machine skews timings). */
  loadAverage: { start: number; end: number };
  /** Seconds from the start of bench/run.ts to the report (the build before it is not included). */
  runtimeSeconds: number;
  /** Whether the harness of this checkout honours `parallel`. */
  harnessParallel: boolean;
}

export interface BenchResults {
  meta: BenchMeta;
  providerSize: ProviderSizeResult;
  apiCalls: ApiCallsResult;
  stepLatency: LatencyRun[];
  load: LoadResult;
  naive: NaiveLoadResult;
  harnessBaseline: HarnessBaselineResult;
  previews: PreviewResult[];
}
