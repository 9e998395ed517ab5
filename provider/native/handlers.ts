/**
 * What the native plugin does for each request, on plain values: the gRPC service (service.ts)
 * turns the engine's Structs into these values and back. Every resource operation goes to the
 * same registry entry as the dynamic provider's (provider/runtime.ts), so both run the same
 * lifecycle; what is native-only is here: the provider config's keys, import, and functions.
 */
import {
  ACCESS_FUNCTION,
  fetchOrganizationAccess,
  findRole,
  INVITATION_SECRET_OUTPUTS,
  GUARD_TYPE,
  INVITATION_TYPE,
  REMOVAL_TYPE,
  ROSTER_TYPE,
  ROLE_FUNCTION,
  ROLES_FUNCTION,
  failuresOf,
  parseFields,
  text,
  uuid,
  QoveryInvitationsError,
  UnknownRoleError,
  withoutUndefined,
  connect,
  type ConfigSource,
  type QoveryConnection,
} from "../../core";
import { importInvitation } from "../invitation/import";
import { createRuntime } from "../runtime";
import type { CheckFailure, ResourceEntry } from "../shared/resource";
import { packageSchema } from "./schema";

type Plain = Record<string, unknown>;

/**
 * The dynamic provider's own input, left in the state of a person moved from the dynamic class
 * to this one (through the alias): not a property of the resource, so not kept.
 */
function withoutDynamicProvider({ __provider: _provider, ...properties }: Plain): Plain {
  return properties;
}

/** The prefix of the dynamic provider's stack-config keys, which core's settings read. */
const DYNAMIC_CONFIG_PREFIX = "qovery:";

/**
 * The provider's config (`qovery-invitations:apiToken` in a stack, or the explicit provider's
 * arguments) under the keys core's settings read (`qovery:apiToken`): the two providers share
 * one resolution of settings, environment fallback included.
 */
export function configSource(args: Plain): ConfigSource {
  return {
    get(key) {
      if (!key.startsWith(DYNAMIC_CONFIG_PREFIX)) return undefined;
      const value = args[key.slice(DYNAMIC_CONFIG_PREFIX.length)];
      return value === undefined || value === null ? undefined : String(value);
    },
  };
}

const UPGRADE_ADVICE = "Upgrade the plugin: npm install pulumi-qovery-invitations@latest where it is installed.";

/** A type or function this plugin does not serve: the program, its SDK or the state is newer than the plugin. */
export class UnsupportedError extends QoveryInvitationsError {
  constructor(kind: "resource" | "function", token: string) {
    const what = kind === "resource" ? "This plugin has no resource" : "This plugin has no function";
    super({
      code: "UNSUPPORTED",
      subject: token,
      message: `${what} ${token}. ${UPGRADE_ADVICE}`,
      advice: UPGRADE_ADVICE,
    });
    this.name = "UnsupportedError";
  }
}

/** The functions' arguments: an organization (`getOrganizationRoles`, `getOrganizationAccess`), and a role's name (`getOrganizationRole`). */
const ORGANIZATION_ARGUMENTS = { organizationId: uuid("the organization's UUID") };
const ROLE_LOOKUP_ARGUMENTS = { ...ORGANIZATION_ARGUMENTS, name: text('a role name such as "admin" or "viewer"') };

export function nativeHandlers(version: string, env: NodeJS.ProcessEnv = process.env) {
  const runtime = createRuntime(env, "native");
  const invitation = runtime.resources.invitation;
  /** The registry entry of each type the plugin serves: the invitation, and the roster's own children. */
  const byType: Record<string, ResourceEntry> = {
    [INVITATION_TYPE]: invitation,
    [REMOVAL_TYPE]: runtime.resources.removal,
    [GUARD_TYPE]: runtime.resources.rosterGuard,
  };
  const entry = (type: string): ResourceEntry => {
    const found = byType[type];
    if (!found) throw new UnsupportedError("resource", type);
    return found;
  };

  return {
    schema: () => JSON.stringify(packageSchema(version)),
    secretOutputs: INVITATION_SECRET_OUTPUTS,

    expectComponent(type: string): void {
      if (type !== ROSTER_TYPE) throw new UnsupportedError("resource", type);
    },

    configure(args: Plain): void {
      runtime.configure(configSource(args));
    },

    /** A client on the configured settings, for the roster's read of its organization (Construct). */
    connection: (): QoveryConnection => connect(runtime.settings(), "native"),

    async check(type: string, olds: Plain, news: Plain) {
      return entry(type).check(olds, news);
    },

    async diff(type: string, id: string, olds: Plain, news: Plain) {
      return entry(type).diff(id, withoutDynamicProvider(olds), news);
    },

    async create(type: string, inputs: Plain) {
      const { id, outs } = await entry(type).create(inputs);
      return { id, properties: withoutUndefined(outs ?? {}) };
    },

    /** A refresh (the state in `properties`) or an import (no state, only the id). */
    async read(type: string, id: string, properties: Plain, inputs: Plain): Promise<{ id: string; properties: Plain; inputs: Plain }> {
      if (type === INVITATION_TYPE && Object.keys(properties).length === 0) {
        const found = await importInvitation(runtime.context(), id);
        return { id: found.id, properties: found.props, inputs: found.inputs };
      }
      const result = await entry(type).read(id, withoutDynamicProvider(properties));
      if (!result.id || !result.props) return { id: "", properties: {}, inputs: {} };
      return { id: result.id, properties: result.props, inputs: withoutDynamicProvider(inputs) };
    },

    async update(type: string, id: string, olds: Plain, news: Plain) {
      const { outs } = await entry(type).update(id, withoutDynamicProvider(olds), news);
      return withoutUndefined(outs ?? {});
    },

    async delete(type: string, id: string, properties: Plain): Promise<void> {
      await entry(type).delete(id, withoutDynamicProvider(properties));
    },

    /** A function: its result, or the failures of its arguments by name. */
    async invoke(token: string, args: Plain): Promise<{ result?: Plain; failures: CheckFailure[] }> {
      if (token === ACCESS_FUNCTION) {
        const parsed = parseFields(ORGANIZATION_ARGUMENTS, args);
        if (!parsed.success) return { failures: failuresOf(parsed.issues) };
        const access = await fetchOrganizationAccess(runtime.context().client, parsed.data.organizationId);
        return {
          result: { ...access, members: access.members.map(withoutUndefined), invitations: access.invitations.map(withoutUndefined) },
          failures: [],
        };
      }
      if (token === ROLES_FUNCTION) {
        const parsed = parseFields(ORGANIZATION_ARGUMENTS, args);
        if (!parsed.success) return { failures: failuresOf(parsed.issues) };
        const roles = await runtime.context().roles.current(parsed.data.organizationId);
        return { result: { roles: roles.map(({ id, name }) => ({ id, name })) }, failures: [] };
      }
      if (token === ROLE_FUNCTION) {
        const parsed = parseFields(ROLE_LOOKUP_ARGUMENTS, args);
        if (!parsed.success) return { failures: failuresOf(parsed.issues) };
        const { organizationId, name } = parsed.data;
        const roles = await runtime.context().roles.current(organizationId);
        const request = { by: "name" as const, roleName: name };
        const role = findRole(roles, request);
        if (!role) throw new UnknownRoleError(request, organizationId, roles);
        return { result: { id: role.id, name: role.name }, failures: [] };
      }
      throw new UnsupportedError("function", token);
    },
  };
}

export type NativeHandlers = ReturnType<typeof nativeHandlers>;
