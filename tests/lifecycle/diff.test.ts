import { expect } from "chai";
import { UNKNOWN } from "../../core";
import { diff, ExpiredInvitationError } from "../../provider/invitation/diff";
import { type InvitationOutputs } from "../../provider/invitation/model";

const ORG = "3f1c2a8e-5b7d-4c9e-8a21-0d6f4b2e9c11";
const ADMIN_ID = "0b6c3f0e-8d2a-4a51-9f3e-1c7a2d4b5e6f";

const pending: InvitationOutputs = {
  organizationId: ORG,
  email: "jane@example.com",
  onExpired: "keep",
  roleId: ADMIN_ID,
  roleName: "admin",
  invitationStatus: "PENDING",
  invitationId: "9d8c7b6a-1111-4222-8333-444455556666",
};
const declared = { organizationId: ORG, email: "jane@example.com", roleName: "admin", onExpired: "keep" };

describe("diff", () => {
  it("sees no change when nothing changed, whatever __provider holds", () => {
    const result = diff({ ...pending, __provider: "old code" } as never, { ...declared, __provider: "new code" });
    expect(result).to.deep.equal({ changes: false, replaces: [], deleteBeforeReplace: false });
  });

  it("treats a role name differing only in case as unchanged", () => {
    expect(diff(pending, { ...declared, roleName: "ADMIN" }).changes).to.equal(false);
  });

  it("treats a switch from roleName to the same role's id as unchanged", () => {
    const { roleName: _unused, ...withoutName } = declared;
    expect(diff(pending, { ...withoutName, roleId: ADMIN_ID }).changes).to.equal(false);
  });

  it("replaces on an organization change, deleting first since the email stays", () => {
    const result = diff(pending, { ...declared, organizationId: "11111111-2222-4333-8444-555555555555" });
    expect(result).to.deep.equal({ changes: true, replaces: ["organizationId"], deleteBeforeReplace: true });
  });

  it("replaces on an email change, creating the new invitation first", () => {
    const result = diff(pending, { ...declared, email: "john@example.com" });
    expect(result).to.deep.equal({ changes: true, replaces: ["email"], deleteBeforeReplace: false });
  });

  it("replaces a pending invitation on a role change, deleting first (Qovery answers 409 otherwise)", () => {
    const result = diff(pending, { ...declared, roleName: "viewer" });
    expect(result).to.deep.equal({ changes: true, replaces: ["roleName"], deleteBeforeReplace: true });
  });

  it("updates an accepted member's role in place", () => {
    const accepted = { ...pending, invitationStatus: "ACCEPTED" as const, memberId: "github|1" };
    expect(diff(accepted, { ...declared, roleName: "viewer" })).to.deep.equal({ changes: true, replaces: [], deleteBeforeReplace: false });
  });

  it("compares the deprecated role enum through the role name it stands for", () => {
    const { roleName: _unused, ...withoutName } = declared;
    expect(diff(pending, { ...withoutName, role: "ADMIN" }).changes).to.equal(false);
    expect(diff(pending, { ...withoutName, role: "VIEWER" }).replaces).to.deep.equal(["role"]);
  });

  it("updates in place when only onExpired changes", () => {
    expect(diff(pending, { ...declared, onExpired: "reissue" })).to.deep.equal({ changes: true, replaces: [], deleteBeforeReplace: false });
  });

  it("answers unknown values with a possible replacement", () => {
    const result = diff(pending, { ...declared, organizationId: UNKNOWN, roleName: UNKNOWN });
    expect(result.changes).to.equal(true);
    expect(result.replaces).to.have.members(["organizationId", "roleName"]);
  });

  describe("an invitation a refresh saw expire", () => {
    const expired = { ...pending, invitationStatus: "EXPIRED" as const };

    it("is left alone with onExpired keep", () => {
      expect(diff(expired, declared).changes).to.equal(false);
    });

    it("is replaced with onExpired reissue", () => {
      const result = diff({ ...expired, onExpired: "reissue" }, { ...declared, onExpired: "reissue" });
      expect(result).to.deep.equal({ changes: true, replaces: ["invitationStatus"], deleteBeforeReplace: true });
    });

    it("fails the run, naming the person, with onExpired fail", () => {
      expect(() => diff({ ...expired, onExpired: "fail" }, { ...declared, onExpired: "fail" }))
        .to.throw(ExpiredInvitationError)
        .with.property("message")
        .that.includes("jane@example.com");
    });
  });
});
