/**
 * The targets of the large-organization work (speed of a 1000-invitation up, previews, refreshes, 429s), checked against one run's results. A missed target is
 * reported with the measured figure, never hidden; the bench does not fail on it.
 */
import type { BenchResults } from "./results";
import { round } from "./lib/stats";

export interface TargetRow {
  target: string;
  measured: string;
  met: boolean;
  /** Why it is missed, or what the figure means. */
  note: string;
  /** When missed: what change (in provider/ or elsewhere) would meet it, and at what price. */
  remedy?: string;
}

export const LIMITS = {
  providerBytes: 1024,
  stepRatio: 1.3,
  floorRatio: 1.2,
  /** From the first resource step to the last, 1000 invitations at 50/s, checkpoints skipped. */
  stepSpanFloorRatio: 1.1,
  /** Member lists of a steady-state refresh of one organization (2 only if the first failed and was retried). */
  refreshMemberLists: 1,
  /** listOrganizationAvailableRoles per organization in a preview (check's role check). */
  previewRoleLists: 1,
  /** Requests per invitation over the 1000 run: one invite each, plus the per-process lookups. */
  amortizedCreateCalls: 1.01,
  runtimeSeconds: 360,
  /** The native plugin ready (its port printed), median of 7 starts. */
  nativeReadyMs: 300,
  /** A no-change preview of one native resource, against one of an empty program. */
  nativePreviewRatio: 1.25,
};

function callsOf(results: BenchResults, step: string): number {
  const found = results.apiCalls.steps.find((s) => s.step === step);
  if (!found) throw new Error(`no API-call figure for "${step}"`);
  return found.calls;
}

function callRow(
  results: BenchResults,
  target: string,
  step: string,
  expected: number,
  note: string,
  miss?: { note: string; remedy: string },
): TargetRow {
  const calls = callsOf(results, step);
  const met = calls <= expected;
  const row = { target, measured: `${calls} call${calls === 1 ? "" : "s"}`, met };
  return met || !miss ? { ...row, note } : { ...row, ...miss };
}

const REMEDIES = {
  coldCreate:
    "provider/invitation/create.ts could send the invite first and fetch the member list only when Qovery answers that the person " +
    "is already a member (inviteOnce already handles that answer), and for a roleId skip the role list and take the role's name " +
    "from the invite's answer: 1 call for a new person given a roleId, 2 given a roleName (its id must be looked up); the " +
    "invitation list that looks for expired invitations of the email to cancel could be skipped when the invite's answer " +
    "leaves none possible (no 409). The member pre-check is there on purpose: Qovery's answer to inviting an " +
    "existing member is not documented (the fake's default is a 400), and if it were a 201 the person would get an invitation " +
    "email they do not need. Worth doing once that answer is confirmed.",
  acceptance:
    "None needed once the lists are read: the first read of a command reads the invitation list and the member list, and every " +
    "later one reuses them, so the refresh that sees 1000 acceptances costs the two lists (see the refresh rows).",
  memberDelete:
    "provider/invitation/delete.ts could DELETE the member id recorded in state directly (1 call), at the price of leaving the " +
    "person's other identities with the same email in the organization, and of trusting the state's role for the owner guard.",
};

export function evaluateTargets(results: BenchResults): TargetRow[] {
  const { providerSize, meta } = results;
  const { load, loadSkippingCheckpoints: skip, naive, steps } = results.cli;
  const rows: TargetRow[] = [];

  rows.push({
    target: `\`__provider\` ≤ 1 KB per resource`,
    measured: `${providerSize.invitationBytes} B`,
    met: providerSize.invitationBytes <= LIMITS.providerBytes,
    note: `one \`require\` of the installed shim (naive provider: ${providerSize.naiveBytes} B)`,
  });

  const diffCalls = results.apiCalls.steps.filter((s) => s.method === "diff").map((s) => s.calls);
  const coldCheck = callsOf(results, "check, first of the command (preview)");
  const warmCheck = callsOf(results, "check, later in the command");
  rows.push({
    target: "check: the role list once per organization per command (first check 1 call, later checks 0)",
    measured: `first ${coldCheck}, later ${warmCheck}`,
    met: coldCheck <= 1 && warmCheck === 0,
    note: "a role typo fails the preview; the role list is the command's copy, shared by every check",
  });
  rows.push({ target: "diff: 0 API calls", measured: `${Math.max(...diffCalls)} calls`, met: Math.max(...diffCalls) === 0, note: "" });
  rows.push(
    callRow(
      results,
      "create: 1 API call (role, member and invitation lists cached)",
      "create, roleName, later in the command",
      1,
      "every create after the first of a plugin process",
    ),
  );
  const invites = load.byOperationAndStatus["postInviteMember 201"] ?? 0;
  const perInvitation = load.answeredRequestsPerInvitation;
  rows.push({
    target: "create: 1 API call, amortized over 1000",
    measured: `${perInvitation} calls`,
    met: invites === load.count && perInvitation <= LIMITS.amortizedCreateCalls,
    note: `${invites} invites + ${load.requests - load.rateLimited - invites} shared lookups (role, member and invitation lists) for ${load.count} invitations, one \`pulumi up\``,
    remedy:
      "The member and invitation lists are kept 30 s, so an up that lasts longer (the default-checkpoint one) lists both again " +
      "every 30 s. Keeping them for the whole command, as refresh does, would bring it to 1000 invites + 3 lists; they are kept " +
      "short on purpose, because a create acts on what it reads (it adopts a member instead of inviting them).",
  });
  rows.push(
    callRow(results, "create: 1 API call, one resource in a fresh plugin process", "create, roleName, first of the command", 1, "", {
      note:
        "the first create of a process fetches the role list (to resolve roleName or check roleId: the command's copy, which " +
        "check has already fetched in a real `pulumi up`; this probe calls create alone) and the member list (to adopt an " +
        "existing member instead of inviting them) before the invite, and the invitation list after it (to cancel expired " +
        "invitations of the email); all are then shared (the role list for the command, the other lists 30 s)",
      remedy: REMEDIES.coldCreate,
    }),
  );

  for (const [label, first, later] of [
    [
      "pending invitation",
      "read (refresh), pending invitation, first of the command",
      "read (refresh), pending invitation, later in the command",
    ],
    ["accepted member", "read (refresh), accepted member, first of the command", "read (refresh), accepted member, later in the command"],
  ] as const) {
    const [firstCalls, laterCalls] = [callsOf(results, first), callsOf(results, later)];
    rows.push({
      target: `read, ${label}: 1 list per organization per command (first read 1 call, later reads 0)`,
      measured: `first ${firstCalls}, later ${laterCalls}`,
      met: firstCalls <= 1 && laterCalls === 0,
      note: label === "accepted member" ? "the command's member list" : "the command's invitation list",
    });
  }
  rows.push(
    callRow(
      results,
      "read: 1 API call, the refresh that sees the acceptance",
      "read (refresh) at acceptance, first of the command",
      1,
      "",
      {
        note:
          "the first read of the command: the invitation list (the invitation is gone from it, and cannot be newer than it), the " +
          `member list (the email is there: accepted, no GET); later reads of the same command: ${callsOf(results, "read (refresh) at acceptance, later in the command")}`,
        remedy: REMEDIES.acceptance,
      },
    ),
  );
  rows.push(
    callRow(
      results,
      "delete: 1 API call, pending invitation",
      "delete (destroy), pending invitation, first of the command",
      1,
      "DELETE of the invitation",
    ),
  );
  rows.push(
    callRow(results, "delete: 1 API call, accepted member", "delete (destroy), accepted member, first of the command", 1, "", {
      note: "the member list first (every identity with that email, and the owner guard), then the DELETE",
      remedy: REMEDIES.memberDelete,
    }),
  );
  rows.push(...refreshRows(results));

  for (const [label, stepMs] of [
    ["create", steps.createMs],
    ["delete", steps.deleteMs],
  ] as const) {
    const ratio = round(stepMs / steps.rawGetMs);
    rows.push({
      target: `${label} step ≤ ${LIMITS.stepRatio}× a raw request, fake latency ${steps.latencyMs} ms, through the CLI`,
      measured: `${stepMs} ms = ${ratio}× a raw GET of ${steps.rawGetMs} ms`,
      met: ratio <= LIMITS.stepRatio,
      note: "the step time the CLI prints (10 ms resolution); one request per step once the plugin's caches are warm",
      remedy:
        "Not in provider/: a dynamic-provider step crosses from the engine to the plugin process over gRPC and back, and the " +
        "CLI's figure rounds to 10 ms; against a real API, whose round trip is tens of milliseconds, the fixed cost is a small share.",
    });
  }
  rows.push({
    target: `${load.count} invitations through the CLI: 0 failures`,
    measured: `${load.failures} failures; with checkpoints skipped ${skip.failures}, ${skip.rateLimited} × 429 absorbed, ${skip.invitationsAtFake} invitations at the fake`,
    met: load.failures === 0 && load.invitationsAtFake === load.count && skip.failures === 0 && skip.invitationsAtFake === skip.count,
    note: `naive provider on the same load: ${naive.failedCreates} failed creates, ${naive.count - naive.created} of ${naive.count} not created`,
  });
  for (const run of [load, skip]) {
    rows.push({
      target: `${run.count} invitations through the CLI${run.skipCheckpoints ? " with PULUMI_SKIP_CHECKPOINTS=true" : ""}: ≤ ${LIMITS.floorRatio}× the ${run.floorMs / 1000} s floor`,
      measured: `${round(run.wallMs / 1000, 1)} s = ${run.ratioToFloor}×`,
      met: run.ratioToFloor <= LIMITS.floorRatio,
      note: `the whole \`pulumi up --parallel ${run.parallel}\`, program, engine and local file backend included; qovery:maxConcurrency ${run.maxConcurrency}; ${run.rateLimited} × 429`,
      remedy: run.skipCheckpoints
        ? "Not in provider/: the rest above the floor is the CLI's own work (the language runtime, the plugin, the program " +
          `building ${run.count} resources, the engine's steps) on a 2-core machine shared with the fake and the plugin: a ` +
          `preview of the same ${run.count} takes ${round(load.previews[0]!.wallMs / 1000, 1)} s by itself, and the first step starts ` +
          `${round((run.firstStepAfterMs ?? NaN) / 1000, 1)} s after the up does.`
        : "Not in provider/: the CLI rewrites the whole state after every step, and a local file backend writes the whole " +
          "checkpoint file each time (O(N²) bytes for N resources), so the pace stays below the rate limit (no 429 at all). " +
          "Pulumi Cloud's backend saves changes incrementally; on a self-managed backend `PULUMI_SKIP_CHECKPOINTS=true` writes " +
          "once at the end (see the next row). That trades the record of a run cut short, which this package tolerates: a rerun " +
          "adopts what landed instead of inviting twice.",
    });
  }
  for (const preview of load.previews) {
    const roleLists = preview.operations.listOrganizationAvailableRoles ?? 0;
    const others = preview.apiCalls - roleLists;
    rows.push({
      target: `preview of ${load.count} (${preview.label}) through the CLI: ≤ ${LIMITS.previewRoleLists} listOrganizationAvailableRoles per organization, 0 other calls`,
      measured: `${roleLists} role list${roleLists === 1 ? "" : "s"}, ${others} other, ${preview.mutatingCalls} mutating; ${round(preview.wallMs / 1000, 1)} s`,
      met: roleLists <= LIMITS.previewRoleLists && others === 0 && preview.mutatingCalls === 0,
      note: "one organization; check's role check replaces the 0 calls of before",
    });
  }
  rows.push(...throttleRows(results));
  rows.push(...nativeRows(results));
  rows.push({
    target: `\`npm run bench\` under ${LIMITS.runtimeSeconds / 60} minutes`,
    measured: `${meta.runtimeSeconds} s (+ the build)`,
    met: meta.runtimeSeconds < LIMITS.runtimeSeconds,
    note: "",
    remedy:
      `The machine's load average was ${meta.loadAverage.start} at the start and ${meta.loadAverage.end} at the end, ` +
      "and every timing moves with it. The `pulumi up` runs of 1000 resources through the real CLI take " +
      "most of it, the default-checkpoint one above all; " +
      "the bench is not part of `npm test`.",
  });
  return rows;
}

/** The steady-state refresh of 1000 accepted members, and the one that sees the acceptances. */
function refreshRows(results: BenchResults): TargetRow[] {
  const { package: ours, baseline } = results.cli.refresh;
  const [acceptance, steady] = ours.refreshes;
  const baseSteady = baseline.refreshes.at(-1)!;
  const retriedOnce = steady!.memberListCalls === 2 && steady!.failedMemberLists >= 1;
  return [
    {
      target: `refresh of ${ours.count} accepted members through the CLI (steady state): ≤ ${LIMITS.refreshMemberLists} member list (2 only if the first failed)`,
      measured:
        `${steady!.memberListCalls} member list${steady!.memberListCalls === 1 ? "" : "s"}, ${steady!.calls} calls in all, ` +
        `${steady!.responseBytes} B received, ${round(steady!.wallMs / 1000, 1)} s`,
      met: steady!.memberListCalls <= LIMITS.refreshMemberLists || retriedOnce,
      note:
        `baseline provider (lists per resource, like Qovery's Terraform resource): ${baseSteady.calls} calls, ` +
        `${baseSteady.responseBytes} B, ${round(baseSteady.wallMs / 1000, 1)} s`,
    },
    {
      target: `refresh that sees ${ours.count} acceptances through the CLI: ≤ ${LIMITS.amortizedCreateCalls} calls per person`,
      measured: `${acceptance!.calls} calls = ${round(acceptance!.calls / ours.count, 4)} per person, ${round(acceptance!.wallMs / 1000, 1)} s`,
      met: acceptance!.calls / ours.count <= LIMITS.amortizedCreateCalls,
      note: "one invitation list and one member list, no request per person",
    },
    ...destroyRows(results),
  ];
}

/** A destroy of the accepted members: their removals and one member list, beside the baseline's. */
function destroyRows(results: BenchResults): TargetRow[] {
  const { package: ours, baseline } = results.cli.refresh;
  if (!ours.destroy) return [];
  const { removals, memberListCalls, calls, wallMs } = ours.destroy;
  return [
    {
      target: `destroy of ${ours.count} accepted members through the CLI: ${ours.count} removals + 1 member list`,
      measured: `${removals} removals + ${memberListCalls} member list${memberListCalls === 1 ? "" : "s"}, ${calls} calls in all, ${round(wallMs / 1000, 1)} s`,
      met: removals === ours.count && memberListCalls === 1 && calls === ours.count + 1,
      note: baseline.destroy
        ? `baseline provider (DELETE of the recorded member id, no list): ${baseline.destroy.calls} calls, ${round(baseline.destroy.wallMs / 1000, 1)} s`
        : "",
    },
  ];
}

/** 429s and the pace of the 1000-invitation up with checkpoints skipped, against the run before. */
function throttleRows(results: BenchResults): TargetRow[] {
  const skip = results.cli.loadSkippingCheckpoints;
  const before = results.before.loadSkippingCheckpoints;
  const span = skip.stepSpanMs;
  return [
    {
      target: `${skip.count} invitations at ${skip.ratePerSecond}/s, checkpoints skipped: fewer 429s than before (${before.rateLimited})`,
      measured: `${skip.rateLimited} × 429`,
      met: skip.rateLimited < before.rateLimited,
      note: `before: ${results.before.source}`,
      remedy:
        "The Throttle (core/client/throttle.ts) only paces from the first 429 on: starting at a configured rate below the limit " +
        "(e.g. a qovery:maxRequestsPerSecond) would avoid the first burst's 429s, at the price of a setting users must know.",
    },
    {
      target: `${skip.count} invitations at ${skip.ratePerSecond}/s, checkpoints skipped: first step to last ≤ ${LIMITS.stepSpanFloorRatio}× the ${skip.floorMs / 1000} s floor`,
      measured: span === undefined ? "no step timed" : `${round(span / 1000, 1)} s = ${skip.stepSpanRatioToFloor}×`,
      met: span !== undefined && span / skip.floorMs <= LIMITS.stepSpanFloorRatio,
      note:
        `from the first resource step's start to the last one's end, engine events; the whole up: ${round(skip.wallMs / 1000, 1)} s ` +
        `(before: ${round(before.wallMs / 1000, 1)} s, not timed from the first step)`,
      remedy:
        "Time lost after a 429 is the Retry-After pause (1 s at the fake) and the pace set from the rate answered before it; a pace " +
        "that climbs back faster would gain on it, at the price of more 429s.",
    },
  ];
}

function nativeRows(results: BenchResults): TargetRow[] {
  const native = results.native;
  if (!native) return [];
  return [
    {
      target: `native plugin ready ≤ ${LIMITS.nativeReadyMs} ms (median of ${native.starts} starts)`,
      measured: `${native.readyMs.native} ms`,
      met: native.readyMs.native <= LIMITS.nativeReadyMs,
      note: `\`node -e\` ${native.readyMs.nodeE} ms, the dynamic-provider plugin ${native.readyMs.dynamic} ms`,
      remedy:
        "load less before the port is printed (today gRPC and the protocol's messages); a bundle of those two would save their module resolution",
    },
    {
      target: `no-change preview of one native resource ≤ ${LIMITS.nativePreviewRatio}× an empty program's`,
      measured: `${native.nativeRatio}× (${native.previewMs.native} ms against ${native.previewMs.empty} ms)`,
      met: native.nativeRatio <= LIMITS.nativePreviewRatio,
      note:
        `the dynamic resource: ${native.dynamicRatio}× (${native.previewMs.dynamic} ms); the empty program imports @pulumi/pulumi and reads its config; ` +
        `a bare \`export {}\`: ${native.previewMs.bare} ms, against which the native resource is ${round(native.previewMs.native / native.previewMs.bare)}×`,
      remedy:
        "the plugin loads this package's core (zod, got) at its first request, after its own start, and check reads the role list; " +
        "a plugin bundled into one file would load faster",
    },
  ];
}
