/**
 * The native provider's names: its package (which is also its config namespace and its
 * plugin's name, `pulumi-resource-qovery-invitations`) and the type tokens of what it serves.
 * Public: users' programs, state and generated SDKs hold them.
 */
export const PACKAGE_NAME = "qovery-invitations";
export const INVITATION_TYPE = `${PACKAGE_NAME}:index:OrganizationInvitation`;
export const ROLES_FUNCTION = `${PACKAGE_NAME}:index:getOrganizationRoles`;
export const ROLE_FUNCTION = `${PACKAGE_NAME}:index:getOrganizationRole`;
export const ROLE_TYPE = `${PACKAGE_NAME}:index:OrganizationRole`;
export const ACCESS_FUNCTION = `${PACKAGE_NAME}:index:getOrganizationAccess`;
export const ROSTER_TYPE = `${PACKAGE_NAME}:index:OrganizationRoster`;
/** The roster's own children, which only a roster declares (not in the schema). */
export const REMOVAL_TYPE = `${PACKAGE_NAME}:index:UnmanagedAccessRemoval`;
export const GUARD_TYPE = `${PACKAGE_NAME}:index:RosterGuard`;

/**
 * The types of the dynamic classes, as a TypeScript stack's state holds them: each native class
 * above carries an alias to its dynamic counterpart's (sdk/native/dynamic-alias.ts), which lets a
 * stack switch to it in place. A dynamic resource's type is `pulumi-nodejs:dynamic/` followed by
 * the module and name its class gives pulumi.dynamic.Resource (`qovery`, `OrganizationInvitation`).
 */
export const DYNAMIC_INVITATION_TYPE = "pulumi-nodejs:dynamic/qovery:OrganizationInvitation";
export const DYNAMIC_REMOVAL_TYPE = "pulumi-nodejs:dynamic/qovery:UnmanagedAccessRemoval";
export const DYNAMIC_GUARD_TYPE = "pulumi-nodejs:dynamic/qovery:RosterGuard";
/** The dynamic OrganizationRoster's type: a component of the program, which gives it its type. */
export const DYNAMIC_ROSTER_TYPE = "qovery:index:OrganizationRoster";

/**
 * The invitation's properties (every input and output), which a program-side class registers as
 * its outputs. Listed here, not read from the definition, so that the native classes load without
 * zod (sdk/native/index.ts); a test fails unless they are exactly the definition's fields.
 */
export const INVITATION_PROPERTY_NAMES = [
  "organizationId",
  "email",
  "roleId",
  "roleName",
  "role",
  "onExpired",
  "onDelete",
  "downgradeRoleName",
  "invitationStatus",
  "invitationId",
  "invitationLink",
  "inviter",
  "createdAt",
  "organizationName",
  "memberId",
  "roleChangedAt",
] as const;
