/**
 * Losing access mid-run, the provider in process with parallel steps (stack.ts): the token revoked during
 * `up` (after some people were invited) and during `destroy`, and a token without rights (403)
 * on refresh and destroy. Each run fails with advice a person can act on, a later refresh drops
 * nothing, and a 401 or 403 means Qovery did nothing, so the state still matches the fake
 * exactly. With a new credential the same state carries on. And the messages themselves: 401, 403 and an unknown organization, each naming the operation, the organization,
 * the email, the HTTP status and Qovery's detail, and never the token.
 */
import { expect } from "chai";
import { randomUUID } from "node:crypto";
import type { FakeQovery } from "../fake-qovery";
import { attempt, Crowd, startFaultBed, type StackBed } from "./crowd";
import { invitationResources, outputsOf, scenarioInvariants } from "./invariants";
import { CommandFailed, type Failure, type Program, type Stack } from "./stack";

const REJECTED =
  "The Qovery API token was rejected. Set a valid organization API token with `pulumi config set qovery:apiToken --secret` or the QOVERY_API_TOKEN environment variable.";
const FORBIDDEN = "The API token lacks the right to manage members of this organization: use a token whose role is admin or owner";

/** Revokes the token as soon as the fake has received `count` requests of `operation`. */
function revokeAfter(fake: FakeQovery, operation: Parameters<FakeQovery["callCount"]>[0], count: number): () => void {
  const timer = setInterval(() => {
    if (fake.callCount(operation) >= count) {
      fake.revokeToken();
      clearInterval(timer);
    }
  }, 1);
  return () => clearInterval(timer);
}

/** Each failed step of a command that failed. */
function failuresOf(error: Error | undefined): Failure[] {
  expect(error, "the command failed").to.be.instanceOf(CommandFailed);
  return (error as CommandFailed).failures;
}

describe("faults: access lost mid-run, the provider in process with parallel steps", function () {
  this.timeout(60_000);

  describe("the token revoked during up, and the messages people can act on", () => {
    let bed: StackBed;
    let engine: Stack;
    let crowd: Crowd;
    const { errors, check } = scenarioInvariants(
      () => ({ engine, fake: bed.fake, log: engine.log }),
      () => crowd.organizationId,
    );

    before(async () => {
      bed = await startFaultBed();
      engine = bed.stack();
      crowd = Crowd.seed(bed.fake, "Revoked during up", { fresh: 12, "pending-same": 0, "pending-other": 0, member: 0 });
    });
    after(() => bed.close());

    /** Six people; once they are invited, the token is revoked and six more are declared. */
    const program: Program = async (declare) => {
      const invite = (email: string) => declare(email, { organizationId: crowd.organizationId, email, roleName: "viewer" });
      await Promise.all(crowd.people.slice(0, 6).map((p) => invite(p.email)));
      bed.fake.revokeToken();
      for (const person of crowd.people.slice(6)) void invite(person.email);
    };

    /** One resource named "ada" (not its email, so that the email in a message comes from the error). */
    async function upFails(organizationId: string): Promise<string> {
      const { error } = await attempt(errors, () =>
        engine.up((declare) => void declare("ada", { organizationId, email: "Ada@Example.com", roleName: "viewer" })),
      );
      const [failure, ...others] = failuresOf(error);
      expect(others).to.deep.equal([]);
      expect(failure!.op).to.be.oneOf(["check", "create"]);
      const message = failure!.message;
      expect(message).to.match(new RegExp(`^Qovery \\w+ failed \\(organization ${organizationId}, email ada@example\\.com; HTTP \\d{3}: `));
      expect(message).not.to.include(bed.fake.apiToken);
      expect(message).not.to.include("\n    at ");
      return message;
    }

    it("an unknown organization: says it was not found, naming it, the operation, the email, 404 and Qovery's detail", async () => {
      const unknown = randomUUID();
      const message = await upFails(unknown);
      expect(message).to.include("listOrganizationAvailableRoles").and.include("HTTP 404");
      expect(message).to.include(`Organization ${unknown} does not exist`); // Qovery's detail
      expect(message).to.include(`Organization ${unknown} was not found: check organizationId`);
    });

    it("403: says the token lacks the right to manage members of the organization", async () => {
      const organizationId = bed.fake.addOrganization("Forbidden");
      bed.fake.setTokenForbidden(true);
      try {
        const message = await upFails(organizationId);
        expect(message).to.include("HTTP 403: Access forbidden: the token lacks rights on this organization");
        expect(message).to.include(FORBIDDEN);
      } finally {
        bed.fake.setTokenForbidden(false);
      }
      expect(bed.fake.invitations(organizationId)).to.deep.equal([]);
    });

    it("fails with the advice to set a token, naming every step that failed, and keeps what was done", async () => {
      const { error } = await attempt(errors, () => engine.up(program));
      const failures = failuresOf(error);
      expect(failures.map((f) => f.name).sort()).to.deep.equal(
        crowd.people
          .slice(6)
          .map((p) => p.email)
          .sort(),
      );
      for (const failure of failures) expect(failure.message).to.include("HTTP 401").and.include(REJECTED);
      expect(
        invitationResources(engine)
          .map((r) => outputsOf(r).email)
          .sort(),
      ).to.deep.equal(
        crowd.people
          .slice(0, 6)
          .map((p) => p.email)
          .sort(),
      );
      // A 401 means Qovery did nothing: the state matches the fake exactly, even after this failed run.
      check();
      expect(bed.fake.invitations(crowd.organizationId)).to.have.length(6);
    });

    it("a later refresh with the revoked token fails and drops nothing", async () => {
      const before = invitationResources(engine);
      const { error } = await attempt(errors, () => engine.refresh());
      expect(error?.message).to.include("getOrganizationInvitedMembers").and.include("HTTP 401").and.include(REJECTED);
      expect(invitationResources(engine)).to.deep.equal(before);
      check();
    });

    it("401: says the token was rejected and how to set one", async () => {
      const organizationId = bed.fake.addOrganization("Rejected");
      bed.fake.revokeToken();
      const message = await upFails(organizationId);
      expect(message).to.include("listOrganizationAvailableRoles").and.include("HTTP 401: Invalid or expired token");
      expect(message).to.include(REJECTED);
      expect(engine.log.join("\n")).not.to.include(bed.fake.apiToken);
    });

    it("with a new credential the same state is refreshed, completed and destroyed", async () => {
      // As after `pulumi config set qovery:apiToken --secret <new>`: the same state, another token.
      engine = bed.stack({ token: bed.fake.jwt, resources: engine.resources });
      expect(await engine.refresh()).to.equal(0);
      await engine.up(program);
      crowd.assertConverged();
      check();
      await engine.destroy();
      crowd.assertEmpty();
      check();
    });
  });

  describe("a token without rights, then the token revoked during destroy", () => {
    let bed: StackBed;
    let engine: Stack;
    let crowd: Crowd;
    const { errors, check } = scenarioInvariants(
      () => ({ engine, fake: bed.fake, log: engine.log }),
      () => crowd.organizationId,
    );

    before(async () => {
      // Some latency, so that the destroy is still deleting when the token is revoked.
      bed = await startFaultBed({ latencyMs: 40 });
      engine = bed.stack();
      crowd = Crowd.seed(bed.fake, "Revoked during destroy", { fresh: 12, "pending-same": 0, "pending-other": 0, member: 2 });
      await engine.up(crowd.declare());
    });
    after(() => bed.close());

    it("a refresh answered 403 fails saying the token lacks the rights, and drops nothing", async () => {
      const before = invitationResources(engine);
      bed.fake.setTokenForbidden(true);
      try {
        const { error } = await attempt(errors, () => engine.refresh());
        const failures = failuresOf(error);
        expect(failures, "every read failed").to.have.length(crowd.people.length);
        for (const failure of failures) {
          expect(failure.op).to.equal("read");
          expect(failure.message).to.include("HTTP 403").and.include(FORBIDDEN);
        }
      } finally {
        bed.fake.setTokenForbidden(false);
      }
      expect(invitationResources(engine)).to.deep.equal(before);
      check();
    });

    it("a destroy answered 403 fails and keeps every resource", async () => {
      const before = invitationResources(engine);
      bed.fake.setTokenForbidden(true);
      try {
        const { error } = await attempt(errors, () => engine.destroy());
        expect(error?.message).to.include("HTTP 403").and.include(FORBIDDEN);
      } finally {
        bed.fake.setTokenForbidden(false);
      }
      expect(invitationResources(engine)).to.deep.equal(before);
      check();
    });

    it("a destroy during which the token is revoked fails with the advice; what was not deleted stays in the state and in Qovery alike", async () => {
      bed.fake.resetCounts();
      const stop = revokeAfter(bed.fake, "deleteInviteMember", 3);
      const { error } = await attempt(errors, () => engine.destroy()).finally(stop);
      expect(error?.message).to.include("HTTP 401").and.include(REJECTED);
      const left = invitationResources(engine);
      expect(left.length, "some deletes failed").to.be.greaterThan(0);
      expect(left.length, "some went through").to.be.below(crowd.people.length);
      for (const failure of failuresOf(error)) {
        expect(failure.op).to.equal("delete");
        expect(failure.message).to.include("HTTP 401");
      }
      check();
    });

    it("a later refresh fails with the advice and drops nothing, not even people who accepted meanwhile", async () => {
      const before = invitationResources(engine);
      const pending = before.find((r) => outputsOf(r).invitationStatus === "PENDING")!;
      bed.fake.acceptInvitation(String(outputsOf(pending).invitationId), { organizationId: crowd.organizationId });
      const { error } = await attempt(errors, () => engine.refresh());
      expect(error?.message).to.include("HTTP 401").and.include(REJECTED);
      expect(invitationResources(engine)).to.deep.equal(before);
    });
  });
});
