/**
 * Finding a person in Qovery's lists. Emails are compared case-insensitively (casing can change
 * on acceptance) and are not unique among members: one person may appear once per identity
 * provider, so every match is returned, the most recent first.
 */
import type { Invitation, Member } from "./client/wire";
import { normalizeEmail, sameEmail } from "./identifiers";
import { isOwnerRoleName } from "./role-requests";

export function membersWithEmail<M extends Member>(members: M[], email: string): M[] {
  // Ties broken by id, so that every caller (create, refresh, export) picks the same identity whatever the list's order.
  return members
    .filter((member) => sameEmail(member.email, email))
    .sort((a, b) => (b.createdAt ?? "").localeCompare(a.createdAt ?? "") || a.id.localeCompare(b.id));
}

/** The pending invitation for an email, if any (Qovery allows at most one). */
export function pendingInvitationFor(invitations: Invitation[], email: string): Invitation | undefined {
  return invitations.find((invitation) => invitation.status === "PENDING" && sameEmail(invitation.email, email));
}

/** The expired invitations of an email: Qovery keeps them until they are cancelled. */
export function expiredInvitationsFor(invitations: Invitation[], email: string): Invitation[] {
  return invitations.filter((invitation) => invitation.status === "EXPIRED" && sameEmail(invitation.email, email));
}

/** The organization owner can be neither removed nor given another role through the API. */
export function isOwner(member: Member): boolean {
  return isOwnerRoleName(member.roleName);
}

/** The owner's member among the identities of an email, if the email is the owner's. */
export function ownerWithEmail<M extends Member>(members: M[], email: string): M | undefined {
  return membersWithEmail(members, email).find(isOwner);
}

/** The emails (lower case) of the organization owner's identities. */
export function ownerEmails(members: Member[]): string[] {
  return [...new Set(members.filter(isOwner).map((member) => normalizeEmail(member.email)))];
}
