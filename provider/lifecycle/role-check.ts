/**
 * The half of check that asks Qovery: does the role a resource asks for (and the role
 * `onDelete: "downgrade"` would give) exist in its organization? A typo then fails `pulumi preview`, on the role's field and naming the person,
 * instead of failing `pulumi up` halfway. Every resource of the program is checked in the same
 * preview, against one roles request per organization (the command's copy, Directory.current),
 * which create then reuses.
 *
 * It is skipped, with a warning, where it cannot be done: no API token at preview time (a pull
 * request from a fork gets no secrets), or an organization or role not known yet. create checks
 * the role again either way. Every other failure (a token without rights, an unknown
 * organization, an API that keeps failing) fails the preview with the same error `up` would give.
 */
import {
  findRole,
  isUnknown,
  LEGACY_ROLES,
  type LegacyRole,
  namingEmail,
  type ProgramRoleAsk,
  type Role,
  type RoleRequest,
  UnknownRoleError,
} from "../../core";
import type { CheckFailure } from "./check";
import type { LifecycleContext } from "./context";
import { whoAsks } from "./program-roles";

/** Why the roles could not be checked, or the context to check them with. */
export type RoleCheckContext = LifecycleContext | { unavailable: string };

export async function checkRole(
  source: RoleCheckContext,
  inputs: Record<string, unknown>,
  programAsks: ProgramRoleAsk[],
  warnOnce: (message: string) => void,
): Promise<CheckFailure[]> {
  const asked = roleAsked(inputs);
  if (!asked) return [];
  if ("unavailable" in source) {
    warnOnce(`Roles were not checked against Qovery: ${source.unavailable}. \`pulumi up\` checks each role before inviting.`);
    return [];
  }
  const { organizationId, email } = inputs;
  if (typeof organizationId !== "string" || isUnknown(organizationId) || asked.unknown) {
    warnOnce(
      "Roles were not checked against Qovery for resources whose organizationId or role is not known until `pulumi up`; " +
        "`pulumi up` checks each role before inviting.",
    );
    return [];
  }
  const person = typeof email === "string" ? email : undefined;
  const roles = await source.roles.current(organizationId).catch((error: unknown) => {
    throw namingEmail(error, person);
  });
  const failures: CheckFailure[] = [];
  if (!findRole(roles, asked.request)) {
    const reason = new UnknownRoleError(asked.request, organizationId, roles, person).message;
    failures.push({ property: asked.property, reason: reason + everyUnknownAsk(programAsks, roles, organizationId) });
  }
  const { onDelete, downgradeRoleName } = inputs;
  if (onDelete === "downgrade" && typeof downgradeRoleName === "string" && !isUnknown(downgradeRoleName)) {
    const request = { by: "name" as const, roleName: downgradeRoleName };
    if (!findRole(roles, request)) {
      failures.push({ property: "downgradeRoleName", reason: new UnknownRoleError(request, organizationId, roles, person).message });
    }
  }
  return failures;
}

/**
 * The engine stops at this first invalid resource, so its failure names every role of the
 * program that the organization does not have, with who asks for it.
 */
function everyUnknownAsk(asks: ProgramRoleAsk[], roles: Role[], organizationId: string): string {
  const unknown = asks.flatMap((ask) => {
    const asked = roleAsked(ask);
    if (!asked || asked.unknown || findRole(roles, asked.request)) return [];
    return [`${asked.property} "${String(ask[asked.property as keyof ProgramRoleAsk])}" (${whoAsks(ask)})`];
  });
  if (unknown.length === 0) return "";
  return ` Every role this program asks for that organization ${organizationId} does not have: ${unknown.join("; ")}.`;
}

/** The role input the resource uses, or undefined when check already failed it. */
function roleAsked(inputs: {
  roleId?: unknown;
  roleName?: unknown;
  role?: unknown;
}): { property: string; request: RoleRequest; unknown: boolean } | undefined {
  const { roleId, roleName, role } = inputs;
  if (typeof roleId === "string") return { property: "roleId", request: { by: "id", roleId }, unknown: isUnknown(roleId) };
  if (typeof roleName === "string") return { property: "roleName", request: { by: "name", roleName }, unknown: isUnknown(roleName) };
  if (typeof role === "string") {
    const name = LEGACY_ROLES[role.trim().toUpperCase() as LegacyRole];
    return { property: "role", request: { by: "name", roleName: name ?? role }, unknown: isUnknown(role) };
  }
  return undefined;
}
