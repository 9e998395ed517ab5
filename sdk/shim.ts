/**
 * The provider handed to Pulumi. Pulumi serializes it into the state of every resource and
 * runs that copy in its plugin process, even after this package is upgraded. So it is kept to
 * a few lines that load the installed package's provider module at call time and delegate to
 * it: state stays small, holds no secret, and every fix reaches existing resources.
 *
 * Installed from npm, this module is serialized as one `require("pulumi-qovery-invitations/shim")`.
 * The specifiers below are public: never rename them.
 */
import type * as ProviderModule from "../provider";

function provider(): typeof ProviderModule {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require("pulumi-qovery-invitations/provider");
}

export const configure: typeof ProviderModule.configure = (request) => provider().configure(request);
export const check: typeof ProviderModule.check = (olds, news) => provider().check(olds, news);
export const diff: typeof ProviderModule.diff = (id, olds, news) => provider().diff(id, olds, news);
export const create: typeof ProviderModule.create = (inputs) => provider().create(inputs);
export const read: typeof ProviderModule.read = (id, props) => provider().read(id, props);
export const update: typeof ProviderModule.update = (id, olds, news) => provider().update(id, olds, news);
const remove: typeof ProviderModule.delete = (id, props) => provider().delete(id, props);
export { remove as delete };
