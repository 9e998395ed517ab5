/**
 * Writes one run's figures: bench/results.json (everything measured) and bench/results.md (the
 * tables people read, each target with its figure and met/missed, and what the figures mean).
 */
import * as fs from "node:fs";
import * as path from "node:path";
import type { BenchResults } from "./results";
import { round } from "./lib/stats";
import { evaluateTargets, LIMITS, type TargetRow } from "./targets";

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
      `one OrganizationInvitation's whole state entry (as the CLI writes it) is ${p.invitationStateEntryBytes} B. The serialized shim:`,
    "",
    "```js",
    p.invitationProviderText.trim(),
    "```",
  ].join("\n");
}

function apiCallsSection(results: BenchResults): string {
  const load = results.cli.load;
  return [
    "## API calls per lifecycle step",
    "",
    "Counted by the fake while each call to the provider's lifecycle method was in flight, the provider called in process " +
      "(tests/faults/stack.ts, parallel 1). " +
      'A fresh plugin process starts with empty caches: the CLI starts one per command, and the in-process stack loads the provider afresh per command. "First of the command" ' +
      'is the first step of its kind in a command (two or three resources in it), "later in the command" the last one.',
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
    `Amortized over the ${load.count}-invitation \`pulumi up\`: ${load.requests - load.rateLimited} answered requests ` +
      `(${Object.entries(load.byOperationAndStatus)
        .filter(([key]) => !key.endsWith(" 429"))
        .map(([key, n]) => `${key}: ${n}`)
        .join(", ")}), i.e. ${load.answeredRequestsPerInvitation} per invitation, plus ${load.rateLimited} answered 429. ` +
      "roleId and roleName cost the same: a roleId is also checked against the role list, which gives its name.",
  ].join("\n");
}

function loadSection(results: BenchResults): string {
  const { load, loadSkippingCheckpoints: skip, naive } = results.cli;
  return [
    `## ${load.count} invitations at ${load.ratePerSecond} requests/s through the real Pulumi CLI`,
    "",
    `\`pulumi up --parallel ${load.parallel}\` (CLI ${results.meta.pulumiCli}, local file backend), \`qovery:maxConcurrency\` ` +
      `${load.maxConcurrency}, against a fake that answers every request beyond ${load.ratePerSecond} per second with 429 and ` +
      "`Retry-After: 1`. By default the CLI writes the whole state after every step; a local file backend rewrites its whole " +
      "checkpoint file each time, which at 1000 resources sets the pace below the rate limit. `PULUMI_SKIP_CHECKPOINTS=true` " +
      "writes it once at the end: then the rate limit sets the pace. The naive provider (an inline object capturing got, no " +
      "retry) runs on that second load, where the limit bites.",
    "",
    table(
      ["", "this package, default", "this package, checkpoints skipped", "naive provider, checkpoints skipped"],
      [
        [
          "wall time",
          `${s(load.wallMs)} (${load.ratioToFloor}× the ${s(load.floorMs)} floor)`,
          `${s(skip.wallMs)} (${skip.ratioToFloor}×)`,
          s(naive.wallMs),
        ],
        ["failed", String(load.failures), String(skip.failures), `${naive.failedCreates} creates (each a 429 to its invite)`],
        [
          "created",
          String(load.resourcesInState),
          String(skip.resourcesInState),
          `${naive.created} (${naive.notAttempted} never attempted: the CLI starts no step after a failure)`,
        ],
        ["invitations at the fake", String(load.invitationsAtFake), String(skip.invitationsAtFake), "–"],
        ["answered 429", String(load.rateLimited), String(skip.rateLimited), `${naive.failedCreates} on invites`],
        [
          "first step starts after",
          load.firstStepAfterMs === undefined ? "–" : s(load.firstStepAfterMs),
          skip.firstStepAfterMs === undefined ? "–" : s(skip.firstStepAfterMs),
          "–",
        ],
        [
          "first step to last step",
          load.stepSpanMs === undefined ? "–" : `${s(load.stepSpanMs)} (${load.stepSpanRatioToFloor}×)`,
          skip.stepSpanMs === undefined ? "–" : `${s(skip.stepSpanMs)} (${skip.stepSpanRatioToFloor}×)`,
          "–",
        ],
      ],
    ),
    naive.firstError ? `\nThe naive provider's run ended with: \`${naive.firstError.replace(/\|/g, "\\|")}\`` : "",
  ].join("\n");
}

function previewSection(results: BenchResults): string {
  const { load } = results.cli;
  return [
    `## Previews of ${load.count} through the real Pulumi CLI`,
    "",
    `The program of the default-checkpoint load (${load.count} resources with role names, one organization), before and after its up. ` +
      "Since the preview-time role check, check looks each role up in the organization's role list, read once per command.",
    "",
    table(
      ["Preview", "API calls", "by operation", "mutating", "Wall"],
      load.previews.map((p) => [
        `${load.count} resources, ${p.label}`,
        p.apiCalls,
        operationList(p.operations),
        p.mutatingCalls,
        s(p.wallMs),
      ]),
    ),
  ].join("\n");
}

const operationList = (operations: Record<string, number | undefined>) =>
  Object.entries(operations)
    .map(([op, n]) => `${op} ×${n}`)
    .join(", ") || "–";

const kB = (bytes: number) => (bytes < 1024 ** 2 ? `${round(bytes / 1024, 1)} KiB` : `${round(bytes / 1024 ** 2, 1)} MiB`);

function refreshSection(results: BenchResults): string {
  const { package: ours, baseline } = results.cli.refresh;
  const runs = [
    ...ours.refreshes.map((r) => ({ who: "this package", r })),
    ...baseline.refreshes.map((r) => ({ who: "baseline (lists per resource)", r })),
  ];
  return [
    `## Refresh of ${ours.count} accepted members through the real Pulumi CLI`,
    "",
    `\`pulumi up --parallel ${ours.parallel}\` of ${ours.count} invitations in one organization (${s(ours.upWallMs)}; the baseline's ` +
      `${s(baseline.upWallMs)}), the fake accepts them all, then \`pulumi refresh --parallel ${ours.parallel}\`; ` +
      `PULUMI_SKIP_CHECKPOINTS=true for all of them, and no rate limit at the fake: these figures are the requests, the bytes and ` +
      "the time of the refresh. The baseline is a bench-only dynamic provider (bench/baseline-provider.ts) that reads the way " +
      "Qovery's Terraform resource `qovery_organization_member` does: for every resource, the invitation list, then the member " +
      "list, each the whole organization. Its every refresh makes the same requests, so it is refreshed once. Bytes: the sum of " +
      "the response bodies the fake sent (`JSON.stringify` of each exchange's body, which is what it writes), headers not " +
      "included. Steps: from the first resource step's start to the last one's end, from the engine events.",
    "",
    table(
      ["", "refresh", "API calls", "member lists", "by operation", "bytes received", "wall", "steps", "at 50 requests/s, at least"],
      runs.map(({ who, r }) => [
        who,
        r.label,
        r.calls,
        r.memberListCalls,
        operationList(r.operations),
        kB(r.responseBytes),
        s(r.wallMs),
        r.stepSpanMs === undefined ? "–" : s(r.stepSpanMs),
        s((r.calls / 50) * 1000),
      ]),
    ),
    "",
    "The last column is what a limit of 50 requests/s (the fake's limit in the load above) would cost by itself: calls ÷ 50.",
    destroySection(results),
  ].join("\n");
}

function destroySection(results: BenchResults): string {
  const { package: ours, baseline } = results.cli.refresh;
  const runs = [
    { who: "this package", d: ours.destroy },
    { who: "baseline (DELETE of the recorded member id, no list)", d: baseline.destroy },
  ];
  if (!ours.destroy) return "";
  return [
    "",
    `Then \`pulumi destroy --parallel ${ours.parallel}\` of the ${ours.count} accepted members. This package reads the member list ` +
      "once for all its deletes (every identity of each email, the owner and token guards) and applies each removal to it; the " +
      "baseline removes the member id its refresh recorded, with no list.",
    "",
    table(
      ["", "API calls", "removals", "member lists", "by operation", "members left", "wall"],
      runs.flatMap(({ who, d }) =>
        d ? [[who, d.calls, d.removals, d.memberListCalls, operationList(d.operations), d.membersLeft, s(d.wallMs)]] : [],
      ),
    ),
  ].join("\n");
}

function throttleSection(results: BenchResults): string {
  const skip = results.cli.loadSkippingCheckpoints;
  const before = results.before.loadSkippingCheckpoints;
  const answered = (figures: Record<string, number>) =>
    Object.entries(figures)
      .map(([key, n]) => `${key}: ${n}`)
      .join(", ");
  return [
    `## 429s before and after the client's Throttle (${skip.count} invitations at ${skip.ratePerSecond} requests/s, checkpoints skipped)`,
    "",
    `Before: ${results.before.source}, run on ${results.before.date}; that run did not time the steps. After: this run. ` +
      `Both \`pulumi up --parallel ${skip.parallel}\`, \`qovery:maxConcurrency\` ${skip.maxConcurrency}, the fake answering every request ` +
      `beyond ${skip.ratePerSecond} per second with 429 and \`Retry-After: 1\`.`,
    "",
    table(
      ["", "before (a6bacf4)", "after"],
      [
        ["answered 429", before.rateLimited, skip.rateLimited],
        ["requests", before.requests, skip.requests],
        ["by operation and status", answered(before.byOperationAndStatus), answered(skip.byOperationAndStatus)],
        [
          "whole up",
          `${s(before.wallMs)} (${before.ratioToFloor}× the ${s(before.floorMs)} floor)`,
          `${s(skip.wallMs)} (${skip.ratioToFloor}×)`,
        ],
        ["first step starts after", "not measured", skip.firstStepAfterMs === undefined ? "–" : s(skip.firstStepAfterMs)],
        [
          "first step to last step",
          "not measured",
          skip.stepSpanMs === undefined ? "–" : `${s(skip.stepSpanMs)} (${skip.stepSpanRatioToFloor}× the floor)`,
        ],
        ["failures", before.failures, skip.failures],
      ],
    ),
  ].join("\n");
}

function stepSection(results: BenchResults): string {
  const { steps } = results.cli;
  return [
    `## Time per step through the real Pulumi CLI, fake latency ${steps.latencyMs} ms`,
    "",
    `${steps.count} invitations created by one \`pulumi up --parallel 1\`, then deleted by one \`pulumi destroy\`. A step's time ` +
      "is the one the CLI prints for it (`created (0.06s)`: two decimals, so 10 ms steps), the engine's own measure from the " +
      "step's start to its end: the gRPC hop to the plugin, the provider's code and its Qovery requests. Raw GET: a plain " +
      "HTTP request from the bench process to the same fake. Medians.",
    "",
    table(
      ["", "median", "× raw GET"],
      [
        ["raw HTTP GET to the fake", ms(steps.rawGetMs), "1"],
        [
          "create step (one invite; the plugin's first create also lists roles, members and invitations)",
          ms(steps.createMs),
          String(round(steps.createMs / steps.rawGetMs)),
        ],
        ["delete step (one cancel)", ms(steps.deleteMs), String(round(steps.deleteMs / steps.rawGetMs))],
        [`whole \`pulumi up\` of ${steps.count}`, s(steps.upWallMs), "–"],
        [`whole \`pulumi destroy\` of ${steps.count}`, s(steps.destroyWallMs), "–"],
      ],
    ),
  ].join("\n");
}

function nativeSection(results: BenchResults): string {
  const native = results.native;
  if (!native) return "";
  return [
    "## The native plugin beside the dynamic provider",
    "",
    `Ready (the port on stdout), median of ${native.starts} starts: \`node -e\` ${native.readyMs.nodeE} ms, ` +
      `\`pulumi-resource-qovery-invitations\` ${native.readyMs.native} ms, the dynamic-provider plugin ${native.readyMs.dynamic} ms (before this package loads).`,
    "",
    `A no-change \`pulumi preview\` of a TypeScript program (type-checked by the language host, its default), median of ${native.previews}, taken in turn. ` +
      "The empty program imports @pulumi/pulumi and reads its config, declaring nothing; the bare one is `export {}`, " +
      "which does not even import @pulumi/pulumi (whose type-check alone makes most of the difference):",
    "",
    "| program | preview | against the empty program |",
    "|---|---|---|",
    `| bare \`export {}\` | ${native.previewMs.bare} ms | ${round(native.previewMs.bare / native.previewMs.empty)}× |`,
    `| empty | ${native.previewMs.empty} ms | 1× |`,
    `| one native invitation | ${native.previewMs.native} ms | ${native.nativeRatio}× |`,
    `| one dynamic invitation | ${native.previewMs.dynamic} ms | ${native.dynamicRatio}× |`,
    "",
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
      `Qovery fake: the API calls per lifecycle step with the provider called in process, the ` +
      `\`__provider\` sizes and the user-facing figures through the real Pulumi CLI ${m.pulumiCli}; timings move with the machine's load.`,
    ...(m.partialRun ? ["", `${m.partialRun.note}. That later run: ${m.partialRun.date}, load average ${m.partialRun.loadAverage}.`] : []),
    "",
    targetsSection(evaluateTargets(results)),
    "",
    remediesSection(evaluateTargets(results)),
    providerSizeSection(results),
    "",
    apiCallsSection(results),
    "",
    loadSection(results),
    "",
    throttleSection(results),
    "",
    refreshSection(results),
    "",
    previewSection(results),
    "",
    stepSection(results),
    "",
    nativeSection(results),
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
