/** Builds the state of a resource from the declared inputs and what Qovery reports. */
import { type Invitation, type Member, recordedInputsOf, type Role, withoutUndefined } from "../../core";
import type { InvitationInputs, InvitationOutputs } from "./model";

/** The declared inputs a state keeps (the definition marks them recorded). */
export type Declared = Pick<InvitationInputs, keyof ReturnType<typeof recordedInputsOf>>;

const declared = (inputs: Declared) => recordedInputsOf(inputs);

export function invitationOutputs(inputs: Declared, role: Role, invitation: Invitation): InvitationOutputs {
  return withoutUndefined({
    ...declared(inputs),
    roleId: invitation.roleId ?? role.id,
    roleName: invitation.roleName ?? role.name,
    invitationStatus: invitation.status,
    invitationId: invitation.id,
    invitationLink: invitation.invitationLink ?? NO_LINK,
    inviter: invitation.inviter,
    createdAt: invitation.createdAt,
    organizationName: invitation.organizationName,
  });
}

/**
 * The link once there is none to follow (the person is a member): an empty string, not an absent
 * output. A program exporting an absent output gets "Undefined value will not show as a stack
 * output" at every `up`, and each preview shows it as `[unknown]` (an output a provider left out
 * is unknown until the update runs).
 */
const NO_LINK = "";

/**
 * The state of a person who is a member. The invitation's id, inviter, date and organization
 * name are kept for the record; its link is emptied, since it no longer grants anything.
 */
export function memberOutputs(
  previous: Declared & Partial<InvitationOutputs>,
  role: Role,
  member: Member,
  roleChangedAt?: string,
): InvitationOutputs {
  return withoutUndefined<InvitationOutputs>({
    ...declared(previous),
    roleId: role.id,
    roleName: role.name,
    invitationStatus: "ACCEPTED",
    invitationId: previous.invitationId,
    inviter: previous.inviter,
    createdAt: previous.createdAt ?? member.createdAt,
    organizationName: previous.organizationName,
    invitationLink: NO_LINK,
    memberId: member.id,
    roleChangedAt: roleChangedAt ?? previous.roleChangedAt,
  });
}
