/**
 * read (refresh): reports where the person stands. Every resource of an organization reads the
 * same two lists, fetched once per command (Directory.current), so a refresh of a thousand
 * people costs one invitation list and one member list, not a thousand requests.
 * - A pending or expired invitation: found in the invitation list. If it is not there, it is no
 *   longer pending: the list cannot predate it (see `acceptedOrGone`). The member list then tells
 *   whether it was accepted (ACCEPTED, with the member's id and role, with no further request:
 *   a refresh that sees a thousand acceptances costs the two lists), or, the rare case, withdrawn:
 *   its own GET confirms that it is gone (the resource is gone, and the next `up` invites again).
 * - A member: the member list; their current role, except right after we changed it (the
 *   list lags behind a change), and gone if they left.
 * Authorization errors fail the refresh; they never make a resource vanish from state. Qovery
 * sometimes answers 403 for a missing invitation, so a 403 counts as "gone" only if the
 * organization's invitation list can still be read.
 */
import { isAccessDenied, isNotFound, type Member, membersWithEmail, QoveryApiError, type Role } from "../../core";
import type { LifecycleContext } from "../shared/context";
import { resourceId, type InvitationOutputs } from "./model";
import { invitationOutputs, memberOutputs } from "./outputs";

type ReadResult = { id: string; props: InvitationOutputs } | Record<string, never>;

export async function read(ctx: LifecycleContext, id: string, props: InvitationOutputs): Promise<ReadResult> {
  if (props.memberId) return readMember(ctx, id, props);
  if (!props.invitationId) return {};
  const { organizationId, invitationId } = props;
  const listed = (await ctx.invitations.current(organizationId)).find((invitation) => invitation.id === invitationId);
  if (listed) return { id, props: invitationOutputs(props, recordedRole(props), listed) };
  return acceptedOrGone(ctx, id, props, invitationId);
}

/**
 * An invitation in state that the command's invitation list lacks. Every invitation in state was
 * created before the command began, or by a create of this command, which adds it to the
 * command's copy (own-changes.ts recordInvitation): the list cannot predate it, so it is no
 * longer pending. The command's member list showing the email is then proof enough that it was
 * accepted. Without the email there, it may have been withdrawn: its own GET tells, and it is
 * where a 403 is told apart from "gone".
 */
async function acceptedOrGone(ctx: LifecycleContext, id: string, props: InvitationOutputs, invitationId: string): Promise<ReadResult> {
  const { organizationId, email } = props;
  const [member] = membersWithEmail(await ctx.members.current(organizationId), email);
  if (member) return { id: id || resourceId(organizationId, email), props: memberOutputs(props, roleOfMember(member, props), member) };
  try {
    const invitation = await ctx.client.getInvitation(organizationId, invitationId, email);
    return { id, props: invitationOutputs(props, recordedRole(props), invitation) };
  } catch (error) {
    if (!(await invitationIsGone(ctx, props, error))) throw error;
  }
  return {};
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
  const role = lagging ? recordedRole(props) : roleOfMember(member, props);
  return { id, props: memberOutputs(props, role, member) };
}

function recordedRole(props: InvitationOutputs): Role {
  return { id: props.roleId, name: props.roleName };
}

/** The member's role as listed, falling back to the recorded one when the list names none. */
function roleOfMember(member: Member, props: InvitationOutputs): Role {
  return { id: member.roleId ?? props.roleId, name: member.roleName ?? props.roleName };
}
