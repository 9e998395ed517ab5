/**
 * The provider handed to Pulumi for UnmanagedAccessRemoval, the resource by which an
 * authoritative OrganizationRoster removes undeclared access. Like shim.ts (read it first), a
 * few lines that load the installed package's provider module at call time and delegate to its
 * `removal` methods, so that state stays small, holds no secret, and fixes reach existing
 * resources.
 *
 * Installed from npm, this module is serialized as one
 * `require("pulumi-qovery-invitations/removal-shim")`. The specifiers below are public: never
 * rename them.
 */
import { delegateTo } from "./delegate";

export const { configure, check, diff, create, read, update, delete: remove } = delegateTo("removal");
export { remove as delete };
