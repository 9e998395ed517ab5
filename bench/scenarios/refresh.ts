/**
 * A refresh of `count` accepted members of one organization through the real Pulumi CLI, for this
 * package and for the baseline provider (bench/baseline-provider.ts, which reads the way Qovery's
 * Terraform resource does: an invitation list and a member list per resource). Each runs one
 * `pulumi up` of `count` invitations, the fake accepts them all, then `pulumi refresh`: the one
 * that sees the acceptances, and (for this package) the next one, the steady state of a refresh
 * of members. Then `pulumi destroy` of the accepted members: its removals and member lists. The
 * fake has no rate limit here: the figures are the requests, the bytes and the wall time.
 */
import type { Operation } from "../../tests/fake-qovery";
import { baselineProgram, emailOf, invitationProgram, people } from "../lib/programs";
import { byOperation, responseBytes } from "../lib/exchanges";
import { resourcesInState, startCliBed, type CliBed } from "../lib/cli-bed";
import type { StepClock } from "../lib/step-clock";
import { round, timed } from "../lib/stats";

export type RefreshedProvider = "package" | "baseline";

export interface RefreshSettings {
  provider: RefreshedProvider;
  count: number;
  parallel: number;
  /** PULUMI_SKIP_CHECKPOINTS=true for the up and the refreshes. */
  skipCheckpoints: boolean;
  /**
   * 2: the refresh that sees the acceptances, then the steady state. 1: the first only, for a
   * provider whose read is the same whatever the state says (the baseline's: measured equal).
   */
  refreshCount: 1 | 2;
}

export interface RefreshFigures {
  label: string;
  calls: number;
  operations: Partial<Record<Operation | "unknown", number>>;
  memberListCalls: number;
  /** Member lists not answered 200 (a retried failure is the only reason for a second one). */
  failedMemberLists: number;
  /** Response body bytes the fake sent (the sum of JSON.stringify(responseBody) over its exchanges). */
  responseBytes: number;
  wallMs: number;
  /** From the first resource step's start to the last one's end (engine events). */
  stepSpanMs?: number;
  /** Resources whose outputs the refresh changed, or that it removed. */
  changes: number;
  /** Resources in state recorded as members afterwards. */
  membersInState: number;
}

/** `pulumi destroy` of the accepted members. */
export interface DestroyFigures {
  calls: number;
  operations: Partial<Record<Operation | "unknown", number>>;
  removals: number;
  memberListCalls: number;
  wallMs: number;
  /** Members left at the fake besides the owner (0 when every removal landed). */
  membersLeft: number;
}

export interface RefreshResult extends RefreshSettings {
  upWallMs: number;
  refreshes: RefreshFigures[];
  /** Missing from the results of runs before it was measured. */
  destroy?: DestroyFigures;
}

const TYPE_SUFFIX: Record<RefreshedProvider, string> = { package: ":OrganizationInvitation", baseline: "baseline:Member" };

async function refreshFigures(bed: CliBed, settings: RefreshSettings, clock: StepClock, label: string): Promise<RefreshFigures> {
  bed.fake.resetCounts();
  const { result, ms } = await timed(() => bed.engine.refresh());
  const operations = byOperation(bed.fake);
  return {
    label,
    calls: bed.fake.callCount(),
    operations,
    memberListCalls: operations.getOrganizationMembers ?? 0,
    failedMemberLists: bed.fake.exchanges.filter((e) => e.operation === "getOrganizationMembers" && e.status !== 200).length,
    responseBytes: responseBytes(bed.fake),
    wallMs: round(ms),
    stepSpanMs: clock.last() && round(clock.last()!.spanMs),
    changes: result.changes,
    membersInState: resourcesInState(bed.engine, TYPE_SUFFIX[settings.provider]).filter((r) => r.outputs?.memberId).length,
  };
}

async function destroyFigures(bed: CliBed): Promise<DestroyFigures> {
  bed.fake.resetCounts();
  const { ms } = await timed(() => bed.engine.destroy());
  const operations = byOperation(bed.fake);
  return {
    calls: bed.fake.callCount(),
    operations,
    removals: operations.deleteMember ?? 0,
    memberListCalls: operations.getOrganizationMembers ?? 0,
    wallMs: round(ms),
    membersLeft: bed.fake.members().filter((member) => member.id !== bed.fake.ownerMemberId).length,
  };
}

export async function cliRefresh(settings: RefreshSettings, clock: StepClock): Promise<RefreshResult> {
  const bed = await startCliBed({
    parallel: settings.parallel,
    // The baseline provider reads the API's URL and token from its environment.
    env: (fake) => ({
      ...(settings.skipCheckpoints ? { PULUMI_SKIP_CHECKPOINTS: "true" } : {}),
      ...(settings.provider === "baseline" ? { QOVERY_API_URL: fake.url, QOVERY_API_TOKEN: fake.apiToken } : {}),
    }),
  });
  try {
    const specs = people("member", settings.count);
    const org = bed.fake.organizationId;
    const program =
      settings.provider === "package"
        ? invitationProgram(org, specs)
        : baselineProgram(
            org,
            bed.fake.roleId("viewer"),
            specs.map((s) => s.name),
          );
    const up = await timed(() => bed.engine.up(program));
    for (const spec of specs) bed.fake.acceptInvitation(emailOf(spec.name));
    const refreshes = [await refreshFigures(bed, settings, clock, "the refresh that sees the acceptances")];
    if (settings.refreshCount === 2) refreshes.push(await refreshFigures(bed, settings, clock, "the next refresh (steady state)"));
    return { ...settings, upWallMs: round(up.ms), refreshes, destroy: await destroyFigures(bed) };
  } finally {
    await bed.close();
  }
}
