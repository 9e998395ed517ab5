export { OrganizationInvitation } from "./invitation";
export type { OrganizationInvitationArgs, InvitationStatus, LegacyRole, OnExpired } from "./invitation";
export { OrganizationRoster } from "./roster";
export type { OrganizationRosterArgs } from "./roster";
export { readPeopleFile, parsePeopleCsv, parsePeopleYaml, PeopleFileError } from "./people-file";
export type { RosterPerson } from "./people-file";
export { getOrganizationRole, getOrganizationRoles } from "./roles";
export type { OrganizationRole, OrganizationRoleLookupArgs, OrganizationRolesLookupArgs } from "./roles";
