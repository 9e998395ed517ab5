/**
 * Access review: who has access to a Qovery organization (every member and every invitation),
 * and which of that access a roster does not declare. Shared by the `getOrganizationAccess`
 * lookup, OrganizationRoster's `unmanaged` option and the `review` command.
 *
 * How an entry stands (`access`), decided by `reviewAccess`, a pure function:
 * - `declared`: its email is in the roster (emails compare case-insensitively);
 * - `owner`: the organization owner, not declared. Listed, never a finding and never removed:
 *   every organization has one, and the API can neither remove it nor change its role;
 * - `kept`: not declared, but in the `keep` list: listed, never a finding, never touched;
 * - `undeclared`: a finding. A member may appear several times with one email (one per identity
 *   provider): each is reported;
 * - `unreviewed`: no roster to compare with (the review command without `--roster`).
 * A member is flagged `tokenMember` when the API token is a JWT naming it (see
 * core/token.ts): still a finding if undeclared, but never removed. For an
 * organization API token this cannot be told.
 *
 * Pulumi-free like all of core/, so that the review command starts fast and runs where only this
 * package is installed; the lookup for programs is sdk/access-lookup.ts.
 */

import type { QoveryClient } from "./client/client";
import type { Invitation, Member } from "./client/wire";
import { normalizeEmail } from "./identifiers";
import { isOwner } from "./people";
import { isTokenMember, type TokenIdentity } from "./token";
import { valuesOf } from "./definitions/field";
import { withoutUndefined } from "./without-undefined";

export interface AccessMember {
  /** The identity-provider subject Qovery uses as the member id, such as `github|12345`. */
  id: string;
  email: string;
  roleName?: string;
  /** When the member was last active (ISO 8601), as Qovery reports it. */
  lastActivityAt?: string;
  createdAt?: string;
  name?: string;
  /** The organization owner: never removed. */
  owner: boolean;
}

export interface AccessInvitation {
  id: string;
  email: string;
  roleName?: string;
  status: "PENDING" | "EXPIRED";
  /** Who sent it, as Qovery reports it. */
  inviter?: string;
  createdAt?: string;
}

/** Everyone who has, or has been offered, access. Invitation links (secrets) are left out. */
export interface OrganizationAccess {
  organizationId: string;
  members: AccessMember[];
  invitations: AccessInvitation[];
}

export type AccessStanding = "declared" | "undeclared" | "owner" | "kept" | "unreviewed";

export interface ReviewedMember extends AccessMember {
  access: AccessStanding;
  /** The member the API token belongs to (a JWT naming it): never removed. */
  tokenMember?: boolean;
}

export interface ReviewedInvitation extends AccessInvitation {
  access: AccessStanding;
}

export interface AccessReview {
  organizationId: string;
  members: ReviewedMember[];
  invitations: ReviewedInvitation[];
}

export interface ReviewOptions {
  /** The emails the roster declares. Omitted: nothing is compared, entries are `unreviewed`. */
  declared?: Iterable<string>;
  /** Emails that are never a finding and never touched. */
  keep?: Iterable<string>;
  /** Who the API token belongs to, if it can be told. */
  token?: TokenIdentity;
}

function byEmailThenId(a: { email: string; id: string }, b: { email: string; id: string }): number {
  return normalizeEmail(a.email).localeCompare(normalizeEmail(b.email)) || a.id.localeCompare(b.id);
}

/** What the review reports of a member and of an invitation, as Qovery lists them. */
const MEMBER_FIELDS = ["id", "email", "roleName", "lastActivityAt", "createdAt", "name"] as const;
const INVITATION_FIELDS = ["id", "email", "roleName", "status", "inviter", "createdAt"] as const;

function toAccessMember(member: Member): AccessMember {
  return withoutUndefined({ ...valuesOf(member, MEMBER_FIELDS), owner: isOwner(member) });
}

function toAccessInvitation(invitation: Invitation): AccessInvitation {
  return withoutUndefined(valuesOf(invitation, INVITATION_FIELDS));
}

/** Lists the organization's members and invitations with the given client. */
export async function fetchOrganizationAccess(client: QoveryClient, organizationId: string): Promise<OrganizationAccess> {
  const [members, invitations] = await Promise.all([client.listMembers(organizationId), client.listInvitations(organizationId)]);
  return {
    organizationId,
    members: members.map(toAccessMember).sort(byEmailThenId),
    invitations: invitations.map(toAccessInvitation).sort(byEmailThenId),
  };
}

/** Compares the organization's access with what a roster declares. Pure: no API call. */
export function reviewAccess(access: OrganizationAccess, options: ReviewOptions = {}): AccessReview {
  const declared = options.declared === undefined ? undefined : new Set([...options.declared].map(normalizeEmail));
  const keep = new Set([...(options.keep ?? [])].map(normalizeEmail));
  const standing = (email: string, owner: boolean): AccessStanding => {
    const normalized = normalizeEmail(email);
    if (declared?.has(normalized)) return "declared";
    if (owner) return "owner";
    if (keep.has(normalized)) return "kept";
    return declared === undefined ? "unreviewed" : "undeclared";
  };
  return {
    organizationId: access.organizationId,
    members: access.members.map((member) => {
      const reviewed: ReviewedMember = { ...member, access: standing(member.email, member.owner) };
      if (isTokenMember(options.token, member)) reviewed.tokenMember = true;
      return reviewed;
    }),
    invitations: access.invitations.map((invitation) => ({ ...invitation, access: standing(invitation.email, false) })),
  };
}

/** The findings: access that is neither declared, nor the owner's, nor kept. */
export function undeclaredAccess(review: AccessReview): { members: ReviewedMember[]; invitations: ReviewedInvitation[] } {
  return {
    members: review.members.filter((member) => member.access === "undeclared"),
    invitations: review.invitations.filter((invitation) => invitation.access === "undeclared"),
  };
}

/** What an authoritative roster removes: the findings, except the member the token belongs to. */
export function removableAccess(review: AccessReview): { members: ReviewedMember[]; invitations: ReviewedInvitation[] } {
  const { members, invitations } = undeclaredAccess(review);
  return { members: members.filter((member) => !member.tokenMember), invitations };
}

/** Everything not declared (findings, the owner, the keep list): what a roster's outputs list. */
export function unmanagedAccess(review: AccessReview): { members: ReviewedMember[]; invitations: ReviewedInvitation[] } {
  return {
    members: review.members.filter((member) => member.access !== "declared"),
    invitations: review.invitations.filter((invitation) => invitation.access !== "declared"),
  };
}

/** `member eve@example.com (admin, github|4242, last active 2025-06-01T10:00Z)` */
export function describeMember(member: AccessMember & { tokenMember?: boolean }): string {
  const details = [
    member.roleName ?? "no role",
    member.id,
    member.lastActivityAt ? `last active ${shortDate(member.lastActivityAt)}` : undefined,
    member.tokenMember ? "the API token's member: never removed" : undefined,
  ];
  return `member ${member.email} (${details.filter(Boolean).join(", ")})`;
}

/** `invitation mallory@example.com (viewer, PENDING, sent by Fake Admin 2025-06-01T10:00Z)` */
export function describeInvitation(invitation: AccessInvitation): string {
  const sent = [
    invitation.inviter ? `sent by ${invitation.inviter}` : "sent",
    invitation.createdAt ? shortDate(invitation.createdAt) : undefined,
  ];
  return `invitation ${invitation.email} (${[invitation.roleName ?? "no role", invitation.status, sent.filter(Boolean).join(" ")].join(", ")})`;
}

/** One line per member, then one per invitation, as describeMember and describeInvitation word them. */
export function describeAccess(access: {
  members: (AccessMember & { tokenMember?: boolean })[];
  invitations: AccessInvitation[];
}): string[] {
  return [...access.members.map(describeMember), ...access.invitations.map(describeInvitation)];
}

/** An ISO 8601 date to the minute, `2025-06-01T10:00Z`; anything else as is. */
export function shortDate(iso: string): string {
  const time = Date.parse(iso);
  return Number.isNaN(time) ? iso : `${new Date(time).toISOString().slice(0, 16)}Z`;
}
