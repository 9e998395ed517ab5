/**
 * `npm run bench` (after the build): measures the package through the real Pulumi plugin
 * against the local Qovery fake and writes bench/results.json and bench/results.md. Missed
 * targets are reported there, not fatal; the process fails only if the bench itself crashes.
 *
 * Settings for experiments (the committed results use the defaults):
 *   BENCH_PARALLEL          harness parallel of the 1000 runs (default 16)
 *   BENCH_MAX_CONCURRENCY   qovery:maxConcurrency of the 1000 run (default 8, the provider's default)
 *   BENCH_REPETITIONS       repetitions per step for the timings (default 30)
 */
import * as os from "node:os";
import * as path from "node:path";
import { harnessSupportsParallel } from "./lib/bed";
import { invitationProgram, people } from "./lib/programs";
import { round } from "./lib/stats";
import { writeReport } from "./report";
import type { BenchResults } from "./results";
import { countApiCalls } from "./scenarios/api-calls";
import { applyInvitations, applyNaive, applyNoops, startLoadBed, type LoadSettings } from "./scenarios/load";
import { measurePreview, type PreviewResult } from "./scenarios/preview";
import { measureProviderSize } from "./scenarios/provider-size";
import { measureStepLatency, type LatencyRun } from "./scenarios/step-latency";
import { repositoryRoot } from "../tests/support/installed-package";

const COUNT = 1000;
const RATE_PER_SECOND = 50;
/** Fake latencies for the step timings: none (pure overhead) and a modest remote round trip. */
const LATENCIES_MS = [0, 20];

function setting(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive integer, got "${raw}"`);
  return value;
}

const started = performance.now();
const elapsed = () => `${((performance.now() - started) / 1000).toFixed(1).padStart(5)} s`;
const progress = (line: string) => console.log(line);
const stage = (line: string) => console.log(`[${elapsed()}] ${line}`);

async function main(): Promise<void> {
  const load: LoadSettings = {
    count: COUNT,
    ratePerSecond: RATE_PER_SECOND,
    parallel: setting("BENCH_PARALLEL", 16),
    maxConcurrency: setting("BENCH_MAX_CONCURRENCY", 8),
  };
  const repetitions = setting("BENCH_REPETITIONS", 30);
  const loadAtStart = os.loadavg()[0]!;
  if (!harnessSupportsParallel()) stage("note: this harness has no `parallel` option yet; the 1000 runs go one step at a time");

  stage("__provider size");
  const providerSize = await measureProviderSize();
  progress(`    OrganizationInvitation ${providerSize.invitationBytes} B, naive ${providerSize.naiveBytes} B`);

  stage("API calls per lifecycle step");
  const apiCalls = await countApiCalls();
  for (const step of apiCalls.steps) progress(`    ${step.calls}  ${step.step}`);

  const stepLatency: LatencyRun[] = [];
  for (const latencyMs of LATENCIES_MS) {
    stage(`time per step, fake latency ${latencyMs} ms, ${repetitions} repetitions`);
    const run = await measureStepLatency({ latencyMs, repetitions, warmup: 2, progress });
    progress(
      `    raw GET ${run.raw.get.median} ms; ${Object.entries(run.invitation)
        .map(([l, v]) => `${l} ${v.median}`)
        .join("; ")}`,
    );
    stepLatency.push(run);
  }

  stage(`${COUNT} invitations at ${RATE_PER_SECOND} requests/s (parallel ${load.parallel}, maxConcurrency ${load.maxConcurrency})`);
  const previews: PreviewResult[] = [];
  const bed = await startLoadBed(load);
  let loadResult;
  try {
    const program = invitationProgram(bed.fake.organizationId, people("person", COUNT));
    previews.push(await measurePreview(bed, program, COUNT, "new stack, every resource to create"));
    progress(`    preview of ${COUNT} new: ${previews[0]!.apiCalls} API calls, ${round(previews[0]!.wallMs / 1000, 1)} s`);
    loadResult = await applyInvitations(bed, program, load, progress);
    progress(
      `    up: ${round(loadResult.wallMs / 1000, 1)} s (${loadResult.ratioToFloor}× floor), ${loadResult.failures} failures, ` +
        `${loadResult.requests.rateLimited} × 429, plugin peak ${loadResult.plugin.peakRssMiB} MiB`,
    );
    previews.push(await measurePreview(bed, program, COUNT, "after the up, nothing changed"));
    progress(`    preview of ${COUNT} unchanged: ${previews[1]!.apiCalls} API calls, ${round(previews[1]!.wallMs / 1000, 1)} s`);
  } finally {
    await bed.close();
  }

  stage(`naive provider, ${COUNT} invitations at ${RATE_PER_SECOND} requests/s`);
  const naiveBed = await startLoadBed(load, true);
  let naive;
  try {
    naive = await applyNaive(
      naiveBed,
      people("person", COUNT).map((p) => p.name),
      load,
    );
  } finally {
    await naiveBed.close();
  }
  progress(`    ${naive.failedCreates} failed creates, ${naive.created} created, ${naive.notAttempted} never attempted`);

  stage(`harness baseline: ${COUNT} no-op resources (parallel ${load.parallel})`);
  const harnessBaseline = await applyNoops(COUNT, load.parallel);
  progress(`    preview ${round(harnessBaseline.previewMs / 1000, 1)} s, up ${round(harnessBaseline.upMs / 1000, 1)} s`);

  const cpus = os.cpus();
  const results: BenchResults = {
    meta: {
      date: new Date().toISOString(),
      node: process.version,
      pulumi: require(require.resolve("@pulumi/pulumi/package.json", { paths: [repositoryRoot] })).version,
      packageVersion: require(path.join(repositoryRoot, "package.json")).version,
      cpus: cpus.length,
      cpuModel: cpus[0]?.model.trim() ?? "unknown",
      loadAverage: { start: round(loadAtStart), end: round(os.loadavg()[0]!) },
      runtimeSeconds: round((performance.now() - started) / 1000, 1),
      harnessParallel: harnessSupportsParallel(),
    },
    providerSize,
    apiCalls,
    stepLatency,
    load: loadResult,
    naive,
    harnessBaseline,
    previews,
  };
  const written = writeReport(results, __dirname);
  stage(`wrote ${path.relative(process.cwd(), written.json)} and ${path.relative(process.cwd(), written.markdown)}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
