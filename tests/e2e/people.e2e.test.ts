/**
 * Following a person, not just an invitation, through the real Pulumi CLI: acceptance, expiry
 * policies, adoption of what exists, member role changes and removal, and the roster example.
 */
import { expect } from "chai";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";
import * as sinon from "sinon";
import type { Program } from "../support/pulumi-cli";
import { changedSteps, startEngineBed, type EngineBed } from "../support/engine";
import { installed, repositoryRoot } from "../support/installed-package";
import { rejectionOf } from "../support/assertions";

const { OrganizationInvitation } = installed;

function stateOf(bed: EngineBed, name: string): Record<string, unknown> | undefined {
  return bed.engine.readState().checkpoint.latest?.resources?.find((r) => r.urn.endsWith(`::${name}`))?.outputs;
}

describe("following a person through the real Pulumi CLI", function () {
  this.timeout(180_000);
  let bed: EngineBed;

  beforeEach(async () => {
    // Like Qovery's, the fake's member list lags behind a role change (two reads here).
    bed = await startEngineBed({ fake: { memberRoleLagReads: 2 } });
  });
  afterEach(() => bed.close());

  const person =
    (roleName: string, onExpired?: "keep" | "reissue" | "fail"): Program =>
    () => {
      new OrganizationInvitation("ada", { organizationId: bed.fake.organizationId, email: "ada@example.com", roleName, onExpired });
    };

  it("changes an accepted member's role in place, and a refresh right after shows no drift", async () => {
    await bed.engine.up(person("viewer"));
    bed.fake.acceptInvitation("ada@example.com", { memberId: "github|7" });
    await bed.engine.refresh();
    bed.fake.resetCounts();

    const result = await bed.engine.up(person("admin"));
    expect(changedSteps(result)).to.deep.equal(["update ada"]);
    expect(bed.fake.callCount("editOrganizationMemberRole")).to.equal(1);
    expect(bed.fake.callCount("postInviteMember")).to.equal(0);
    expect(bed.fake.members().find((m) => m.id === "github|7")?.roleName).to.equal("admin");

    await bed.engine.refresh();
    expect(changedSteps(await bed.engine.preview(person("admin")))).to.deep.equal([]);
  });

  it("removes an accepted member when the resource is deleted", async () => {
    await bed.engine.up(person("viewer"));
    bed.fake.acceptInvitation("ada@example.com", { memberId: "github|7" });
    await bed.engine.refresh();
    await bed.engine.up(() => {});
    expect(bed.fake.members().map((m) => m.id)).not.to.include("github|7");
    expect(bed.fake.callCount("deleteMember")).to.equal(1);
  });

  it("reissues an invitation a refresh saw expire, with onExpired reissue", async () => {
    await bed.engine.up(person("viewer", "reissue"));
    const [old] = bed.fake.invitations();
    bed.fake.expireInvitation("ada@example.com");
    await bed.engine.refresh();
    const result = await bed.engine.up(person("viewer", "reissue"));
    expect(changedSteps(result)).to.deep.equal(["replace ada"]);
    const invitations = bed.fake.invitations();
    expect(invitations).to.have.length(1);
    expect(invitations[0]).to.include({ status: "PENDING" });
    expect(invitations[0].id).not.to.equal(old.id);
  });

  it("keeps an expired invitation as EXPIRED with onExpired keep", async () => {
    await bed.engine.up(person("viewer"));
    bed.fake.expireInvitation("ada@example.com");
    await bed.engine.refresh();
    expect(changedSteps(await bed.engine.up(person("viewer")))).to.deep.equal([]);
    expect(stateOf(bed, "ada")).to.include({ invitationStatus: "EXPIRED" });
  });

  // The engine stops a deployment at its first failed diff, so each run names the first person it
  // meets; every person is named in an error of their own.
  it("fails the refresh that sees the expiry and the next up, naming each person whose invitation expired, with onExpired fail", async () => {
    const team: Program = () => {
      for (const email of ["ada@example.com", "bob@example.com"]) {
        new OrganizationInvitation(email, { organizationId: bed.fake.organizationId, email, roleName: "viewer", onExpired: "fail" });
      }
    };
    await bed.engine.up(team);
    bed.fake.expireInvitation("ada@example.com");
    bed.fake.expireInvitation("bob@example.com");
    bed.fake.resetCounts();
    // The real engine diffs each refreshed resource against its inputs, so the refresh already fails.
    const refreshError = String(await rejectionOf(bed.engine.refresh()));
    expect(refreshError).to.include("ada@example.com").and.include("bob@example.com").and.include('onExpired is "fail"');
    // An up stops at its first failed step: it names the first person it meets.
    const error = String(await rejectionOf(bed.engine.up(team)));
    expect(error)
      .to.match(/(ada|bob)@example\.com/)
      .and.include('onExpired is "fail"');
    expect(bed.fake.callCount("postInviteMember")).to.equal(0);
  });

  it("adopts an existing member without inviting, and an existing pending invitation without a second email", async () => {
    bed.fake.addMember({ email: "Ada@Example.com", roleName: "viewer", id: "github|1" });
    const pending = bed.fake.addInvitation({ email: "bob@example.com", roleName: "devops" });
    await bed.engine.up(() => {
      new OrganizationInvitation("ada", { organizationId: bed.fake.organizationId, email: "ada@example.com", roleName: "viewer" });
      new OrganizationInvitation("bob", { organizationId: bed.fake.organizationId, email: "bob@example.com", roleName: "devops" });
    });
    expect(bed.fake.invitations().map((i) => i.id)).to.deep.equal([pending.id]);
    expect(stateOf(bed, "ada")).to.include({ invitationStatus: "ACCEPTED", memberId: "github|1" });
    expect(stateOf(bed, "bob")).to.include({ invitationStatus: "PENDING", invitationId: pending.id });
  });

  it("accepts the deprecated role enum with a warning, inviting with the role it stands for", async () => {
    const warn = sinon.stub(pulumi.log, "warn").resolves();
    try {
      await bed.engine.up(() => {
        new OrganizationInvitation("ada", { organizationId: bed.fake.organizationId, email: "ada@example.com", role: "ADMIN" });
      });
    } finally {
      warn.restore();
    }
    expect(warn.calledWithMatch(sinon.match(/`role` is deprecated.*use `roleName`/))).to.equal(true);
    expect(bed.fake.invitations()[0]).to.include({ email: "ada@example.com", roleName: "admin" });
  });

  describe("examples/roster", () => {
    const entry = path.join(repositoryRoot, "examples", "roster", "index.ts");
    const roster: Program = () => {
      delete require.cache[require.resolve(entry)];
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      return { ...require(entry) };
    };
    let dir: string;
    let file: string;
    let rosterBed: EngineBed;

    beforeEach(async () => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), "roster-"));
      file = path.join(dir, "people.yaml");
      fs.copyFileSync(path.join(repositoryRoot, "examples", "roster", "people.yaml"), file);
      rosterBed = await startEngineBed({
        config: (fake) => ({
          "qovery-invitations:organizationId": fake.organizationId,
          "qovery-invitations:peopleFile": file,
        }),
      });
    });
    afterEach(async () => {
      await rosterBed.close();
      fs.rmSync(dir, { recursive: true, force: true });
    });

    it("invites everyone in the file, and removing one line deletes exactly that invitation", async () => {
      const first = await rosterBed.engine.up(roster);
      expect(changedSteps(first).filter((op) => op.includes("@"))).to.have.length(4);
      expect(first.outputs.statuses).to.deep.equal({
        "ada@example.com": "PENDING",
        "grace@example.com": "PENDING",
        "katherine@example.com": "PENDING",
        "alan@example.com": "PENDING",
      });
      const katherine = rosterBed.fake.invitations().find((i) => i.email === "katherine@example.com");
      expect(katherine?.roleName).to.equal("Data Scientists");

      fs.writeFileSync(file, fs.readFileSync(file, "utf8").replace(/  - email: grace@example.com\n    roleName: devops\n/, ""));
      const second = await rosterBed.engine.up(roster);
      expect(changedSteps(second)).to.deep.equal(["delete grace@example.com"]);
      const emails = rosterBed.fake
        .invitations()
        .map((i) => i.email)
        .sort();
      expect(emails).to.deep.equal(["ada@example.com", "alan@example.com", "katherine@example.com"]);
    });
  });
});
