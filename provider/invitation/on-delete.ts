/**
 * onDelete: what deleting an OrganizationInvitation does to the person (removing it from the
 * program, or `pulumi destroy`):
 * - `remove` (default): a pending or expired invitation is cancelled, an accepted member removed;
 * - `downgrade`: a pending or expired invitation is cancelled, an accepted member keeps their
 *   access with the role `downgradeRoleName` (default `viewer`), like GitHub's
 *   `downgrade_on_destroy`.
 * Both are inputs recorded in the outputs, because Pulumi hands delete the old outputs only.
 */
import { UnknownDowngradeRoleError, UnknownRoleError, type OnDelete, type Role } from "../../core";
import type { LifecycleContext } from "../shared/context";
import { resolveRole } from "../shared/resolve-role";

/** Checked offline with every other input (check.ts); downgradeRoleName is defaulted there under `downgrade`. */
interface OnDeleteInputs {
  onDelete?: OnDelete;
  downgradeRoleName?: string;
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
