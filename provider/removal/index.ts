/**
 * UnmanagedAccessRemoval: the one resource by which an authoritative OrganizationRoster
 * (`unmanaged: "remove"`) removes the access it does not declare. It stands for the roster's
 * enforcement, not for a thing in Qovery. Its inputs name each removal in a key of its own,
 *
 *   { organizationId, "remove-member:eve@example.com": "github|4242",
 *                     "remove-invitation:mallory@example.com": "<invitation id>" }
 *
 * (`…/<id>` appended to the key when one email has several entries of a kind), so that
 * `pulumi preview` lists every removal by email (`[diff: +remove-member:eve@example.com]`)
 * before anything happens, and nothing happens until `pulumi up`.
 *
 * - check validates the inputs, without calling Qovery, with the schemas of the resource's
 *   definition (core/definitions/removal.ts).
 * - diff: a change exactly when there is something to remove. Once the access is gone the program
 *   declares no removal key, and the diff is "no change": a `pulumi preview --expect-no-changes`
 *   right after the `up` that removed someone passes, and nothing is left in state to delete.
 * - create and update carry out every removal: members are removed (one fresh member list per
 *   organization, whatever the number of removals; never the organization owner, never the member
 *   the API token belongs to), invitations cancelled, and "already gone" is success. Every removal is attempted; failures are reported together,
 *   and the next `up` tries again.
 * - read keeps the record as it is; delete does nothing.
 */
import type { z } from "zod";
import {
  allowingUnknowns,
  failuresOf,
  isNotFound,
  isOwner,
  isTokenMember,
  messageOf,
  parseFields,
  QoveryInvitationsError,
  REMOVAL_KEY,
  removalCheckShape,
  removalInputsSchema,
  withoutUndefined,
  type Member,
  type RemovalInputs,
  type RemovalKind,
  type RemovalOutcome,
  type RemovalOutputs,
} from "../../core";
import { BrokenStateError } from "../invitation/state";
import type { CheckResult, DiffResult, Props, ResourceEntry } from "../shared/resource";
import type { LifecycleContext } from "../shared/context";
import { recordRemoval } from "../shared/own-changes";

interface Removal {
  key: string;
  kind: RemovalKind;
  email: string;
  /** The member id (such as `github|12345`) or the invitation id. */
  targetId: string;
}

/** The state: the inputs, each removal under its own key, and what the last run made of them. */
type RemovalState = RemovalOutputs & { organizationId: string } & { [removal: `remove-${string}`]: string };

/**
 * The engine's inputs as the definition names them: each removal is an input of its own (its key
 * starts with `remove-`), gathered into `removals`; other keys (the outputs the resource class
 * declares, `__provider`) are left out.
 */
function gathered(props: Props): { organizationId: unknown; removals: Props } {
  const removals = Object.fromEntries(Object.entries(props).filter(([key, value]) => key.startsWith("remove-") && value !== undefined));
  return { organizationId: props.organizationId, removals };
}

/** A failure of one removal is about its own input, the key, not about `removals`. */
function byRemovalKey(issue: z.core.$ZodIssue): z.core.$ZodIssue {
  return issue.path[0] === "removals" ? { ...issue, path: issue.path.slice(1) } : issue;
}

export function check(news: Props): CheckResult {
  const values = gathered(news);
  const parsed = parseFields(allowingUnknowns(removalCheckShape, values), values);
  if (!parsed.success) {
    return {
      inputs: withoutUndefined({ organizationId: news.organizationId, ...values.removals }),
      failures: failuresOf(parsed.issues.map(byRemovalKey)),
    };
  }
  return { inputs: withoutUndefined({ organizationId: parsed.data.organizationId, ...parsed.data.removals }), failures: [] };
}

/** The checked inputs, parsed. */
function removalInputs(props: Props): RemovalInputs {
  const parsed = removalInputsSchema.safeParse(gathered(props));
  if (!parsed.success) throw new BrokenStateError("removal's inputs", undefined, parsed.error.issues);
  return parsed.data;
}

/** The removals the checked inputs name, in key order. */
export function removalsOf(props: Props): Removal[] {
  return listed(removalInputs(props).removals);
}

function listed(removals: RemovalInputs["removals"]): Removal[] {
  return Object.entries(removals)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .flatMap(([key, targetId]) => {
      const match = REMOVAL_KEY.exec(key);
      if (!match) return [];
      const label = match[2]!;
      const email = label.endsWith(`/${targetId}`) ? label.slice(0, -targetId.length - 1) : label;
      return [{ key, kind: match[1] === "member" ? "member" : "invitation", email, targetId }];
    });
}

export function diff(news: Props): DiffResult {
  return { changes: removalsOf(news).length > 0, replaces: [], deleteBeforeReplace: false };
}

export class RemovalFailedError extends QoveryInvitationsError {
  constructor(organizationId: string, failures: { removal: Removal; error: unknown }[]) {
    const lines = failures.map(({ removal, error }) => `${removal.key}: ${messageOf(error)}`);
    super({
      code: "REMOVAL_FAILED",
      subject: `organization ${organizationId}`,
      message:
        `Removing undeclared access to organization ${organizationId} failed for ${failures.length} of them (the others are done; ` +
        `the next \`pulumi up\` tries again):\n  ${lines.join("\n  ")}`,
      advice: "Fix what each failed removal names; the next `pulumi up` tries them again.",
    });
    this.name = "RemovalFailedError";
  }
}

/** Carries out every removal the inputs name; the create and the update of the resource. */
export async function apply(ctx: LifecycleContext, inputs: Props): Promise<{ id: string; outs: RemovalState }> {
  const { organizationId, removals: declared } = removalInputs(inputs);
  const removals = listed(declared);
  const outcomes: Record<string, RemovalOutcome> = {};
  const kept: Record<string, string> = {};
  const failures: { removal: Removal; error: unknown }[] = [];
  let members: Member[] | undefined;
  if (removals.some((removal) => removal.kind === "member")) members = await ctx.members.fresh(organizationId);

  for (const removal of removals) {
    try {
      if (removal.kind === "invitation") {
        outcomes[removal.key] = await cancel(ctx, organizationId, removal);
        continue;
      }
      const member = members!.find((candidate) => candidate.id === removal.targetId);
      if (!member) {
        outcomes[removal.key] = "already gone";
      } else if (isOwner(member)) {
        ctx.warn(`${removal.email} (${removal.targetId}) is the owner of organization ${organizationId} and is never removed.`);
        [outcomes[removal.key], kept[removal.key]] = ["kept", "the organization owner"];
      } else if (isTokenMember(ctx.token, member)) {
        ctx.warn(`${removal.email} (${removal.targetId}) is the member the API token belongs to and is never removed.`);
        [outcomes[removal.key], kept[removal.key]] = ["kept", "the member the API token belongs to"];
      } else {
        outcomes[removal.key] = await removeMember(ctx, organizationId, removal);
      }
    } catch (error) {
      failures.push({ removal, error });
    }
  }
  if (failures.length > 0) throw new RemovalFailedError(organizationId, failures);

  const outs: RemovalState = { ...declared, organizationId, outcomes, appliedAt: new Date().toISOString() };
  if (Object.keys(kept).length > 0) outs.kept = kept;
  return { id: `${organizationId}/unmanaged-access`, outs };
}

async function cancel(ctx: LifecycleContext, organizationId: string, removal: Removal): Promise<RemovalOutcome> {
  try {
    await ctx.client.cancelInvitation(organizationId, removal.targetId, removal.email);
    return "cancelled";
  } catch (error) {
    if (isNotFound(error)) return "already gone";
    throw error;
  }
}

/** Removes one member, and records it in the copies of the member list, so that later steps of the command need no new list. */
async function removeMember(ctx: LifecycleContext, organizationId: string, removal: Removal): Promise<RemovalOutcome> {
  let outcome: RemovalOutcome;
  try {
    await ctx.client.removeMember(organizationId, removal.targetId, removal.email);
    outcome = "removed";
  } catch (error) {
    if (!isNotFound(error)) {
      // A lost answer leaves unknown whether the member is still there: the next step reads again.
      ctx.members.forget(organizationId);
      throw error;
    }
    outcome = "already gone";
  }
  recordRemoval(ctx, organizationId, removal.targetId);
  return outcome;
}

/**
 * The methods handed to the shim (sdk/removal-shim.ts), bound to the provider process's context
 * (its client, and who that client's token belongs to), read at call time.
 */
export function removalProvider(context: () => LifecycleContext) {
  return {
    check: async (_olds: Props, news: Props): Promise<CheckResult> => check(news),
    diff: async (_id: string, _olds: Props, news: Props): Promise<DiffResult> => diff(news),
    create: async (inputs: Props) => apply(context(), inputs),
    read: async (id: string, props: Props) => ({ id, props }),
    update: async (_id: string, _olds: Props, news: Props) => {
      const { outs } = await apply(context(), news);
      return { outs };
    },
    delete: async (_id: string, _props: Props): Promise<void> => {},
  } satisfies ResourceEntry;
}
