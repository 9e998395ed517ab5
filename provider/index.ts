/**
 * The provider module that the shim (sdk/shim.ts) requires at call time, inside the Pulumi
 * plugin process: the installed package's code, not code frozen in state, handles every
 * resource. It holds the process-wide settings and the one client (with its one concurrency
 * limit) that every resource shares, and adapts the lifecycle functions to Pulumi's
 * dynamic-provider interface.
 */
import type * as pulumi from "@pulumi/pulumi";
import type { ConfigSource } from "../core";
import { createRuntime } from "./runtime";

export type { ResourceName } from "./runtime";

const runtime = createRuntime();

/** Receives the stack config (see ProviderRuntime.configure: stored synchronously, never throws). */
export function configure(request: { config: ConfigSource }): Promise<void> {
  runtime.configure(request.config);
  return Promise.resolve();
}

/** Every resource of the plugin, by the name its shim (sdk/delegate.ts) asks for. */
export const resources = runtime.resources;

/** The OrganizationInvitation's methods, also at the top level: this module is its provider. */
export const { check, diff, create, read, update } = resources.invitation;
const deleteInvitation = resources.invitation.delete;
export { deleteInvitation as delete };

/** The registry's other entries, by their earlier names. */
export const removal = resources.removal;
export const rosterGuard = resources.rosterGuard;

/**
 * Compile-time proof that this module is a `pulumi.dynamic.ResourceProvider`: the shim hands the
 * module itself to Pulumi. (A type-only import: the plugin already has @pulumi/pulumi loaded.)
 */
type IsResourceProvider<T extends pulumi.dynamic.ResourceProvider> = T;
export type InvitationProvider = IsResourceProvider<typeof import("./index")>;
