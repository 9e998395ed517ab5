/**
 * Through the real Pulumi CLI, what an organization of many people costs and what its preview
 * catches: a refresh reads one invitation list and one member list per organization, whatever the
 * number of people, and still sees every change made since the last run; a destroy reads one
 * member list besides its removals; a role typo fails
 * `pulumi preview`, naming every typo of the program at once against one roles request, before
 * anything is applied.
 */
import { expect } from "chai";
import type { FakeQovery } from "../fake-qovery";
import { rejectionOf } from "../support/assertions";
import { startEngineBed, type EngineBed } from "../support/engine";
import { installed } from "../support/installed-package";

const { OrganizationInvitation, OrganizationRoster } = installed;

const MUTATING = ["postInviteMember", "deleteInviteMember", "editOrganizationMemberRole", "deleteMember"] as const;

function mutatingCalls(fake: FakeQovery): number {
  return MUTATING.reduce((sum, operation) => sum + fake.callCount(operation), 0);
}

/** The CLI's closing "Diagnostics:" section, where each warning appears once. */
function diagnostics(planText: string): string {
  return planText.slice(planText.indexOf("Diagnostics:"));
}

const emails = (count: number) => Array.from({ length: count }, (_, i) => `person${String(i).padStart(2, "0")}@example.com`);

describe("an organization of many people, through the real Pulumi CLI", function () {
  this.timeout(240_000);
  let bed: EngineBed;

  afterEach(() => bed?.close());

  describe("refresh", () => {
    const PEOPLE = emails(30);
    const program = (roleName: (email: string) => string) => () => {
      for (const email of PEOPLE) {
        new OrganizationInvitation(email, { organizationId: bed.fake.organizationId, email, roleName: roleName(email) });
      }
    };

    beforeEach(async () => {
      bed = await startEngineBed({ parallel: 16 });
      await bed.engine.up(program(() => "viewer"));
    });

    it("reads one invitation list for 30 pending invitations, instead of one request each", async () => {
      bed.fake.resetCounts();
      await bed.engine.refresh({ expectNoChanges: true });
      expect(bed.fake.callCount("getOrganizationInvitedMembers")).to.equal(1);
      expect(bed.fake.callCount()).to.equal(1);
    });

    it("reads one member list for 30 accepted members, and still sees a role changed and a member gone since", async () => {
      for (const email of PEOPLE) bed.fake.acceptInvitation(email);
      bed.fake.resetCounts();
      const accepting = await bed.engine.refresh();
      expect(accepting.steps.filter((step) => step.op === "refresh-update")).to.have.length(30);
      expect(bed.fake.callCount("getOrganizationMembers")).to.equal(1);
      expect(bed.fake.callCount("getOrganizationInvitedMembers")).to.equal(1);

      // Between two runs, in the Qovery console: one role changed, one member removed.
      const [changed, removed] = PEOPLE as [string, string];
      bed.fake.changeMemberRoleBehindBack(changed, "admin");
      bed.fake.removeMemberBehindBack(removed);
      bed.fake.resetCounts();
      const next = await bed.engine.refresh();
      expect(bed.fake.callCount("getOrganizationMembers")).to.equal(1);
      expect(bed.fake.callCount()).to.equal(1);
      const resources = (await bed.engine.resources()).filter((r) => r.type.endsWith(":OrganizationInvitation"));
      expect(resources.find((r) => r.outputs?.email === changed)?.outputs?.roleName).to.equal("admin");
      expect(resources.map((r) => r.outputs?.email)).not.to.include(removed);
      expect(next.steps.filter((step) => step.op === "refresh-delete").map((step) => step.name)).to.deep.equal([removed]);
    });

    it("sees 30 acceptances with the invitation list and the member list alone, no request per person", async () => {
      for (const email of PEOPLE) bed.fake.acceptInvitation(email);
      bed.fake.resetCounts();
      await bed.engine.refresh();
      expect(bed.fake.callCount("getMemberInvitation")).to.equal(0);
      expect(bed.fake.exchanges.map((e) => e.operation).sort()).to.deep.equal(["getOrganizationInvitedMembers", "getOrganizationMembers"]);
    });

    it("destroys 30 accepted members with 30 removals and one member list", async () => {
      for (const email of PEOPLE) bed.fake.acceptInvitation(email);
      await bed.engine.refresh();
      bed.fake.resetCounts();
      await bed.engine.destroy();
      expect(bed.fake.callCount("deleteMember")).to.equal(30);
      expect(bed.fake.callCount("getOrganizationMembers")).to.equal(1);
      expect(bed.fake.callCount()).to.equal(31);
    });

    it("retries a member list answered 503 once, still one list for the whole refresh", async () => {
      for (const email of PEOPLE) bed.fake.acceptInvitation(email);
      await bed.engine.refresh();
      bed.fake.resetCounts();
      bed.fake.injectFault({ operation: "getOrganizationMembers", status: 503 });
      await bed.engine.refresh({ expectNoChanges: true });
      expect(bed.fake.exchanges.map((e) => `${e.operation} ${e.status}`)).to.deep.equal([
        "getOrganizationMembers 503",
        "getOrganizationMembers 200",
      ]);
    });
  });

  describe("roles in the preview", () => {
    beforeEach(async () => {
      bed = await startEngineBed({ parallel: 8 });
    });

    const people = (roles: Record<string, string>) => () => {
      for (const [email, roleName] of Object.entries(roles)) {
        new OrganizationInvitation(email, { organizationId: bed.fake.organizationId, email, roleName });
      }
    };

    it("fails the preview on role typos, naming every one with who asks for it, and the organization's roles, with one roles request", async () => {
      const program = people({
        "ada@example.com": "viewer",
        "bob@example.com": "Developer",
        "cy@example.com": "Admin",
        "dee@example.com": "admn",
        "eve@example.com": "admn",
      });
      const error = await rejectionOf(bed.engine.preview(program));
      expect(error.message).to.match(
        new RegExp(
          `property roleName value \\{(admn|Developer)\\} has a problem: Unknown roleName "(admn|Developer)" for (bob|dee|eve)@example\\.com ` +
            `in organization ${bed.fake.organizationId}\\. The organization's roles are: "admin", "devops", "billing", "viewer", "owner", "Data Scientists"\\.`,
        ),
      );
      expect(error.message).to.include(`Every role this program asks for that organization ${bed.fake.organizationId} does not have:`);
      expect(error.message).to.include('roleName "Developer" (bob@example.com)');
      expect(error.message).to.include('roleName "admn" (dee@example.com, eve@example.com)');
      expect(error.message).not.to.include('roleName "Admin" (');
      expect(error.message).not.to.include(bed.fake.apiToken);
      expect(bed.fake.callCount("listOrganizationAvailableRoles")).to.equal(1);
      expect(mutatingCalls(bed.fake)).to.equal(0);
    });

    it("fails the preview on an unknown roleId", async () => {
      const roleId = "3f1c2a8e-5b7d-4c9e-8a21-0d6f4b2e9c11";
      const error = await rejectionOf(
        bed.engine.preview(() => {
          new OrganizationInvitation("ada", { organizationId: bed.fake.organizationId, email: "ada@example.com", roleId });
        }),
      );
      expect(error.message).to.include(`property roleId value {${roleId}} has a problem: Unknown roleId "${roleId}" for ada@example.com`);
    });

    it("fails the preview on a role typo among a roster's people", async () => {
      const error = await rejectionOf(
        bed.engine.preview(() => {
          new OrganizationRoster("team", {
            organizationId: bed.fake.organizationId,
            people: [
              { email: "bob@example.com", roleName: "viewer" },
              { email: "cy@example.com", roleName: "veiwer" },
              { email: "dan@example.com", roleName: "devop" },
            ],
          });
        }),
      );
      expect(error.message).to.match(/Unknown roleName "(veiwer|devop)" for (cy|dan)@example\.com/);
      expect(error.message).to.include('roleName "veiwer" (cy@example.com); roleName "devop" (dan@example.com)');
      expect(bed.fake.callCount("listOrganizationAvailableRoles")).to.equal(1);
      expect(mutatingCalls(bed.fake)).to.equal(0);
    });

    it("fails the preview with the clear error `up` would give when the token lacks rights", async () => {
      bed.fake.setTokenForbidden(true);
      const error = await rejectionOf(bed.engine.preview(people({ "ada@example.com": "viewer" })));
      expect(error.message).to.include("listOrganizationAvailableRoles").and.include("HTTP 403").and.include("ada@example.com");
      expect(error.message).to.include("The API token lacks the right to manage members of this organization");
    });

    it("retries a roles request answered 503, and fails the preview with the error when it keeps failing", async () => {
      bed.fake.injectFault({ operation: "listOrganizationAvailableRoles", status: 503 });
      await bed.engine.preview(people({ "ada@example.com": "viewer" }));
      expect(bed.fake.callCount("listOrganizationAvailableRoles")).to.equal(2);

      bed.fake.injectFault({ operation: "listOrganizationAvailableRoles", status: 503, times: 10 });
      const error = await rejectionOf(bed.engine.preview(people({ "ada@example.com": "viewer" })));
      expect(error.message).to.include("listOrganizationAvailableRoles").and.include("HTTP 503");
    });

    it("passes, with one warning, when the organizationId is not known until up", async () => {
      const result = await bed.engine.preview(() => {
        const first = new OrganizationInvitation("ada", {
          organizationId: bed.fake.organizationId,
          email: "ada@example.com",
          roleName: "viewer",
        });
        // Known only once `first` is created: its invitation id is an output Qovery gives.
        const organizationId = first.invitationId.apply(() => bed.fake.organizationId);
        for (const email of ["bob@example.com", "cy@example.com"]) {
          new OrganizationInvitation(email, { organizationId, email, roleName: "viewer" });
        }
      });
      expect(diagnostics(result.planText).match(/warning: Roles were not checked/g)).to.have.length(1);
    });
  });

  describe("roles in a preview without credentials", () => {
    beforeEach(async () => {
      // A pull request from a fork: the job has no secrets, so no token anywhere.
      bed = await startEngineBed({ tokenIn: "environment", env: { QOVERY_API_TOKEN: "" } });
    });

    it("passes, with one warning that the roles were not checked, calling nothing", async () => {
      const result = await bed.engine.preview(() => {
        for (const email of ["ada@example.com", "bob@example.com", "cy@example.com"]) {
          new OrganizationInvitation(email, { organizationId: bed.fake.organizationId, email, roleName: "admn" });
        }
      });
      expect(diagnostics(result.planText).match(/warning: Roles were not checked against Qovery: no API token/g)).to.have.length(1);
      expect(bed.fake.callCount()).to.equal(0);
    });
  });
});
