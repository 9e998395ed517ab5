/**
 * What the program side (sdk/) and the plugin side (provider/) agree on about a resource's
 * inputs: the policies and their values, the marker of a value not known yet, the internal input
 * that carries the program's role requests, and the keys that name a removal.
 */
import { z } from "zod";
import { normalizeEmail } from "./identifiers";
import { isOwnerRoleName } from "./role-requests";

/**
 * What Pulumi sends for a value not known yet (during preview): `pulumi.runtime.unknownValue`,
 * copied so that the command line, which shares this module, does not load @pulumi/pulumi
 * (tests/lifecycle/state.test.ts holds the two equal).
 */
export const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

export function isUnknown(value: unknown): boolean {
  return value === UNKNOWN;
}

/** What a refresh that sees an invitation expired leads to. */
export const ON_EXPIRED_POLICIES = ["keep", "reissue", "fail"] as const;
export type OnExpired = (typeof ON_EXPIRED_POLICIES)[number];

/** What deleting an OrganizationInvitation does to an accepted member (see provider/invitation/on-delete.ts). */
export const ON_DELETE_POLICIES = ["remove", "downgrade"] as const;
export type OnDelete = (typeof ON_DELETE_POLICIES)[number];
export const DEFAULT_DOWNGRADE_ROLE = "viewer";

/**
 * Why this downgradeRoleName cannot go with this onDelete, if it cannot: only with "downgrade"
 * (or one known only at `up`), and never "owner", which Qovery gives to no one.
 */
export function downgradeRoleProblem(onDelete: unknown, downgradeRoleName: string): string | undefined {
  if (onDelete !== "downgrade" && !isUnknown(onDelete)) {
    return `is only used with onDelete "downgrade"; got onDelete "${String(onDelete ?? "remove")}"`;
  }
  if (isOwnerRoleName(downgradeRoleName)) {
    return 'cannot be "owner": Qovery makes no one the owner, and the owner is never downgraded; use a role such as "viewer"';
  }
  return undefined;
}

/** ACCEPTED is this package's word for "the invitation is gone and the person is a member". */
export const INVITATION_STATUSES = ["PENDING", "EXPIRED", "ACCEPTED"] as const;
export type InvitationStatus = (typeof INVITATION_STATUSES)[number];

/**
 * The internal input in which each OrganizationInvitation carries the program's role requests
 * for its organization (sdk/role-asks.ts); check reads and drops it (provider/invitation/role-check.ts).
 */
export const PROGRAM_ROLES_INPUT = "__programRoles";

/** One distinct roleName, roleId or role asked for (exactly one), with up to three of the emails asking and how many people do. */
export const programRoleAskSchema = z
  .object({
    roleName: z.string().optional(),
    roleId: z.string().optional(),
    role: z.string().optional(),
    emails: z.array(z.string()),
    people: z.number(),
  })
  .refine((ask) => [ask.roleName, ask.roleId, ask.role].filter((value) => value !== undefined).length === 1);
export type ProgramRoleAsk = z.output<typeof programRoleAskSchema>;

/**
 * A refusal of a roster's guard (RosterGuard's input `refusals`): the roster input it concerns
 * and why. Values are read as text, whatever the program sent.
 */
export const rosterRefusalSchema = z.object({ property: z.coerce.string(), reason: z.coerce.string() });

export type RemovalKind = "member" | "invitation";

/**
 * The input key of one removal of an UnmanagedAccessRemoval: `remove-member:<email>` or
 * `remove-invitation:<email>`, with `/<id>` when the email alone is ambiguous. The value is the id.
 */
export function removalKey(kind: RemovalKind, email: string, id?: string): string {
  return `remove-${kind}:${normalizeEmail(email)}${id === undefined ? "" : `/${id}`}`;
}
