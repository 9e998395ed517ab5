import { expect } from "chai";
import * as http from "node:http";
import type { AddressInfo } from "node:net";
import { QoveryClient } from "../../../core/client/client";
import { QoveryApiError } from "../../../core/client/errors";
import { startFakeQovery, type FakeQovery } from "../../fake-qovery";
import { testSettings } from "../../support/qovery";

async function expectApiError(promise: Promise<unknown>): Promise<QoveryApiError> {
  try {
    await promise;
  } catch (error) {
    expect(error).to.be.instanceOf(QoveryApiError);
    return error as QoveryApiError;
  }
  throw new Error("expected a QoveryApiError, got success");
}

describe("QoveryClient against the fake", () => {
  let fake: FakeQovery;
  let client: QoveryClient;
  let org: string;

  beforeEach(async () => {
    fake = await startFakeQovery();
    client = new QoveryClient(testSettings(fake));
    org = fake.organizationId;
  });
  afterEach(() => fake.close());

  describe("authentication", () => {
    it("sends an organization API token with the Token scheme", async () => {
      await client.listRoles(org);
      expect(fake.exchanges[0].authorization).to.equal("Token");
    });

    it("sends a JWT with the Bearer scheme", async () => {
      const jwtClient = new QoveryClient(testSettings(fake, { apiToken: fake.jwt }));
      await jwtClient.listRoles(org);
      expect(fake.exchanges[0].authorization).to.equal("Bearer");
    });
  });

  describe("operations", () => {
    it("invites with email and role_id, and maps the answer", async () => {
      const roleId = fake.roleId("devops");
      const invitation = await client.inviteMember(org, "jane@example.com", roleId);
      expect(fake.exchanges[0].requestBody).to.deep.equal({ email: "jane@example.com", role_id: roleId });
      expect(invitation).to.include({ email: "jane@example.com", status: "PENDING", roleId, roleName: "devops" });
      expect(invitation.id).to.equal(fake.invitations()[0].id);
      expect(invitation.invitationLink).to.equal(fake.invitations()[0].invitationLink);
      expect(invitation.inviter).to.be.a("string").and.not.empty;
    });

    it("lists invitations and gets one", async () => {
      const sent = fake.addInvitation({ email: "a@example.com", roleName: "viewer" });
      const listed = await client.listInvitations(org);
      expect(listed.map((i) => i.id)).to.deep.equal([sent.id]);
      const one = await client.getInvitation(org, sent.id);
      expect(one).to.include({ id: sent.id, email: "a@example.com", status: "PENDING", roleName: "viewer" });
    });

    it("reads an old invitation that carries no role id", async () => {
      const sent = fake.addInvitation({ email: "old@example.com", roleName: "viewer", withoutRoleId: true });
      const one = await client.getInvitation(org, sent.id);
      expect(one).not.to.have.property("roleId");
    });

    it("cancels an invitation", async () => {
      const sent = fake.addInvitation({ email: "a@example.com", roleName: "viewer" });
      await client.cancelInvitation(org, sent.id);
      expect(fake.invitations()).to.deep.equal([]);
    });

    it("lists members, whose ids are identity-provider subjects", async () => {
      fake.addMember({ email: "m@example.com", roleName: "viewer", id: "auth0|abc" });
      const members = await client.listMembers(org);
      expect(members.map((m) => m.id)).to.include.members([fake.ownerMemberId, "auth0|abc"]);
      expect(members.find((m) => m.id === "auth0|abc")).to.include({ email: "m@example.com", roleName: "viewer" });
    });

    it("changes a member's role, accepting Qovery's empty answer", async () => {
      const member = fake.addMember({ email: "m@example.com", roleName: "viewer" });
      await client.changeMemberRole(org, member.id, fake.roleId("admin"));
      expect(fake.members().find((m) => m.id === member.id)?.roleName).to.equal("admin");
    });

    it("removes a member with a DELETE that carries a JSON body", async () => {
      const member = fake.addMember({ email: "m@example.com", roleName: "viewer", id: "github|77" });
      await client.removeMember(org, member.id);
      expect(fake.exchanges[0]).to.include({ method: "DELETE", status: 204 });
      expect(fake.exchanges[0].requestBody).to.deep.equal({ user_id: "github|77" });
      expect(fake.members().map((m) => m.id)).not.to.include("github|77");
    });

    it("lists the available roles, built-in and custom", async () => {
      const names = (await client.listRoles(org)).map((r) => r.name);
      expect(names).to.include.members(["admin", "devops", "billing", "viewer", "Data Scientists"]);
    });
  });

  describe("errors", () => {
    it("maps 401 to unauthorized, saying how to set a token, without the token", async () => {
      fake.revokeToken();
      const error = await expectApiError(client.listRoles(org));
      expect(error.kind).to.equal("unauthorized");
      expect(error.status).to.equal(401);
      expect(error.message).to.include("listOrganizationAvailableRoles").and.include(org).and.include("HTTP 401");
      expect(error.message).to.include("pulumi config set qovery:apiToken --secret").and.include("QOVERY_API_TOKEN");
      expect(error.message).not.to.include(fake.apiToken);
      expect(JSON.stringify(error)).not.to.include(fake.apiToken);
    });

    it("maps 403 to forbidden, naming the rights needed", async () => {
      fake.setTokenForbidden(true);
      const error = await expectApiError(client.listMembers(org));
      expect(error.kind).to.equal("forbidden");
      expect(error.message).to.include("admin or owner");
    });

    it("maps 404 to not-found, with Qovery's detail", async () => {
      const error = await expectApiError(client.getInvitation(org, "5b0f5b0f-5b0f-4b0f-8b0f-5b0f5b0f5b0f", "x@example.com"));
      expect(error.kind).to.equal("not-found");
      expect(error.message).to.include("x@example.com").and.include("HTTP 404");
      expect(error.detail).to.be.a("string").and.not.empty;
    });

    it("maps an unknown organization to not-found, naming it", async () => {
      const unknownOrg = "0e0e0e0e-0e0e-4e0e-8e0e-0e0e0e0e0e0e";
      const error = await expectApiError(client.listInvitations(unknownOrg));
      expect(error.kind).to.equal("not-found");
      expect(error.message).to.include(unknownOrg);
      expect(error.message).to.include(`Organization ${unknownOrg} was not found: check organizationId`);
    });

    it("says the organization was not found only where a 404 can mean nothing else", async () => {
      const invitation = await expectApiError(client.getInvitation(org, "5b0f5b0f-5b0f-4b0f-8b0f-5b0f5b0f5b0f", "x@example.com"));
      expect(invitation.message).not.to.include("was not found");
      // A 400 saying the role does not exist in the organization is not the organization missing.
      const role = await expectApiError(client.inviteMember(org, "x@example.com", "5b0f5b0f-5b0f-4b0f-8b0f-5b0f5b0f5b0f"));
      expect(role.kind).to.equal("not-found");
      expect(role.message).not.to.include("was not found");
    });

    it("maps a 400 saying the thing does not exist to not-found", async () => {
      const error = await expectApiError(client.changeMemberRole(org, "github|404", fake.roleId("admin")));
      expect(error.status).to.equal(400);
      expect(error.kind).to.equal("not-found");
    });

    it("maps 409 to conflict", async () => {
      fake.addInvitation({ email: "jane@example.com", roleName: "viewer" });
      const error = await expectApiError(client.inviteMember(org, "jane@example.com", fake.roleId("viewer")));
      expect(error.kind).to.equal("conflict");
      expect(error.detail).to.match(/already invited/i);
    });

    it("maps another 400 to bad-request with Qovery's detail naming the field", async () => {
      const error = await expectApiError(client.inviteMember(org, "not an email", fake.roleId("viewer")));
      expect(error.kind).to.equal("bad-request");
      expect(error.detail).to.include("email");
    });

    it("maps a timeout to timeout", async () => {
      const slow = new QoveryClient(testSettings(fake, { requestTimeoutMs: 100, maxRetries: 0 }));
      fake.injectFault({ operation: "listOrganizationAvailableRoles", delayMs: 400 });
      const error = await expectApiError(slow.listRoles(org));
      expect(error.kind).to.equal("timeout");
    });

    it("maps a refused connection to network", async () => {
      const url = fake.url;
      await fake.close();
      const offline = new QoveryClient({ ...testSettings(fake, { maxRetries: 0 }), apiUrl: url });
      const error = await expectApiError(offline.listRoles(org));
      expect(error.kind).to.equal("network");
      expect(error.message).to.include("qovery:apiUrl");
      fake = await startFakeQovery();
    });

    it("maps an answer of the wrong shape to invalid-response, naming the field", async () => {
      const server = http.createServer((_req, res) => res.end(JSON.stringify({ results: [{ id: "x" }] })));
      await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
      const { port } = server.address() as AddressInfo;
      const odd = new QoveryClient({ ...testSettings(fake), apiUrl: `http://127.0.0.1:${port}` });
      try {
        const error = await expectApiError(odd.listRoles(org));
        expect(error.kind).to.equal("invalid-response");
        expect(error.detail).to.include("results.0.name");
      } finally {
        server.close();
      }
    });
  });

  describe("retries", () => {
    it("retries a 429 after the Retry-After it was given", async () => {
      fake.injectFault({ operation: "getOrganizationMembers", status: 429, retryAfterSeconds: 1 });
      const patient = new QoveryClient(testSettings(fake, { maxRetryDelayMs: 5000 }));
      const started = Date.now();
      await patient.listMembers(org);
      expect(Date.now() - started).to.be.at.least(900);
      expect(fake.callCount("getOrganizationMembers")).to.equal(2);
    });

    it("caps a long Retry-After at qovery:maxRetryDelayMs", async () => {
      fake.injectFault({ operation: "getOrganizationMembers", status: 429, retryAfterSeconds: 60 });
      const started = Date.now();
      await client.listMembers(org);
      expect(Date.now() - started).to.be.below(5000);
      expect(fake.callCount("getOrganizationMembers")).to.equal(2);
    });

    it("retries 5xx and resets of idempotent requests until they succeed", async () => {
      fake.injectFault({ operation: "getOrganizationMembers", status: 503 });
      fake.injectFault({ operation: "getOrganizationMembers", status: 500 });
      fake.injectFault({ operation: "getOrganizationMembers", reset: "before" });
      const members = await client.listMembers(org);
      expect(members).to.have.length(1);
      expect(fake.callCount("getOrganizationMembers")).to.equal(4);
    });

    it("gives up after maxRetries retries, reporting the last status", async () => {
      fake.injectFault({ operation: "getOrganizationMembers", status: 502, times: 10 });
      const error = await expectApiError(client.listMembers(org));
      expect(error.kind).to.equal("server");
      expect(error.status).to.equal(502);
      expect(fake.callCount("getOrganizationMembers")).to.equal(4);
    });

    it("retries the invite only on 429, never on a 5xx that may hide a sent invitation", async () => {
      fake.injectFault({ operation: "postInviteMember", status: 429 });
      await client.inviteMember(org, "a@example.com", fake.roleId("viewer"));
      expect(fake.callCount("postInviteMember")).to.equal(2);
      fake.resetCounts();
      fake.injectFault({ operation: "postInviteMember", status: 503 });
      const error = await expectApiError(client.inviteMember(org, "b@example.com", fake.roleId("viewer")));
      expect(error.kind).to.equal("server");
      expect(fake.callCount("postInviteMember")).to.equal(1);
    });
  });

  it("keeps at most maxConcurrency requests in flight", async () => {
    let inFlight = 0;
    let peak = 0;
    const server = http.createServer((_req, res) => {
      inFlight++;
      peak = Math.max(peak, inFlight);
      setTimeout(() => {
        inFlight--;
        res.end(JSON.stringify({ results: [] }));
      }, 30);
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    const limited = new QoveryClient({ ...testSettings(fake, { maxConcurrency: 2 }), apiUrl: `http://127.0.0.1:${port}` });
    try {
      await Promise.all(Array.from({ length: 8 }, () => limited.listRoles(org)));
      expect(peak).to.equal(2);
    } finally {
      server.close();
    }
  });
});
