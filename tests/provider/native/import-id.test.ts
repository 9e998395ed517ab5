/** The id `pulumi import` is given for an OrganizationInvitation. */
import { expect } from "chai";
import { EXAMPLE_UUID } from "../../../core";
import { ImportIdError, parseImportId } from "../../../provider/invitation/import";

describe("an import id", () => {
  it("names the organization and the email, in lower case", () => {
    expect(parseImportId(`${EXAMPLE_UUID}/ Jane@Example.COM `)).to.deep.equal({ organizationId: EXAMPLE_UUID, email: "jane@example.com" });
  });

  it("without a slash says what was expected and what was found", () => {
    expect(() => parseImportId("jane@example.com")).to.throw(
      ImportIdError,
      /"jane@example.com": it has no "\/"; expected <organizationId>\/<email>/,
    );
  });

  it("reports every problem at once", () => {
    expect(() => parseImportId("acme/jane")).to.throw(ImportIdError, /"acme" is not a UUID, "jane" is not an email address/);
  });
});
