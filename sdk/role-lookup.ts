/**
 * Role lookups for programs: the roles of an organization (built-in and custom), or one role
 * by case-insensitive name. They run in the program's process, with the same credentials as
 * the provider: stack config `qovery:apiToken` / `qovery:apiUrl`, else QOVERY_API_TOKEN /
 * QOVERY_API_URL.
 */
import { findRole, UnknownRoleError } from "../core";
import { programQovery } from "./access-lookup";

export interface OrganizationRole {
  /** The role's UUID in this organization. */
  id: string;
  /** The role's name, as Qovery spells it (built-in names are lower case). */
  name: string;
}

export interface OrganizationRolesLookupArgs {
  /** The UUID of the Qovery organization. */
  organizationId: string;
}

export interface OrganizationRoleLookupArgs extends OrganizationRolesLookupArgs {
  /** The role's name, case-insensitive. */
  name: string;
}

/** Every role of the organization, built-in and custom. */
export async function getOrganizationRoles(args: OrganizationRolesLookupArgs): Promise<OrganizationRole[]> {
  return programQovery().client.listRoles(args.organizationId);
}

/** One role by case-insensitive name; fails with the list of the organization's roles if unknown. */
export async function getOrganizationRole(args: OrganizationRoleLookupArgs): Promise<OrganizationRole> {
  const roles = await getOrganizationRoles(args);
  const request = { by: "name" as const, roleName: args.name };
  const role = findRole(roles, request);
  if (!role) throw new UnknownRoleError(request, args.organizationId, roles);
  return role;
}
