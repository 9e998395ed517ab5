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
/** The dynamic OrganizationInvitation's type: the alias that lets a TypeScript stack switch to the native resource in place. */
export const DYNAMIC_INVITATION_TYPE = "pulumi-nodejs:dynamic/qovery:OrganizationInvitation";
export const ROSTER_TYPE = `${PACKAGE_NAME}:index:OrganizationRoster`;
/** The roster's own children, which only a roster declares (not in the schema). */
export const REMOVAL_TYPE = `${PACKAGE_NAME}:index:UnmanagedAccessRemoval`;
export const GUARD_TYPE = `${PACKAGE_NAME}:index:RosterGuard`;

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
