export { OrganizationInvitation } from "./invitation";
export type { OrganizationInvitationArgs, InvitationStatus, LegacyRole, OnDelete, OnExpired } from "./invitation";
export { OrganizationRoster } from "./roster";
export type { OrganizationRosterArgs, UnmanagedPolicy } from "./roster";
export { reviewAccess, undeclaredAccess } from "../core";
export { getOrganizationAccess } from "./access-lookup";
export type { OrganizationAccessLookupArgs } from "./access-lookup";
export type {
  AccessInvitation,
  AccessMember,
  AccessReview,
  AccessStanding,
  OrganizationAccess,
  ReviewedInvitation,
  ReviewedMember,
  ReviewOptions,
  TokenIdentity,
} from "../core";
export { readPeopleFile, parsePeopleCsv, parsePeopleYaml, PeopleFileError } from "../core";
// The errors a program can catch: from readPeopleFile and the lookups, which run in the program.
// Each is a QoveryInvitationsError, whose code tells them apart without reading the message.
export { QoveryApiError, MissingTokenError, InvalidSettingsError, UnknownRoleError, QoveryInvitationsError } from "../core";
export type { ErrorCode, QoveryErrorKind } from "../core";
export type { RosterPerson } from "../core";
export { getOrganizationRole, getOrganizationRoles } from "./role-lookup";
export type { OrganizationRole, OrganizationRoleLookupArgs, OrganizationRolesLookupArgs } from "./role-lookup";
export * as native from "./native";
