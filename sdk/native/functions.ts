/** The native plugin's functions: the role lookups, run by the plugin with the provider's credentials. */
import * as pulumi from "@pulumi/pulumi";
import { ROLE_FUNCTION, ROLES_FUNCTION } from "../../core/definitions/package";
import type { OrganizationRole, OrganizationRoleLookupArgs, OrganizationRolesLookupArgs } from "../role-lookup";

export interface GetOrganizationRolesResult {
  roles: OrganizationRole[];
}

/** Every role of the organization, built-in and custom. */
export function getOrganizationRoles(args: OrganizationRolesLookupArgs, opts?: pulumi.InvokeOptions): Promise<GetOrganizationRolesResult> {
  return pulumi.runtime.invoke(ROLES_FUNCTION, { organizationId: args.organizationId }, opts);
}

/** One role by case-insensitive name; fails listing the organization's roles if none matches. */
export function getOrganizationRole(args: OrganizationRoleLookupArgs, opts?: pulumi.InvokeOptions): Promise<OrganizationRole> {
  return pulumi.runtime.invoke(ROLE_FUNCTION, { organizationId: args.organizationId, name: args.name }, opts);
}
