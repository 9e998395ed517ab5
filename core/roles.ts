/**
 * Naming a role: the three ways a program can ask for one (roleId, roleName, the deprecated
 * `role` enum), and finding it in an organization's roles. Role ids differ per organization, so
 * names are looked up, never hard-coded. An unknown role fails with the list of valid names.
 */
import type { Role } from "./client/wire";

/** The deprecated `role` enum (Qovery's old one; use roleName) and the role name each stands for today. */
export const LEGACY_ROLES = { ADMIN: "admin", DEVELOPER: "devops", VIEWER: "viewer", OWNER: "owner" } as const;
export type LegacyRole = keyof typeof LEGACY_ROLES;

/** The role a program asks for, in whichever of the three forms it used. */
export type RoleRequest = { by: "id"; roleId: string } | { by: "name"; roleName: string };

export function roleRequestOf(inputs: { roleId?: string; roleName?: string; role?: LegacyRole }): RoleRequest {
  if (inputs.roleId !== undefined) return { by: "id", roleId: inputs.roleId };
  if (inputs.roleName !== undefined) return { by: "name", roleName: inputs.roleName };
  if (inputs.role !== undefined) return { by: "name", roleName: LEGACY_ROLES[inputs.role] };
  throw new Error("One of roleId, roleName or role is required.");
}

/** Ids compare in any case; names trimmed, in any case. */
export function findRole(roles: Role[], request: RoleRequest): Role | undefined {
  if (request.by === "id") return roles.find((role) => role.id.toLowerCase() === request.roleId.trim().toLowerCase());
  const wanted = request.roleName.trim().toLowerCase();
  return roles.find((role) => role.name.trim().toLowerCase() === wanted);
}

export class UnknownRoleError extends Error {
  constructor(request: RoleRequest, organizationId: string, roles: Role[], email?: string) {
    const asked = request.by === "id" ? `roleId "${request.roleId}"` : `roleName "${request.roleName}"`;
    const names = roles.map((role) => `"${role.name}"`).join(", ") || "(none)";
    const person = email ? ` for ${email}` : "";
    super(`Unknown ${asked}${person} in organization ${organizationId}. The organization's roles are: ${names}.`);
    this.name = "UnknownRoleError";
  }
}

/** An unknown role given as downgradeRoleName (onDelete "downgrade"). */
export class UnknownDowngradeRoleError extends Error {
  constructor(cause: UnknownRoleError) {
    super(`downgradeRoleName: ${cause.message}`, { cause });
    this.name = "UnknownDowngradeRoleError";
  }
}
