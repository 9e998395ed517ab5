/**
 * Role resolution: a role id or a case-insensitive role name (built-in or custom) becomes the
 * organization's {id, name}. Role ids differ per organization, so names are looked up in
 * `availableRole`, never hard-coded. An unknown role fails with the list of valid names.
 */
import type { Role } from "../client/wire";
import type { Directory } from "./directory";
import type { RoleRequest } from "./model";

export class UnknownRoleError extends Error {
  constructor(request: RoleRequest, organizationId: string, roles: Role[], email?: string) {
    const asked = request.by === "id" ? `roleId "${request.roleId}"` : `roleName "${request.roleName}"`;
    const names = roles.map((role) => `"${role.name}"`).join(", ") || "(none)";
    const person = email ? ` for ${email}` : "";
    super(`Unknown ${asked}${person} in organization ${organizationId}. The organization's roles are: ${names}.`);
    this.name = "UnknownRoleError";
  }
}

export function findRole(roles: Role[], request: RoleRequest): Role | undefined {
  if (request.by === "id") return roles.find((role) => role.id.toLowerCase() === request.roleId.toLowerCase());
  const wanted = request.roleName.trim().toLowerCase();
  return roles.find((role) => role.name.trim().toLowerCase() === wanted);
}

/**
 * Looks the role up in the command's list (the one check used), and once more in a fresh list
 * before giving up (a role created in the console since).
 */
export async function resolveRole(roles: Directory<Role[]>, organizationId: string, request: RoleRequest): Promise<Role> {
  const cached = findRole(await roles.current(organizationId), request);
  if (cached) return cached;
  const latest = await roles.fresh(organizationId);
  const role = findRole(latest, request);
  if (!role) throw new UnknownRoleError(request, organizationId, latest);
  return role;
}
