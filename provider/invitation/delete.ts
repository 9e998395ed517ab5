/**
 * delete: revokes what the resource stands for. A pending or expired invitation is cancelled;
 * an accepted member is removed (every member with that email, since one person may have
 * several identities), or, with onDelete "downgrade", given the role downgradeRoleName instead.
 * "Already gone" is success. The organization owner and the member the API token belongs to are
 * never removed or downgraded: the resource is forgotten and they keep their access, with a warning.
 *
 * When a pending invitation turns out to have been accepted since the last refresh, the delete
 * stops and asks for a refresh instead of removing a member the state does not know about:
 * during a replacement that would remove the person, then invite them again.
 */
import {
  DEFAULT_DOWNGRADE_ROLE,
  isNotFound,
  isOwner,
  isTokenMember,
  type Member,
  membersWithEmail,
  QoveryInvitationsError,
  type Role,
} from "../../core";
import type { LifecycleContext } from "../shared/context";
import type { InvitationOutputs } from "./model";
import { downgradeRole } from "./on-delete";
import { recordRemoval, recordRole } from "../shared/own-changes";

export class AcceptedSinceRefreshError extends QoveryInvitationsError {
  constructor(email: string, organizationId: string) {
    const advice =
      "Run `pulumi refresh` (or `pulumi up --refresh`) and try again: the person is now a member, and the plan will show what happens to them.";
    super({
      code: "STALE_STATE",
      subject: `organization ${organizationId}, email ${email}`,
      message: `${email} has accepted the invitation to organization ${organizationId} since the last refresh, so the state is out of date. ${advice}`,
      advice,
    });
    this.name = "AcceptedSinceRefreshError";
  }
}

export async function remove(ctx: LifecycleContext, props: InvitationOutputs): Promise<void> {
  const { organizationId, email } = props;
  if (props.memberId) return revokeMembers(ctx, props);
  if (!props.invitationId) return;
  try {
    await ctx.client.cancelInvitation(organizationId, props.invitationId, email);
    return;
  } catch (error) {
    if (!isNotFound(error)) throw error;
  }
  if (membersWithEmail(await ctx.members.fresh(organizationId), email).length > 0) {
    throw new AcceptedSinceRefreshError(email, organizationId);
  }
}

async function revokeMembers(ctx: LifecycleContext, props: InvitationOutputs): Promise<void> {
  const { organizationId, email } = props;
  // Resolved first, so that an unknown downgradeRoleName fails before any member is touched.
  const role =
    props.onDelete === "downgrade"
      ? await downgradeRole(ctx, organizationId, props.downgradeRoleName ?? DEFAULT_DOWNGRADE_ROLE)
      : undefined;
  // The member list the removing steps of the command share (Directory.forRemovals): read by the
  // first of them, so it shows whoever joined before the destroy began, and kept true by our own
  // changes (own-changes.ts): a destroy of N members costs N removals and one list.
  const members = await ctx.members.forRemovals(organizationId);
  const matching = members.filter((member) => member.id === props.memberId);
  for (const member of membersWithEmail(members, email)) if (member.id !== props.memberId) matching.push(member);
  for (const member of matching) {
    if (isOwner(member)) {
      ctx.warn(
        `${email} is the owner of organization ${organizationId} and is not ${role ? "downgraded" : "removed"}; the resource is forgotten.`,
      );
      continue;
    }
    if (isTokenMember(ctx.token, member)) {
      ctx.warn(
        `${email} (${member.id}) is the member the API token belongs to and is not ${role ? "downgraded" : "removed"}; the resource is forgotten.`,
      );
      continue;
    }
    await revokeMember(ctx, organizationId, member, role, email);
  }
}

/** Removes or downgrades one member, and records it in the copies of the member list; "already gone" is success. */
async function revokeMember(
  ctx: LifecycleContext,
  organizationId: string,
  member: Member,
  role: Role | undefined,
  email: string,
): Promise<void> {
  try {
    if (role) {
      await downgradeMember(ctx, organizationId, member, role, email);
      recordRole(ctx, organizationId, member.id, role);
    } else {
      await ctx.client.removeMember(organizationId, member.id, email);
      recordRemoval(ctx, organizationId, member.id);
    }
  } catch (error) {
    if (isNotFound(error)) return recordRemoval(ctx, organizationId, member.id);
    // A lost answer leaves unknown whether the member is still there: the next step reads again.
    ctx.members.forget(organizationId);
    throw error;
  }
}

async function downgradeMember(ctx: LifecycleContext, organizationId: string, member: Member, role: Role, email: string): Promise<void> {
  if (member.roleId === role.id) return;
  await ctx.client.changeMemberRole(organizationId, member.id, role.id, email);
}
