/**
 * onDelete: what deleting an OrganizationInvitation does to the person (removing it from the
 * program, or `pulumi destroy`):
 * - `remove` (default): a pending or expired invitation is cancelled, an accepted member removed;
 * - `downgrade`: a pending or expired invitation is cancelled, an accepted member keeps their
 *   access with the role `downgradeRoleName` (default `viewer`), like GitHub's
 *   `downgrade_on_destroy`.
 * Both are inputs recorded in the outputs, because Pulumi hands delete the old outputs only.
 */
import type { Role } from "../client/wire";
import type { CheckFailure } from "./check";
import type { LifecycleContext } from "./context";
import { isUnknown } from "./model";
import { resolveRole, UnknownRoleError } from "./roles";

export const ON_DELETE_POLICIES = ["remove", "downgrade"] as const;
export type OnDelete = (typeof ON_DELETE_POLICIES)[number];
export const DEFAULT_DOWNGRADE_ROLE = "viewer";

export interface OnDeleteInputs {
  onDelete?: OnDelete;
  downgradeRoleName?: string;
}

/**
 * Validates onDelete and downgradeRoleName, offline; returns them normalized (downgradeRoleName
 * defaulted under `downgrade`, so the state says which role a deletion gives). Unknowns pass.
 */
export function checkOnDelete(news: Record<string, unknown>, failures: CheckFailure[]): OnDeleteInputs {
  const fail = (property: string, reason: string) => failures.push({ property, reason });
  const given = (value: unknown) => value !== undefined && value !== null && value !== "";
  const onDelete = typeof news.onDelete === "string" ? news.onDelete.trim() : news.onDelete;
  if (given(onDelete) && !isUnknown(onDelete) && !(ON_DELETE_POLICIES as readonly unknown[]).includes(onDelete)) {
    fail("onDelete", `must be one of ${ON_DELETE_POLICIES.join(", ")}; got "${String(news.onDelete)}"`);
  }
  const roleName = typeof news.downgradeRoleName === "string" ? news.downgradeRoleName.trim() : news.downgradeRoleName;
  if (given(roleName)) {
    if (typeof roleName !== "string") fail("downgradeRoleName", 'must be a role name such as "viewer"');
    else if (onDelete !== "downgrade" && !isUnknown(onDelete))
      fail("downgradeRoleName", `is only used with onDelete "downgrade"; got onDelete "${String(onDelete ?? "remove")}"`);
    else if (roleName.toLowerCase() === "owner") fail("downgradeRoleName", 'cannot be "owner": the API does not give the owner role');
  }
  if (onDelete !== "downgrade") return given(onDelete) ? { onDelete: onDelete as OnDelete } : {};
  return { onDelete, downgradeRoleName: given(roleName) ? String(roleName) : DEFAULT_DOWNGRADE_ROLE };
}

export class UnknownDowngradeRoleError extends Error {
  constructor(cause: UnknownRoleError) {
    super(`downgradeRoleName: ${cause.message}`, { cause });
    this.name = "UnknownDowngradeRoleError";
  }
}

/** The role a deletion gives under `downgrade`; fails naming downgradeRoleName when the organization has no such role. */
export async function downgradeRole(ctx: LifecycleContext, organizationId: string, roleName: string): Promise<Role> {
  try {
    return await resolveRole(ctx.roles, organizationId, { by: "name", roleName });
  } catch (error) {
    throw error instanceof UnknownRoleError ? new UnknownDowngradeRoleError(error) : error;
  }
}

/** At create and update: a downgradeRoleName the organization lacks fails before anything is sent. */
export async function checkDowngradeRole(ctx: LifecycleContext, inputs: OnDeleteInputs & { organizationId: string }): Promise<void> {
  if (inputs.onDelete === "downgrade" && inputs.downgradeRoleName !== undefined) {
    await downgradeRole(ctx, inputs.organizationId, inputs.downgradeRoleName);
  }
}
