/**
 * Access review through the real Pulumi CLI: an OrganizationRoster reports the access it does not
 * declare (`unmanaged: "report"`), or removes it on `up` (`unmanaged: "remove"`), never touching
 * the owner, the `keep` list or the member the API token belongs to, and never in a preview.
 *
 * One plugin serves the tests (starting one costs about 2 s): each test gets an organization of
 * its own, and its first `up` also deletes what the previous test left in the state.
 */
import { expect } from "chai";
import * as pulumi from "@pulumi/pulumi";
import * as sinon from "sinon";
import type { Program, RunResult } from "../support/pulumi-cli";
import { changedSteps, changingSteps, startEngineBed, type EngineBed } from "../support/engine";
import { installed } from "../support/installed-package";
import type { OrganizationRosterArgs } from "../../sdk";
import { rejectionOf } from "../support/assertions";

const { OrganizationRoster } = installed;

/** The changing steps, sorted: their order is not what these tests are about. */
function ops(result: Pick<RunResult, "steps">): string[] {
  return changedSteps(result).sort();
}

/** The changing steps with the names of the inputs that change, sorted. */
function changes(result: Pick<RunResult, "steps">): string[] {
  return changingSteps(result)
    .map((step) => `${step.op} ${step.name} +${[...step.diffs].sort().join(",")}`)
    .sort();
}

const MUTATIONS = ["postInviteMember", "deleteInviteMember", "editOrganizationMemberRole", "deleteMember"] as const;

describe("access review through the real Pulumi CLI", function () {
  this.timeout(180_000);
  let bed: EngineBed;
  let org: string;
  let ownerId: string;
  let warnings: string[];

  const team =
    (options: Partial<OrganizationRosterArgs> = {}): Program =>
    () => {
      const roster = new OrganizationRoster("team", {
        organizationId: org,
        people: [
          { email: "ada@example.com", roleName: "admin" },
          { email: "grace@example.com", roleName: "devops" },
        ],
        ...options,
      });
      return { unmanagedMembers: roster.unmanagedMembers, unmanagedInvitations: roster.unmanagedInvitations };
    };

  /** Everything Qovery holds for the test's organization, to compare before and after. */
  const snapshot = () => ({
    members: bed.fake
      .members(org)
      .map((m) => `${m.id} ${m.email} ${m.roleName}`)
      .sort(),
    invitations: bed.fake
      .invitations(org)
      .map((i) => `${i.id} ${i.email} ${i.status}`)
      .sort(),
  });
  const memberEmails = () =>
    bed.fake
      .members(org)
      .map((m) => m.email)
      .sort();
  const invitationEmails = () =>
    bed.fake
      .invitations(org)
      .map((i) => i.email)
      .sort();
  const addMember = (email: string, roleName = "admin") => bed.fake.addMember({ email, roleName, organizationId: org }).id;
  const addInvitation = (email: string) => bed.fake.addInvitation({ email, roleName: "viewer", organizationId: org });

  /** A fresh organization with the roster applied; warnings and counts start from nothing. */
  async function freshOrganization(): Promise<void> {
    org = bed.fake.addOrganization("Acme");
    ownerId = bed.fake.members(org)[0]!.id;
    await bed.engine.up(team());
    warnings.length = 0;
    bed.fake.resetCounts();
  }

  before(async () => {
    bed = await startEngineBed();
  });
  after(() => bed.close());

  beforeEach(async () => {
    warnings = [];
    // The installed package and this test share @pulumi/pulumi: its log is where the roster warns.
    sinon.stub(pulumi.log, "warn").callsFake(async (message: string) => {
      warnings.push(message);
    });
    await freshOrganization();
  });
  afterEach(() => sinon.restore());

  describe('unmanaged: "report" (the default)', () => {
    it("lists a member added by hand in its outputs and warns about it, in preview and up, touching nothing", async () => {
      const eve = addMember("Eve@Example.com");
      const before = snapshot();

      for (const run of [() => bed.engine.preview(team()), () => bed.engine.up(team())]) {
        warnings.length = 0;
        const result = await run();
        expect(ops(result)).to.deep.equal([]);
        const members = result.outputs.unmanagedMembers as { email: string; id: string; access: string }[];
        expect(members.map((m) => `${m.access} ${m.email} ${m.id}`)).to.deep.equal([
          `undeclared Eve@Example.com ${eve}`,
          `owner owner@acme.test ${ownerId}`,
        ]);
        expect(warnings).to.have.length(1);
        expect(warnings[0]).to.include('OrganizationRoster "team"').and.include(`member Eve@Example.com (admin, ${eve}`);
        expect(warnings[0]).not.to.include("owner@acme.test");
      }
      expect(snapshot()).to.deep.equal(before);
      for (const operation of MUTATIONS) expect(bed.fake.callCount(operation), operation).to.equal(0);
    });

    it("lists an invitation sent by someone else, and says nothing while everything is declared", async () => {
      const result = await bed.engine.preview(team());
      expect(result.outputs.unmanagedInvitations).to.deep.equal([]);
      expect(warnings).to.deep.equal([]);

      addInvitation("mallory@example.com");
      const after = await bed.engine.preview(team());
      const invitations = after.outputs.unmanagedInvitations as { email: string; access: string; status: string }[];
      expect(invitations.map((i) => `${i.access} ${i.email} ${i.status}`)).to.deep.equal(["undeclared mallory@example.com PENDING"]);
      expect(warnings.join("\n")).to.include("invitation mallory@example.com (viewer, PENDING, sent by Someone Else");
    });

    it("lists the keep list as kept, without a warning", async () => {
      addMember("ci@acme.test", "devops");
      const result = await bed.engine.preview(team({ keep: ["CI@acme.test"] }));
      const members = result.outputs.unmanagedMembers as { email: string; access: string }[];
      expect(members.map((m) => `${m.access} ${m.email}`)).to.deep.equal(["kept ci@acme.test", "owner owner@acme.test"]);
      expect(warnings).to.deep.equal([]);
    });

    it("warns instead of failing when the review cannot run", async () => {
      bed.fake.injectFault({ operation: "getOrganizationInvitedMembers", status: 403 });
      const result = await bed.engine.up(team());
      expect(ops(result)).to.deep.equal([]);
      expect(result.outputs.unmanagedMembers).to.equal(undefined);
      expect(warnings.join("\n")).to.include('OrganizationRoster "team" could not review access').and.include("HTTP 403");
    });
  });

  describe('unmanaged: "remove"', () => {
    // eve, an undeclared admin, is the only admin besides the owner: minAdmins 0 lets these tests remove her (see adopt.e2e for the guardrails).
    const authoritative = () => team({ unmanaged: "remove", keep: ["CI@acme.test", "auditor@example.com"], minAdmins: 0 });

    beforeEach(async () => {
      await bed.engine.up(authoritative()); // nothing to remove yet: creates team:guardrails and team:unmanaged, calling nothing
      addMember("eve@example.com");
      addMember("ci@acme.test", "devops");
      addInvitation("mallory@example.com");
      addInvitation("auditor@example.com");
      bed.fake.resetCounts();
      warnings.length = 0;
    });

    it("previews each removal by email and changes nothing on Qovery", async () => {
      const before = snapshot();
      const result = await bed.engine.preview(authoritative());
      expect(changes(result)).to.deep.equal(["update team:unmanaged +remove-invitation:mallory@example.com,remove-member:eve@example.com"]);
      expect(result.planText).to.match(
        /~ {2}pulumi-nodejs:dynamic\/qovery:UnmanagedAccessRemoval team:unmanaged update \[diff: .*remove-member:eve@example\.com/,
      );
      expect(snapshot()).to.deep.equal(before);
      for (const operation of MUTATIONS) expect(bed.fake.callCount(operation), operation).to.equal(0);
      expect(warnings.join("\n")).to.include("`pulumi up` removes 2 accesses").and.include("member eve@example.com");
    });

    it("removes the undeclared member and cancels the undeclared invitation on up, leaving the owner and the keep list alone", async () => {
      const result = await bed.engine.up(authoritative());
      expect(ops(result)).to.deep.equal(["update team:unmanaged"]);
      expect(memberEmails()).to.deep.equal(["ci@acme.test", "owner@acme.test"]);
      expect(invitationEmails()).to.deep.equal(["ada@example.com", "auditor@example.com", "grace@example.com"]);
      expect(bed.fake.callCount("deleteMember")).to.equal(1);
      expect(bed.fake.callCount("deleteInviteMember")).to.equal(1);
    });

    it("removes every member of a person with several identities, each named in the plan", async () => {
      const [eve] = bed.fake.members(org).filter((m) => m.email === "eve@example.com");
      const other = addMember("EVE@example.com", "viewer");
      const result = await bed.engine.up(authoritative());
      const keys = [`remove-member:eve@example.com/${eve!.id}`, `remove-member:eve@example.com/${other}`];
      expect(result.steps.find((step) => step.name === "team:unmanaged")?.diffs).to.include.members(keys);
      expect(memberEmails()).to.deep.equal(["ci@acme.test", "owner@acme.test"]);
    });

    it("shows no change once the access is gone, so a drift gate right after the up passes, and removes access that comes back", async () => {
      await bed.engine.up(authoritative());
      bed.fake.resetCounts();
      expect((await bed.engine.preview(authoritative())).changes).to.equal(0);
      expect(ops(await bed.engine.up(authoritative()))).to.deep.equal([]);
      for (const operation of MUTATIONS) expect(bed.fake.callCount(operation), operation).to.equal(0);

      addMember("eve@example.com");
      const again = await bed.engine.up(authoritative());
      expect(changes(again)).to.deep.equal(["update team:unmanaged +remove-member:eve@example.com"]);
      expect(memberEmails()).not.to.include("eve@example.com");
    });

    it("removes on the first up after switching to remove mode, and switching back calls nothing", async () => {
      bed.fake.resetCounts();
      expect(ops(await bed.engine.up(team()))).to.deep.equal(["delete team:guardrails", "delete team:unmanaged"]);
      for (const operation of MUTATIONS) expect(bed.fake.callCount(operation), operation).to.equal(0);

      const result = await bed.engine.up(authoritative());
      expect(ops(result)).to.deep.equal(["create team:guardrails", "create team:unmanaged"]);
      expect(memberEmails()).to.deep.equal(["ci@acme.test", "owner@acme.test"]);
      expect(invitationEmails()).to.deep.equal(["ada@example.com", "auditor@example.com", "grace@example.com"]);
    });

    it("removes a person taken out of the roster without failing, whether invited or already a member", async () => {
      bed.fake.acceptInvitation("ada@example.com", { organizationId: org });
      await bed.engine.refresh();
      const nobody = team({ unmanaged: "remove", keep: ["ci@acme.test", "auditor@example.com"], minAdmins: 0, people: [] });
      await bed.engine.up(nobody);
      expect(memberEmails()).to.deep.equal(["ci@acme.test", "owner@acme.test"]);
      expect(invitationEmails()).to.deep.equal(["auditor@example.com"]);
    });

    it("fails, removing nothing, when the review cannot run", async () => {
      bed.fake.injectFault({ operation: "getOrganizationInvitedMembers", status: 403 });
      const before = snapshot();
      const error = await rejectionOf(bed.engine.up(authoritative()));
      expect(String(error)).to.include('(unmanaged: "remove") could not review access').and.include("nothing is removed");
      expect(snapshot()).to.deep.equal(before);
    });
  });
});

describe("access review: the member the API token belongs to", function () {
  this.timeout(180_000);
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString("base64url");
  const jwt = [part({ alg: "HS256", typ: "JWT" }), part({ sub: "github|777", email: "Ops@Acme.test" }), "c2lnbmF0dXJl"].join(".");
  let bed: EngineBed;

  afterEach(() => {
    sinon.restore();
    return bed.close();
  });

  it("is reported but never removed when the token is a JWT naming it", async () => {
    bed = await startEngineBed({ fake: { jwt }, config: (fake) => ({ "qovery:apiToken": fake.jwt }) });
    const warnings: string[] = [];
    sinon.stub(pulumi.log, "warn").callsFake(async (message: string) => {
      warnings.push(message);
    });
    bed.fake.addMember({ email: "ops@acme.test", roleName: "admin", id: "github|777" });
    bed.fake.addMember({ email: "eve@example.com", roleName: "admin" });

    const result = await bed.engine.up(() => {
      const roster = new OrganizationRoster("team", {
        organizationId: bed.fake.organizationId,
        people: [{ email: "ada@example.com", roleName: "admin" }],
        unmanaged: "remove",
      });
      return { unmanagedMembers: roster.unmanagedMembers };
    });
    expect(ops(result)).to.have.members(["create ada@example.com", "create team:guardrails", "create team:unmanaged"]);
    expect(
      bed.fake
        .members()
        .map((m) => m.email)
        .sort(),
    ).to.deep.equal(["ops@acme.test", "owner@acme.test"]);
    const members = result.outputs.unmanagedMembers as { email: string; access: string; tokenMember?: boolean }[];
    expect(members.find((m) => m.email === "ops@acme.test")).to.include({ access: "undeclared", tokenMember: true });
    expect(warnings.join("\n")).to.include("the member the API token belongs to, so never removed").and.include("ops@acme.test");
  });
});
