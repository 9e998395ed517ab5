/**
 * Bringing an existing organization under management, and running an authoritative roster
 * unattended, through the real Pulumi CLI: `export` → roster → `up` sends nothing and the drift
 * gate passes; each guardrail stops a preview that breaks it, naming everyone, and lets one that
 * respects it through; the roster's resource options reach its people; `onDelete: "downgrade"`
 * changes the role instead of removing.
 */
import { expect } from "chai";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";
import * as sinon from "sinon";
import type { Program } from "../support/pulumi-cli";
import { changedSteps, startEngineBed, type EngineBed } from "../support/engine";
import { installed } from "../support/installed-package";
import type { OrganizationRosterArgs, RosterPerson } from "../../sdk";
import { main } from "../../cli";
import { rejectionOf } from "../support/assertions";

const { OrganizationRoster, readPeopleFile } = installed;

const MUTATIONS = ["postInviteMember", "deleteInviteMember", "editOrganizationMemberRole", "deleteMember"] as const;

describe("an existing organization under an authoritative roster, through the real Pulumi CLI", function () {
  this.timeout(180_000);
  let bed: EngineBed;
  let dir: string;

  /** Mutations Qovery carried out (an invite answered 409, adopting the pending invitation, sends no email). */
  const mutations = () =>
    Object.fromEntries(
      MUTATIONS.map((operation) => [operation, bed.fake.exchanges.filter((e) => e.operation === operation && e.status < 300).length]),
    );
  const NONE = Object.fromEntries(MUTATIONS.map((operation) => [operation, 0]));
  const roleOf = (email: string) => bed.fake.members().find((m) => m.email.toLowerCase() === email)?.roleName;
  const roster =
    (people: RosterPerson[], args: Partial<OrganizationRosterArgs> = {}, opts?: pulumi.ComponentResourceOptions): Program =>
    () => {
      new OrganizationRoster("team", { organizationId: bed.fake.organizationId, people, ...args }, opts);
    };

  beforeEach(async () => {
    bed = await startEngineBed();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "adopt-"));
    // The roster's warnings (undeclared access) are not what these tests are about.
    sinon.stub(pulumi.log, "warn").resolves();
  });
  afterEach(async () => {
    sinon.restore();
    await bed.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  /** Requests that would change the owner's access, answered or not. */
  const ownerMutations = () =>
    bed.fake.exchanges.filter(
      (e) =>
        (MUTATIONS as readonly string[]).includes(e.operation) &&
        /owner@acme\.test|github\|1000/i.test(JSON.stringify(e.requestBody ?? "")),
    );

  for (const listsOwnerRole of [true, false]) {
    it(`adopts an exported organization, owner included, on the first up without an email, a role change or a removal, and the drift gate passes (Qovery ${listsOwnerRole ? "lists" : "does not list"} the owner's role)`, async () => {
      await bed.close();
      bed = await startEngineBed({ fake: { listsOwnerRole } });
      bed.fake.addMember({ email: "Ada@Example.com", roleName: "admin", id: "github|1815" });
      bed.fake.addMember({ email: "katherine@example.com", roleName: "Data Scientists" });
      bed.fake.addMember({ email: "eve@example.com", roleName: "viewer" });
      bed.fake.addMember({ email: "EVE@example.com", roleName: "devops" });
      bed.fake.addInvitation({ email: "grace@example.com", roleName: "devops" });
      bed.fake.addInvitation({ email: "mallory@example.com", roleName: "viewer", status: "EXPIRED" });
      const file = path.join(dir, "people.yaml");
      const env = { QOVERY_API_URL: bed.fake.url, QOVERY_API_TOKEN: bed.fake.apiToken };
      const exported = await main(["export", "--organization", bed.fake.organizationId, "--output", file], env, {
        stdout: () => {},
        stderr: () => {},
      });
      expect(exported).to.equal(0);
      expect(readPeopleFile(file)).to.deep.include({ email: "owner@acme.test", roleName: "owner" });
      bed.fake.resetCounts();

      const program = () => roster(readPeopleFile(file))();
      const first = await bed.engine.up(program);
      expect(changedSteps(first).sort()).to.deep.equal([
        "create ada@example.com",
        "create eve@example.com",
        "create grace@example.com",
        "create katherine@example.com",
        "create owner@acme.test",
      ]);
      expect(mutations()).to.deep.equal(NONE);
      expect(ownerMutations()).to.deep.equal([]);
      const owner = (await bed.engine.resources()).find((r) => r.urn.endsWith("::owner@acme.test"));
      expect(owner?.outputs).to.include({ invitationStatus: "ACCEPTED", memberId: bed.fake.ownerMemberId, roleName: "owner" });
      const gate = await bed.engine.preview(program, { expectNoChanges: true });
      expect(gate.changes).to.equal(0);
      expect(mutations()).to.deep.equal(NONE);
      expect(ownerMutations()).to.deep.equal([]);
    });
  }

  describe("guardrails", () => {
    const ada = { email: "ada@example.com", roleName: "admin" };
    const grace = { email: "grace@example.com", roleName: "admin" };

    beforeEach(async () => {
      bed.fake.addMember({ ...ada, id: "github|1" });
      bed.fake.addMember({ ...grace, id: "github|2" });
      await bed.engine.up(roster([ada, grace], { unmanaged: "remove" }));
      bed.fake.resetCounts();
    });

    it("maxRemovals: stops a preview that removes more, naming each and the limit; QOVERY_MAX_REMOVALS lets one run through", async () => {
      for (const name of ["eve", "mallory", "trudy"]) bed.fake.addMember({ email: `${name}@example.com`, roleName: "viewer" });
      const program = roster([ada, grace], { unmanaged: "remove", maxRemovals: 2 });
      const error = String(await rejectionOf(bed.engine.preview(program)));
      expect(error).to.include('OrganizationRoster "team" (unmanaged: "remove") stops before removing anything');
      expect(error).to.include("it would remove 3 members and invitations, more than maxRemovals (2)");
      for (const name of ["eve", "mallory", "trudy"]) expect(error).to.include(`member ${name}@example.com`);
      expect(String(await rejectionOf(bed.engine.up(program)))).to.include("more than maxRemovals (2)");
      expect(mutations()).to.deep.equal(NONE);

      process.env.QOVERY_MAX_REMOVALS = "3";
      try {
        expect(changedSteps(await bed.engine.up(program))).to.deep.equal(["update team:unmanaged"]);
      } finally {
        delete process.env.QOVERY_MAX_REMOVALS;
      }
      expect(bed.fake.callCount("deleteMember")).to.equal(3);
      expect((await bed.engine.preview(program, { expectNoChanges: true })).changes).to.equal(0);
    });

    it("minAdmins: stops a preview whose role changes and removals leave no admin, naming them, and lets one that keeps an admin through", async () => {
      const error = String(await rejectionOf(bed.engine.preview(roster([{ ...ada, roleName: "viewer" }], { unmanaged: "remove" }))));
      expect(error).to.include("it would leave 0 admins (the owner not counted), fewer than minAdmins (1)");
      expect(error).to.include("losing the admin role: ada@example.com (role → viewer), grace@example.com (removed); admins left: none");
      // An unattended `up` (the Automation API's skips its preview) stops too: no role change, and grace, taken out, is not removed.
      const upError = String(await rejectionOf(bed.engine.up(roster([{ ...ada, roleName: "viewer" }], { unmanaged: "remove" }))));
      expect(upError).to.include("fewer than minAdmins (1)");
      expect(mutations()).to.deep.equal(NONE);
      expect([roleOf("ada@example.com"), roleOf("grace@example.com")]).to.deep.equal(["admin", "admin"]);

      const kept = await bed.engine.up(roster([ada], { unmanaged: "remove" }));
      expect(changedSteps(kept).sort()).to.deep.equal(["delete grace@example.com", "update team:unmanaged"]);
      expect(roleOf("ada@example.com")).to.equal("admin");
      expect(roleOf("grace@example.com")).to.equal(undefined);
    });
  });

  describe("resource options", () => {
    it("reach every person, and one person's retainOnDelete overrides the roster's", async () => {
      const people = [
        { email: "ada@example.com", roleName: "admin" },
        { email: "grace@example.com", roleName: "devops", retainOnDelete: false },
      ];
      await bed.engine.up(roster(people, {}, { retainOnDelete: true, protect: false }));
      const children = bed.engine.readState().checkpoint.latest!.resources!.filter((r) => r.type.endsWith("OrganizationInvitation"));
      expect(children.map((r) => `${r.urn.split("::").pop()} ${r.retainOnDelete === true}`).sort()).to.deep.equal([
        "ada@example.com true",
        "grace@example.com false",
      ]);

      bed.fake.resetCounts();
      await bed.engine.up(roster([], {}, { retainOnDelete: true }));
      expect(bed.fake.invitations().map((i) => i.email)).to.deep.equal(["ada@example.com"]);
      expect(bed.fake.callCount("deleteInviteMember")).to.equal(1);
    });

    it("protect reaches every person, so taking one out of the roster fails instead of removing them", async () => {
      const ada = { email: "ada@example.com", roleName: "admin" };
      await bed.engine.up(roster([ada], {}, { protect: true }));
      const error = String(await rejectionOf(bed.engine.up(roster([], {}, { protect: true }))));
      expect(error).to.include("protect");
      expect(bed.fake.invitations().map((i) => i.email)).to.deep.equal(["ada@example.com"]);
      expect(bed.fake.callCount("deleteInviteMember")).to.equal(0);
    });
  });

  describe('onDelete: "downgrade"', () => {
    it("gives a person taken out of the roster the downgrade role instead of removing them", async () => {
      bed.fake.addMember({ email: "ada@example.com", roleName: "admin", id: "github|1" });
      const ada = { email: "ada@example.com", roleName: "admin" };
      await bed.engine.up(roster([ada], { onDelete: "downgrade", downgradeRoleName: "Data Scientists" }));
      bed.fake.resetCounts();

      const result = await bed.engine.up(roster([], { onDelete: "downgrade", downgradeRoleName: "Data Scientists" }));
      expect(changedSteps(result)).to.deep.equal(["delete ada@example.com"]);
      expect(roleOf("ada@example.com")).to.equal("Data Scientists");
      expect(mutations()).to.deep.include({ deleteMember: 0, editOrganizationMemberRole: 1 });
    });

    it("fails the preview and the up, naming downgradeRoleName and the organization's roles, when no role has that name", async () => {
      bed.fake.addMember({ email: "ada@example.com", roleName: "admin", id: "github|1" });
      await bed.engine.up(roster([{ email: "ada@example.com", roleName: "admin" }], { onDelete: "downgrade" }));
      bed.fake.resetCounts();
      const guest = roster([], { onDelete: "downgrade", downgradeRoleName: "guest" });
      const error = String(await rejectionOf(bed.engine.preview(guest)));
      expect(error).to.include('OrganizationRoster "team": downgradeRoleName: Unknown roleName "guest"').and.include('"viewer"');
      expect(String(await rejectionOf(bed.engine.up(guest)))).to.include('Unknown roleName "guest"');
      expect(mutations()).to.deep.equal(NONE);
      expect(roleOf("ada@example.com")).to.equal("admin");
    });
  });
});

describe("an authoritative roster and the member the API token belongs to, through the real Pulumi CLI", function () {
  this.timeout(180_000);
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString("base64url");
  const jwt = [part({ alg: "HS256", typ: "JWT" }), part({ sub: "github|777", email: "ops@acme.test" }), "c2lnbmF0dXJl"].join(".");
  let bed: EngineBed;

  beforeEach(async () => {
    bed = await startEngineBed({ fake: { jwt }, config: (fake) => ({ "qovery:apiToken": fake.jwt }) });
    sinon.stub(pulumi.log, "warn").resolves();
    bed.fake.addMember({ email: "ops@acme.test", roleName: "admin", id: "github|777" });
    bed.fake.addMember({ email: "ada@example.com", roleName: "admin", id: "github|1" });
  });
  afterEach(async () => {
    sinon.restore();
    await bed.close();
  });

  const team =
    (people: RosterPerson[], args: Partial<OrganizationRosterArgs> = {}): Program =>
    () => {
      new OrganizationRoster("team", { organizationId: bed.fake.organizationId, people, ...args });
    };

  it("stops a preview that would take its admin role, and a delete never removes it", async () => {
    const ops = { email: "ops@acme.test", roleName: "admin" };
    const ada = { email: "ada@example.com", roleName: "admin" };
    await bed.engine.up(team([ops, ada], { unmanaged: "remove" }));
    bed.fake.resetCounts();
    const error = String(await rejectionOf(bed.engine.preview(team([{ ...ops, roleName: "viewer" }, ada], { unmanaged: "remove" }))));
    expect(error).to.include("never downgraded: ops@acme.test (github|777, role → viewer)");

    await bed.engine.up(team([ada]));
    expect(bed.fake.members().find((m) => m.id === "github|777")?.roleName).to.equal("admin");
    expect(bed.fake.callCount("deleteMember")).to.equal(0);
  });
});
