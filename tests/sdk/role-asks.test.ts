/** The program's role requests, carried by every OrganizationInvitation of the same turn. */
import { expect } from "chai";
import { programRoleInput } from "../../sdk/role-asks";

const ORG = "3f1c2a8e-5b7d-4c9e-8a21-0d6f4b2e9c11";
const snapshotOf = (input: Record<string, unknown>) => input.__programRoles as Promise<unknown>;

describe("the program's role requests", () => {
  it("gives every resource of one turn the distinct requests of its organization, with up to three emails each", async () => {
    const inputs = ["a", "b", "c", "d"].map((name) =>
      programRoleInput({ organizationId: ORG, email: `${name}@example.com`, roleName: "admn" }),
    );
    inputs.push(programRoleInput({ organizationId: ORG, email: "e@example.com", roleId: "x" }));
    const other = programRoleInput({ organizationId: "another", email: "f@example.com", roleName: "viewer" });
    const expected = [
      { roleName: "admn", emails: ["a@example.com", "b@example.com", "c@example.com"], people: 4 },
      { roleId: "x", emails: ["e@example.com"], people: 1 },
    ];
    for (const input of inputs) expect(await snapshotOf(input)).to.deep.equal(expected);
    expect(await snapshotOf(other)).to.deep.equal([{ roleName: "viewer", emails: ["f@example.com"], people: 1 }]);
  });

  it("starts afresh in a later turn, and carries nothing for values known only at up", async () => {
    await snapshotOf(programRoleInput({ organizationId: ORG, email: "a@example.com", roleName: "admn" }));
    const later = programRoleInput({ organizationId: ORG, email: "b@example.com", roleName: "viewer" });
    expect(await snapshotOf(later)).to.deep.equal([{ roleName: "viewer", emails: ["b@example.com"], people: 1 }]);
    expect(programRoleInput({ organizationId: Promise.resolve(ORG), email: "c@example.com", roleName: "viewer" })).to.deep.equal({});
  });
});
