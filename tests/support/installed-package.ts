/**
 * The package as a user's program loads it: from node_modules (the build installs it there),
 * so that Pulumi serializes the shim as a `require` exactly as it does for users.
 */
import * as path from "node:path";
import type * as Sdk from "../../sdk";

export const repositoryRoot = path.resolve(__dirname, "..", "..");

// eslint-disable-next-line @typescript-eslint/no-require-imports
export const installed: typeof Sdk = require(path.join(repositoryRoot, "node_modules", "pulumi-qovery-invitations"));
