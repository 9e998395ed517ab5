/**
 * Naming a role: the three ways a program can ask for one (roleId, roleName, the deprecated
 * `role` enum), and finding it in an organization's roles. Role ids differ per organization, so
 * names are looked up, never hard-coded. An unknown role fails with the list of valid names.
 *
 * The owner's role is apart: every organization has one owner, whom Qovery neither invites nor
 * lets anyone become through the API, and whose role the role list may or may not name. Asking
 * for it is declaring the owner as they are (see asksForOwner).
 */
import type { Role } from "./client/wire";
import { isUnknown } from "./contract";
import { QoveryInvitationsError } from "./errors";

/** The deprecated `role` enum (Qovery's old one; use roleName) and the role name each stands for today. */
export const LEGACY_ROLES = { ADMIN: "admin", DEVELOPER: "devops", VIEWER: "viewer", OWNER: "owner" } as const;
export type LegacyRole = keyof typeof LEGACY_ROLES;

/** The role a program asks for, in whichever of the three forms it used. */
export type RoleRequest = { by: "id"; roleId: string } | { by: "name"; roleName: string };

/** The role input a resource uses, the request it makes, and whether its value is not known yet (preview). */
interface RoleInput {
  property: "roleId" | "roleName" | "role";
  request: RoleRequest;
  unknown: boolean;
}

/**
 * The one rule of which role input wins, and what it asks for: roleId, else roleName, else the
 * deprecated role (read as the name it stands for today). Undefined when none is given.
 */
export function roleInputOf(inputs: { roleId?: unknown; roleName?: unknown; role?: unknown }): RoleInput | undefined {
  const { roleId, roleName, role } = inputs;
  if (typeof roleId === "string") return { property: "roleId", request: { by: "id", roleId }, unknown: isUnknown(roleId) };
  if (typeof roleName === "string") return { property: "roleName", request: { by: "name", roleName }, unknown: isUnknown(roleName) };
  if (typeof role === "string") {
    const name = LEGACY_ROLES[role.trim().toUpperCase() as LegacyRole];
    return { property: "role", request: { by: "name", roleName: name ?? role }, unknown: isUnknown(role) };
  }
  return undefined;
}

/** The role checked inputs ask for. */
export function roleRequestOf(inputs: { roleId?: string; roleName?: string; role?: LegacyRole }): RoleRequest {
  const asked = roleInputOf(inputs);
  if (!asked) throw new MissingRoleError();
  return asked.request;
}

/** Checked inputs always name a role; this is a bug, not a user's mistake. */
export class MissingRoleError extends QoveryInvitationsError {
  constructor() {
    super({
      code: "INVALID_INPUT",
      subject: "roleName",
      message: "One of roleId, roleName or role is required.",
      advice: 'Give the role by name, such as roleName: "admin".',
    });
    this.name = "MissingRoleError";
  }
}

export const OWNER_ROLE = "owner";

export function isOwnerRoleName(name: string | undefined): boolean {
  return name?.trim().toLowerCase() === OWNER_ROLE;
}

/** Whether a request asks for the owner's role: by that name (listed or not), or by the id of a listed role so named. */
export function asksForOwner(roles: Role[], request: RoleRequest): boolean {
  return isOwnerRoleName(request.by === "name" ? request.roleName : findRole(roles, request)?.name);
}

/** Ids compare in any case; names trimmed, in any case. */
export function findRole(roles: Role[], request: RoleRequest): Role | undefined {
  if (request.by === "id") return roles.find((role) => role.id.toLowerCase() === request.roleId.trim().toLowerCase());
  const wanted = request.roleName.trim().toLowerCase();
  return roles.find((role) => role.name.trim().toLowerCase() === wanted);
}

function describeRequest(request: RoleRequest): string {
  return request.by === "id" ? `roleId "${request.roleId}"` : `roleName "${request.roleName}"`;
}

function roleNames(roles: Role[]): string {
  return roles.map((role) => `"${role.name}"`).join(", ") || "(none)";
}

export class UnknownRoleError extends QoveryInvitationsError {
  constructor(request: RoleRequest, organizationId: string, roles: Role[], email?: string) {
    const person = email ? ` for ${email}` : "";
    // Only a role lookup by name reaches here for "owner": declaring the owner never fails.
    const owner =
      request.by === "name" && isOwnerRoleName(request.roleName)
        ? ` Qovery does not list the owner's role: declare the organization owner with roleName "owner" instead of looking it up.`
        : "";
    super({
      code: "UNKNOWN_ROLE",
      subject: `${describeRequest(request)}${person}`,
      message: `Unknown ${describeRequest(request)}${person} in organization ${organizationId}. The organization's roles are: ${roleNames(roles)}.${owner}`,
      advice: owner.trim() || `Use one of the organization's roles (any case): ${roleNames(roles)}.`,
    });
    this.name = "UnknownRoleError";
  }
}

/**
 * The owner's role asked for someone who is not the owner: Qovery can neither invite anyone as
 * owner nor hand the ownership over, so the request could never be carried out.
 */
export class NotTheOwnerError extends QoveryInvitationsError {
  constructor(request: RoleRequest, organizationId: string, roles: Role[], email: string, owners: string[]) {
    const owner = owners.length > 0 ? ` (${owners.join(", ")})` : "";
    const others = roles.filter((role) => !isOwnerRoleName(role.name));
    const advice = `Use one of the organization's other roles: ${roleNames(others)}.`;
    super({
      code: "NOT_THE_OWNER",
      subject: `${describeRequest(request)} for ${email}`,
      message:
        `${describeRequest(request)} for ${email} in organization ${organizationId}: only the organization owner${owner} can be declared with the role "owner"; ` +
        `Qovery can neither invite anyone as owner nor hand the ownership over (transfer it in the Qovery console, then declare the new owner). ${advice}`,
      advice,
    });
    this.name = "NotTheOwnerError";
  }
}

/** An unknown role given as downgradeRoleName (onDelete "downgrade"). */
export class UnknownDowngradeRoleError extends QoveryInvitationsError {
  constructor(cause: UnknownRoleError) {
    super({
      code: "UNKNOWN_ROLE",
      subject: "downgradeRoleName",
      message: `downgradeRoleName: ${cause.message}`,
      advice: cause.advice,
      cause,
    });
    this.name = "UnknownDowngradeRoleError";
  }
}
