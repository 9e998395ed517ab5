/**
 * An OrganizationRoster through the real Pulumi CLI, for what a roster's users do every day:
 * reorder the people file, prefix the children's names, and change people's roles, with the
 * invitation link a secret in the exported state at every step.
 */
import { expect } from "chai";
import { startEngineBed, type EngineBed } from "../support/engine";
import { installed } from "../support/installed-package";
import { nameOf } from "../support/pulumi-cli";
import { plainOccurrences } from "../support/secrets";

const { OrganizationRoster } = installed;

describe("OrganizationRoster through the real Pulumi CLI", function () {
  this.timeout(180_000);
  let bed: EngineBed;

  beforeEach(async () => {
    bed = await startEngineBed();
  });
  afterEach(() => bed.close());

  const roster = (people: { email: string; roleName: string }[]) => () => {
    new OrganizationRoster("team", { organizationId: bed.fake.organizationId, people, childNamePrefix: "acme-" });
  };
  const PEOPLE = [
    { email: "ada@example.com", roleName: "viewer" },
    { email: "bob@example.com", roleName: "devops" },
    { email: "cy@example.com", roleName: "viewer" },
  ];

  async function linksInPlainText(): Promise<string[]> {
    const exported = await bed.engine.exportState({ showSecrets: false });
    return bed.fake.invitations().flatMap((invitation) => plainOccurrences(exported, invitation.invitationLink));
  }

  it("names the children with childNamePrefix, and a reordered people list changes nothing", async () => {
    await bed.engine.up(roster(PEOPLE));
    const names = (await bed.engine.resources()).filter((r) => r.type.endsWith(":OrganizationInvitation")).map((r) => nameOf(r.urn));
    expect(names.sort()).to.deep.equal(["acme-ada@example.com", "acme-bob@example.com", "acme-cy@example.com"]);
    await bed.engine.preview(roster([...PEOPLE].reverse()), { expectNoChanges: true });
  });

  it("keeps every invitation link a secret after up, refresh and updates", async () => {
    await bed.engine.up(roster(PEOPLE));
    expect(await linksInPlainText(), "after up").to.deep.equal([]);
    bed.fake.acceptInvitation("ada@example.com");
    await bed.engine.refresh();
    expect(await linksInPlainText(), "after refresh").to.deep.equal([]);
    // ada (a member) is updated in place; bob (pending) is replaced by a new invitation.
    await bed.engine.up(
      roster([
        { email: "ada@example.com", roleName: "devops" },
        { email: "bob@example.com", roleName: "viewer" },
        { email: "cy@example.com", roleName: "viewer" },
      ]),
    );
    expect(
      bed.fake
        .invitations()
        .map((i) => i.email)
        .sort(),
    ).to.deep.equal(["bob@example.com", "cy@example.com"]);
    expect(await linksInPlainText(), "after the updates").to.deep.equal([]);
  });
});
