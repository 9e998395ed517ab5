// Tests of the Qovery fake itself, through a real HTTP client (Node's fetch).
import { expect } from "chai";
import { startFakeQovery, type FakeQovery, type FakeQoveryOptions } from "./index";

interface Reply {
  status: number;
  headers: Headers;
  text: string;
  json: unknown;
}

interface CallOptions {
  body?: unknown;
  /** The Authorization header; default `Token <apiToken>`; null sends none. */
  auth?: string | null;
  contentType?: string;
  signal?: AbortSignal;
}

async function call(fake: FakeQovery, method: string, path: string, options: CallOptions = {}): Promise<Reply> {
  const headers: Record<string, string> = {};
  const auth = options.auth === undefined ? `Token ${fake.apiToken}` : options.auth;
  if (auth !== null) headers.authorization = auth;
  const init: RequestInit = { method, headers };
  if (options.body !== undefined) {
    headers["content-type"] = options.contentType ?? "application/json";
    init.body = typeof options.body === "string" ? options.body : JSON.stringify(options.body);
  }
  if (options.signal) init.signal = options.signal;
  const response = await fetch(`${fake.url}${path}`, init);
  const text = await response.text();
  return { status: response.status, headers: response.headers, text, json: text === "" ? undefined : JSON.parse(text) };
}

const orgPath = (fake: FakeQovery, rest: string, organizationId = fake.organizationId): string => `/organization/${organizationId}${rest}`;

const invite = (fake: FakeQovery, email: string, roleName = "devops"): Promise<Reply> =>
  call(fake, "POST", orgPath(fake, "/inviteMember"), { body: { email, role_id: fake.roleId(roleName) } });

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function errorOf(reply: Reply): { status: number; error: string; detail: string } {
  expect(reply.json).to.have.all.keys("status", "error", "detail");
  return reply.json as { status: number; error: string; detail: string };
}

describe("Qovery fake", function () {
  let fake: FakeQovery;
  const start = async (options: FakeQoveryOptions = {}): Promise<FakeQovery> => {
    await fake.close();
    fake = await startFakeQovery(options);
    return fake;
  };

  beforeEach(async function () {
    fake = await startFakeQovery();
  });

  afterEach(async function () {
    await fake.close();
  });

  describe("authentication", function () {
    it("accepts `Token <apiToken>` and `Bearer <jwt>`, and records only the scheme", async function () {
      expect((await call(fake, "GET", orgPath(fake, "/member"))).status).to.equal(200);
      expect((await call(fake, "GET", orgPath(fake, "/member"), { auth: `Bearer ${fake.jwt}` })).status).to.equal(200);
      expect(fake.jwt.split(".")).to.have.length(3);
      expect(fake.exchanges.map((e) => e.authorization)).to.deep.equal(["Token", "Bearer"]);
    });

    it("answers 401 to a missing header, an unknown value, or a value under the other scheme", async function () {
      const headers = [null, "Token nope", `Bearer ${fake.apiToken}`, `Token ${fake.jwt}`, fake.apiToken];
      for (const auth of headers) {
        const reply = await call(fake, "GET", orgPath(fake, "/member"), { auth });
        expect(reply.status, String(auth)).to.equal(401);
        expect(errorOf(reply)).to.include({ status: 401, error: "Unauthorized" });
        expect(reply.text).not.to.include(fake.apiToken);
        expect(reply.text).not.to.include(fake.jwt);
      }
      expect(fake.exchanges.map((e) => e.authorization)).to.deep.equal(["none", "invalid", "invalid", "invalid", "invalid"]);
    });

    it("rejects a revoked token with 401 while the JWT still works", async function () {
      fake.revokeToken();
      expect((await call(fake, "GET", orgPath(fake, "/member"))).status).to.equal(401);
      expect((await call(fake, "GET", orgPath(fake, "/member"), { auth: `Bearer ${fake.jwt}` })).status).to.equal(200);
    });

    it("answers 403 to every request of a token that lacks rights", async function () {
      fake.setTokenForbidden(true);
      const reply = await call(fake, "GET", orgPath(fake, "/inviteMember"));
      expect(reply.status).to.equal(403);
      expect(errorOf(reply).error).to.equal("Forbidden");
      fake.setTokenForbidden(false);
      expect((await call(fake, "GET", orgPath(fake, "/inviteMember"))).status).to.equal(200);
    });
  });

  describe("organizations and roles", function () {
    it("answers 404 for an unknown organization and 400 for a non-UUID one", async function () {
      const unknown = await call(fake, "GET", orgPath(fake, "/member", "11111111-2222-3333-4444-555555555555"));
      expect(unknown.status).to.equal(404);
      expect(errorOf(unknown).detail).to.match(/organization .* does not exist/i);
      const malformed = await call(fake, "GET", orgPath(fake, "/member", "acme"));
      expect(malformed.status).to.equal(400);
      expect(errorOf(malformed).detail).to.include("organizationId");
    });

    it("lists built-in and custom roles, with ids that differ per organization", async function () {
      const other = fake.addOrganization("Globex");
      const custom = fake.addRole("Auditors", other);
      const reply = await call(fake, "GET", orgPath(fake, "/availableRole"));
      expect(reply.status).to.equal(200);
      const results = (reply.json as { results: Array<{ id: string; name: string }> }).results;
      expect(results.map((r) => r.name)).to.deep.equal(["admin", "devops", "billing", "viewer", "owner", "Data Scientists"]);
      expect(results.every((r) => UUID.test(r.id))).to.equal(true);
      expect(fake.roleId("ADMIN")).to.equal(results[0]!.id);
      expect(fake.roleId("admin", other)).not.to.equal(fake.roleId("admin"));
      expect(fake.roleId("auditors", other)).to.equal(custom);
      expect(() => fake.roleId("auditors")).to.throw(/no role/);
      expect(fake.members(other)).to.have.length(1);
      expect(fake.members(other)[0]).to.include({ isOwner: true, roleName: "owner" });
    });

    it("seeds the default organization with its owner", function () {
      expect(fake.members()).to.deep.equal([
        {
          id: fake.ownerMemberId,
          organizationId: fake.organizationId,
          email: "owner@acme.test",
          roleId: fake.roleId("owner"),
          roleName: "owner",
          name: "Acme Owner",
          nickname: "acme-owner",
          lastActivityAt: fake.members()[0]!.createdAt,
          createdAt: fake.members()[0]!.createdAt,
          isOwner: true,
        },
      ]);
      expect(fake.ownerMemberId).to.equal("github|1000");
    });
  });

  describe("an owner's role left out (listsOwnerRole: false)", function () {
    type Listed = { results: Array<Record<string, string>> };
    beforeEach(async function () {
      await start({ listsOwnerRole: false });
    });

    it("leaves the owner's role out of availableRole, while the owner member keeps roleName owner and a role id of its own", async function () {
      const other = fake.addOrganization("Globex");
      for (const organizationId of [fake.organizationId, other]) {
        const roles = ((await call(fake, "GET", orgPath(fake, "/availableRole", organizationId))).json as Listed).results;
        expect(roles.map((r) => r.name)).to.deep.equal(["admin", "devops", "billing", "viewer", "Data Scientists"]);
        const [owner] = ((await call(fake, "GET", orgPath(fake, "/member", organizationId))).json as Listed).results;
        expect(owner).to.include({ role_name: "owner" });
        expect(owner!.role_id).to.match(UUID);
        expect(roles.map((r) => r.id)).not.to.include(owner!.role_id);
      }
      expect(() => fake.roleId("owner")).to.throw(/no role named "owner"/);
    });

    it("answers 400 to an invite with the deprecated enum OWNER", async function () {
      const reply = await call(fake, "POST", orgPath(fake, "/inviteMember"), { body: { email: "boss@example.com", role: "OWNER" } });
      expect(reply.status).to.equal(400);
      expect(errorOf(reply).detail).to.include("role owner does not exist");
      expect(fake.invitations()).to.deep.equal([]);
    });
  });

  describe("invitations", function () {
    it("answers an invite with 201 and a complete InviteMember", async function () {
      const reply = await invite(fake, "Jane@Example.com", "Data Scientists");
      expect(reply.status).to.equal(201);
      const body = reply.json as Record<string, string>;
      expect(body.id).to.match(UUID);
      expect(new Date(body.created_at!).toISOString()).to.equal(body.created_at);
      expect(body).to.include({
        email: "Jane@Example.com",
        role: "DEVELOPER",
        invitation_status: "PENDING",
        inviter: "Fake Admin",
        organization_name: "Acme",
        role_id: fake.roleId("data scientists"),
        role_name: "Data Scientists",
      });
      expect(body.invitation_link).to.match(
        new RegExp(`^https://console\\.qovery\\.com/organization/${fake.organizationId}/invitation/${body.id}\\?token=\\w+$`),
      );
      expect(fake.invitations()).to.have.length(1);
      expect(fake.invitations()[0]).to.include({ id: body.id, email: "Jane@Example.com", status: "PENDING" });
      expect((await invite(fake, "boss@example.com", "admin")).json).to.include({ role: "ADMIN" });
    });

    it("answers 409 to a second invite for a pending email, whatever its case", async function () {
      expect((await invite(fake, "jane@example.com")).status).to.equal(201);
      const reply = await invite(fake, "JANE@example.COM", "viewer");
      expect(reply.status).to.equal(409);
      expect(reply.json).to.deep.equal({ status: 409, error: "Conflict", detail: "User already invited" });
      expect(fake.invitations()).to.have.length(1);
    });

    it("accepts a new invite once the previous one expired, and keeps the expired one", async function () {
      const first = (await invite(fake, "jane@example.com")).json as { id: string };
      fake.expireInvitation("jane@example.com");
      const second = await invite(fake, "jane@example.com");
      expect(second.status).to.equal(201);
      const list = (await call(fake, "GET", orgPath(fake, "/inviteMember"))).json as {
        results: Array<{ id: string; invitation_status: string }>;
      };
      expect(list.results.map((i) => [i.id, i.invitation_status])).to.deep.equal([
        [first.id, "EXPIRED"],
        [(second.json as { id: string }).id, "PENDING"],
      ]);
    });

    it("answers 400 to an invite for an existing member by default, or what memberInviteAnswer says", async function () {
      fake.addMember({ email: "Jane@example.com", roleName: "viewer" });
      const reply = await invite(fake, "jane@example.com");
      expect(reply.status).to.equal(400);
      expect(errorOf(reply).detail).to.equal("User is already a member of the organization");

      await start({ memberInviteAnswer: 409 });
      fake.addMember({ email: "jane@example.com", roleName: "viewer" });
      expect((await invite(fake, "jane@example.com")).status).to.equal(409);

      await start({ memberInviteAnswer: 201 });
      fake.addMember({ email: "jane@example.com", roleName: "viewer" });
      expect((await invite(fake, "jane@example.com")).status).to.equal(201);
    });

    it("answers 400 naming the field to an invalid email or role_id, and to an unknown role", async function () {
      const badEmail = await call(fake, "POST", orgPath(fake, "/inviteMember"), {
        body: { email: "not-an-email", role_id: fake.roleId("viewer") },
      });
      expect(badEmail.status).to.equal(400);
      expect(errorOf(badEmail).detail).to.match(/^email:/);

      const badRole = await call(fake, "POST", orgPath(fake, "/inviteMember"), { body: { email: "a@example.com", role_id: "viewer" } });
      expect(badRole.status).to.equal(400);
      expect(errorOf(badRole).detail).to.match(/^role_id:/);

      const otherOrgRole = fake.roleId("viewer", fake.addOrganization("Globex"));
      const unknownRole = await call(fake, "POST", orgPath(fake, "/inviteMember"), {
        body: { email: "a@example.com", role_id: otherOrgRole },
      });
      expect(unknownRole.status).to.equal(400);
      expect(errorOf(unknownRole).detail).to.match(/^role .* does not exist/);

      const noRole = await call(fake, "POST", orgPath(fake, "/inviteMember"), { body: { email: "a@example.com" } });
      expect(noRole.status).to.equal(400);
      expect(errorOf(noRole).detail).to.include("role_id");
      expect(fake.invitations()).to.have.length(0);
    });

    it("gets one invitation, deletes it, then answers 404 for it", async function () {
      const { id } = (await invite(fake, "jane@example.com")).json as { id: string };
      const path = orgPath(fake, `/inviteMember/${id}`);
      expect(((await call(fake, "GET", path)).json as { id: string }).id).to.equal(id);
      const deleted = await call(fake, "DELETE", path);
      expect(deleted.status).to.equal(204);
      expect(deleted.text).to.equal("");
      expect((await call(fake, "GET", path)).status).to.equal(404);
      expect((await call(fake, "DELETE", path)).status).to.equal(404);
    });

    it("serves an old invitation without role_id, still with the required role enum", async function () {
      const old = fake.addInvitation({ email: "old@example.com", roleName: "admin", withoutRoleId: true });
      const body = (await call(fake, "GET", orgPath(fake, `/inviteMember/${old.id}`))).json as Record<string, unknown>;
      expect(body).not.to.have.any.keys("role_id", "role_name");
      expect(body).to.include({ role: "ADMIN", inviter: "Someone Else" });
    });

    it("moves an accepted invitation to the member list, with a new id and the email's new casing", async function () {
      const { id } = (await invite(fake, "jane.doe@example.com", "Data Scientists")).json as { id: string };
      const member = fake.acceptInvitation("JANE.DOE@example.com", { emailAs: "Jane.Doe@Example.com" });
      expect(member.id).to.match(/^github\|\d+$/);
      expect((await call(fake, "GET", orgPath(fake, `/inviteMember/${id}`))).status).to.equal(404);
      expect(((await call(fake, "GET", orgPath(fake, "/inviteMember"))).json as { results: unknown[] }).results).to.deep.equal([]);
      const members = (await call(fake, "GET", orgPath(fake, "/member"))).json as { results: Array<Record<string, string>> };
      const jane = members.results.find((m) => m.id === member.id);
      expect(jane).to.include({
        email: "Jane.Doe@Example.com",
        role: "DEVELOPER",
        role_name: "Data Scientists",
        role_id: fake.roleId("Data Scientists"),
      });
    });
  });

  describe("members", function () {
    it("answers a role change with 200 and an empty body, and the list lags memberRoleLagReads reads", async function () {
      await start({ memberRoleLagReads: 2 });
      const jane = fake.addMember({ email: "jane@example.com", roleName: "viewer", id: "auth0|abc" });
      const reply = await call(fake, "PUT", orgPath(fake, "/member"), { body: { user_id: jane.id, role_id: fake.roleId("admin") } });
      expect(reply.status).to.equal(200);
      expect(reply.text).to.equal("");
      expect(fake.members().find((m) => m.id === jane.id)!.roleName).to.equal("admin");
      const seen: string[] = [];
      for (let read = 0; read < 3; read++) {
        const list = (await call(fake, "GET", orgPath(fake, "/member"))).json as { results: Array<{ id: string; role_name: string }> };
        seen.push(list.results.find((m) => m.id === jane.id)!.role_name);
      }
      expect(seen).to.deep.equal(["viewer", "viewer", "admin"]);
    });

    it("answers 400 saying the member does not exist to a role change of an unknown user", async function () {
      const reply = await call(fake, "PUT", orgPath(fake, "/member"), { body: { user_id: "github|999", role_id: fake.roleId("admin") } });
      expect(reply.status).to.equal(400);
      expect(errorOf(reply).detail).to.include("does not exist");
    });

    it("requires a JSON body naming user_id to remove a member, then answers 204, then 404", async function () {
      const jane = fake.addMember({ email: "jane@example.com", roleName: "devops" });
      const noBody = await call(fake, "DELETE", orgPath(fake, "/member"));
      expect(noBody.status).to.equal(400);
      expect(errorOf(noBody).detail).to.include("user_id");
      const removed = await call(fake, "DELETE", orgPath(fake, "/member"), { body: { user_id: jane.id } });
      expect(removed.status).to.equal(204);
      expect(fake.members().map((m) => m.id)).to.deep.equal([fake.ownerMemberId]);
      expect((await call(fake, "DELETE", orgPath(fake, "/member"), { body: { user_id: jane.id } })).status).to.equal(404);
    });

    it("protects the organization owner from a role change and from removal", async function () {
      const put = await call(fake, "PUT", orgPath(fake, "/member"), {
        body: { user_id: fake.ownerMemberId, role_id: fake.roleId("viewer") },
      });
      expect(put.status).to.equal(403);
      const del = await call(fake, "DELETE", orgPath(fake, "/member"), { body: { user_id: fake.ownerMemberId } });
      expect(del.status).to.equal(403);
      expect(errorOf(del).detail).to.equal("cannot remove the organization owner");
      expect(fake.members()[0]!.roleName).to.equal("owner");
    });

    it("rejects a body that is not declared as JSON with 415", async function () {
      const reply = await call(fake, "DELETE", orgPath(fake, "/member"), { body: { user_id: "github|1" }, contentType: "text/plain" });
      expect(reply.status).to.equal(415);
    });
  });

  describe("faults", function () {
    it("answers an injected 429 with Retry-After, then one without, then normally", async function () {
      fake.injectFault({ operation: "getOrganizationMembers", status: 429, retryAfterSeconds: 2 });
      fake.injectFault({ operation: "getOrganizationMembers", status: 429 });
      const first = await call(fake, "GET", orgPath(fake, "/member"));
      expect(first.status).to.equal(429);
      expect(first.headers.get("retry-after")).to.equal("2");
      expect(errorOf(first)).to.include({ status: 429, error: "Too Many Requests" });
      const second = await call(fake, "GET", orgPath(fake, "/member"));
      expect(second.status).to.equal(429);
      expect(second.headers.get("retry-after")).to.equal(null);
      expect((await call(fake, "GET", orgPath(fake, "/member"))).status).to.equal(200);
    });

    it("repeats a 503 `times` times for its operation only, without applying the request", async function () {
      fake.injectFault({ operation: "postInviteMember", status: 503, times: 2 });
      expect((await call(fake, "GET", orgPath(fake, "/inviteMember"))).status).to.equal(200);
      expect((await invite(fake, "jane@example.com")).status).to.equal(503);
      expect((await invite(fake, "jane@example.com")).status).to.equal(503);
      expect(fake.invitations()).to.have.length(0);
      expect((await invite(fake, "jane@example.com")).status).to.equal(201);
    });

    it("delays a normal answer by delayMs", async function () {
      fake.injectFault({ operation: "postInviteMember", delayMs: 120 });
      const started = Date.now();
      expect((await invite(fake, "jane@example.com")).status).to.equal(201);
      expect(Date.now() - started).to.be.at.least(110);
    });

    it("applies a delayed request even when the client times out first", async function () {
      fake.injectFault({ operation: "postInviteMember", delayMs: 300 });
      let failure: unknown;
      try {
        await call(fake, "POST", orgPath(fake, "/inviteMember"), {
          body: { email: "jane@example.com", role_id: fake.roleId("viewer") },
          signal: AbortSignal.timeout(50),
        });
      } catch (error) {
        failure = error;
      }
      expect((failure as Error).name).to.equal("TimeoutError");
      expect(fake.invitations().map((i) => i.email)).to.deep.equal(["jane@example.com"]);
      expect((await call(fake, "GET", orgPath(fake, "/inviteMember"))).status).to.equal(200); // other requests are not slowed
    });

    it("drops the connection before applying the request with reset: before", async function () {
      fake.injectFault({ operation: "postInviteMember", reset: "before" });
      let failure: unknown;
      await invite(fake, "jane@example.com").catch((error: unknown) => (failure = error));
      expect(failure).to.be.instanceOf(TypeError); // fetch failed: the socket was reset
      expect(fake.invitations()).to.have.length(0);
      expect(fake.exchanges[0]).to.include({ operation: "postInviteMember", status: 0 });
    });

    it("drops the connection after applying the request with reset: after", async function () {
      fake.injectFault({ operation: "postInviteMember", reset: "after" });
      let failure: unknown;
      await invite(fake, "jane@example.com").catch((error: unknown) => (failure = error));
      expect(failure).to.be.instanceOf(TypeError);
      expect(fake.invitations().map((i) => i.email)).to.deep.equal(["jane@example.com"]);
      expect((await invite(fake, "jane@example.com")).status).to.equal(409);
    });

    it("clears queued faults", async function () {
      fake.injectFault({ operation: "getOrganizationMembers", status: 500, times: 5 });
      fake.clearFaults();
      expect((await call(fake, "GET", orgPath(fake, "/member"))).status).to.equal(200);
    });
  });

  describe("load", function () {
    it("rate-limits with a shared token bucket, answering 429 with Retry-After: 1", async function () {
      await start({ rateLimitPerSecond: 3 });
      const replies = await Promise.all(Array.from({ length: 8 }, () => call(fake, "GET", orgPath(fake, "/availableRole"))));
      const limited = replies.filter((r) => r.status === 429);
      expect(replies.filter((r) => r.status === 200).length).to.be.within(3, 4);
      expect(limited.length).to.equal(8 - replies.filter((r) => r.status === 200).length);
      expect(limited.every((r) => r.headers.get("retry-after") === "1")).to.equal(true);
      expect(fake.rateLimitedCount).to.equal(limited.length);
      expect(fake.callCount()).to.equal(8);
    });

    it("reports the most requests in flight at once, resets and dropped connections included", async function () {
      // The fake sees a connection go a moment after the client does: wait for it, then start again.
      const settle = async (): Promise<number> => {
        let peak = -1;
        for (const started = Date.now(); peak !== 0 && Date.now() - started < 2000;) {
          await new Promise((resolve) => setTimeout(resolve, 10));
          fake.resetCounts();
          peak = fake.peakInFlight;
        }
        return peak;
      };
      await start({ latencyMs: 80 });
      expect(fake.peakInFlight).to.equal(0);
      fake.injectFault({ operation: "getOrganizationMembers", reset: "before" });
      const calls = Array.from({ length: 5 }, () => call(fake, "GET", orgPath(fake, "/member")).catch(() => undefined));
      await Promise.all(calls);
      expect(fake.peakInFlight).to.equal(5);
      expect(await settle(), "nothing in flight once they are done").to.equal(0);
      for (let i = 0; i < 3; i++) await call(fake, "GET", orgPath(fake, "/availableRole"));
      expect(fake.peakInFlight, "one after another").to.equal(1);
      // A client that gives up on a slow answer no longer counts.
      fake.injectFault({ operation: "getOrganizationMembers", delayMs: 5000 });
      await call(fake, "GET", orgPath(fake, "/member"), { signal: AbortSignal.timeout(30) }).catch(() => undefined);
      expect(await settle(), "the abandoned request is no longer in flight").to.equal(0);
    });

    it("adds latencyMs to every response", async function () {
      await start({ latencyMs: 60 });
      const started = Date.now();
      await call(fake, "GET", orgPath(fake, "/member"), { auth: null });
      expect(Date.now() - started).to.be.at.least(55);
    });
  });

  describe("recording", function () {
    it("records every exchange, without any token value, and counts by operation", async function () {
      await invite(fake, "jane@example.com");
      await call(fake, "GET", orgPath(fake, "/member"), { auth: `Bearer ${fake.jwt}` });
      await call(fake, "GET", orgPath(fake, "/member"), { auth: "Token wrong" });
      await call(fake, "GET", "/nowhere");
      const recorded = JSON.stringify(fake.exchanges);
      expect(recorded).not.to.include(fake.apiToken);
      expect(recorded).not.to.include(fake.jwt);
      expect(fake.exchanges[0]).to.deep.include({
        operation: "postInviteMember",
        method: "POST",
        path: orgPath(fake, "/inviteMember"),
        requestBody: { email: "jane@example.com", role_id: fake.roleId("devops") },
        status: 201,
        authorization: "Token",
      });
      expect(fake.exchanges[3]).to.include({ operation: "unknown", status: 404 });
      expect(fake.callCount("getOrganizationMembers")).to.equal(2);
      expect(fake.callCount()).to.equal(4);
      fake.resetCounts();
      expect(fake.callCount()).to.equal(0);
      expect(fake.exchanges).to.have.length(0);
    });
  });
});
