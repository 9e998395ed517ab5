/** OrganizationRoster refuses arguments it cannot apply as a whole, before registering anything. */
import { expect } from "chai";
import { OrganizationRoster, type OrganizationRosterArgs } from "../../sdk/roster";

const ORG = "3f1c2a8e-5b7d-4c9e-8a21-0d6f4b2e9c11";

function rosterError(args: Partial<OrganizationRosterArgs>): string {
  try {
    new OrganizationRoster("team", { organizationId: ORG, people: [], ...args } as OrganizationRosterArgs);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error("the roster should have refused its arguments");
}

describe("OrganizationRoster arguments", () => {
  it("names every problem at once, by roster and field", () => {
    const message = rosterError({
      people: [
        { email: "Ada@example.com", roleName: "admin" },
        { email: "ada@example.com ", roleName: "viewer" },
        { roleName: "x" } as never,
      ],
      unmanaged: "purge" as never,
      keep: ["not-an-email"],
    });
    expect(message).to.match(/^OrganizationRoster "team": /);
    expect(message)
      .to.include("people[2].email is required")
      .and.include("people must list each email once; repeated: ada@example.com")
      .and.include('unmanaged must be one of report, remove; got "purge"')
      .and.include('keep[0] must be an email address such as jane@example.com; got "not-an-email"');
  });

  it("names bad guardrails and onDelete inputs, each by name", () => {
    const message = rosterError({
      unmanaged: "remove",
      maxRemovals: -1,
      minAdmins: 1.5,
      onDelete: "downgrade",
    });
    expect(message)
      .to.include("maxRemovals must be a non-negative integer; got -1")
      .and.include("minAdmins must be a non-negative integer; got 1.5")
      .and.include('onDelete "downgrade" cannot be combined with unmanaged "remove"');
    expect(rosterError({ maxRemovals: "5" as never })).to.include('maxRemovals must be a non-negative integer; got "5"');
    expect(rosterError({ downgradeRoleName: "viewer" })).to.include(
      'downgradeRoleName is only used with onDelete "downgrade"; got onDelete "remove"',
    );
    expect(rosterError({ onDelete: "archive" as never })).to.include('onDelete must be one of remove, downgrade; got "archive"');
  });

  it("checks each person as a people file's entry is checked, by index and field", () => {
    const message = rosterError({
      organizationId: "not-a-uuid",
      people: [
        { email: "ada@example", roleName: "admin" },
        { email: "grace@example.com" } as never,
        { email: "alan@example.com", roleId: "42" },
      ],
    });
    expect(message)
      .to.include('organizationId must be the organization\'s UUID; got "not-a-uuid"')
      .and.include('people[0].email must be an email address such as jane@example.com; got "ada@example"')
      .and.include("people[1].roleName (or roleId) is required")
      .and.include('people[2].roleId must be a role UUID (or use roleName); got "42"');
  });

  it("refuses people that is not a list", () => {
    expect(rosterError({ people: "ada@example.com" as never })).to.include("people must be a list");
  });

  it('refuses a second person with roleName "owner", naming both: an organization has one owner', () => {
    const message = rosterError({
      people: [
        { email: "owner@acme.test", roleName: "owner" },
        { email: "ada@example.com", roleName: " Owner" },
      ],
    });
    expect(message).to.include(
      'people may declare one person with roleName "owner", the organization\'s one owner; got owner@acme.test, ada@example.com',
    );
  });

  it('refuses downgradeRoleName "owner" before registering anything', () => {
    expect(rosterError({ onDelete: "downgrade", downgradeRoleName: "OWNER" })).to.include(
      'downgradeRoleName cannot be "owner": Qovery makes no one the owner, and the owner is never downgraded; use a role such as "viewer"',
    );
  });

  it('needs a plain organizationId in unmanaged "remove" mode', () => {
    const message = rosterError({ organizationId: Promise.resolve(ORG), unmanaged: "remove" });
    expect(message).to.include("needs organizationId as a plain string");
  });
});
