/**
 * diff: decides between no change, an in-place update and a replacement, from the old outputs
 * and the new (checked) inputs alone; it never calls Qovery. `__provider` is ignored, so a
 * package upgrade is never a change.
 *
 * The rules come from the resource's definition (core/definitions/invitation.ts):
 * - organizationId or email changed: replace (the invitation belongs to one person in one org).
 * - role changed while the invitation is pending or expired: replace, because Qovery cannot
 *   change the role of an invitation; delete first, because Qovery answers 409 to a second
 *   pending invitation for the same email.
 * - role changed once accepted: update in place (the member's role is changed).
 * - onExpired, onDelete or downgradeRoleName changed: update in place, no API call.
 * - onExpired "reissue" and the last refresh saw EXPIRED: replace; "fail": refuse to go on.
 *
 * Unknown values (preview) are answered conservatively: a possible replacement.
 */
import {
  INVITATION_ABSENT_MEANS,
  INVITATION_REPLACES_ON_CHANGE,
  INVITATION_UPDATES_IN_PLACE,
  isUnknown,
  QoveryInvitationsError,
  roleInputOf,
} from "../../core";
import type { DiffResult } from "../shared/resource";
import { type InvitationOutputs } from "./model";

export class ExpiredInvitationError extends QoveryInvitationsError {
  constructor(email: string, organizationId: string) {
    const advice = `Set onExpired to "reissue" to send a new invitation, or remove the person from the program.`;
    super({
      code: "INVITATION_EXPIRED",
      subject: `organization ${organizationId}, email ${email}`,
      message: `The invitation of ${email} to organization ${organizationId} has expired and onExpired is "fail". ${advice}`,
      advice,
    });
    this.name = "ExpiredInvitationError";
  }
}

export function diff(olds: Partial<InvitationOutputs>, news: Record<string, unknown>): DiffResult {
  const replaces: string[] = [];
  const updates: string[] = [];

  for (const name of INVITATION_REPLACES_ON_CHANGE) if (changed(olds[name], news[name])) replaces.push(name);

  const roleKey = roleChange(olds, news);
  if (roleKey) (olds.invitationStatus === "ACCEPTED" ? updates : replaces).push(roleKey);

  for (const name of INVITATION_UPDATES_IN_PLACE) {
    const absent = INVITATION_ABSENT_MEANS[name];
    if (changed(olds[name] ?? absent, news[name] ?? absent)) updates.push(name);
  }
  const onExpired = news.onExpired ?? INVITATION_ABSENT_MEANS.onExpired;

  if (olds.invitationStatus === "EXPIRED" && replaces.length === 0) {
    if (onExpired === "fail") throw new ExpiredInvitationError(String(olds.email), String(olds.organizationId));
    if (onExpired === "reissue") replaces.push("invitationStatus");
  }

  const emailKept = !replaces.includes("email");
  return {
    changes: replaces.length + updates.length > 0,
    replaces,
    deleteBeforeReplace: replaces.length > 0 && emailKept,
  };
}

function changed(old: unknown, value: unknown): boolean {
  if (isUnknown(value)) return true;
  const normalize = (v: unknown) => (typeof v === "string" ? v.toLowerCase() : v);
  return normalize(old) !== normalize(value);
}

/** The name of the role input that asks for another role than the one in state, if any. */
function roleChange(olds: Partial<InvitationOutputs>, news: Record<string, unknown>): string | undefined {
  const asked = roleInputOf(news);
  if (!asked) return undefined;
  const { request } = asked;
  const differs = request.by === "id" ? changed(olds.roleId, request.roleId) : changed(olds.roleName, request.roleName);
  return differs ? asked.property : undefined;
}
