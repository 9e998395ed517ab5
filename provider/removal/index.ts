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
 * - check validates the inputs, without calling Qovery.
 * - diff: a change exactly when there is something to remove. Once the access is gone the program
 *   declares no removal key, and the diff is "no change": a `pulumi preview --expect-no-changes`
 *   right after the `up` that removed someone passes, and nothing is left in state to delete.
 * - create and update carry out every removal: members are removed (one fresh member list per
 *   organization, whatever the number of removals; never the organization owner, never the member
 *   the API token belongs to), invitations cancelled, and "already gone" is success. Every removal is attempted; failures are reported together,
 *   and the next `up` tries again.
 * - read keeps the record as it is; delete does nothing.
 */
import { z } from "zod";
import {
  allowingUnknowns,
  failuresOf,
  isNotFound,
  isOwner,
  isTokenMember,
  messageOf,
  QoveryInvitationsError,
  uuid,
  type Member,
  type RemovalKind,
} from "../../core";
import type { CheckResult, DiffResult, ResourceEntry } from "../shared/resource";
import type { LifecycleContext } from "../shared/context";
import { recordRemoval } from "../shared/own-changes";

/** removed: a member removed; cancelled: an invitation cancelled; kept: found protected at `up`. */
export type RemovalOutcome = "removed" | "cancelled" | "already gone" | "kept";

/** `remove-member:<email>` or `remove-invitation:<email>`, optionally `/<id>`: a label; the value is the id. */
const REMOVAL_KEY = /^remove-(member|invitation):(.+)$/;

export interface Removal {
  key: string;
  kind: RemovalKind;
  email: string;
  /** The member id (such as `github|12345`) or the invitation id. */
  targetId: string;
}

/** The removals an input bag names, in key order. */
export function removalsOf(inputs: Record<string, unknown>): Removal[] {
  return Object.keys(inputs)
    .filter((key) => key.startsWith("remove-"))
    .sort()
    .flatMap((key) => {
      const match = REMOVAL_KEY.exec(key);
      const targetId = inputs[key];
      if (!match || typeof targetId !== "string") return [];
      const label = match[2]!;
      const email = label.endsWith(`/${targetId}`) ? label.slice(0, -targetId.length - 1) : label;
      return [{ key, kind: match[1] === "member" ? "member" : "invitation", email, targetId }];
    });
}

export interface RemovalOutputs {
  organizationId: string;
  /** Each removal's key and what came of it at the last create or update. */
  outcomes: Record<string, RemovalOutcome>;
  /** Why a removal was not carried out (outcome "kept"), by key. */
  kept?: Record<string, string>;
  /** When the removals last ran (ISO 8601). */
  appliedAt: string;
  [removal: `remove-${string}`]: string;
}

const fields = { organizationId: uuid("the organization's UUID") };

/** Each removal key and its value; other keys (the outputs the resource class declares, `__provider`) are left out. */
function checkRemovals(news: Record<string, unknown>, context: z.core.$RefinementCtx): void {
  for (const [key, value] of Object.entries(news)) {
    if (!key.startsWith("remove-") || value === undefined) continue;
    const fail = (message: string) => context.addIssue({ code: "custom", path: [key], message });
    if (!REMOVAL_KEY.test(key)) fail("must be remove-member:<email> or remove-invitation:<email>, optionally /<id>");
    else if (typeof value !== "string" || value.trim() === "") fail("must be the member id or the invitation id");
  }
}

export function check(news: Record<string, unknown>): CheckResult {
  const schema = z.object(allowingUnknowns(fields, news)).superRefine((_, context) => checkRemovals(news, context), { when: () => true });
  const parsed = schema.safeParse(news);
  const removals = Object.fromEntries(Object.entries(news).filter(([key, value]) => REMOVAL_KEY.test(key) && typeof value === "string"));
  if (!parsed.success) return { inputs: { organizationId: news.organizationId, ...removals }, failures: failuresOf(parsed.error.issues) };
  return { inputs: { ...parsed.data, ...removals }, failures: [] };
}

export function diff(news: Record<string, unknown>): DiffResult {
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
export async function apply(ctx: LifecycleContext, inputs: Record<string, unknown>): Promise<{ id: string; outs: RemovalOutputs }> {
  const organizationId = String(inputs.organizationId);
  const removals = removalsOf(inputs);
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

  const outs: RemovalOutputs = { organizationId, outcomes, appliedAt: new Date().toISOString() };
  for (const removal of removals) outs[removal.key as `remove-${string}`] = removal.targetId;
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
    check: async (_olds: Record<string, unknown>, news: Record<string, unknown>): Promise<CheckResult> => check(news),
    diff: async (_id: string, _olds: Record<string, unknown>, news: Record<string, unknown>): Promise<DiffResult> => diff(news),
    create: async (inputs: Record<string, unknown>) => apply(context(), inputs),
    read: async (id: string, props: Record<string, unknown>) => ({ id, props }),
    update: async (_id: string, _olds: Record<string, unknown>, news: Record<string, unknown>) => {
      const { outs } = await apply(context(), news);
      return { outs };
    },
    delete: async (_id: string, _props: Record<string, unknown>): Promise<void> => {},
  } satisfies ResourceEntry;
}
