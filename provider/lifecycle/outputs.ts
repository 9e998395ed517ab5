/** Builds the state of a resource from the declared inputs and what Qovery reports. */
import { type Invitation, type Member, type Role, withoutUndefined } from "../../core";
import type { InvitationInputs, InvitationOutputs } from "./model";

export type Declared = Pick<InvitationInputs, "organizationId" | "email" | "onExpired" | "role" | "onDelete" | "downgradeRoleName">;

function declared(inputs: Declared) {
  return {
    organizationId: inputs.organizationId,
    email: inputs.email,
    onExpired: inputs.onExpired,
    role: inputs.role,
    onDelete: inputs.onDelete,
    downgradeRoleName: inputs.downgradeRoleName,
  };
}

export function invitationOutputs(inputs: Declared, role: Role, invitation: Invitation): InvitationOutputs {
  return withoutUndefined({
    ...declared(inputs),
    roleId: invitation.roleId ?? role.id,
    roleName: invitation.roleName ?? role.name,
    invitationStatus: invitation.status,
    invitationId: invitation.id,
    invitationLink: invitation.invitationLink,
    inviter: invitation.inviter,
    createdAt: invitation.createdAt,
    organizationName: invitation.organizationName,
  });
}

/**
 * The state of a person who is a member. The invitation's id, inviter, date and organization
 * name are kept for the record; its link is dropped, since it no longer grants anything.
 */
export function memberOutputs(
  previous: Declared & Partial<InvitationOutputs>,
  role: Role,
  member: Member,
  roleChangedAt?: string,
): InvitationOutputs {
  return withoutUndefined({
    ...declared(previous),
    roleId: role.id,
    roleName: role.name,
    invitationStatus: "ACCEPTED" as const,
    invitationId: previous.invitationId,
    inviter: previous.inviter,
    createdAt: previous.createdAt ?? member.createdAt,
    organizationName: previous.organizationName,
    memberId: member.id,
    roleChangedAt: roleChangedAt ?? previous.roleChangedAt,
  });
}
