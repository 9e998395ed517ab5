/** The guardrails of an authoritative roster, as pure functions over a review. */
import { expect } from "chai";
import { removableAccess, reviewAccess, type AccessMember, type OrganizationAccess } from "../../core/access-review";
import { guardrailViolations, maxRemovalsFor, type Guardrails } from "../../core/guardrails";

const ORG = "3f1c2a8e-5b7d-4c9e-8a21-0d6f4b2e9c11";

let nextId = 1;
function member(email: string, roleName: string, id = `github|${nextId++}`): AccessMember {
  return { id, email, roleName, owner: roleName === "owner" };
}

/** The violations of a run over the organization, where `declared` maps each declared email to its role. */
function violations(
  access: Partial<OrganizationAccess>,
  declared: Record<string, string>,
  limits: Partial<Guardrails> = {},
  subject?: string,
): string[] {
  const review = reviewAccess(
    { organizationId: ORG, members: [], invitations: [], ...access },
    { declared: Object.keys(declared), token: subject ? { subject } : undefined },
  );
  return guardrailViolations({
    review,
    removable: removableAccess(review),
    declaredRoles: new Map(Object.entries(declared)),
    limits: { maxRemovals: 5, minAdmins: 1, ...limits },
  }).map(({ property, reason }) => `${property}: ${reason}`);
}

describe("roster guardrails", () => {
  const owner = member("owner@acme.test", "owner");
  const ada = member("ada@example.com", "admin");

  describe("maxRemovals", () => {
    const undeclared = ["eve", "mallory", "trudy"].map((name) => member(`${name}@example.com`, "viewer"));
    const invitation = { id: "i-1", email: "oscar@example.com", roleName: "viewer", status: "PENDING" as const };

    it("stops a run that removes more than the limit, naming every removal, the count, the limit and how to raise it", () => {
      const [violation, ...others] = violations(
        { members: [owner, ada, ...undeclared], invitations: [invitation] },
        { "ada@example.com": "admin" },
        { maxRemovals: 3 },
      );
      expect(others).to.deep.equal([]);
      expect(violation).to.include("maxRemovals: it would remove 4 members and invitations, more than maxRemovals (3)");
      for (const email of ["eve@example.com", "mallory@example.com", "trudy@example.com", "invitation oscar@example.com"])
        expect(violation).to.include(email);
      expect(violation)
        .to.include("QOVERY_MAX_REMOVALS=4 pulumi up")
        .and.include("pulumi config set qovery:maxRemovals 4")
        .and.include("maxRemovals input");
    });

    it("lets a run at the limit through, and 0 forbids any removal", () => {
      expect(violations({ members: [owner, ada, ...undeclared] }, { "ada@example.com": "admin" }, { maxRemovals: 3 })).to.deep.equal([]);
      expect(violations({ members: [owner, ada, undeclared[0]!] }, { "ada@example.com": "admin" }, { maxRemovals: 0 })).to.have.length(1);
      expect(violations({ members: [owner, ada] }, { "ada@example.com": "admin" }, { maxRemovals: 0 })).to.deep.equal([]);
    });

    it("takes the stack config first, then QOVERY_MAX_REMOVALS, then the input, then 5, naming a bad value", () => {
      expect(maxRemovalsFor(undefined, undefined, undefined)).to.equal(5);
      expect(maxRemovalsFor(2, undefined, undefined)).to.equal(2);
      expect(maxRemovalsFor(2, undefined, "9")).to.equal(9);
      expect(maxRemovalsFor(2, "12", "9")).to.equal(12);
      expect(maxRemovalsFor(2, " ", "0")).to.equal(0);
      expect(() => maxRemovalsFor(2, "-1", undefined)).to.throw(/^qovery:maxRemovals must be a non-negative integer$/);
      expect(() => maxRemovalsFor(2, undefined, "lots")).to.throw(/^QOVERY_MAX_REMOVALS must be a non-negative integer$/);
    });
  });

  describe("minAdmins", () => {
    const grace = member("grace@example.com", "Admin");
    const eve = member("eve@example.com", "admin");

    it("stops the removal of the last admin, naming who loses the role and who is left (the owner not counted)", () => {
      const [violation] = violations({ members: [owner, eve] }, {});
      expect(violation).to.include("minAdmins: it would leave 0 admins (the owner not counted), fewer than minAdmins (1)");
      expect(violation).to.include("losing the admin role: eve@example.com (removed); admins left: none");
    });

    it("stops a role change of declared people below the minimum, naming every one", () => {
      const [violation] = violations({ members: [owner, ada, grace] }, { "ada@example.com": "viewer", "grace@example.com": "devops" });
      expect(violation).to.include("losing the admin role: ada@example.com (role → viewer), grace@example.com (role → devops)");
      const [two] = violations(
        { members: [owner, ada, grace, eve] },
        { "ada@example.com": "admin", "grace@example.com": "devops" },
        { minAdmins: 2 },
      );
      expect(two)
        .to.include("it would leave 1 admin (the owner not counted), fewer than minAdmins (2)")
        .and.include("losing the admin role: eve@example.com (removed), grace@example.com (role → devops); admins left: ada@example.com.");
    });

    it("lets a run through that keeps enough admins, or does not lower a count already below the minimum", () => {
      expect(violations({ members: [owner, ada, eve] }, { "ada@example.com": "admin" })).to.deep.equal([]);
      expect(violations({ members: [owner, ada] }, { "ada@example.com": "admin" }, { minAdmins: 3 })).to.deep.equal([]);
      expect(
        violations({ members: [owner, ada, grace] }, { "ada@example.com": "admin", "grace@example.com": "viewer" }, { minAdmins: 3 }),
      ).to.have.length(1);
      expect(violations({ members: [owner] }, {}, { minAdmins: 1 })).to.deep.equal([]);
    });

    it("counts a person with several identities once, and a kept member or the token's as they are", () => {
      const adaAgain = member("Ada@Example.com", "admin", "gitlab|1");
      expect(violations({ members: [owner, ada, adaAgain, eve] }, { "ada@example.com": "admin" }, { minAdmins: 2 })).to.have.length(1);
      const tokenMember = member("ops@acme.test", "admin", "github|777");
      expect(violations({ members: [owner, tokenMember] }, {}, {}, "github|777")).to.deep.equal([]);
    });
  });

  describe("the member the API token belongs to", () => {
    const ops = member("ops@acme.test", "admin", "github|777");

    it("stops a run that would take their admin role, and lets one through that keeps it", () => {
      const [violation] = violations(
        { members: [owner, ada, ops] },
        { "ada@example.com": "admin", "ops@acme.test": "viewer" },
        {},
        "github|777",
      );
      expect(violation).to.include(
        "people: it would take the admin role from the member the API token belongs to, which is never downgraded: ops@acme.test (github|777, role → viewer)",
      );
      expect(
        violations({ members: [owner, ada, ops] }, { "ada@example.com": "admin", "ops@acme.test": "admin" }, {}, "github|777"),
      ).to.deep.equal([]);
    });
  });

  it("names every broken guardrail at once", () => {
    const many = ["a", "b", "c"].map((name) => member(`${name}@example.com`, "admin"));
    expect(violations({ members: [owner, ...many] }, {}, { maxRemovals: 2 })).to.have.length(2);
  });
});
