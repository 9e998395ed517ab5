/**
 * The provider module that the shim (sdk/shim.ts) requires at call time, inside the Pulumi
 * plugin process: the installed package's code, not code frozen in state, handles every
 * resource. It holds the process-wide settings and the one client (with its one concurrency
 * limit) that every resource shares, and adapts the lifecycle functions to Pulumi's
 * dynamic-provider interface.
 */
import type * as pulumi from "@pulumi/pulumi";
import { connect, namingEmail, resolveSettings, tokenIdentity, type ConfigSource, type ProviderSettings } from "../core";
import { check as checkInputs, type CheckResult } from "./lifecycle/check";
import { createContext, type LifecycleContext } from "./lifecycle/context";
import { create as createInvitation, type CreateResult } from "./lifecycle/create";
import { remove } from "./lifecycle/delete";
import { diff as diffState, type DiffResult } from "./lifecycle/diff";
import type { InvitationOutputs } from "./lifecycle/model";
import { checkDowngradeRole } from "./lifecycle/on-delete";
import { read as readInvitation, type ReadResult } from "./lifecycle/read";
import { invitationInputs, invitationState } from "./lifecycle/state";
import { takeProgramRoles } from "./lifecycle/program-roles";
import { checkRole, type RoleCheckContext } from "./lifecycle/role-check";
import { removalProvider } from "./lifecycle/removal";
import { rosterGuardProvider } from "./lifecycle/roster-guard";
import { update as updateInvitation } from "./lifecycle/update";

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
    settings = { ...settings, problems: [`the stack config could not be read: ${String(error)}`] };
  }
  return Promise.resolve();
}

function lifecycleContext(): LifecycleContext {
  context ??= createContext(connect(settings).client, { maxRetries: settings.maxRetries, maxRetryDelayMs: settings.maxRetryDelayMs });
  return context;
}

/** Fields whose own failure makes the role check meaningless. */
const ROLE_CHECK_FIELDS = ["organizationId", "roleId", "roleName", "role"];

export async function check(_olds: Record<string, unknown>, news: Record<string, unknown>): Promise<CheckResult> {
  const { asks, rest } = takeProgramRoles(news);
  const checked = checkInputs(rest);
  if (checked.failures.some((failure) => ROLE_CHECK_FIELDS.includes(failure.property))) return checked;
  const roleFailures = await checkRole(roleCheckContext(), checked.inputs, asks, warnOnce);
  return { inputs: checked.inputs, failures: [...checked.failures, ...roleFailures] };
}

function roleCheckContext(): RoleCheckContext {
  if (settings.problems.length === 0 && !settings.apiToken) {
    return { unavailable: "no API token (qovery:apiToken or QOVERY_API_TOKEN) is available to this command" };
  }
  return lifecycleContext();
}

const warned = new Set<string>();

/** A warning said once per provider process (one Pulumi command), however many resources meet it. */
function warnOnce(message: string): void {
  if (warned.has(message)) return;
  warned.add(message);
  console.warn(`warning: ${message}`);
}

export async function diff(_id: string, olds: Record<string, unknown>, news: Record<string, unknown>): Promise<DiffResult> {
  return diffState(olds as Partial<InvitationOutputs>, news);
}

/** Errors of shared lists (roles, members, invitations) name the email of the resource at hand. */
function forEmail(email: unknown): (error: unknown) => never {
  return (error) => {
    throw namingEmail(error, typeof email === "string" ? email : undefined);
  };
}

export async function create(inputs: Record<string, unknown>): Promise<CreateResult> {
  const ctx = lifecycleContext();
  const declared = invitationInputs(inputs);
  return checkDowngradeRole(ctx, declared)
    .then(() => createInvitation(ctx, declared))
    .catch(forEmail(inputs.email));
}

export async function read(id: string, props: Record<string, unknown>): Promise<ReadResult> {
  return readInvitation(lifecycleContext(), id, invitationState(props)).catch(forEmail(props.email));
}

export async function update(
  _id: string,
  olds: Record<string, unknown>,
  news: Record<string, unknown>,
): Promise<{ outs: InvitationOutputs }> {
  const ctx = lifecycleContext();
  const declared = invitationInputs(news);
  const recorded = invitationState(olds);
  return checkDowngradeRole(ctx, declared)
    .then(() => updateInvitation(ctx, recorded, declared))
    .catch(forEmail(olds.email));
}

async function deleteInvitation(_id: string, props: Record<string, unknown>): Promise<void> {
  return remove(lifecycleContext(), invitationState(props), tokenIdentity(settings.apiToken)).catch(forEmail(props.email));
}
export { deleteInvitation as delete };

/** The UnmanagedAccessRemoval resource of an authoritative roster (sdk/removal-shim.ts delegates here). */
export const removal = removalProvider(lifecycleContext, () => settings.apiToken);

/** The RosterGuard resource of a roster with guardrails (sdk/roster-guard-shim.ts delegates here). */
export const rosterGuard = rosterGuardProvider();

/**
 * Compile-time proof that this module is a `pulumi.dynamic.ResourceProvider`: the shim hands the
 * module itself to Pulumi. (A type-only import: the plugin already has @pulumi/pulumi loaded.)
 */
type IsResourceProvider<T extends pulumi.dynamic.ResourceProvider> = T;
export type InvitationProvider = IsResourceProvider<typeof import("./index")>;
