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
import type * as ProviderModule from "../provider";

type Removal = typeof ProviderModule.removal;

function provider(): typeof ProviderModule {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require("pulumi-qovery-invitations/provider");
}

export const configure: typeof ProviderModule.configure = (request) => provider().configure(request);
export const check: Removal["check"] = (olds, news) => provider().removal.check(olds, news);
export const diff: Removal["diff"] = (id, olds, news) => provider().removal.diff(id, olds, news);
export const create: Removal["create"] = (inputs) => provider().removal.create(inputs);
export const read: Removal["read"] = (id, props) => provider().removal.read(id, props);
export const update: Removal["update"] = (id, olds, news) => provider().removal.update(id, olds, news);
const remove: Removal["delete"] = (id, props) => provider().removal.delete(id, props);
export { remove as delete };
