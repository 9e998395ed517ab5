/**
 * The native classes, for TypeScript programs that want what the native plugin adds (import,
 * the same resource as YAML, Go and Python programs): `import * as native from
 * "pulumi-qovery-invitations/native"`, or `native` of the package's main entry. The package's
 * top-level classes are the dynamic ones, which need no plugin installed.
 * docs/other-languages.md compares the two.
 *
 * The plugin does the work, so this entry loads only @pulumi/pulumi and the names of
 * core/definitions/package.ts: neither zod nor got, which would add about 0.3 s to every
 * program run (a test holds it to that). It adds only types from elsewhere.
 */
export { OrganizationInvitation } from "./invitation";
export { getOrganizationAccess, getOrganizationRole, getOrganizationRoles, type GetOrganizationRolesResult } from "./functions";
export { OrganizationRoster } from "./roster";
export { Provider, type ProviderArgs } from "./provider";
