/**
 * read (refresh): reports where the person stands. Every resource of an organization reads the
 * same two lists, fetched once per command (Directory.current), so a refresh of a thousand
 * people costs one invitation list and one member list, not a thousand requests.
 * - A pending or expired invitation: found in the invitation list. If it is not there, its own
 *   GET confirms it is gone (the list may predate it), and the member list then tells whether it
 *   was accepted (ACCEPTED, with the member's id and role) or withdrawn (the resource is gone,
 *   and the next `up` invites again).
 * - A member: the member list; their current role, except right after we changed it (the
 *   list lags behind a change), and gone if they left.
 * Authorization errors fail the refresh; they never make a resource vanish from state. Qovery
 * sometimes answers 403 for a missing invitation, so a 403 counts as "gone" only if the
 * organization's invitation list can still be read.
 */
import { isAccessDenied, isNotFound, type Member, membersWithEmail, QoveryApiError, type Role } from "../../core";
import type { LifecycleContext } from "./context";
import { resourceId, type InvitationOutputs } from "./model";
import { invitationOutputs, memberOutputs } from "./outputs";

export type ReadResult = { id: string; props: InvitationOutputs } | Record<string, never>;

export async function read(ctx: LifecycleContext, id: string, props: InvitationOutputs): Promise<ReadResult> {
  if (props.memberId) return readMember(ctx, id, props);
  if (!props.invitationId) return {};
  const { organizationId, email, invitationId } = props;
  const recorded = { id: props.roleId, name: props.roleName };
  const listed = (await ctx.invitations.current(organizationId)).find((invitation) => invitation.id === invitationId);
  if (listed) return { id, props: invitationOutputs(props, recorded, listed) };
  try {
    const invitation = await ctx.client.getInvitation(organizationId, invitationId, email);
    return { id, props: invitationOutputs(props, recorded, invitation) };
  } catch (error) {
    if (!(await invitationIsGone(ctx, props, error))) throw error;
  }
  const [member] = membersWithEmail(await ctx.members.current(organizationId), email);
  if (!member) return {};
  return { id: id || resourceId(organizationId, email), props: memberOutputs(props, roleOfMember(member, props), member) };
}

async function invitationIsGone(ctx: LifecycleContext, props: InvitationOutputs, error: unknown): Promise<boolean> {
  if (isNotFound(error)) return true;
  if (!(error instanceof QoveryApiError) || error.kind !== "forbidden") return false;
  try {
    const invitations = await ctx.client.listInvitations(props.organizationId);
    return !invitations.some((invitation) => invitation.id === props.invitationId);
  } catch (listError) {
    if (isAccessDenied(listError)) return false;
    throw listError;
  }
}

async function readMember(ctx: LifecycleContext, id: string, props: InvitationOutputs): Promise<ReadResult> {
  const members = await ctx.members.current(props.organizationId);
  const member = members.find((candidate) => candidate.id === props.memberId) ?? membersWithEmail(members, props.email)[0];
  if (!member) return {};
  const lagging = props.roleChangedAt !== undefined && Date.now() - Date.parse(props.roleChangedAt) < ctx.roleLagMs;
  const role = lagging ? { id: props.roleId, name: props.roleName } : roleOfMember(member, props);
  return { id, props: memberOutputs(props, role, member) };
}

/** The member's role as listed, falling back to the recorded one when the list names none. */
function roleOfMember(member: Member, props: InvitationOutputs): Role {
  return { id: member.roleId ?? props.roleId, name: member.roleName ?? props.roleName };
}
