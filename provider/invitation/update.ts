/**
 * update: what diff allows in place. An accepted member whose declared role differs gets it
 * (`PUT …/member`); an option such as onExpired is recorded without calling Qovery. The owner's
 * role is never given: asked for anyone but the owner, it fails (see owner.ts).
 */
import { asksForOwner, findRole, isOwner, QoveryInvitationsError, roleRequestOf, updatableInputsOf, withoutUndefined } from "../../core";
import type { LifecycleContext } from "../shared/context";
import { type InvitationInputs, type InvitationOutputs } from "./model";
import { memberOutputs } from "./outputs";
import { recordRole } from "../shared/own-changes";
import { adoptOwner } from "./owner";
import { resolveRole } from "../shared/resolve-role";

export async function update(ctx: LifecycleContext, olds: InvitationOutputs, news: InvitationInputs): Promise<{ outs: InvitationOutputs }> {
  const declared = updatableInputsOf(news);
  const request = roleRequestOf(news);
  const unchangedRole = findRole([{ id: olds.roleId, name: olds.roleName }], request);
  if (olds.invitationStatus !== "ACCEPTED" || !olds.memberId || unchangedRole) {
    return { outs: withoutUndefined({ ...olds, ...declared }) };
  }
  const roles = await ctx.roles.current(olds.organizationId);
  if (asksForOwner(roles, request)) return { outs: await adoptOwner(ctx, { ...olds, ...declared }, request, roles) };
  const role = await resolveRole(ctx.roles, olds.organizationId, request);
  const member = { id: olds.memberId, email: olds.email, roleName: olds.roleName };
  if (isOwner(member)) {
    throw new OwnerRoleChangeError(olds.email, olds.organizationId);
  }
  await ctx.client.changeMemberRole(olds.organizationId, olds.memberId, role.id, olds.email);
  recordRole(ctx, olds.organizationId, olds.memberId, role);
  return { outs: memberOutputs({ ...olds, ...declared }, role, member, new Date().toISOString()) };
}

/** Qovery does not let the owner's role change; the owner is declared with roleName "owner". */
export class OwnerRoleChangeError extends QoveryInvitationsError {
  constructor(email: string, organizationId: string) {
    const advice = `Declare roleName "owner" for them, or transfer the ownership in the Qovery console first.`;
    super({
      code: "OWNER_ROLE_CHANGE",
      subject: `organization ${organizationId}, email ${email}`,
      message: `${email} is the owner of organization ${organizationId}: Qovery does not let the owner's role change. ${advice}`,
      advice,
    });
    this.name = "OwnerRoleChangeError";
  }
}
