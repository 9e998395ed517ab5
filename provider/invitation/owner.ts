/**
 * The owner's role in the plugin. Every organization has one owner, whom Qovery can neither
 * invite nor replace through the API, and whose role its role list may not name at all. A
 * resource that asks for that role (roleName "owner", the enum OWNER, or the id of a listed role
 * so named) therefore declares the owner as they are: adopted, never invited, never changed.
 * Asked for anyone else, it fails, naming the role field and the roles that would do.
 */
import { NotTheOwnerError, OWNER_ROLE, ownerEmails, ownerWithEmail, type Member, type Role, type RoleRequest } from "../../core";
import type { LifecycleContext } from "../shared/context";
import type { InvitationOutputs } from "./model";
import { memberOutputs, type Declared } from "./outputs";

/** The owner among `members` if `email` is theirs; else the refusal, naming the owner and the roles that would do. */
export function ownerFor(
  members: Member[],
  roles: Role[],
  request: RoleRequest,
  inputs: { organizationId: string; email: string },
): { owner: Member } | { refusal: NotTheOwnerError } {
  const owner = ownerWithEmail(members, inputs.email);
  if (owner) return { owner };
  return { refusal: new NotTheOwnerError(request, inputs.organizationId, roles, inputs.email, ownerEmails(members)) };
}

/** The state of the owner, adopted with the role the member list gives them; fails when the email is not the owner's. */
export async function adoptOwner(
  ctx: LifecycleContext,
  declared: Declared & Partial<InvitationOutputs>,
  request: RoleRequest,
  roles: Role[],
): Promise<InvitationOutputs> {
  const found = ownerFor(await ctx.members.get(declared.organizationId), roles, request, declared);
  if ("refusal" in found) throw found.refusal;
  const { owner } = found;
  // The member list may name no role id; the resource follows the owner by member id and role name.
  return memberOutputs(declared, { id: owner.roleId ?? "", name: owner.roleName ?? OWNER_ROLE }, owner);
}
