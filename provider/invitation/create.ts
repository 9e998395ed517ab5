/**
 * create: brings one person into the organization with the declared role, adopting what
 * already exists instead of duplicating it (`pulumi import` does not work for dynamic
 * providers):
 * - an existing member is adopted, their role set if it differs; no invitation is sent;
 * - the owner's role adopts the organization owner as they are, and is refused for anyone else
 *   (see owner.ts);
 * - a pending invitation (Qovery's 409) is adopted if its role matches, else reissued;
 * - a lost answer to the invite (5xx, reset, timeout) leads to a lookup, and the invitation
 *   that landed is adopted (one that someone else sent with another role is reissued, as after
 *   a 409); the invite is sent again only when nothing landed, after a pause of at most
 *   qovery:maxRetryDelayMs;
 * - expired invitations of the email (left by a console user or an older run) are cancelled
 *   once the new invitation is sent, so that the organization does not fill up with dead ones.
 */
import {
  asksForOwner,
  backoffMs,
  expiredInvitationsFor,
  type Invitation,
  isNotFound,
  isOwner,
  type Member,
  membersWithEmail,
  messageOf,
  pendingInvitationFor,
  QoveryApiError,
  type Role,
  roleRequestOf,
} from "../../core";
import type { LifecycleContext } from "../shared/context";
import { resourceId, type InvitationInputs, type InvitationOutputs } from "./model";
import { invitationOutputs, memberOutputs } from "./outputs";
import { recordInvitation, recordRole } from "../shared/own-changes";
import { adoptOwner } from "./owner";
import { resolveRole } from "../shared/resolve-role";

export interface CreateResult {
  id: string;
  outs: InvitationOutputs;
}

export async function create(ctx: LifecycleContext, inputs: InvitationInputs): Promise<CreateResult> {
  const { organizationId, email } = inputs;
  const id = resourceId(organizationId, email);
  const request = roleRequestOf(inputs);
  // Two lists shared by every create of the command, fetched side by side.
  const [roles, members] = await Promise.all([ctx.roles.current(organizationId), ctx.members.get(organizationId)]);
  if (asksForOwner(roles, request)) return { id, outs: await adoptOwner(ctx, inputs, request, roles) };
  const role = await resolveRole(ctx.roles, organizationId, request);

  const [member] = membersWithEmail(members, email);
  if (member) return { id, outs: await adoptMember(ctx, inputs, role, member) };

  const outcome = await inviteOnce(ctx, inputs, role);
  if ("member" in outcome) return { id, outs: await adoptMember(ctx, inputs, role, outcome.member) };
  recordInvitation(ctx, organizationId, outcome.invitation);
  await cancelExpiredInvitations(ctx, inputs);
  return { id, outs: invitationOutputs(inputs, role, outcome.invitation) };
}

/**
 * Cancels the dead invitations of the email once a live one is sent, found in a recent copy of
 * the invitation list (shared by the creates of the command). Failures are only warnings: the
 * new invitation stands, and it is what the state must record.
 */
async function cancelExpiredInvitations(ctx: LifecycleContext, inputs: InvitationInputs, known?: Invitation[]): Promise<void> {
  const { organizationId, email } = inputs;
  let invitations = known;
  try {
    invitations ??= await ctx.invitations.get(organizationId);
  } catch (error) {
    ctx.warn(`Expired invitations of ${email} to organization ${organizationId} were not looked for: ${messageOf(error)}`);
    return;
  }
  for (const invitation of expiredInvitationsFor(invitations, email)) {
    try {
      await ctx.client.cancelInvitation(organizationId, invitation.id, email);
    } catch (error) {
      if (isNotFound(error)) continue;
      ctx.warn(
        `The expired invitation ${invitation.id} of ${email} to organization ${organizationId} could not be cancelled ` +
          `(${messageOf(error)}); cancel it in the Qovery console.`,
      );
    }
  }
}

/** Sets an existing member's role if it differs, and records them as accepted. */
async function adoptMember(ctx: LifecycleContext, inputs: InvitationInputs, role: Role, member: Member): Promise<InvitationOutputs> {
  if (member.roleId === role.id) return memberOutputs(inputs, role, member);
  if (isOwner(member)) {
    ctx.warn(`${inputs.email} is the owner of organization ${inputs.organizationId}; their role stays "owner".`);
    return memberOutputs(inputs, { id: member.roleId ?? role.id, name: member.roleName ?? "owner" }, member);
  }
  await ctx.client.changeMemberRole(inputs.organizationId, member.id, role.id, inputs.email);
  recordRole(ctx, inputs.organizationId, member.id, role);
  return memberOutputs(inputs, role, member, new Date().toISOString());
}

type InviteOutcome = { invitation: Invitation } | { member: Member };

/**
 * Sends at most one invitation that lands, whatever answers are lost on the way. `reissue`:
 * whether someone else's pending invitation with another role may still be replaced (once).
 */
async function inviteOnce(ctx: LifecycleContext, inputs: InvitationInputs, role: Role, reissue = true): Promise<InviteOutcome> {
  const { organizationId, email } = inputs;
  for (let attempt = 1; ; attempt++) {
    try {
      return { invitation: await ctx.client.inviteMember(organizationId, email, role.id) };
    } catch (error) {
      if (!(error instanceof QoveryApiError)) throw error;
      if (error.kind === "conflict") return adoptPendingInvitation(ctx, inputs, role, error, reissue);
      if (isAlreadyMember(error)) {
        const [member] = membersWithEmail(await ctx.members.fresh(organizationId), email);
        if (member) return { member };
        throw error;
      }
      if (!isLostAnswer(error)) throw error;
      // The invitation may have landed although the answer did not: look before re-sending. What
      // is found may also be someone else's invitation that was there before (Qovery then
      // answered, or would have answered, 409): it gets the same treatment as after a 409.
      const landed = pendingInvitationFor(await ctx.client.listInvitations(organizationId), email);
      if (landed) return keepOrReissue(ctx, inputs, role, landed, error, reissue);
      if (attempt >= ctx.maxInviteAttempts) throw error;
      await ctx.sleep(backoffMs(attempt - 1, ctx.maxRetryDelayMs));
    }
  }
}

/** After a 409: the pending invitation is kept if its role matches, else reissued once. */
async function adoptPendingInvitation(
  ctx: LifecycleContext,
  inputs: InvitationInputs,
  role: Role,
  conflict: QoveryApiError,
  reissue: boolean,
): Promise<InviteOutcome> {
  const { organizationId, email } = inputs;
  const invitations = await ctx.client.listInvitations(organizationId);
  const pending = pendingInvitationFor(invitations, email);
  if (!pending) {
    // Qovery may answer 409 for an existing member too, or for an expired invitation.
    const [member] = membersWithEmail(await ctx.members.fresh(organizationId), email);
    if (member) return { member };
    if (!reissue || expiredInvitationsFor(invitations, email).length === 0) throw conflict;
    await cancelExpiredInvitations(ctx, inputs, invitations);
    return inviteOnce(ctx, inputs, role, false);
  }
  return keepOrReissue(ctx, inputs, role, pending, conflict, reissue);
}

/**
 * A pending invitation for the email: kept if its role matches (or it names none), else
 * cancelled and sent again with the declared role — through inviteOnce, so that a lost answer
 * to the new invite is looked up too, and only once (a second one with another role fails).
 */
async function keepOrReissue(
  ctx: LifecycleContext,
  inputs: InvitationInputs,
  role: Role,
  pending: Invitation,
  error: QoveryApiError,
  reissue: boolean,
): Promise<InviteOutcome> {
  const { organizationId, email } = inputs;
  const pendingRole = roleOfInvitation(pending, role);
  if (pendingRole === "same") return { invitation: pending };
  if (pendingRole === "unknown") {
    ctx.warn(`${email} already had a pending invitation to organization ${organizationId} that names no role; it is kept as is.`);
    return { invitation: pending };
  }
  if (!reissue) throw error;
  ctx.warn(
    `${email} had a pending invitation to organization ${organizationId} with role "${pending.roleName ?? pending.roleId ?? "unknown"}"; ` +
      `it is cancelled and a new one is sent with role "${role.name}".`,
  );
  await ctx.client.cancelInvitation(organizationId, pending.id, email);
  return inviteOnce(ctx, inputs, role, false);
}

/** Old invitations may carry no role id, some not even a role name. */
function roleOfInvitation(invitation: Invitation, role: Role): "same" | "other" | "unknown" {
  if (invitation.roleId) return invitation.roleId === role.id ? "same" : "other";
  if (invitation.roleName) return invitation.roleName.toLowerCase() === role.name.toLowerCase() ? "same" : "other";
  return "unknown";
}

function isLostAnswer(error: QoveryApiError): boolean {
  return error.kind === "server" || error.kind === "network" || error.kind === "timeout";
}

function isAlreadyMember(error: QoveryApiError): boolean {
  return error.kind === "bad-request" && /already.*member/i.test(error.detail ?? "");
}
