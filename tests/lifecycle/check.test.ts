import { expect } from "chai";
import { UNKNOWN } from "../../core";
import { check } from "../../provider/invitation/check";

const ORG = "3f1c2a8e-5b7d-4c9e-8a21-0d6f4b2e9c11";
const ROLE = "0b6c3f0e-8d2a-4a51-9f3e-1c7a2d4b5e6f";

function propertiesOf(failures: { property: string }[]) {
  return failures.map((failure) => failure.property);
}

describe("check", () => {
  it("trims and lower-cases the email", () => {
    const { inputs, failures } = check({ organizationId: ORG, email: "  Jane.Doe@Example.COM ", roleName: "admin" });
    expect(failures).to.deep.equal([]);
    expect(inputs.email).to.equal("jane.doe@example.com");
  });

  it("defaults onExpired to keep", () => {
    const { inputs } = check({ organizationId: ORG, email: "a@b.io", roleName: "admin" });
    expect(inputs.onExpired).to.equal("keep");
  });

  it("returns every failure at once, each by property name", () => {
    const { failures } = check({ organizationId: "not-a-uuid", email: "nobody", roleId: "42", onExpired: "later" });
    expect(propertiesOf(failures)).to.have.members(["organizationId", "email", "roleId", "onExpired"]);
    const byProperty = Object.fromEntries(failures.map((f) => [f.property, f.reason]));
    expect(byProperty.organizationId)
      .to.match(/must be a UUID/)
      .and.include("not-a-uuid");
    expect(byProperty.email).to.match(/must be an email address/);
    expect(byProperty.roleId).to.match(/role UUID/);
    expect(byProperty.onExpired).to.include("keep, reissue, fail");
  });

  it("requires one of roleName, roleId and role", () => {
    const { failures } = check({ organizationId: ORG, email: "a@b.io" });
    expect(failures).to.have.length(1);
    expect(failures[0].property).to.equal("roleName");
    expect(failures[0].reason).to.match(/roleName.*roleId.*role/);
  });

  it("refuses several role inputs, naming them", () => {
    const { failures } = check({ organizationId: ORG, email: "a@b.io", roleName: "admin", roleId: ROLE });
    expect(failures).to.have.length(1);
    expect(failures[0].reason).to.include("roleId and roleName");
  });

  it("accepts the deprecated role enum in any case and rejects other values", () => {
    expect(check({ organizationId: ORG, email: "a@b.io", role: "admin" }).inputs.role).to.equal("ADMIN");
    const { failures } = check({ organizationId: ORG, email: "a@b.io", role: "SUPERUSER" });
    expect(propertiesOf(failures)).to.deep.equal(["role"]);
    expect(failures[0].reason).to.include("ADMIN, DEVELOPER, VIEWER, OWNER");
  });

  it("lets unknown values through during preview", () => {
    const { inputs, failures } = check({ organizationId: UNKNOWN, email: UNKNOWN, roleName: UNKNOWN });
    expect(failures).to.deep.equal([]);
    expect(inputs).to.include({ organizationId: UNKNOWN, email: UNKNOWN, roleName: UNKNOWN });
  });

  it("reports a missing organizationId and email as required", () => {
    const { failures } = check({ roleName: "admin" });
    expect(propertiesOf(failures)).to.have.members(["organizationId", "email"]);
    expect(failures.every((f) => f.reason.startsWith("is required"))).to.equal(true);
  });

  it("never returns an undefined value (Pulumi rejects them)", () => {
    const { inputs } = check({ organizationId: ORG, email: "a@b.io", roleName: "admin", roleId: undefined });
    expect(Object.values(inputs)).not.to.include(undefined);
    expect(inputs).not.to.have.property("roleId");
  });
});
