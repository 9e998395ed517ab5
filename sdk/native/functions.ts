/** The native plugin's functions: the role lookups and the access lookup, run by the plugin with the provider's credentials. */
import * as pulumi from "@pulumi/pulumi";
import { ACCESS_FUNCTION, ROLE_FUNCTION, ROLES_FUNCTION } from "../../core/definitions/package";
import type { OrganizationAccess } from "../../core";
import type { OrganizationAccessLookupArgs } from "../access-lookup";
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

/** Every member and every invitation of the organization (invitation links left out). */
export function getOrganizationAccess(args: OrganizationAccessLookupArgs, opts?: pulumi.InvokeOptions): Promise<OrganizationAccess> {
  return pulumi.runtime.invoke(ACCESS_FUNCTION, { organizationId: args.organizationId }, opts);
}
