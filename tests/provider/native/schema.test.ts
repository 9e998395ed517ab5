/** The native plugin's package schema, as `pulumi package get-schema` prints it: built from the definition. */
import { expect } from "chai";
import { DYNAMIC_INVITATION_TYPE, INVITATION_TYPE, invitationInputFields, invitationOutputFields } from "../../../core";
import { packageSchema } from "../../../provider/native/schema";

const schema = packageSchema("1.2.3");
const invitation = schema.resources[INVITATION_TYPE]!;

describe("the native plugin's package schema", () => {
  it("declares every input and output of the definition, with its description", () => {
    expect(Object.keys(invitation.inputProperties)).to.deep.equal(Object.keys(invitationInputFields));
    expect(Object.keys(invitation.properties)).to.have.members([
      ...new Set([...Object.keys(invitationInputFields), ...Object.keys(invitationOutputFields)]),
    ]);
    expect(invitation.inputProperties.email?.description).to.equal(invitationInputFields.email.meta.description);
  });

  it("requires the inputs a program must give, and keeps the invitation link secret", () => {
    expect(invitation.requiredInputs).to.deep.equal(["organizationId", "email"]);
    expect(invitation.properties.invitationLink).to.include({ secret: true, type: "string" });
    expect(schema.provider.inputProperties.apiToken).to.include({ secret: true });
  });

  it("carries the alias from the dynamic type and the version it is given", () => {
    expect(invitation.aliases).to.deep.equal([{ type: DYNAMIC_INVITATION_TYPE }]);
    expect(schema.version).to.equal("1.2.3");
  });
});
