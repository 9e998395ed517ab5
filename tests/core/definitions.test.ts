/** The definition of OrganizationInvitation: what a schema generator and the plugin read from it. */
import { expect } from "chai";
import {
  fieldMeta,
  INVITATION_PROPERTY_NAMES,
  INVITATION_REPLACES_ON_CHANGE,
  INVITATION_ROLE_INPUTS,
  INVITATION_SECRET_OUTPUTS,
  INVITATION_UPDATES_IN_PLACE,
  invitationInputFields,
  invitationOutputFields,
  removalInputFields,
  roleInputOf,
  rosterGuardCheckShape,
  UNKNOWN,
} from "../../core";
import { BrokenStateError, invitationDiffState } from "../../provider/invitation/state";
import { removalsOf } from "../../provider/removal";
import { rosterGuardProvider } from "../../provider/roster-guard";

describe("the definition of OrganizationInvitation", () => {
  it("describes every input and output, and registers each field's metadata by its schema", () => {
    for (const field of [...Object.values(invitationInputFields), ...Object.values(invitationOutputFields)]) {
      expect(field.meta.description).to.be.a("string").that.is.not.empty;
    }
    expect(fieldMeta.get(invitationInputFields.email.check)).to.include({ change: "replace", recorded: true });
    expect(fieldMeta.get(invitationOutputFields.invitationLink.value)).to.include({ secret: true });
  });

  it("names the same properties as the list the native classes register without loading it", () => {
    const defined = new Set([...Object.keys(invitationInputFields), ...Object.keys(invitationOutputFields)]);
    expect([...INVITATION_PROPERTY_NAMES].sort()).to.deep.equal([...defined].sort());
  });

  it("gives diff its rules and Pulumi its secrets", () => {
    expect(INVITATION_REPLACES_ON_CHANGE).to.deep.equal(["organizationId", "email"]);
    expect(INVITATION_ROLE_INPUTS).to.deep.equal(["roleId", "roleName", "role"]);
    expect(INVITATION_UPDATES_IN_PLACE).to.deep.equal(["onExpired", "onDelete", "downgradeRoleName"]);
    expect(INVITATION_SECRET_OUTPUTS).to.deep.equal(["invitationLink"]);
  });

  it("has one rule for which role input wins: roleId, then roleName, then the deprecated role", () => {
    expect(roleInputOf({ roleId: "r-1", roleName: "admin" })).to.deep.include({ property: "roleId", request: { by: "id", roleId: "r-1" } });
    expect(roleInputOf({ roleName: "admin", role: "VIEWER" })).to.deep.include({ property: "roleName" });
    expect(roleInputOf({ role: " developer " })).to.deep.include({ request: { by: "name", roleName: "devops" } });
    expect(roleInputOf({})).to.equal(undefined);
  });

  it("parses the state diff reads, naming what is broken", () => {
    expect(invitationDiffState({ email: "ada@example.com", invitationStatus: "PENDING" })).to.include({ invitationStatus: "PENDING" });
    expect(() => invitationDiffState({ email: "ada@example.com", invitationStatus: "LOST" }))
      .to.throw(BrokenStateError)
      .with.property("message")
      .that.includes("ada@example.com");
  });

  it("defines the roster's children the same way: each removal an input of its own, the guard's refusals checked", async () => {
    expect(fieldMeta.get(removalInputFields.removals.check)).to.include({ spread: true, recorded: true });
    const refusal = { property: "maxRemovals", reason: "it would remove 7" };
    expect(rosterGuardCheckShape.refusals.parse([refusal, UNKNOWN])).to.deep.equal([refusal]);
    expect(rosterGuardCheckShape.refusals.parse(UNKNOWN)).to.deep.equal([]);
    // Inputs that did not come from check name what is wrong.
    expect(() => removalsOf({ organizationId: 42 })).to.throw(BrokenStateError, /organizationId/);
    const created = rosterGuardProvider().create({});
    await created.then(
      () => expect.fail("a guard without an organization was created"),
      (error: unknown) => expect(error).to.be.instanceOf(BrokenStateError),
    );
  });
});
