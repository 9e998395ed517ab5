/**
 * The provider handed to Pulumi for RosterGuard, the resource by which an OrganizationRoster
 * stops a run that breaks a guardrail. Like shim.ts (read it first), a few lines that load the
 * installed package's provider module at call time and delegate to its `rosterGuard` methods.
 *
 * Installed from npm, this module is serialized as one
 * `require("pulumi-qovery-invitations/roster-guard-shim")`. The specifiers below are public:
 * never rename them.
 */
import type * as ProviderModule from "../provider";

type Guard = typeof ProviderModule.rosterGuard;

function provider(): typeof ProviderModule {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require("pulumi-qovery-invitations/provider");
}

export const check: Guard["check"] = (olds, news) => provider().rosterGuard.check(olds, news);
export const diff: Guard["diff"] = () => provider().rosterGuard.diff();
export const create: Guard["create"] = (inputs) => provider().rosterGuard.create(inputs);
export const read: Guard["read"] = (id, props) => provider().rosterGuard.read(id, props);
export const update: Guard["update"] = (id, olds, news) => provider().rosterGuard.update(id, olds, news);
const remove: Guard["delete"] = () => provider().rosterGuard.delete();
export { remove as delete };
