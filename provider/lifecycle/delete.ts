/**
 * delete: revokes what the resource stands for. A pending or expired invitation is cancelled;
 * an accepted member is removed (every member with that email, since one person may have
 * several identities). "Already gone" is success. The organization owner is never removed: the
 * resource is forgotten and the owner stays, with a warning.
 *
 * When a pending invitation turns out to have been accepted since the last refresh, the delete
 * stops and asks for a refresh instead of removing a member the state does not know about:
 * during a replacement that would remove the person, then invite them again.
 */
import { isNotFound } from "../client/errors";
import type { LifecycleContext } from "./context";
import type { InvitationOutputs } from "./model";
import { isOwner, membersWithEmail } from "./people";

export class AcceptedSinceRefreshError extends Error {
  constructor(email: string, organizationId: string) {
    super(
      `${email} has accepted the invitation to organization ${organizationId} since the last refresh, so the state is out of date. ` +
        `Run \`pulumi refresh\` (or \`pulumi up --refresh\`) and try again: the person is now a member, and the plan will show what happens to them.`,
    );
    this.name = "AcceptedSinceRefreshError";
  }
}

export async function remove(ctx: LifecycleContext, props: InvitationOutputs): Promise<void> {
  const { organizationId, email } = props;
  if (props.memberId) return removeMembers(ctx, props);
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

async function removeMembers(ctx: LifecycleContext, props: InvitationOutputs): Promise<void> {
  const { organizationId, email } = props;
  const members = await ctx.members.fresh(organizationId);
  const matching = members.filter((member) => member.id === props.memberId);
  for (const member of membersWithEmail(members, email)) if (member.id !== props.memberId) matching.push(member);
  for (const member of matching) {
    if (isOwner(member)) {
      ctx.warn(`${email} is the owner of organization ${organizationId} and is not removed; the resource is forgotten.`);
      continue;
    }
    try {
      await ctx.client.removeMember(organizationId, member.id, email);
    } catch (error) {
      if (!isNotFound(error)) throw error;
    }
  }
  ctx.members.forget(organizationId);
}
