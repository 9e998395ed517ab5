/** What a roster does, as pure functions over what it read of its organization and its arguments. */
import { expect } from "chai";
import type { AccessInvitation, AccessMember } from "../../core/access-review";
import type { Role } from "../../core/client/wire";
import {
  planRoster,
  rosterChildren,
  rosterReadNeeds,
  type Reading,
  type RosterOrganization,
  type RosterPlanArgs,
} from "../../core/roster-plan";

const ORG = "3f1c2a8e-5b7d-4c9e-8a21-0d6f4b2e9c11";
const ROLES: Role[] = [
  { id: "0b7e3c1a-1111-4c9e-8a21-0d6f4b2e9c11", name: "admin" },
  { id: "0b7e3c1a-2222-4c9e-8a21-0d6f4b2e9c11", name: "viewer" },
];

const owner: AccessMember = { id: "github|1", email: "owner@acme.test", roleName: "owner", owner: true };
const ada: AccessMember = { id: "github|2", email: "Ada@Example.com", roleName: "admin", owner: false };
const eve: AccessMember = { id: "github|3", email: "eve@example.com", roleName: "viewer", owner: false };
const mallory: AccessInvitation = { id: "inv-1", email: "mallory@example.com", roleName: "viewer", status: "PENDING" };

function organization(
  members: AccessMember[],
  invitations: AccessInvitation[] = [],
  more: Partial<RosterOrganization> = {},
): RosterOrganization {
  return { organizationId: ORG, access: { value: { organizationId: ORG, members, invitations } }, ...more };
}

function args(more: Partial<RosterPlanArgs> = {}): RosterPlanArgs {
  return {
    name: "team",
    people: [{ email: "ada@example.com", roleName: "admin" }],
    unmanaged: "report",
    keep: [],
    maxRemovals: undefined,
    maxRemovalsOverrides: { config: undefined, env: undefined },
    minAdmins: 1,
    downgradeRoleName: undefined,
    ...more,
  };
}

const failed = (failure: string): Reading<never> => ({ failure });

describe("roster plan", () => {
  describe("rosterChildren", () => {
    it("names each person's child after their email in lower case, after the prefix", () => {
      const children = rosterChildren("team", { people: [{ email: "Ada@Example.com", roleName: "admin" }], childNamePrefix: "acme-" });
      expect(children.people.map((person) => [person.childName, person.email])).to.deep.equal([
        ["acme-ada@example.com", "ada@example.com"],
      ]);
    });

    it("names the guard and the removal child after the roster, after the prefix", () => {
      const children = rosterChildren("team", { people: [], childNamePrefix: "acme-", unmanaged: "remove" });
      expect([children.guard, children.removal]).to.deep.equal(["acme-team:guardrails", "acme-team:unmanaged"]);
    });

    it("has a guard in remove mode and under onDelete downgrade only", () => {
      expect(rosterChildren("team", { people: [] }).guard).to.equal(undefined);
      expect(rosterChildren("team", { people: [], unmanaged: "report", onDelete: "remove" }).guard).to.equal(undefined);
      expect(rosterChildren("team", { people: [], onDelete: "downgrade" }).guard).to.equal("team:guardrails");
    });

    it("gives each person the roster's onExpired unless they set their own, and the roster's onDelete inputs", () => {
      const people = rosterChildren("team", {
        people: [
          { email: "ada@example.com", roleName: "admin" },
          { email: "eve@example.com", roleName: "viewer", onExpired: "reissue" },
        ],
        onExpired: "keep",
        onDelete: "downgrade",
        downgradeRoleName: "viewer",
      }).people;
      expect(people.map((person) => person.onExpired)).to.deep.equal(["keep", "reissue"]);
      expect(people.map((person) => [person.onDelete, person.downgradeRoleName])).to.deep.equal([
        ["downgrade", "viewer"],
        ["downgrade", "viewer"],
      ]);
    });

    it("passes a person's retainOnDelete only when they set it", () => {
      const people = rosterChildren("team", {
        people: [
          { email: "ada@example.com", roleName: "admin", retainOnDelete: true },
          { email: "eve@example.com", roleName: "viewer" },
        ],
      }).people;
      expect(people[0]).to.have.property("retainOnDelete", true);
      expect(people[1]).not.to.have.property("retainOnDelete");
    });
  });

  describe("rosterReadNeeds", () => {
    it("reads the roles for a downgradeRoleName, or for a roleId in remove mode, and not otherwise", () => {
      const byId = [{ email: "ada@example.com", roleId: ROLES[0]!.id }];
      expect(rosterReadNeeds(args()).roles).to.equal(false);
      expect(rosterReadNeeds(args({ people: byId })).roles).to.equal(false);
      expect(rosterReadNeeds(args({ people: byId, unmanaged: "remove" })).roles).to.equal(true);
      expect(rosterReadNeeds(args({ downgradeRoleName: "viewer" })).roles).to.equal(true);
    });
  });

  describe('unmanaged: "report"', () => {
    it("warns about every undeclared member and invitation, and removes nothing", () => {
      const plan = planRoster(organization([owner, ada, eve], [mallory]), args());
      expect(plan.removals).to.equal(undefined);
      expect(plan.refusals).to.deep.equal([]);
      expect(plan.warnings).to.have.length(1);
      expect(plan.warnings[0])
        .to.include(`OrganizationRoster "team": 2 accesses to organization ${ORG} are not declared in this roster:`)
        .and.include("member eve@example.com")
        .and.include("invitation mallory@example.com")
        .and.not.include("owner@acme.test");
    });

    it("says nothing while everything but the owner and the keep list is declared", () => {
      const plan = planRoster(organization([owner, ada, eve]), args({ keep: ["eve@example.com"] }));
      expect(plan.warnings).to.deep.equal([]);
    });

    it("lists the owner and the keep list in its unmanaged access, each with its standing", () => {
      const plan = planRoster(organization([owner, ada, eve], [mallory]), args({ keep: ["mallory@example.com"] }));
      expect(plan.unmanaged!.members.map((member) => [member.email, member.access])).to.deep.equal([
        ["owner@acme.test", "owner"],
        ["eve@example.com", "undeclared"],
      ]);
      expect(plan.unmanaged!.invitations.map((invitation) => invitation.access)).to.deep.equal(["kept"]);
    });

    it("warns, without a review or a refusal, when the organization could not be read", () => {
      const plan = planRoster({ organizationId: ORG, access: failed("HTTP 403") }, args());
      expect(plan.warnings).to.deep.equal([`OrganizationRoster "team" could not review access to organization ${ORG}: HTTP 403`]);
      expect(plan.refusals).to.deep.equal([]);
      expect(plan.review).to.equal(undefined);
      expect(plan.unmanaged).to.equal(undefined);
    });
  });

  describe('unmanaged: "remove"', () => {
    const remove = (more: Partial<RosterPlanArgs> = {}) => args({ unmanaged: "remove", ...more });

    it("removes every undeclared member and invitation, each under a key naming its email", () => {
      const plan = planRoster(organization([owner, ada, eve], [mallory]), remove());
      expect(plan.refusals).to.deep.equal([]);
      expect(plan.removals).to.deep.equal({
        "remove-member:eve@example.com": "github|3",
        "remove-invitation:mallory@example.com": "inv-1",
      });
    });

    it("keys by id each identity of a person with several", () => {
      const eveAgain: AccessMember = { ...eve, id: "gitlab|9" };
      const plan = planRoster(organization([owner, ada, eve, eveAgain]), remove());
      expect(Object.keys(plan.removals!)).to.have.members([
        "remove-member:eve@example.com/github|3",
        "remove-member:eve@example.com/gitlab|9",
      ]);
    });

    it("never removes the owner or the keep list, declaring no removal for them", () => {
      const plan = planRoster(organization([owner, ada, eve], [mallory]), remove({ keep: ["eve@example.com", "mallory@example.com"] }));
      expect(plan.removals).to.deep.equal({});
    });

    it("warns about what `pulumi up` removes, naming each removal", () => {
      const [warning] = planRoster(organization([owner, ada, eve]), remove()).warnings;
      expect(warning)
        .to.include(`OrganizationRoster "team" (unmanaged: "remove"): \`pulumi up\` removes 1 access to organization ${ORG}`)
        .and.include("member eve@example.com");
    });

    it("still declares the removal child, without a warning, once nothing is left to remove", () => {
      const plan = planRoster(organization([owner, ada]), remove());
      expect(plan.removals).to.deep.equal({});
      expect(plan.warnings).to.deep.equal([]);
    });

    it("never removes the member the read's token belongs to, and warns that it is not declared", () => {
      const plan = planRoster(organization([owner, ada, eve], [], { token: { subject: "github|3" } }), remove());
      expect(plan.removals).to.deep.equal({});
      expect(plan.review!.members.find((member) => member.id === "github|3")).to.have.property("tokenMember", true);
      expect(plan.warnings.join("\n")).to.include("not declared, but the member the API token belongs to, so never removed");
    });

    it("refuses, removing nothing, when the organization could not be read", () => {
      const plan = planRoster({ organizationId: ORG, access: failed("HTTP 403") }, remove());
      expect(plan.removals).to.equal(undefined);
      expect(plan.refusals).to.deep.equal([
        {
          property: "unmanaged",
          reason: `OrganizationRoster "team" (unmanaged: "remove") could not review access to organization ${ORG}, so nothing is removed: HTTP 403`,
        },
      ]);
    });

    it("refuses when the roles that name a declared roleId could not be read", () => {
      const people = [{ email: "ada@example.com", roleId: ROLES[0]!.id }];
      const plan = planRoster(organization([owner, ada], [], { roles: failed("HTTP 500") }), remove({ people }));
      expect(plan.removals).to.equal(undefined);
      expect(plan.refusals.map((refusal) => refusal.property)).to.deep.equal(["unmanaged"]);
      expect(plan.refusals[0]!.reason).to.include("HTTP 500");
    });

    it("refuses a run that breaks a guardrail, saying that nothing is removed, and declares no removal", () => {
      const plan = planRoster(organization([owner, ada, eve], [mallory]), remove({ maxRemovals: 1 }));
      expect(plan.removals).to.equal(undefined);
      expect(plan.refusals.map((refusal) => refusal.property)).to.deep.equal(["maxRemovals"]);
      expect(plan.refusals[0]!.reason).to.match(
        /^OrganizationRoster "team" \(unmanaged: "remove"\) stops before removing anything from organization .*: it would remove 2 members/,
      );
    });

    it("lets the stack config or the environment replace maxRemovals for one run", () => {
      const organizationRead = organization([owner, ada, eve], [mallory]);
      expect(
        planRoster(organizationRead, remove({ maxRemovals: 1, maxRemovalsOverrides: { config: "2", env: undefined } })).refusals,
      ).to.deep.equal([]);
      expect(
        planRoster(organizationRead, remove({ maxRemovals: 1, maxRemovalsOverrides: { config: undefined, env: "2" } })).refusals,
      ).to.deep.equal([]);
    });

    it("fails on a maxRemovals override that is not a non-negative integer, naming where it came from", () => {
      const organizationRead = organization([owner, ada, eve]);
      expect(() => planRoster(organizationRead, remove({ maxRemovalsOverrides: { config: undefined, env: "lots" } }))).to.throw(
        "QOVERY_MAX_REMOVALS must be a non-negative integer",
      );
    });

    it("names a role declared by id through the organization's roles, for minAdmins", () => {
      const byId = (roleId: string) => [{ email: "ada@example.com", roleId }];
      const read = (more: Partial<RosterOrganization>) => organization([owner, ada], [], more);
      expect(planRoster(read({ roles: { value: ROLES } }), remove({ people: byId(ROLES[0]!.id) })).refusals).to.deep.equal([]);
      const demoted = planRoster(read({ roles: { value: ROLES } }), remove({ people: byId(ROLES[1]!.id) }));
      expect(demoted.refusals.map((refusal) => refusal.property)).to.deep.equal(["minAdmins"]);
      expect(demoted.refusals[0]!.reason).to.include("ada@example.com (role → viewer)");
    });
  });

  describe('onDelete: "downgrade"', () => {
    it("lets a downgradeRoleName of the organization through, in any case", () => {
      const plan = planRoster(organization([owner, ada], [], { roles: { value: ROLES } }), args({ downgradeRoleName: "Viewer" }));
      expect(plan.refusals).to.deep.equal([]);
    });

    it("refuses a downgradeRoleName the organization lacks, naming its roles, and still reviews access", () => {
      const plan = planRoster(organization([owner, ada, eve], [], { roles: { value: ROLES } }), args({ downgradeRoleName: "guest" }));
      expect(plan.refusals).to.have.length(1);
      expect(plan.refusals[0]!.property).to.equal("downgradeRoleName");
      expect(plan.refusals[0]!.reason)
        .to.match(/^OrganizationRoster "team": downgradeRoleName: Unknown roleName "guest"/)
        .and.include('"admin", "viewer"');
      expect(plan.unmanaged!.members.map((member) => member.email)).to.include("eve@example.com");
    });

    it("refuses when the roles could not be read, even though the review warns only", () => {
      const plan = planRoster(
        { organizationId: ORG, access: failed("HTTP 403"), roles: failed("HTTP 403") },
        args({ downgradeRoleName: "viewer" }),
      );
      expect(plan.refusals).to.deep.equal([
        {
          property: "downgradeRoleName",
          reason: `OrganizationRoster "team": downgradeRoleName "viewer" could not be checked against the roles of organization ${ORG}: HTTP 403`,
        },
      ]);
      expect(plan.warnings).to.have.length(1);
    });
  });
});
