/**
 * The targets of issue 5 item 5, checked against one run's results. A missed target is
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
  /** Requests per invitation over the 1000 run: one invite each, plus the per-process lookups. */
  amortizedCreateCalls: 1.01,
  runtimeSeconds: 300,
};

function callsOf(results: BenchResults, step: string): number {
  const found = results.apiCalls.steps.find((s) => s.step.startsWith(step));
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
    "provider/lifecycle/create.ts could send the invite first and fetch the member list only when Qovery answers that the person " +
    "is already a member (inviteOnce already handles that answer), and for a roleId skip the role list and take the role's name " +
    "from the invite's answer: 1 call for a new person given a roleId, 2 given a roleName (its id must be looked up). The member pre-check is there on purpose: Qovery's answer to inviting an " +
    "existing member is not documented (the fake's default is a 400), and if it were a 201 the person would get an invitation " +
    "email they do not need. Worth doing once that answer is confirmed.",
  acceptance:
    "None that keeps refresh correct: a missing invitation does not say whether it was accepted or withdrawn, the member list does. " +
    "It happens once per person; every later refresh of the member is 1 call.",
  memberDelete:
    "provider/lifecycle/delete.ts could DELETE the member id recorded in state directly (1 call), at the price of leaving the " +
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

  const checkCalls = results.apiCalls.steps.filter((s) => s.method === "check").map((s) => s.calls);
  const diffCalls = results.apiCalls.steps.filter((s) => s.method === "diff").map((s) => s.calls);
  rows.push({ target: "check: 0 API calls", measured: `${Math.max(...checkCalls)} calls`, met: Math.max(...checkCalls) === 0, note: "" });
  rows.push({ target: "diff: 0 API calls", measured: `${Math.max(...diffCalls)} calls`, met: Math.max(...diffCalls) === 0, note: "" });

  rows.push(
    callRow(
      results,
      "create: 1 API call (role and member lists cached)",
      "create, roleName, warm",
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
    note: `${invites} invites + ${load.requests - load.rateLimited - invites} shared lookups (role list, member list) for ${load.count} invitations, one \`pulumi up\``,
  });
  rows.push(
    callRow(results, "create: 1 API call, one resource in a fresh plugin process", "create, roleName, cold", 1, "", {
      note:
        "the first create of a process fetches the role list (to resolve roleName or check roleId) and the member list (to adopt an " +
        "existing member instead of inviting them) before the invite; both are then cached (roles 5 min, members 30 s)",
      remedy: REMEDIES.coldCreate,
    }),
  );

  rows.push(callRow(results, "read: 1 API call, pending invitation", "read (refresh), pending", 1, "GET of the invitation"));
  rows.push(callRow(results, "read: 1 API call, accepted member", "read (refresh), accepted member", 1, "the member list"));
  rows.push(
    callRow(results, "read: 1 API call, the refresh that sees the acceptance", "read (refresh) at acceptance", 1, "", {
      note: "once per person: the invitation's GET answers 404, then the member list tells accepted from withdrawn",
      remedy: REMEDIES.acceptance,
    }),
  );
  rows.push(callRow(results, "delete: 1 API call, pending invitation", "delete (destroy), pending", 1, "DELETE of the invitation"));
  rows.push(
    callRow(results, "delete: 1 API call, accepted member", "delete (destroy), accepted member", 1, "", {
      note: "the member list first (every identity with that email, and the owner guard), then the DELETE",
      remedy: REMEDIES.memberDelete,
    }),
  );

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
          `preview of the same ${run.count}, which calls nothing, takes ${round(run.previews[0]!.wallMs / 1000, 1)} s by itself.`
        : "Not in provider/: the CLI rewrites the whole state after every step, and a local file backend writes the whole " +
          "checkpoint file each time (O(N²) bytes for N resources), so the pace stays below the rate limit (no 429 at all). " +
          "Pulumi Cloud's backend saves changes incrementally; on a self-managed backend `PULUMI_SKIP_CHECKPOINTS=true` writes " +
          "once at the end (see the next row). That trades the record of a run cut short, which this package tolerates: a rerun " +
          "adopts what landed instead of inviting twice.",
    });
  }
  for (const preview of load.previews) {
    rows.push({
      target: `preview of ${load.count} (${preview.label}) through the CLI: 0 API calls`,
      measured: `${preview.apiCalls} calls, ${round(preview.wallMs / 1000, 1)} s`,
      met: preview.apiCalls === 0,
      note: "",
    });
  }
  rows.push({
    target: "`npm run bench` under 5 minutes",
    measured: `${meta.runtimeSeconds} s (+ the build)`,
    met: meta.runtimeSeconds < LIMITS.runtimeSeconds,
    note: "",
    remedy:
      "The three `pulumi up` runs of 1000 resources through the real CLI take most of it, the default-checkpoint one above all; " +
      "the bench is not part of `npm test`.",
  });
  return rows;
}
