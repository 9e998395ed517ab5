/**
 * Writes one run's figures: bench/results.json (everything measured) and bench/results.md (the
 * tables people read, each target with its figure and met/missed, and what the figures mean).
 */
import * as fs from "node:fs";
import * as path from "node:path";
import type { BenchResults } from "./results";
import { round } from "./lib/stats";
import { evaluateTargets, LIMITS, stepRatio, type TargetRow } from "./targets";

const table = (header: string[], rows: (string | number)[][]) =>
  [`| ${header.join(" | ")} |`, `| ${header.map(() => "---").join(" | ")} |`, ...rows.map((r) => `| ${r.join(" | ")} |`)].join("\n");

const ms = (value: number | undefined) => (value === undefined || Number.isNaN(value) ? "–" : `${round(value, 2)} ms`);
const s = (value: number) => `${round(value / 1000, 1)} s`;

function targetsSection(rows: TargetRow[]): string {
  const met = rows.filter((r) => r.met).length;
  return [
    `## Targets: ${met} of ${rows.length} met`,
    "",
    table(
      ["Target", "Measured", "Result", "Note"],
      rows.map((r) => [r.target, r.measured, r.met ? "met" : "**missed**", r.note]),
    ),
  ].join("\n");
}

function remediesSection(rows: TargetRow[]): string {
  const missed = rows.filter((r) => !r.met);
  if (missed.length === 0) return "";
  return [
    "## Missed targets and what would change them",
    "",
    ...missed.map((r) => `- **${r.target}** (${r.measured}). ${r.remedy ?? r.note}`),
    "",
  ].join("\n");
}

function providerSizeSection(results: BenchResults): string {
  const p = results.providerSize;
  return [
    "## `__provider` bytes per resource",
    "",
    table(
      ["Provider", "`__provider` bytes"],
      [
        ["OrganizationInvitation (installed package, shim serialized as a `require`)", p.invitationBytes],
        ["naive provider (inline object literal capturing got)", p.naiveBytes],
        ["no-op provider (inline object literal, six empty methods)", p.noopBytes],
      ],
    ),
    "",
    `The plugin returns \`__provider\` in the outputs too (${p.copiedInOutputs ? "two copies" : "one copy"} per resource in the state); ` +
      `one OrganizationInvitation's whole state entry is ${p.invitationStateEntryBytes} B. The serialized shim:`,
    "",
    "```js",
    p.invitationProviderText.trim(),
    "```",
  ].join("\n");
}

function apiCallsSection(results: BenchResults): string {
  const load = results.load;
  return [
    "## API calls per lifecycle step",
    "",
    "Counted by the fake while each gRPC call of the harness to the plugin was in flight (parallel 1). " +
      "A fresh plugin process starts with empty caches.",
    "",
    table(
      ["Step", "Calls", "Qovery operations", "Note"],
      results.apiCalls.steps.map((step) => [
        step.step,
        step.calls,
        Object.entries(step.operations)
          .map(([op, n]) => `${op}${n > 1 ? ` ×${n}` : ""}`)
          .join(", ") || "–",
        step.note,
      ]),
    ),
    "",
    `Amortized over the ${load.count}-invitation run: ${load.requests.total - load.requests.rateLimited} answered requests ` +
      `(${Object.entries(load.requests.byOperationAndStatus)
        .filter(([key]) => !key.endsWith(" 429"))
        .map(([key, n]) => `${key}: ${n}`)
        .join(", ")}), i.e. ${load.answeredRequestsPerInvitation} per invitation, plus ${load.requests.rateLimited} answered 429. ` +
      "roleId and roleName cost the same: a roleId is also checked against the role list, which gives its name.",
  ].join("\n");
}

function latencySection(results: BenchResults): string {
  const parts = [
    "## Time per step through the real plugin",
    "",
    "A step's time is the harness's gRPC call to the real dynamic-provider plugin, measured around the call: " +
      "the gRPC hop between two processes, the plugin's dispatch (it evaluates the stored `__provider` once and caches it), " +
      "the provider's code and its Qovery requests. **No-op** is the same step of a dynamic resource whose provider does nothing, " +
      "through the same harness and plugin: the part that is not the provider's. **Module** is the installed provider module " +
      "called directly in the bench process (no plugin, no gRPC): the provider's own code and request. " +
      "**Raw GET** is a `got` GET of an invitation from the bench process to the same fake. " +
      "Ratio = step median ÷ (raw GET median × the requests the step makes, at least 1). " +
      "Medians of the repetitions, each with a fresh one-resource program, after warm-up; within a repetition the four kinds " +
      "of measurement take turns, so that each samples the same conditions of the machine.",
  ];
  for (const run of results.stepLatency) {
    parts.push(
      "",
      `### Fake latency ${run.latencyMs} ms (${run.repetitions} repetitions): raw GET ${ms(run.raw.get.median)}, raw POST ${ms(run.raw.post.median)}`,
      "",
      table(
        ["Step", "Calls", "Median", "p90", "No-op", "Module", "Ratio"],
        Object.entries(run.invitation).map(([label, step]) => {
          const base = label.split(" (")[0]!;
          const module = run.providerModule[label];
          return [
            label,
            round(step.apiCalls, 2),
            ms(step.median),
            ms(step.p90),
            ms(run.noop[base]?.median),
            ms(module?.median),
            `${round(stepRatio(run, label))}×`,
          ];
        }),
      ),
      "",
      "Whole harness operations of one resource (program run under the mock runtime, Check/Diff, the step, state-file writes):",
      "",
      table(
        ["Operation", "OrganizationInvitation", "No-op"],
        Object.entries(run.operations.invitation).map(([op, sample]) => [op, ms(sample.median), ms(run.operations.noop[op]?.median)]),
      ),
    );
  }
  return parts.join("\n");
}

function loadSection(results: BenchResults): string {
  const { load, naive, harnessBaseline: base } = results;
  return [
    `## ${load.count} invitations at ${load.ratePerSecond} requests/s`,
    "",
    `The fake answers the excess with 429 and \`Retry-After: 1\`. Floor: ${load.count} requests ÷ ${load.ratePerSecond}/s = ${s(load.floorMs)} ` +
      `(the fake's token bucket starts full, so ${load.ratePerSecond} requests are free and the strict minimum for ` +
      `${load.requests.total - load.requests.rateLimited} requests is ${s(((load.requests.total - load.requests.rateLimited - load.ratePerSecond) / load.ratePerSecond) * 1000)}). ` +
      `Harness \`parallel\` ${load.parallel}${load.harnessParallel ? "" : " (not honoured by this checkout's harness: steps ran one at a time)"}, ` +
      `\`qovery:maxConcurrency\` ${load.maxConcurrency}, other settings at their defaults (maxRetries 5, Retry-After honoured up to 30 s).`,
    "",
    table(
      ["", "OrganizationInvitation", "naive provider", "no-op resource (harness only)"],
      [
        ["`__provider` bytes", results.providerSize.invitationBytes, results.providerSize.naiveBytes, results.providerSize.noopBytes],
        [
          "wall time of `up`",
          `${s(load.wallMs)} (${load.ratioToFloor}× floor)`,
          `${s(naive.wallMs)} (stopped at the first failure)`,
          `${s(base.upMs)} (no rate limit)`,
        ],
        ["of which before the first step", s(load.firstStepAfterMs), "–", s(base.firstStepAfterMs)],
        ["failed creates", load.failures, naive.failedCreates, "–"],
        ["created", load.resourcesInState, naive.created, base.count],
        ["never attempted (the up stopped)", 0, naive.notAttempted, "–"],
        [
          "requests, of which answered 429",
          `${load.requests.total}, ${load.requests.rateLimited}`,
          `${naive.requests.total}, ${naive.requests.rateLimited}`,
          "–",
        ],
        ["invitations at the fake", load.invitationsAtFake, naive.created, "–"],
        ["plugin peak RSS (VmHWM)", `${load.plugin.peakRssMiB} MiB`, "–", `${base.plugin.peakRssMiB} MiB`],
        ["harness state-file writes, summed", s(load.harnessStateWritesMs), "–", s(base.harnessStateWritesMs)],
      ],
    ),
    "",
    `Requests per invitation: ${load.answeredRequestsPerInvitation} answered (one invite each; the role list and the member list ` +
      `are fetched once per process, the member list again when its 30 s copy ages out), plus ${round(load.requests.rateLimited / load.count, 3)} answered 429.`,
    "",
    `Where the time goes: for the first ${s(load.firstStepAfterMs)} the program builds its ${load.count} resources under Pulumi's Node runtime ` +
      "and no registration has reached the harness yet (the runtime prepares every resource before the first is registered); " +
      `from the first step to the end the run takes ${load.afterFirstStepRatioToFloor}× the floor` +
      (load.afterFirstStepRatioToFloor <= 1.05
        ? `, the rate limit setting the pace (${load.requests.rateLimited} requests answered 429 and retried after their Retry-After). `
        : `: the steps came slower than the rate limit allows (only ${load.requests.rateLimited} requests answered 429), ` +
          "so the harness process, not the API, was the bottleneck. ") +
      "The harness runs the program in this process and rewrites the whole state file after every step, " +
      `which is why ${base.count} no-op creates alone, with no rate limit, take ${s(base.upMs)}; ` +
      "with other work on the machine (see the load average above) it gets less CPU and every figure here grows. " +
      "The provider's settings barely matter (parallel 4 to 32 and maxConcurrency 4 to 16 land within noise of each other, see bench/README.md).",
    "",
    `The naive provider's first \`up\` ended with: \`${naive.firstError ?? "no error"}\`. Nothing retries its invite (got retries no POST ` +
      "by default), and after the first failure the engine starts no new step, finishing only those in flight: a user re-runs `pulumi up` " +
      "until everything is created.",
  ].join("\n");
}

function previewSection(results: BenchResults): string {
  return [
    "## Preview of 1000 resources",
    "",
    table(
      ["Situation", "API calls", "Wall time", "Summary"],
      [
        ...results.previews.map((p) => [p.situation, p.apiCalls, s(p.wallMs), p.summary]),
        ["no-op resources, new (harness only)", "–", s(results.harnessBaseline.previewMs), ""],
      ],
    ),
  ].join("\n");
}

export function renderMarkdown(results: BenchResults): string {
  const m = results.meta;
  return [
    "# Benchmark results",
    "",
    `Written by \`npm run bench\` (bench/run.ts) on ${m.date}: Node ${m.node}, @pulumi/pulumi ${m.pulumi}, ` +
      `pulumi-qovery-invitations ${m.packageVersion}, ${m.cpus} × ${m.cpuModel}, load average ${m.loadAverage.start} at the start and ` +
      `${m.loadAverage.end} at the end. The bench took ${m.runtimeSeconds} s after the build. Everything runs against the local ` +
      "Qovery fake through the engine harness and the real Pulumi dynamic-provider plugin; timings move with the machine's load.",
    "",
    targetsSection(evaluateTargets(results)),
    "",
    remediesSection(evaluateTargets(results)),
    providerSizeSection(results),
    "",
    apiCallsSection(results),
    "",
    latencySection(results),
    "",
    loadSection(results),
    "",
    previewSection(results),
    "",
  ].join("\n");
}

export function writeReport(results: BenchResults, directory: string): { json: string; markdown: string } {
  const json = path.join(directory, "results.json");
  const markdown = path.join(directory, "results.md");
  const targets = evaluateTargets(results);
  fs.writeFileSync(json, `${JSON.stringify({ ...results, targets, limits: LIMITS }, null, 2)}\n`);
  fs.writeFileSync(markdown, renderMarkdown(results));
  return { json, markdown };
}
