export { OrganizationInvitation } from "./invitation";
export type { OrganizationInvitationArgs, InvitationStatus, LegacyRole, OnExpired } from "./invitation";
export { getOrganizationRole, getOrganizationRoles } from "./roles";
export type { OrganizationRole, OrganizationRoleLookupArgs, OrganizationRolesLookupArgs } from "./roles";
