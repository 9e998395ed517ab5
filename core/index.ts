/**
 * The door to the code that the program (sdk/), the plugin (provider/) and the command line
 * (cli/) share: the package's error vocabulary, the Qovery client and its errors, the settings and defaults, the one way
 * from settings to a client, ids and emails, finding people and roles in Qovery's lists, who a
 * token belongs to, and what the two sides of a resource agree on; and the pure logic over it:
 * the access review, a roster's plan and guardrails, people files (one person's checks, reading and
 * writing the file). Every side imports it from here, never from the files behind it. It does
 * not load @pulumi/pulumi, so the command line starts fast and runs where only this package is
 * installed.
 */
export { QoveryClient } from "./client/client";
export { backoffMs } from "./client/retry";
export type { Invitation, Member, Role } from "./client/wire";
export {
  InvalidSettingsError,
  isAccessDenied,
  isNotFound,
  MissingTokenError,
  namingEmail,
  QoveryApiError,
  type QoveryErrorKind,
  type TokenSource,
} from "./client/errors";
export { connect, type QoveryConnection } from "./connect";
export { ERROR_CODES, messageOf, QoveryInvitationsError, type ErrorCode } from "./errors";
export * from "./contract";
export * from "./definitions/invitation";
export * from "./definitions/package";
export {
  fieldMeta,
  type FieldMeta,
  type InputField,
  type InputValue,
  type OptionalInputName,
  type OutputField,
  type ProgramOutputName,
  type StateValue,
} from "./definitions/field";
export { CONFIG_DEFAULTS, LIST_TTL_MS, ROLE_LAG_MS, ROLES_TTL_MS } from "./defaults";
export { EXAMPLE_UUID, isEmailAddress, isUuid, normalizeEmail } from "./identifiers";
export { expiredInvitationsFor, isOwner, membersWithEmail, ownerEmails, ownerWithEmail, pendingInvitationFor } from "./people";
export * from "./role-requests";
export { resolveSettings, type ConfigSource, type ProviderSettings } from "./settings";
export { isTokenMember, tokenIdentity, type TokenIdentity } from "./token";
export { withoutUndefined } from "./without-undefined";
export {
  fetchOrganizationAccess,
  reviewAccess,
  shortDate,
  undeclaredAccess,
  type AccessInvitation,
  type AccessMember,
  type AccessReview,
  type AccessStanding,
  type OrganizationAccess,
  type ReviewedInvitation,
  type ReviewedMember,
  type ReviewOptions,
} from "./access-review";
export { DEFAULT_MIN_ADMINS, isNonNegativeInteger, MAX_REMOVALS_CONFIG_KEY, MAX_REMOVALS_ENV } from "./guardrails";
export { personSchema, rosterPersonFields, rosterPersonValueSchema, type RosterPerson } from "./roster-person";
export {
  planRoster,
  rosterChildren,
  rosterReadNeeds,
  UNMANAGED_POLICIES,
  type Reading,
  type RosterOrganization,
  type RosterPlan,
  type UnmanagedPolicy,
} from "./roster-plan";
export { parsePeopleCsv, parsePeopleYaml, PeopleFileError, readPeopleFile } from "./people-file";
export { exportPeople, formatPeopleFile, type PeopleFileFormat } from "./people-export";
export { allowingUnknowns, emailAddress, expected, failuresOf, oneOf, parseFields, text, uuid, validEntries } from "./schemas";
export * from "./definitions/removal";
export * from "./definitions/roster";
export * from "./definitions/roster-guard";
