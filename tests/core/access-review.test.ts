/** The access review as a pure function: how each member and invitation stands against a roster. */
import { expect } from "chai";
import {
  describeInvitation,
  describeMember,
  removableAccess,
  reviewAccess,
  undeclaredAccess,
  unmanagedAccess,
  type OrganizationAccess,
} from "../../core/access-review";

const access: OrganizationAccess = {
  organizationId: "3f1c2a8e-5b7d-4c9e-8a21-0d6f4b2e9c11",
  members: [
    { id: "github|1000", email: "owner@acme.test", roleName: "owner", owner: true },
    { id: "github|1", email: "Ada@Example.com", roleName: "admin", owner: false },
    { id: "github|2", email: "eve@example.com", roleName: "admin", lastActivityAt: "2025-06-01T10:00:00.000Z", owner: false },
    { id: "google|2", email: "EVE@example.com", roleName: "viewer", owner: false },
    { id: "github|3", email: "ci@acme.test", roleName: "devops", owner: false },
  ],
  invitations: [
    { id: "i-1", email: "grace@example.com", roleName: "devops", status: "PENDING", inviter: "Ada" },
    { id: "i-2", email: "mallory@example.com", roleName: "viewer", status: "EXPIRED", inviter: "Someone Else" },
  ],
};

const standing = (entries: { email: string; access: string }[]) => entries.map((e) => `${e.access} ${e.email}`);

describe("access review", () => {
  it("declares by email in any case and reports every other member, each identity of one person apart", () => {
    const review = reviewAccess(access, { declared: [" ada@example.COM ", "grace@example.com"] });
    expect(standing(review.members)).to.deep.equal([
      "owner owner@acme.test",
      "declared Ada@Example.com",
      "undeclared eve@example.com",
      "undeclared EVE@example.com",
      "undeclared ci@acme.test",
    ]);
    expect(standing(review.invitations)).to.deep.equal(["declared grace@example.com", "undeclared mallory@example.com"]);
  });

  it("counts neither the owner nor the keep list as findings, but lists both as unmanaged", () => {
    const review = reviewAccess(access, { declared: ["ada@example.com"], keep: ["CI@acme.test", "mallory@example.com"] });
    const findings = undeclaredAccess(review);
    expect(findings.members.map((m) => m.id)).to.deep.equal(["github|2", "google|2"]);
    expect(findings.invitations.map((i) => i.id)).to.deep.equal(["i-1"]);
    const unmanaged = unmanagedAccess(review);
    expect(standing(unmanaged.members)).to.include.members(["owner owner@acme.test", "kept ci@acme.test"]);
    expect(standing(unmanaged.invitations)).to.deep.equal(["undeclared grace@example.com", "kept mallory@example.com"]);
  });

  it("gives the owner its standing even when the owner is in the keep list, and declared when the roster names it", () => {
    expect(reviewAccess(access, { declared: [], keep: ["owner@acme.test"] }).members[0]!.access).to.equal("owner");
    expect(reviewAccess(access, { declared: ["OWNER@acme.test"] }).members[0]!.access).to.equal("declared");
  });

  it("flags the token's member (by subject or by email): still a finding, never removable", () => {
    for (const token of [{ subject: "github|2" }, { email: "eve@example.com" }]) {
      const review = reviewAccess(access, { declared: [], token });
      const flagged = review.members.filter((m) => m.tokenMember).map((m) => m.id);
      expect(flagged).to.deep.equal(token.subject ? ["github|2"] : ["github|2", "google|2"]);
      expect(undeclaredAccess(review).members.map((m) => m.id)).to.include("github|2");
      expect(removableAccess(review).members.map((m) => m.id)).not.to.include("github|2");
    }
  });

  it("marks everything unreviewed without a roster, except the owner and the keep list", () => {
    const review = reviewAccess(access, { keep: ["ci@acme.test"] });
    expect(new Set(standing(review.members).map((line) => line.split(" ")[0]))).to.deep.equal(new Set(["owner", "unreviewed", "kept"]));
    expect(undeclaredAccess(review)).to.deep.equal({ members: [], invitations: [] });
  });

  it("describes an entry on one line with its role, id, activity and inviter", () => {
    expect(describeMember({ ...access.members[2]!, tokenMember: true })).to.equal(
      "member eve@example.com (admin, github|2, last active 2025-06-01T10:00Z, the API token's member: never removed)",
    );
    expect(describeInvitation({ ...access.invitations[1]!, createdAt: "2025-05-01T08:30:12Z" })).to.equal(
      "invitation mallory@example.com (viewer, EXPIRED, sent by Someone Else 2025-05-01T08:30Z)",
    );
  });
});
