/**
 * Role resolution in the plugin: a request becomes the organization's {id, name}, from the
 * command's role list (core/role-requests.ts finds it there).
 */
import { findRole, UnknownRoleError, type Role, type RoleRequest } from "../../core";
import type { Directory } from "./directory";

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
