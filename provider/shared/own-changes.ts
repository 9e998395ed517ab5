/**
 * The changes the provider makes, applied to the per-organization copies of the lists
 * (Directory.amend), so that one member list and one invitation list serve a whole command: a
 * destroy of a thousand members reads the member list once, and a create that follows a delete
 * in the same command (a replacement) never sees the removed member as still there.
 */
import type { Invitation, Member, Role } from "../../core";
import type { LifecycleContext } from "./context";

/** A member we removed, or found already gone. */
export function recordRemoval(ctx: LifecycleContext, organizationId: string, memberId: string): void {
  ctx.members.amend(organizationId, (members) => members.filter((member) => member.id !== memberId));
}

/** A role we gave a member. */
export function recordRole(ctx: LifecycleContext, organizationId: string, memberId: string, role: Role): void {
  ctx.members.amend(organizationId, (members) => members.map((member) => (member.id === memberId ? withRole(member, role) : member)));
}

/**
 * An invitation a create records in state (sent, or adopted): the invitation lists of the
 * command show it from then on, which read relies on (an invitation in state is never newer than
 * the command's invitation list).
 */
export function recordInvitation(ctx: LifecycleContext, organizationId: string, invitation: Invitation): void {
  ctx.invitations.amend(organizationId, (invitations) => [...invitations.filter((listed) => listed.id !== invitation.id), invitation]);
}

function withRole(member: Member, role: Role): Member {
  return { ...member, roleId: role.id, roleName: role.name };
}
