/**
 * `npm run bench` (after the build): measures the package against the local Qovery fake and
 * writes bench/results.json and bench/results.md. Missed targets are reported there, not fatal;
 * the process fails only if the bench itself crashes.
 *
 * The API calls of each lifecycle method are counted with the provider called in process
 * (tests/faults/stack.ts); the `__provider` size and the user-facing figures go through the real
 * Pulumi CLI: 1000 invitations at 50 requests/s with 429 + Retry-After (and the naive provider on
 * the same load), previews of 1000, refreshes of 1000 accepted members (and the baseline provider
 * on the same, then their destroy), and the time of a step against a raw request at 20 ms
 * latency. `--only refresh` measures the API calls per step and the refresh and destroy alone,
 * into the last full run's figures.
 */
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { round } from "./lib/stats";
import { writeReport } from "./report";
import type { BenchResults } from "./results";
import { countApiCalls } from "./scenarios/api-calls";
import { cliLoad, cliNaive, cliStepTimes, type CliLoadSettings } from "./scenarios/cli";
import { cliRefresh, type RefreshResult } from "./scenarios/refresh";
import { installStepClock, type StepClock } from "./lib/step-clock";
import { beforeIssue11 } from "./before";
import { measureNative } from "./scenarios/native";
import { measureProviderSize } from "./scenarios/provider-size";
import { repositoryRoot } from "../tests/support/installed-package";
import { pulumiCli } from "../tests/support/pulumi-cli";

/** `pulumi up --parallel 16` with the provider's default `qovery:maxConcurrency`. */
const LOAD: CliLoadSettings = {
  count: 1000,
  ratePerSecond: 50,
  parallel: 16,
  maxConcurrency: 8,
  skipCheckpoints: false,
  withPreviews: true,
};
/** The previews are the same with checkpoints skipped: run once, with the default load. */
const LOAD_SKIPPING_CHECKPOINTS: CliLoadSettings = { ...LOAD, skipCheckpoints: true, withPreviews: false };
/** Refreshes of 1000 accepted members, this package and the baseline provider, no rate limit. */
const REFRESH = { count: 1000, parallel: LOAD.parallel, skipCheckpoints: true };
const STEP_LATENCY_MS = 20;
const STEP_COUNT = 20;

const started = performance.now();
const elapsed = () => `${((performance.now() - started) / 1000).toFixed(1).padStart(5)} s`;
const progress = (line: string) => console.log(line);
const stage = (line: string) => console.log(`[${elapsed()}] ${line}`);

async function main(): Promise<void> {
  const loadAtStart = os.loadavg()[0]!;
  const pulumiVersion = execFileSync(path.join(pulumiCli(), "pulumi"), ["version"], {
    encoding: "utf8",
    env: { ...process.env, PULUMI_SKIP_UPDATE_CHECK: "true" },
  }).trim();

  stage("__provider size");
  const providerSize = await measureProviderSize();
  progress(`    OrganizationInvitation ${providerSize.invitationBytes} B, naive ${providerSize.naiveBytes} B`);

  stage("API calls per lifecycle step");
  const apiCalls = await countApiCalls();
  for (const step of apiCalls.steps) progress(`    ${step.calls}  ${step.step}`);

  stage(
    `pulumi ${pulumiVersion}: ${LOAD.count} invitations at ${LOAD.ratePerSecond} requests/s (--parallel ${LOAD.parallel}, maxConcurrency ${LOAD.maxConcurrency})`,
  );
  const clock = installStepClock();
  const load = await cliLoad(LOAD, clock, progress);

  stage(`pulumi ${pulumiVersion}: the same with PULUMI_SKIP_CHECKPOINTS=true`);
  const loadSkippingCheckpoints = await cliLoad(LOAD_SKIPPING_CHECKPOINTS, clock, progress);

  stage(`pulumi ${pulumiVersion}: the naive provider on the same load, checkpoints skipped`);
  const naive = await cliNaive(LOAD_SKIPPING_CHECKPOINTS);
  progress(`    ${naive.failedCreates} failed creates, ${naive.created} created, ${naive.notAttempted} never attempted`);

  const refresh = await measureRefresh(pulumiVersion, clock);
  clock.uninstall();

  stage(`pulumi ${pulumiVersion}: ${STEP_COUNT} creates and deletes, one at a time, fake latency ${STEP_LATENCY_MS} ms`);
  const steps = await cliStepTimes(STEP_LATENCY_MS, STEP_COUNT);
  progress(`    raw GET ${steps.rawGetMs} ms, create ${steps.createMs} ms, delete ${steps.deleteMs} ms`);

  stage("the native plugin beside the dynamic provider: start-up, and a no-change preview of one resource");
  const native = await measureNative(progress);

  const cpus = os.cpus();
  const results: BenchResults = {
    meta: {
      date: new Date().toISOString(),
      node: process.version,
      pulumi: require(require.resolve("@pulumi/pulumi/package.json", { paths: [repositoryRoot] })).version,
      pulumiCli: pulumiVersion,
      packageVersion: require(path.join(repositoryRoot, "package.json")).version,
      cpus: cpus.length,
      cpuModel: cpus[0]?.model.trim() ?? "unknown",
      loadAverage: { start: round(loadAtStart), end: round(os.loadavg()[0]!) },
      runtimeSeconds: round((performance.now() - started) / 1000, 1),
    },
    providerSize,
    apiCalls,
    cli: { load, loadSkippingCheckpoints, naive, steps, refresh },
    native,
    before: beforeIssue11(),
  };
  const written = writeReport(results, __dirname);
  stage(`wrote ${path.relative(process.cwd(), written.json)} and ${path.relative(process.cwd(), written.markdown)}`);
}

/** The refreshes of REFRESH.count accepted members and their destroy, this package and the baseline. */
async function measureRefresh(pulumiVersion: string, clock: StepClock): Promise<BenchResults["cli"]["refresh"]> {
  const refresh: RefreshResult[] = [];
  for (const provider of ["package", "baseline"] as const) {
    stage(
      `pulumi ${pulumiVersion}: refresh of ${REFRESH.count} accepted members and their destroy, ${provider} provider, checkpoints skipped`,
    );
    const result = await cliRefresh({ ...REFRESH, provider, refreshCount: provider === "package" ? 2 : 1 }, clock);
    for (const r of result.refreshes)
      progress(
        `    ${r.label}: ${r.calls} calls (${r.memberListCalls} member lists), ${r.responseBytes} B, ${round(r.wallMs / 1000, 1)} s`,
      );
    const d = result.destroy!;
    progress(`    destroy: ${d.calls} calls (${d.removals} removals, ${d.memberListCalls} member lists), ${round(d.wallMs / 1000, 1)} s`);
    refresh.push(result);
  }
  return { package: refresh[0]!, baseline: refresh[1]! };
}

/**
 * `--only refresh`: measures the API calls per lifecycle step and the refresh-and-destroy scenario
 * alone (a few minutes instead of the whole bench), into the figures of the last full run, which
 * results.md then says.
 */
async function refreshOnly(): Promise<void> {
  const pulumiVersion = execFileSync(path.join(pulumiCli(), "pulumi"), ["version"], {
    encoding: "utf8",
    env: { ...process.env, PULUMI_SKIP_UPDATE_CHECK: "true" },
  }).trim();
  const results = JSON.parse(fs.readFileSync(path.join(__dirname, "results.json"), "utf8")) as BenchResults;
  stage("API calls per lifecycle step");
  results.apiCalls = await countApiCalls();
  const clock = installStepClock();
  results.cli.refresh = await measureRefresh(pulumiVersion, clock);
  clock.uninstall();
  results.meta.partialRun = {
    date: new Date().toISOString(),
    loadAverage: round(os.loadavg()[0]!),
    note:
      "The API calls per lifecycle step and the refresh and destroy of accepted members were measured again by `tsx bench/run.ts --only refresh`, " +
      "after this run; the other figures are this run's",
  };
  const written = writeReport(results, __dirname);
  stage(`wrote ${path.relative(process.cwd(), written.json)} and ${path.relative(process.cwd(), written.markdown)}`);
}

/** `--only native`: measures the native plugin's start-up and previews alone, into the figures of the last full run. */
async function nativeOnly(): Promise<void> {
  const results = JSON.parse(fs.readFileSync(path.join(__dirname, "results.json"), "utf8")) as BenchResults;
  stage("the native plugin beside the dynamic provider");
  results.native = await measureNative(progress);
  results.meta.partialRun = {
    date: new Date().toISOString(),
    loadAverage: round(os.loadavg()[0]!),
    note: "The native plugin's figures were measured by `tsx bench/run.ts --only native`, after this run; the other figures are this run's",
  };
  const written = writeReport(results, __dirname);
  stage(`wrote ${path.relative(process.cwd(), written.json)} and ${path.relative(process.cwd(), written.markdown)}`);
}

const ONLY: Record<string, () => Promise<void>> = { refresh: refreshOnly, native: nativeOnly };
const only = process.argv.indexOf("--only");
(only >= 0 ? (ONLY[process.argv[only + 1] ?? ""] ?? main) : main)().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
