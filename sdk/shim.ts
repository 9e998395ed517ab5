/**
 * The provider handed to Pulumi. Pulumi serializes it into the state of every resource and
 * runs that copy in its plugin process, even after this package is upgraded. So it is kept to
 * a few lines that load the installed package's provider module at call time and delegate to
 * it: state stays small, holds no secret, and every fix reaches existing resources.
 *
 * Installed from npm, this module is serialized as one `require("pulumi-qovery-invitations/shim")`.
 * The specifiers below are public: never rename them.
 */
import { delegateTo } from "./delegate";

export const { configure, check, diff, create, read, update, delete: remove } = delegateTo("invitation");
export { remove as delete };
