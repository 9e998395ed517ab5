/**
 * RosterGuard: the resource by which an OrganizationRoster stops a run that breaks one of its
 * guardrails (core/guardrails.ts) or cannot be checked (the review of an authoritative roster
 * failed, a downgradeRoleName names no role). The roster computes the refusals on the program
 * side and hands them over as an input; check fails with each of them, by the roster input it
 * concerns.
 *
 * Why a resource, and not a program that throws: a failed check is a failed step, and the engine
 * stops the deployment there. The roster's people depend on the guard, so none of them is
 * updated, and the deletions of people taken out of the roster (which the engine runs once the
 * program is done) never come. A program that throws is not enough: measured with the CLI
 * (v3.276), an `up` whose program fails still updates what it registered and deletes what it
 * did not, so a person taken out of the roster would be removed despite the refusal.
 *
 * The refusals are not kept in state: the guard holds only the organization id, shows no change
 * once created, and calls nothing.
 */
import { isUnknown, rosterRefusalSchema } from "../../core";
import type { CheckFailure, CheckResult, DiffResult, ResourceEntry } from "../shared/resource";

export function check(news: Record<string, unknown>): CheckResult {
  const refusals = Array.isArray(news.refusals) ? news.refusals : [];
  const failures: CheckFailure[] = refusals.flatMap((refusal) => {
    if (isUnknown(refusal)) return [];
    const parsed = rosterRefusalSchema.safeParse(refusal);
    return parsed.success ? [parsed.data] : [];
  });
  return { inputs: { organizationId: news.organizationId }, failures };
}

/** The methods handed to the shim (sdk/roster-guard-shim.ts). */
export function rosterGuardProvider() {
  const outs = (inputs: Record<string, unknown>) => ({ organizationId: inputs.organizationId });
  return {
    check: async (_olds: Record<string, unknown>, news: Record<string, unknown>): Promise<CheckResult> => check(news),
    diff: async (): Promise<DiffResult> => ({ changes: false, replaces: [], deleteBeforeReplace: false }),
    create: async (inputs: Record<string, unknown>) => ({ id: `${String(inputs.organizationId)}/roster-guard`, outs: outs(inputs) }),
    read: async (id: string, props: Record<string, unknown>) => ({ id, props }),
    update: async (_id: string, _olds: Record<string, unknown>, news: Record<string, unknown>) => ({ outs: outs(news) }),
    delete: async (): Promise<void> => {},
  } satisfies ResourceEntry;
}
