/** The definitions of OrganizationInvitation and of a roster's arguments: what a schema generator and the plugin read from them. */
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
  rosterArgumentFields,
  rosterGuardCheckShape,
  rosterPersonFields,
  UNKNOWN,
} from "../../core";
import { BrokenStateError, invitationDiffState } from "../../provider/invitation/state";
import { packageSchema } from "../../provider/native/schema";
import { removalsOf } from "../../provider/removal";
import { rosterGuardProvider } from "../../provider/roster-guard";
import type { OrganizationRosterArgs } from "../../sdk/roster";

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

describe("the definition of a roster's arguments", () => {
  const schema = packageSchema("0.0.0");
  const roster = schema.resources["qovery-invitations:index:OrganizationRoster"];
  const person = schema.types["qovery-invitations:index:RosterPerson"];
  const descriptions = (fields: Record<string, { meta: { description: string } }>) =>
    Object.fromEntries(Object.entries(fields).map(([name, field]) => [name, field.meta.description]));
  const described = (properties: Record<string, { description?: string }>) =>
    Object.fromEntries(Object.entries(properties).map(([name, property]) => [name, property.description]));

  it("names the same arguments as OrganizationRosterArgs, the TypeScript contract", () => {
    type Defined = keyof typeof rosterArgumentFields;
    // tsc (npm run lint) refuses this line as soon as one names an argument the other does not.
    const same: [keyof OrganizationRosterArgs] extends [Defined]
      ? [Defined] extends [keyof OrganizationRosterArgs]
        ? true
        : false
      : false = true;
    expect(same).to.equal(true);
  });

  it("gives the schema's roster exactly the defined arguments, with their descriptions, the unset ones optional", () => {
    expect(described(roster.inputProperties)).to.deep.equal(descriptions(rosterArgumentFields));
    expect(roster.requiredInputs).to.deep.equal(["organizationId", "people"]);
  });

  it("types in the schema the arguments whose check tells no type, from the value they hold", () => {
    expect(roster.inputProperties).to.deep.include({
      organizationId: { type: "string", description: rosterArgumentFields.organizationId.meta.description },
      maxRemovals: { type: "integer", description: rosterArgumentFields.maxRemovals.meta.description },
      minAdmins: { type: "integer", description: rosterArgumentFields.minAdmins.meta.description },
      keep: { type: "array", items: { type: "string" }, description: rosterArgumentFields.keep.meta.description },
    });
    expect(roster.inputProperties.people).to.deep.include({
      type: "array",
      items: { $ref: "#/types/qovery-invitations:index:RosterPerson" },
    });
  });

  it("gives the schema's RosterPerson a person's defined fields, with their descriptions, email alone required", () => {
    expect(described(person.properties)).to.deep.equal(descriptions(rosterPersonFields));
    expect(person.properties.retainOnDelete).to.include({ type: "boolean" });
    expect(person.required).to.deep.equal(["email"]);
  });
});
