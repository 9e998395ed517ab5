/**
 * RosterGuard: the resource by which an OrganizationRoster stops a run that breaks one of its
 * guardrails (core/guardrails.ts) or cannot be checked (the review of an authoritative roster
 * failed, a downgradeRoleName names no role). The roster computes the refusals on the program
 * side and hands them over as an input; check fails with each of them, by the roster input it
 * concerns. Its inputs and state are those of its definition (core/definitions/roster-guard.ts).
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
import { failuresOf, parseFields, rosterGuardCheckShape, rosterGuardStateSchema, withoutUndefined } from "../../core";
import { BrokenStateError } from "../invitation/state";
import type { CheckResult, DiffResult, Props, ResourceEntry } from "../shared/resource";

export function check(news: Props): CheckResult {
  const parsed = parseFields(rosterGuardCheckShape, news);
  const { organizationId, refusals = [] } = parsed.success ? parsed.data : parsed.valid;
  const failures = parsed.success ? refusals : [...failuresOf(parsed.issues), ...refusals];
  return { inputs: withoutUndefined({ organizationId }), failures };
}

/** What the state keeps of the checked inputs: the organization id. */
function guardState(inputs: Props) {
  const parsed = rosterGuardStateSchema.safeParse(inputs);
  if (!parsed.success) throw new BrokenStateError("roster guard's inputs", undefined, parsed.error.issues);
  return parsed.data;
}

/** The methods handed to the shim (sdk/roster-guard-shim.ts). */
export function rosterGuardProvider() {
  return {
    check: async (_olds: Props, news: Props): Promise<CheckResult> => check(news),
    diff: async (): Promise<DiffResult> => ({ changes: false, replaces: [], deleteBeforeReplace: false }),
    create: async (inputs: Props) => {
      const outs = guardState(inputs);
      return { id: `${outs.organizationId}/roster-guard`, outs };
    },
    read: async (id: string, props: Props) => ({ id, props }),
    update: async (_id: string, _olds: Props, news: Props) => ({ outs: guardState(news) }),
    delete: async (): Promise<void> => {},
  } satisfies ResourceEntry;
}
