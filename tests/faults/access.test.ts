/**
 * Losing access mid-run, through the real plugin with parallel steps: the token revoked during
 * `up` (after some people were invited) and during `destroy`, and a token without rights (403)
 * on refresh and destroy. Each run fails with advice a person can act on, a later refresh drops
 * nothing, and a 401 or 403 means Qovery did nothing, so the state still matches the fake
 * exactly. With a new credential the same state carries on. And the messages themselves (issue
 * item 3): 401, 403 and an unknown organization, each naming the operation, the organization,
 * the email, the HTTP status and Qovery's detail, and never the token.
 */
import { expect } from "chai";
import { randomUUID } from "node:crypto";
import * as pulumi from "@pulumi/pulumi";
import type { FakeQovery } from "../fake-qovery";
import { Engine, type Program } from "../harness";
import type { HarnessBed as EngineBed } from "../harness/bed";
import { installed, repositoryRoot } from "../support/installed-package";
import { attempt, Crowd, fastConfig, PARALLEL, startFaultBed } from "./crowd";
import { INVITATION_TYPE, invitationResources, outputsOf, scenarioInvariants } from "./invariants";

const { OrganizationInvitation } = installed;

const REJECTED =
  "The Qovery API token was rejected. Set a valid organization API token with `pulumi config set qovery:apiToken --secret` or the QOVERY_API_TOKEN environment variable.";
const FORBIDDEN = "The API token lacks the right to manage members of this organization: use a token whose role is admin or owner";

/** The same stack with another credential, as after `pulumi config set qovery:apiToken --secret <new>`. */
function engineWithJwt(bed: EngineBed): Engine {
  return new Engine({
    programDir: repositoryRoot,
    stateFile: bed.stateFile,
    config: { "qovery:apiUrl": bed.fake.url, "qovery:apiToken": bed.fake.jwt, ...fastConfig()(bed.fake) },
    secretConfigKeys: ["qovery:apiToken"],
    log: (line) => bed.log.push(line),
    parallel: PARALLEL,
  });
}

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

function failedLines(message: string): string[] {
  return message.split("\n").filter((line) => /^\s*\w+ of \S+ '.*' failed: /.test(line));
}

describe("faults: access lost mid-run, through the real plugin with parallel steps", function () {
  this.timeout(60_000);

  describe("the token revoked during up, and the messages people can act on", () => {
    let bed: EngineBed;
    let crowd: Crowd;
    const { errors, check } = scenarioInvariants(
      () => bed,
      () => crowd.organizationId,
    );

    before(async () => {
      bed = await startFaultBed();
      crowd = Crowd.seed(bed.fake, "Revoked during up", { fresh: 12, "pending-same": 0, "pending-other": 0, member: 0 });
    });
    after(() => bed.close());

    /** Six people; once they are invited, the token is revoked and six more are declared. */
    const program: Program = () => {
      const invite = (email: string) =>
        new OrganizationInvitation(email, { organizationId: crowd.organizationId, email, roleName: "viewer" });
      const first = crowd.people.slice(0, 6).map((p) => invite(p.email));
      pulumi.all(first.map((r) => r.invitationId)).apply(() => {
        bed.fake.revokeToken();
        for (const person of crowd.people.slice(6)) invite(person.email);
      });
    };

    /** One resource named "ada" (not its email, so that the email in a message comes from the error). */
    async function upFails(organizationId: string): Promise<string> {
      const { error } = await attempt(errors, () =>
        bed.engine.up(() => {
          new OrganizationInvitation("ada", { organizationId, email: "Ada@Example.com", roleName: "viewer" });
        }),
      );
      expect(error, "up failed").not.to.equal(undefined);
      const message = error!.message;
      expect(message).to.match(
        new RegExp(
          `^(check|create) of ${INVITATION_TYPE} 'ada' failed: Qovery \\w+ failed \\(organization ${organizationId}, email ada@example\\.com; HTTP \\d{3}: `,
        ),
      );
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
      const { error } = await attempt(errors, () => bed.engine.up(program));
      expect(error, "up failed").not.to.equal(undefined);
      const lines = failedLines(error!.message);
      expect(lines.map((line) => /'(.*)'/.exec(line)![1]).sort()).to.deep.equal(
        crowd.people
          .slice(6)
          .map((p) => p.email)
          .sort(),
      );
      for (const line of lines) expect(line).to.include("HTTP 401").and.include(REJECTED);
      expect(
        invitationResources(bed.engine)
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
      const before = invitationResources(bed.engine);
      const { error } = await attempt(errors, () => bed.engine.refresh());
      expect(error?.message).to.include("getOrganizationInvitedMembers").and.include("HTTP 401").and.include(REJECTED);
      expect(invitationResources(bed.engine)).to.deep.equal(before);
      check();
    });

    it("401: says the token was rejected and how to set one", async () => {
      const organizationId = bed.fake.addOrganization("Rejected");
      bed.fake.revokeToken();
      const message = await upFails(organizationId);
      expect(message).to.include("listOrganizationAvailableRoles").and.include("HTTP 401: Invalid or expired token");
      expect(message).to.include(REJECTED);
      expect(bed.log.join("\n")).not.to.include(bed.fake.apiToken);
    });

    it("with a new credential the same state is refreshed, completed and destroyed", async () => {
      const engine = engineWithJwt(bed);
      try {
        const refreshed = await engine.refresh();
        expect(refreshed.changes).to.equal(0);
        await engine.up(program);
        crowd.assertConverged();
        check();
        await engine.destroy();
        crowd.assertEmpty();
        check();
      } finally {
        await engine.close();
      }
    });
  });

  describe("a token without rights, then the token revoked during destroy", () => {
    let bed: EngineBed;
    let crowd: Crowd;
    const { errors, check } = scenarioInvariants(
      () => bed,
      () => crowd.organizationId,
    );

    before(async () => {
      // Some latency, so that the destroy is still deleting when the token is revoked.
      bed = await startFaultBed({ latencyMs: 40 });
      crowd = Crowd.seed(bed.fake, "Revoked during destroy", { fresh: 12, "pending-same": 0, "pending-other": 0, member: 2 });
      await bed.engine.up(crowd.program());
    });
    after(() => bed.close());

    it("a refresh answered 403 fails saying the token lacks the rights, and drops nothing", async () => {
      const before = invitationResources(bed.engine);
      bed.fake.setTokenForbidden(true);
      try {
        const { error } = await attempt(errors, () => bed.engine.refresh());
        const lines = failedLines(error!.message);
        expect(lines, "every read failed").to.have.length(crowd.people.length);
        for (const line of lines)
          expect(line)
            .to.match(/^\s*read of /)
            .and.include("HTTP 403")
            .and.include(FORBIDDEN);
      } finally {
        bed.fake.setTokenForbidden(false);
      }
      expect(invitationResources(bed.engine)).to.deep.equal(before);
      check();
    });

    it("a destroy answered 403 fails and keeps every resource", async () => {
      const before = invitationResources(bed.engine);
      bed.fake.setTokenForbidden(true);
      try {
        const { error } = await attempt(errors, () => bed.engine.destroy());
        expect(error?.message).to.include("HTTP 403").and.include(FORBIDDEN);
      } finally {
        bed.fake.setTokenForbidden(false);
      }
      expect(invitationResources(bed.engine)).to.deep.equal(before);
      check();
    });

    it("a destroy during which the token is revoked fails with the advice; what was not deleted stays in the state and in Qovery alike", async () => {
      bed.fake.resetCounts();
      const stop = revokeAfter(bed.fake, "deleteInviteMember", 3);
      const { error } = await attempt(errors, () => bed.engine.destroy()).finally(stop);
      expect(error?.message).to.include("HTTP 401").and.include(REJECTED);
      const left = invitationResources(bed.engine);
      expect(left.length, "some deletes failed").to.be.greaterThan(0);
      expect(left.length, "some went through").to.be.below(crowd.people.length);
      for (const line of failedLines(error!.message))
        expect(line)
          .to.match(/^\s*delete of /)
          .and.include("HTTP 401");
      check();
    });

    it("a later refresh fails with the advice and drops nothing, not even people who accepted meanwhile", async () => {
      const before = invitationResources(bed.engine);
      const pending = before.find((r) => outputsOf(r).invitationStatus === "PENDING")!;
      bed.fake.acceptInvitation(String(outputsOf(pending).invitationId), { organizationId: crowd.organizationId });
      const { error } = await attempt(errors, () => bed.engine.refresh());
      expect(error?.message).to.include("HTTP 401").and.include(REJECTED);
      expect(invitationResources(bed.engine)).to.deep.equal(before);
    });
  });
});
