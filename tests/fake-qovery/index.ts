// A local Qovery API fake: a real HTTP server on 127.0.0.1 playing what Qovery does around
// organization invitations, members and roles (auth schemes, 409 duplicates, expiry, acceptance,
// lagging member roles, 429/5xx, dropped connections, latency). Used by the client tests, the
// contract test, the fault matrix, the end-to-end tests, the example and the benchmarks.
//
//   const fake = await startFakeQovery();
//   // point the client at fake.url with `Authorization: Token ${fake.apiToken}`
//   await fake.close();
import { randomApiToken, randomJwt, type Credentials } from "./auth";
import { FaultQueue } from "./faults";
import { TokenBucket } from "./rate-limit";
import { FakeHttpServer } from "./server";
import { publicInvitation, publicMember, Store } from "./store";
import type {
  Fault,
  FakeInvitation,
  FakeMember,
  FakeQovery,
  FakeQoveryOptions,
  FakeRole,
  InvitationStatus,
  Operation,
  RecordedExchange,
} from "./types";

export type {
  AuthorizationKind,
  Fault,
  FakeInvitation,
  FakeMember,
  FakeQovery,
  FakeQoveryOptions,
  FakeRole,
  InvitationStatus,
  MemberInviteAnswer,
  Operation,
  RecordedExchange,
} from "./types";
export { OPERATIONS } from "./types";

export async function startFakeQovery(options: FakeQoveryOptions = {}): Promise<FakeQovery> {
  const fake = new FakeQoveryInstance(options);
  await fake.start(options.port ?? 0);
  return fake;
}

class FakeQoveryInstance implements FakeQovery {
  readonly apiToken: string;
  readonly jwt: string;
  readonly organizationId: string;
  readonly ownerMemberId: string;
  readonly exchanges: RecordedExchange[] = [];
  private port = 0;
  private rateLimited = 0;
  private tokenForbidden = false;
  private readonly credentials: Credentials;
  private readonly store: Store;
  private readonly faults = new FaultQueue();
  private readonly server: FakeHttpServer;

  constructor(options: FakeQoveryOptions) {
    const latencyMs = options.latencyMs ?? 0;
    const lag = options.memberRoleLagReads ?? 0;
    if (!(latencyMs >= 0)) throw new Error(`fake-qovery: latencyMs must be >= 0, got ${latencyMs}`);
    if (!Number.isInteger(lag) || lag < 0) throw new Error(`fake-qovery: memberRoleLagReads must be an integer >= 0, got ${lag}`);
    this.apiToken = options.apiToken ?? randomApiToken();
    this.jwt = options.jwt ?? randomJwt();
    this.credentials = { apiToken: this.apiToken, jwt: this.jwt, apiTokenRevoked: false };
    this.store = new Store({
      memberRoleLagReads: lag,
      memberInviteAnswer: options.memberInviteAnswer ?? 400,
      listsOwnerRole: options.listsOwnerRole ?? true,
    });
    this.organizationId = this.store.defaultOrganizationId;
    this.ownerMemberId = this.store.org(undefined).members[0]!.id;
    this.server = new FakeHttpServer({
      store: this.store,
      credentials: this.credentials,
      faults: this.faults,
      bucket: options.rateLimitPerSecond === undefined ? undefined : new TokenBucket(options.rateLimitPerSecond),
      latencyMs,
      exchanges: this.exchanges,
      isTokenForbidden: () => this.tokenForbidden,
      onRateLimited: () => {
        this.rateLimited += 1;
      },
    });
  }

  async start(port: number): Promise<void> {
    this.port = await this.server.listen(port);
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get rateLimitedCount(): number {
    return this.rateLimited;
  }

  get peakInFlight(): number {
    return this.server.peakInFlight;
  }

  callCount(operation?: Operation): number {
    if (operation === undefined) return this.exchanges.length;
    return this.exchanges.filter((e) => e.operation === operation).length;
  }

  resetCounts(): void {
    this.exchanges.length = 0; // in place: callers may hold the array
    this.rateLimited = 0;
    this.server.resetPeak();
  }

  close(): Promise<void> {
    return this.server.close();
  }

  // ---- inspection ------------------------------------------------------------------------------

  invitations(organizationId?: string): FakeInvitation[] {
    return this.store.org(organizationId).invitations.map(publicInvitation);
  }

  members(organizationId?: string): FakeMember[] {
    return this.store.org(organizationId).members.map(publicMember);
  }

  roles(organizationId?: string): FakeRole[] {
    return this.store.org(organizationId).roles.map((r) => ({ ...r }));
  }

  roleId(name: string, organizationId?: string): string {
    return this.store.roleByName(this.store.org(organizationId), name).id;
  }

  // ---- setup -----------------------------------------------------------------------------------

  addOrganization(name: string): string {
    return this.store.addOrganization(name);
  }

  addRole(name: string, organizationId?: string): string {
    return this.store.addRole(this.store.org(organizationId), name).id;
  }

  addMember(input: { email: string; roleName: string; id?: string; organizationId?: string }): FakeMember {
    const org = this.store.org(input.organizationId);
    const role = this.store.roleByName(org, input.roleName);
    const member = this.store.createMember(org, { email: input.email, role, id: input.id });
    return publicMember(member);
  }

  addInvitation(input: {
    email: string;
    roleName: string;
    status?: InvitationStatus;
    withoutRoleId?: boolean;
    organizationId?: string;
  }): FakeInvitation {
    const org = this.store.org(input.organizationId);
    const role = this.store.roleByName(org, input.roleName);
    const invitation = this.store.createInvitation(org, {
      email: input.email,
      role,
      status: input.status ?? "PENDING",
      inviter: "Someone Else",
      withoutRoleId: input.withoutRoleId ?? false,
    });
    return publicInvitation(invitation);
  }

  // ---- controls --------------------------------------------------------------------------------

  expireInvitation(idOrEmail: string, organizationId?: string): void {
    const org = this.store.org(organizationId);
    this.store.pickInvitation(org, idOrEmail).status = "EXPIRED";
  }

  acceptInvitation(idOrEmail: string, opts: { memberId?: string; emailAs?: string; organizationId?: string } = {}): FakeMember {
    const org = this.store.org(opts.organizationId);
    const invitation = this.store.pickInvitation(org, idOrEmail);
    return publicMember(this.store.accept(org, invitation, opts));
  }

  deleteInvitation(idOrEmail: string, organizationId?: string): void {
    const org = this.store.org(organizationId);
    this.store.removeInvitation(org, this.store.pickInvitation(org, idOrEmail));
  }

  removeMemberBehindBack(idOrEmail: string, organizationId?: string): void {
    const org = this.store.org(organizationId);
    this.store.removeMember(org, this.store.pickMember(org, idOrEmail));
  }

  /** A role changed in the Qovery console, as the API would change it (lag included). */
  changeMemberRoleBehindBack(idOrEmail: string, roleName: string, organizationId?: string): void {
    const org = this.store.org(organizationId);
    this.store.editMemberRole(org, this.store.pickMember(org, idOrEmail).id, this.roleId(roleName, organizationId));
  }

  revokeToken(): void {
    this.credentials.apiTokenRevoked = true;
  }

  setTokenForbidden(forbidden: boolean): void {
    this.tokenForbidden = forbidden;
  }

  injectFault(fault: Fault): void {
    this.faults.add(fault);
  }

  /** How many answers of `operation` the injected faults have yet to spoil: 0 once every one was met. */
  faultsLeft(operation: Operation): number {
    return this.faults.remaining(operation);
  }

  clearFaults(): void {
    this.faults.clear();
  }
}
