/**
 * The shapes the lifecycle works on, derived from the resource's definition
 * (core/definitions/invitation.ts). Inputs are what a program declares (after `check`); outputs
 * are what the state holds. Pulumi hands `diff`, `read`, `update` and `delete` the old
 * *outputs*, so every output that a later decision needs is kept there.
 */
import { normalizeEmail } from "../../core";

export type { InvitationInputs, InvitationOutputs } from "../../core";

export function resourceId(organizationId: string, email: string): string {
  return `${organizationId}/${normalizeEmail(email)}`;
}
