// Public types of the local Qovery API fake. Other test code (client tests, contract tests,
// the fault matrix, benchmarks) is written against these names: change them with care.

/** The operations the fake serves, named after the operationIds of Qovery's OpenAPI document. */
export type Operation =
  | "postInviteMember" //              POST   /organization/{organizationId}/inviteMember            body {email, role_id?, role?} -> 201 InviteMember
  | "getOrganizationInvitedMembers" // GET    /organization/{organizationId}/inviteMember            -> 200 {results: InviteMember[]}
  | "getMemberInvitation" //           GET    /organization/{organizationId}/inviteMember/{inviteId} -> 200 InviteMember
  | "deleteInviteMember" //            DELETE /organization/{organizationId}/inviteMember/{inviteId} -> 204
  | "getOrganizationMembers" //        GET    /organization/{organizationId}/member                  -> 200 {results: Member[]}
  | "editOrganizationMemberRole" //    PUT    /organization/{organizationId}/member  body {user_id, role_id} -> 200, empty body
  | "deleteMember" //                  DELETE /organization/{organizationId}/member  body {user_id} -> 204
  | "listOrganizationAvailableRoles"; // GET  /organization/{organizationId}/availableRole           -> 200 {results: [{id, name}]}

export const OPERATIONS: readonly Operation[] = [
  "postInviteMember",
  "getOrganizationInvitedMembers",
  "getMemberInvitation",
  "deleteInviteMember",
  "getOrganizationMembers",
  "editOrganizationMemberRole",
  "deleteMember",
  "listOrganizationAvailableRoles",
];

/**
 * What an invite for the email of an existing member answers. Qovery's real answer is unknown
 * (docs/qovery-api.md); the default is 400 "User is already a member of the organization".
 * 201 creates a pending invitation anyway.
 */
export type MemberInviteAnswer = 400 | 409 | 201;

export interface FakeQoveryOptions {
  /** Accepted as `Authorization: Token <apiToken>`. Default: "qov_fake_<hex>". */
  apiToken?: string;
  /** Accepted as `Authorization: Bearer <jwt>`. Default: a random three-part base64url JWT-looking string. */
  jwt?: string;
  /** Added to every response, including errors and 429s (default 0). */
  latencyMs?: number;
  /** If set: a token bucket (capacity = rate) shared by all requests; excess gets 429 with `Retry-After: 1`. */
  rateLimitPerSecond?: number;
  /** After a PUT role change, the next N member-list reads still show the old role (default 0). */
  memberRoleLagReads?: number;
  /** Default 0 (a random free port). */
  port?: number;
  /** See MemberInviteAnswer (default 400). */
  memberInviteAnswer?: MemberInviteAnswer;
  /**
   * Whether availableRole lists the owner's role (default true). Qovery's answer is unknown
   * (docs/qovery-api.md). With false, every organization's owner member still has roleName "owner",
   * with a role id the list does not name, and `roleId("owner")` throws.
   */
  listsOwnerRole?: boolean;
}

export type InvitationStatus = "PENDING" | "EXPIRED";

export interface FakeInvitation {
  id: string;
  organizationId: string;
  email: string;
  /** Absent for "old" invitations created with `withoutRoleId`. */
  roleId?: string;
  roleName?: string;
  status: InvitationStatus;
  invitationLink: string;
  inviter: string;
  createdAt: string;
}

export interface FakeMember {
  id: string;
  organizationId: string;
  email: string;
  /** The true current role (the member list may lag behind it, see memberRoleLagReads). */
  roleId: string;
  roleName: string;
  name?: string;
  nickname?: string;
  lastActivityAt?: string;
  createdAt: string;
  isOwner?: boolean;
}

export interface FakeRole {
  id: string;
  name: string;
}

/** How a request authenticated; the token value itself is never recorded. */
export type AuthorizationKind = "Token" | "Bearer" | "none" | "invalid";

export interface RecordedExchange {
  operation: Operation | "unknown";
  method: string;
  /** The request path without the query string, as sent (not decoded). */
  path: string;
  /** Parsed JSON body; the raw text if it was not JSON; undefined if empty. */
  requestBody: unknown;
  /** 0 when the fake destroyed the socket instead of answering (Fault.reset). */
  status: number;
  /** Parsed JSON body sent; undefined for an empty body or no response. */
  responseBody: unknown;
  authorization?: AuthorizationKind;
}

export interface Fault {
  operation: Operation;
  /** How many matching requests it applies to (default 1). */
  times?: number;
  /** Answer with this status and a Qovery-style JSON error body, without applying the request. */
  status?: number;
  /** With status 429: send a `Retry-After` header. */
  retryAfterSeconds?: number;
  /** Delay the response; may combine with a normal answer, a status, or a reset. */
  delayMs?: number;
  /**
   * Destroy the socket (TCP reset, no response): "before" the server applies the request, or
   * "after" it has applied it. Takes precedence over `status`.
   */
  reset?: "before" | "after";
}

export interface FakeQovery {
  /** "http://127.0.0.1:<port>" */
  readonly url: string;
  readonly apiToken: string;
  readonly jwt: string;
  /** The default organization seeded at start, named "Acme". */
  readonly organizationId: string;
  /** The seeded owner of the default organization ("owner@acme.test", role "owner", id "github|1000"). */
  readonly ownerMemberId: string;
  /** Every request, in arrival order (never includes a token value). */
  readonly exchanges: RecordedExchange[];
  /** Requests answered 429 by the rate limiter (rateLimitPerSecond) since start / resetCounts. */
  readonly rateLimitedCount: number;
  /**
   * The most requests in flight at once since start / resetCounts (which starts it again from
   * the requests in flight then). A request is in flight from its arrival until its answer is
   * sent or its connection is gone, latency and injected delays included.
   */
  readonly peakInFlight: number;
  /** Number of requests (all, or of one operation) since start / resetCounts. */
  callCount(operation?: Operation): number;
  /** Clears exchanges and counters (peakInFlight starts again from the requests in flight). */
  resetCounts(): void;
  close(): Promise<void>;

  // inspection (copies; the default organization when organizationId is omitted)
  invitations(organizationId?: string): FakeInvitation[];
  members(organizationId?: string): FakeMember[];
  roles(organizationId?: string): FakeRole[];
  /** Case-insensitive; throws if unknown or ambiguous. */
  roleId(name: string, organizationId?: string): string;

  // setup
  /** Returns the new organization id, seeded with the built-in roles and an owner member. */
  addOrganization(name: string): string;
  /** A custom role; returns its id. */
  addRole(name: string, organizationId?: string): string;
  /** id defaults to "github|<random digits>". */
  addMember(input: { email: string; roleName: string; id?: string; organizationId?: string }): FakeMember;
  /** As if sent by someone else; no duplicate check. */
  addInvitation(input: {
    email: string;
    roleName: string;
    status?: InvitationStatus;
    withoutRoleId?: boolean;
    organizationId?: string;
  }): FakeInvitation;

  // controls for tests. An email picks the newest PENDING invitation with that email (any case),
  // else the newest one.
  expireInvitation(idOrEmail: string, organizationId?: string): void;
  /** The invitation leaves the list; a member with a new id and the invitation's role appears. */
  acceptInvitation(idOrEmail: string, opts?: { memberId?: string; emailAs?: string; organizationId?: string }): FakeMember;
  /** Deleted behind the provider's back. */
  deleteInvitation(idOrEmail: string, organizationId?: string): void;
  /** An email must match exactly one member (any case), else this throws. */
  removeMemberBehindBack(idOrEmail: string, organizationId?: string): void;
  /** A role changed in the Qovery console, as the API would change it (lag included). */
  changeMemberRoleBehindBack(idOrEmail: string, roleName: string, organizationId?: string): void;
  /** From now on the current apiToken gets 401 (the JWT keeps working). */
  revokeToken(): void;
  /** When true, every request with a valid token (either scheme) gets 403. */
  setTokenForbidden(forbidden: boolean): void;
  /** Queued; faults for one operation apply in order. */
  injectFault(fault: Fault): void;
  clearFaults(): void;
  /** How many answers of `operation` the injected faults have yet to spoil: 0 once every one was met. */
  faultsLeft(operation: Operation): number;
}
