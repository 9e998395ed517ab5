/**
 * The shapes the lifecycle works on. Inputs are what a program declares (after `check`);
 * outputs are what the state holds. Pulumi hands `diff`, `read`, `update` and `delete` the
 * old *outputs*, so every output that a later decision needs is kept there.
 */
import type { OnDelete } from "./on-delete";

/**
 * What Pulumi sends for a value not known yet (during preview): `pulumi.runtime.unknownValue`,
 * copied so that the command line, which shares this module, does not load @pulumi/pulumi
 * (tests/lifecycle/state.test.ts holds the two equal).
 */
export const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

export function isUnknown(value: unknown): boolean {
  return value === UNKNOWN;
}

export const ON_EXPIRED_POLICIES = ["keep", "reissue", "fail"] as const;
export type OnExpired = (typeof ON_EXPIRED_POLICIES)[number];

/** The deprecated `role` enum and the role name each stands for today. */
export const LEGACY_ROLES = { ADMIN: "admin", DEVELOPER: "devops", VIEWER: "viewer", OWNER: "owner" } as const;
export type LegacyRole = keyof typeof LEGACY_ROLES;

export interface InvitationInputs {
  organizationId: string;
  /** Trimmed and lower-cased by check. */
  email: string;
  roleId?: string;
  roleName?: string;
  /** @deprecated Use roleName. */
  role?: LegacyRole;
  onExpired: OnExpired;
  /** What a deletion does: `remove` (absent: the default) or `downgrade` to downgradeRoleName. */
  onDelete?: OnDelete;
  downgradeRoleName?: string;
}

export type InvitationStatus = "PENDING" | "EXPIRED" | "ACCEPTED";

export interface InvitationOutputs {
  organizationId: string;
  email: string;
  onExpired: OnExpired;
  /** Recorded for delete, which is handed the old outputs only. */
  onDelete?: OnDelete;
  downgradeRoleName?: string;
  role?: LegacyRole;
  /** The role resolved from roleId, roleName or role. */
  roleId: string;
  roleName: string;
  invitationStatus: InvitationStatus;
  invitationId?: string;
  /** Secret: whoever opens it logged in joins the organization. */
  invitationLink?: string;
  inviter?: string;
  createdAt?: string;
  organizationName?: string;
  /** Set once the person is a member (accepted, or adopted as an existing member). */
  memberId?: string;
  /** When this provider last changed the member's role; the member list lags behind it. */
  roleChangedAt?: string;
}

/** The role a program asks for, in whichever of the three forms it used. */
export type RoleRequest = { by: "id"; roleId: string } | { by: "name"; roleName: string };

export function roleRequestOf(inputs: Pick<InvitationInputs, "roleId" | "roleName" | "role">): RoleRequest {
  if (inputs.roleId !== undefined) return { by: "id", roleId: inputs.roleId };
  if (inputs.roleName !== undefined) return { by: "name", roleName: inputs.roleName };
  if (inputs.role !== undefined) return { by: "name", roleName: LEGACY_ROLES[inputs.role] };
  throw new Error("One of roleId, roleName or role is required.");
}

export function resourceId(organizationId: string, email: string): string {
  return `${organizationId}/${email.toLowerCase()}`;
}

export function sameEmail(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}
