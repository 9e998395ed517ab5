/**
 * The provider handed to Pulumi for RosterGuard, the resource by which an OrganizationRoster
 * stops a run that breaks a guardrail. Like shim.ts (read it first), a few lines that load the
 * installed package's provider module at call time and delegate to its `rosterGuard` methods.
 *
 * Installed from npm, this module is serialized as one
 * `require("pulumi-qovery-invitations/roster-guard-shim")`. The specifiers below are public:
 * never rename them.
 */
import { delegateTo } from "./delegate";

export const { configure, check, diff, create, read, update, delete: remove } = delegateTo("rosterGuard");
export { remove as delete };
