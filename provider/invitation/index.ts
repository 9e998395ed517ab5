/**
 * The OrganizationInvitation resource as the plugin runs it (sdk/shim.ts delegates here): the
 * lifecycle functions of this folder, handed the engine's values parsed (state.ts) and the
 * provider process's context and settings, both read at call time.
 */
import { INVITATION_ROLE_INPUTS, namingEmail, type ProviderSettings } from "../../core";
import type { LifecycleContext } from "../shared/context";
import type { CheckResult, Props, ResourceEntry } from "../shared/resource";
import { check as checkInputs } from "./check";
import { create } from "./create";
import { remove } from "./delete";
import { diff } from "./diff";
import { checkDowngradeRole } from "./on-delete";
import { takeProgramRoles } from "./program-roles";
import { read } from "./read";
import { checkRole, type RoleCheckContext } from "./role-check";
import { invitationDiffState, invitationInputs, invitationState } from "./state";
import { update } from "./update";

/** Fields whose own failure makes the role check meaningless. */
const ROLE_CHECK_FIELDS = ["organizationId", ...INVITATION_ROLE_INPUTS];

/** Errors of shared lists (roles, members, invitations) name the email of the resource at hand. */
function forEmail(email: string): (error: unknown) => never {
  return (error) => {
    throw namingEmail(error, email);
  };
}

export function invitationProvider(context: () => LifecycleContext, settings: () => ProviderSettings) {
  const warned = new Set<string>();
  /** A warning said once per provider process (one Pulumi command), however many resources meet it. */
  const warnOnce = (message: string): void => {
    if (warned.has(message)) return;
    warned.add(message);
    console.warn(`warning: ${message}`);
  };
  const roleCheckContext = (): RoleCheckContext => {
    const { problems, apiToken } = settings();
    if (problems.length === 0 && !apiToken) {
      return { unavailable: "no API token (qovery:apiToken or QOVERY_API_TOKEN) is available to this command" };
    }
    return context();
  };

  return {
    async check(_olds: Props, news: Props): Promise<CheckResult> {
      const { asks, rest } = takeProgramRoles(news);
      const { inputs, valid, failures } = checkInputs(rest);
      if (failures.some((failure) => ROLE_CHECK_FIELDS.includes(failure.property))) return { inputs, failures };
      const roleFailures = await checkRole(roleCheckContext(), valid, asks, warnOnce);
      return { inputs, failures: [...failures, ...roleFailures] };
    },
    async diff(_id: string, olds: Props, news: Props) {
      return diff(invitationDiffState(olds), news);
    },
    async create(inputs: Props) {
      const ctx = context();
      const declared = invitationInputs(inputs);
      return checkDowngradeRole(ctx, declared)
        .then(() => create(ctx, declared))
        .catch(forEmail(declared.email));
    },
    async read(id: string, props: Props) {
      const recorded = invitationState(props);
      return read(context(), id, recorded).catch(forEmail(recorded.email));
    },
    async update(_id: string, olds: Props, news: Props) {
      const ctx = context();
      const declared = invitationInputs(news);
      const recorded = invitationState(olds);
      return checkDowngradeRole(ctx, declared)
        .then(() => update(ctx, recorded, declared))
        .catch(forEmail(recorded.email));
    },
    async delete(_id: string, props: Props): Promise<void> {
      const recorded = invitationState(props);
      return remove(context(), recorded).catch(forEmail(recorded.email));
    },
  } satisfies ResourceEntry;
}
