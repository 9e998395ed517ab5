/**
 * The native classes, for TypeScript programs that want what the native plugin adds (import,
 * the same resource as YAML, Go and Python programs): `import { native } from
 * "pulumi-qovery-invitations"`. The package's top-level classes are the dynamic ones, which need
 * no plugin installed. docs/other-languages.md compares the two.
 */
export { OrganizationInvitation } from "./invitation";
export { getOrganizationRole, getOrganizationRoles, type GetOrganizationRolesResult } from "./functions";
export { OrganizationRoster } from "./roster";
