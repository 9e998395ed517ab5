/**
 * The provider module that the shim (sdk/shim.ts) requires at call time, inside the Pulumi
 * plugin process: the installed package's code, not code frozen in state, handles every
 * resource. It holds the process-wide settings and the one client (with its one concurrency
 * limit) that every resource shares, and adapts the lifecycle functions to Pulumi's
 * dynamic-provider interface.
 */
import type * as pulumi from "@pulumi/pulumi";
import { connect, messageOf, resolveSettings, type ConfigSource, type ProviderSettings } from "../core";
import { invitationProvider } from "./invitation";
import { removalProvider } from "./removal";
import { rosterGuardProvider } from "./roster-guard";
import { createContext, type LifecycleContext } from "./shared/context";
import type { ResourceEntry } from "./shared/resource";

let settings: ProviderSettings = resolveSettings(undefined, process.env);
let context: LifecycleContext | undefined;

/**
 * Receives the stack config. Stores it synchronously and never throws (the plugin caches the
 * provider before this returns, and a throw would leave later calls unconfigured); problems
 * are reported by the first operation that needs the API.
 */
export function configure(request: { config: ConfigSource }): Promise<void> {
  try {
    const next = resolveSettings(request.config, process.env);
    if (JSON.stringify(next) !== JSON.stringify(settings)) {
      settings = next;
      context = undefined;
    }
  } catch (error) {
    settings = { ...settings, problems: [`the stack config could not be read: ${messageOf(error)}`] };
  }
  return Promise.resolve();
}

function lifecycleContext(): LifecycleContext {
  if (!context) {
    const { client, token } = connect(settings);
    context = createContext(client, { maxRetries: settings.maxRetries, maxRetryDelayMs: settings.maxRetryDelayMs, token });
  }
  return context;
}

/**
 * Every resource of the plugin, by the name its shim (sdk/delegate.ts) asks for: the
 * OrganizationInvitation (sdk/shim.ts), the UnmanagedAccessRemoval of an authoritative roster
 * (sdk/removal-shim.ts) and the RosterGuard of a roster with guardrails (sdk/roster-guard-shim.ts).
 */
export const resources = {
  invitation: invitationProvider(lifecycleContext, () => settings),
  removal: removalProvider(lifecycleContext),
  rosterGuard: rosterGuardProvider(),
} satisfies Record<string, ResourceEntry>;

export type ResourceName = keyof typeof resources;

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
