/**
 * The shapes the lifecycle works on. Inputs are what a program declares (after `check`);
 * outputs are what the state holds. Pulumi hands `diff`, `read`, `update` and `delete` the
 * old *outputs*, so every output that a later decision needs is kept there.
 */
import { normalizeEmail, type InvitationStatus, type LegacyRole, type OnDelete, type OnExpired } from "../../core";

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

export function resourceId(organizationId: string, email: string): string {
  return `${organizationId}/${normalizeEmail(email)}`;
}
