// In-memory state of the fake: organizations with their roles, members and invitations, and the
// rules Qovery applies to them (docs/qovery-api.md).
//
// Methods used by request handlers throw ApiError (they become HTTP answers); methods used by
// tests to set up or inspect the state throw plain Errors (a misuse of the fake, not an answer).
import { randomBytes, randomInt, randomUUID } from "node:crypto";
import { ApiError } from "./errors";
import { emailSchema, type LegacyRole } from "./schemas";
import type { FakeInvitation, FakeMember, FakeRole, InvitationStatus, MemberInviteAnswer } from "./types";

/**
 * Built-in roles, lowercase as Qovery names them, in the order availableRole lists them.
 * Whether Qovery lists `owner` is unknown (docs/qovery-api.md): by default the fake lists it, because a
 * client must then cope with a role it must not hand out lightly; with `listsOwnerRole: false` it
 * leaves it out, and the owner member keeps a role ("owner", with an id of its own) that the list
 * does not name, so that a client cannot rely on either.
 */
export const BUILT_IN_ROLES = ["admin", "devops", "billing", "viewer", "owner"] as const;
/** One custom role per organization, so clients are tested against non-lowercase names with spaces. */
export const DEFAULT_CUSTOM_ROLE = "Data Scientists";

/** The deprecated `role` enum, derived from the role name; it no longer matches the real roles. */
export function legacyRoleFor(roleName: string): LegacyRole {
  switch (roleName.toLowerCase()) {
    case "admin":
      return "ADMIN";
    case "viewer":
      return "VIEWER";
    case "owner":
      return "OWNER";
    default:
      return "DEVELOPER";
  }
}

/** The role an invite with only the deprecated enum gets (unknown in reality; the nearest built-in). */
export function roleNameForLegacy(role: LegacyRole): string {
  switch (role) {
    case "ADMIN":
      return "admin";
    case "VIEWER":
      return "viewer";
    case "OWNER":
      return "owner";
    case "DEVELOPER":
      return "devops";
  }
}

export interface StoredInvitation extends FakeInvitation {
  legacyRole: LegacyRole;
  /** The role the invitee gets on acceptance, even when the invitation shows no role_id. */
  grantRoleId: string;
}

export interface StoredMember extends FakeMember {
  profilePictureUrl?: string;
  /** The role the member list still shows after a role change (memberRoleLagReads). */
  stale?: { roleId: string; roleName: string; readsLeft: number };
}

export interface Organization {
  id: string;
  name: string;
  logoUrl: string;
  roles: FakeRole[];
  members: StoredMember[];
  invitations: StoredInvitation[];
}

export interface StoreOptions {
  memberRoleLagReads: number;
  memberInviteAnswer: MemberInviteAnswer;
  /** Whether availableRole lists the owner's role (see BUILT_IN_ROLES). */
  listsOwnerRole: boolean;
}

const now = (): string => new Date().toISOString();

/** Test setup must not create what the response schemas would reject. */
function checkEmail(email: string): void {
  if (!emailSchema.safeParse(email).success) throw new Error(`fake-qovery: "${email}" is not an email address`);
}
const sameEmail = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

export class Store {
  private readonly orgs = new Map<string, Organization>();
  private nextOwnerNumber = 1000;
  readonly defaultOrganizationId: string;

  constructor(private readonly options: StoreOptions) {
    this.defaultOrganizationId = this.addOrganization("Acme");
  }

  // ---- organizations and roles ---------------------------------------------------------------

  /** A new organization with the built-in roles (the owner's unless listsOwnerRole is false), the custom role and an owner member. */
  addOrganization(name: string): string {
    const id = randomUUID();
    // Role ids are random per organization, so nobody can get away with hard-coding them.
    const roles = [...BUILT_IN_ROLES, DEFAULT_CUSTOM_ROLE].map((roleName) => ({ id: randomUUID(), name: roleName }));
    const ownerRole = roles.find((role) => role.name === "owner")!;
    const org: Organization = {
      id,
      name,
      logoUrl: `https://console.qovery.com/assets/fake-logos/${id}.png`,
      roles: this.options.listsOwnerRole ? roles : roles.filter((role) => role !== ownerRole),
      members: [],
      invitations: [],
    };
    this.orgs.set(id, org);
    const ownerNumber = this.nextOwnerNumber++;
    const slug =
      name
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, "-")
        .replace(/^-+|-+$/g, "") || "org";
    const createdAt = now();
    org.members.push({
      id: `github|${ownerNumber}`,
      organizationId: id,
      email: `owner@${slug}.test`,
      roleId: ownerRole.id,
      roleName: ownerRole.name,
      name: `${name} Owner`,
      nickname: `${slug}-owner`,
      lastActivityAt: createdAt,
      createdAt,
      isOwner: true,
      profilePictureUrl: `https://avatars.githubusercontent.com/u/${ownerNumber}`,
    });
    return id;
  }

  /** For test controls: throws a plain Error when unknown. */
  org(organizationId: string | undefined): Organization {
    const id = organizationId ?? this.defaultOrganizationId;
    const org = this.orgs.get(id);
    if (!org) throw new Error(`fake-qovery: no organization ${id}`);
    return org;
  }

  /** For request handlers: a well-formed but unknown id is a 404. */
  apiOrg(organizationId: string): Organization {
    const org = this.orgs.get(organizationId);
    if (!org) throw new ApiError(404, `Organization ${organizationId} does not exist`);
    return org;
  }

  addRole(org: Organization, name: string): FakeRole {
    const role = { id: randomUUID(), name };
    org.roles.push(role);
    return role;
  }

  /** For request handlers: an unknown name (the deprecated enum's OWNER, when unlisted) is a 400. */
  apiRoleByName(org: Organization, name: string): FakeRole {
    if (this.rolesNamed(org, name).length === 0) throw new ApiError(400, `role ${name} does not exist in this organization`);
    return this.roleByName(org, name);
  }

  /** Case-insensitive; throws a plain Error when unknown or ambiguous. */
  roleByName(org: Organization, name: string): FakeRole {
    const found = this.rolesNamed(org, name);
    if (found.length === 0) throw new Error(`fake-qovery: no role named "${name}" in organization ${org.id}`);
    if (found.length > 1) throw new Error(`fake-qovery: several roles named "${name}" in organization ${org.id}`);
    return found[0]!;
  }

  private rolesNamed(org: Organization, name: string): FakeRole[] {
    return org.roles.filter((role) => role.name.toLowerCase() === name.toLowerCase());
  }

  apiRoleById(org: Organization, roleId: string): FakeRole {
    const role = org.roles.find((r) => r.id === roleId);
    if (!role) throw new ApiError(400, `role ${roleId} does not exist in this organization`);
    return role;
  }

  // ---- invitations -----------------------------------------------------------------------------

  createInvitation(
    org: Organization,
    input: { email: string; role: FakeRole; status?: InvitationStatus; inviter: string; withoutRoleId?: boolean },
  ): StoredInvitation {
    checkEmail(input.email);
    const id = randomUUID();
    const invitation: StoredInvitation = {
      id,
      organizationId: org.id,
      email: input.email,
      status: input.status ?? "PENDING",
      // The link is the capability to join: random, like a secret.
      invitationLink: `https://console.qovery.com/organization/${org.id}/invitation/${id}?token=${randomBytes(16).toString("hex")}`,
      inviter: input.inviter,
      createdAt: now(),
      legacyRole: legacyRoleFor(input.role.name),
      grantRoleId: input.role.id,
    };
    if (!input.withoutRoleId) {
      invitation.roleId = input.role.id;
      invitation.roleName = input.role.name;
    }
    org.invitations.push(invitation);
    return invitation;
  }

  /** POST inviteMember: the duplicate rules, then a new pending invitation. */
  invite(org: Organization, email: string, role: FakeRole): StoredInvitation {
    if (org.members.some((m) => sameEmail(m.email, email))) {
      // Unknown in reality (docs/qovery-api.md): configurable, 400 by default.
      const answer = this.options.memberInviteAnswer;
      if (answer !== 201) throw new ApiError(answer, "User is already a member of the organization");
    }
    // Only a PENDING invitation blocks; an EXPIRED one stays in the list beside the new one.
    if (org.invitations.some((i) => i.status === "PENDING" && sameEmail(i.email, email))) {
      throw new ApiError(409, "User already invited");
    }
    return this.createInvitation(org, { email, role, inviter: "Fake Admin" });
  }

  apiInvitation(org: Organization, inviteId: string): StoredInvitation {
    const invitation = org.invitations.find((i) => i.id === inviteId);
    if (!invitation) throw new ApiError(404, `Invitation ${inviteId} does not exist`);
    return invitation;
  }

  removeInvitation(org: Organization, invitation: StoredInvitation): void {
    org.invitations = org.invitations.filter((i) => i !== invitation);
  }

  /** By id; or by email (any case): the newest PENDING one, else the newest one. */
  pickInvitation(org: Organization, idOrEmail: string): StoredInvitation {
    const byId = org.invitations.find((i) => i.id === idOrEmail);
    if (byId) return byId;
    const byEmail = org.invitations.filter((i) => sameEmail(i.email, idOrEmail));
    const pending = byEmail.filter((i) => i.status === "PENDING");
    const picked = pending.at(-1) ?? byEmail.at(-1);
    if (!picked) throw new Error(`fake-qovery: no invitation "${idOrEmail}" in organization ${org.id}`);
    return picked;
  }

  accept(org: Organization, invitation: StoredInvitation, opts: { memberId?: string; emailAs?: string }): StoredMember {
    if (invitation.status !== "PENDING") {
      throw new Error(`fake-qovery: invitation ${invitation.id} is ${invitation.status} and cannot be accepted`);
    }
    const role = org.roles.find((r) => r.id === invitation.grantRoleId);
    if (!role) throw new Error(`fake-qovery: the role of invitation ${invitation.id} no longer exists`);
    const member = this.createMember(org, { email: opts.emailAs ?? invitation.email, role, id: opts.memberId });
    this.removeInvitation(org, invitation);
    return member;
  }

  // ---- members ---------------------------------------------------------------------------------

  createMember(org: Organization, input: { email: string; role: FakeRole; id?: string }): StoredMember {
    checkEmail(input.email);
    const id = input.id ?? this.newMemberId();
    if (this.findMemberById(id)) throw new Error(`fake-qovery: a member with id ${id} already exists`);
    const local = input.email.split("@")[0] ?? input.email;
    const createdAt = now();
    const member: StoredMember = {
      id,
      organizationId: org.id,
      email: input.email,
      roleId: input.role.id,
      roleName: input.role.name,
      name: local,
      nickname: local,
      lastActivityAt: createdAt,
      createdAt,
    };
    org.members.push(member);
    return member;
  }

  /** By id; or by email (any case) when exactly one member has it. */
  pickMember(org: Organization, idOrEmail: string): StoredMember {
    const byId = org.members.find((m) => m.id === idOrEmail);
    if (byId) return byId;
    const byEmail = org.members.filter((m) => sameEmail(m.email, idOrEmail));
    if (byEmail.length === 1) return byEmail[0]!;
    throw new Error(
      byEmail.length === 0
        ? `fake-qovery: no member "${idOrEmail}" in organization ${org.id}`
        : `fake-qovery: several members have the email "${idOrEmail}"; pass an id`,
    );
  }

  removeMember(org: Organization, member: StoredMember): void {
    org.members = org.members.filter((m) => m !== member);
  }

  /**
   * GET member: the members with the role the list shows. After a role change the list may show
   * the old role for the next memberRoleLagReads reads (it is served from the identity provider).
   */
  readMembers(org: Organization): Array<StoredMember & { visibleRoleId: string; visibleRoleName: string }> {
    return org.members.map((member) => {
      const stale = member.stale;
      if (stale) {
        stale.readsLeft -= 1;
        if (stale.readsLeft <= 0) delete member.stale;
        return { ...member, visibleRoleId: stale.roleId, visibleRoleName: stale.roleName };
      }
      return { ...member, visibleRoleId: member.roleId, visibleRoleName: member.roleName };
    });
  }

  /** PUT member. Unknown member: a 400 saying it does not exist (docs/qovery-api.md: not-found is sometimes a 400). */
  editMemberRole(org: Organization, userId: string, roleId: string): void {
    const member = org.members.find((m) => m.id === userId);
    if (!member) throw new ApiError(400, `member ${userId} does not exist in this organization`);
    if (member.isOwner) throw new ApiError(403, "cannot change the role of the organization owner");
    const role = this.apiRoleById(org, roleId);
    if (member.roleId === role.id) return;
    const lag = this.options.memberRoleLagReads;
    if (lag > 0) {
      // The list keeps showing the role it showed before the first change of this lag window.
      const shown = member.stale ?? { roleId: member.roleId, roleName: member.roleName, readsLeft: lag };
      member.stale = { ...shown, readsLeft: lag };
      if (member.stale.roleId === role.id) delete member.stale;
    }
    member.roleId = role.id;
    member.roleName = role.name;
  }

  /** DELETE member. */
  deleteMember(org: Organization, userId: string): void {
    const member = org.members.find((m) => m.id === userId);
    if (!member) throw new ApiError(404, `member ${userId} does not exist in this organization`);
    if (member.isOwner) throw new ApiError(403, "cannot remove the organization owner");
    this.removeMember(org, member);
  }

  private findMemberById(id: string): StoredMember | undefined {
    for (const org of this.orgs.values()) {
      const found = org.members.find((m) => m.id === id);
      if (found) return found;
    }
    return undefined;
  }

  private newMemberId(): string {
    for (;;) {
      const id = `github|${randomInt(100_000, 100_000_000)}`;
      if (!this.findMemberById(id)) return id;
    }
  }
}

// ---- public views (copies without internal fields) ----------------------------------------------

export function publicInvitation(i: StoredInvitation): FakeInvitation {
  const view: FakeInvitation = {
    id: i.id,
    organizationId: i.organizationId,
    email: i.email,
    status: i.status,
    invitationLink: i.invitationLink,
    inviter: i.inviter,
    createdAt: i.createdAt,
  };
  if (i.roleId !== undefined) view.roleId = i.roleId;
  if (i.roleName !== undefined) view.roleName = i.roleName;
  return view;
}

export function publicMember(m: StoredMember): FakeMember {
  const view: FakeMember = {
    id: m.id,
    organizationId: m.organizationId,
    email: m.email,
    roleId: m.roleId,
    roleName: m.roleName,
    createdAt: m.createdAt,
  };
  if (m.name !== undefined) view.name = m.name;
  if (m.nickname !== undefined) view.nickname = m.nickname;
  if (m.lastActivityAt !== undefined) view.lastActivityAt = m.lastActivityAt;
  if (m.isOwner) view.isOwner = true;
  return view;
}
