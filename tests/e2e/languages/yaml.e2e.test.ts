/**
 * examples/yaml through the native plugin and the real CLI (the YAML language host from
 * tools/pulumi-cli): an invitation, a roster and a role lookup; up, refresh after acceptance,
 * destroy.
 */
import { expect } from "chai";
import { changedSteps, startEngineBed, type EngineBed } from "../../support/engine";
import { exampleFiles } from "../../support/languages";

describe("a YAML program through the native plugin", function () {
  // A first run may build the YAML language host (minutes on a cold machine).
  this.timeout(900_000);
  let bed: EngineBed;

  before(async () => {
    bed = await startEngineBed({
      native: true,
      language: "yaml",
      files: exampleFiles("yaml"),
      config: (fake) => ({ "yaml-access:organizationId": fake.organizationId }),
    });
  });
  after(() => bed.close());

  it("invites one person and a roster's people, with a role looked up by name", async () => {
    const result = await bed.engine.up();
    expect(changedSteps(result).sort()).to.deep.equal(["create ada", "create bob@example.com", "create carol@example.com"]);
    expect(result.outputs).to.deep.include({
      adaStatus: "PENDING",
      adaRole: "admin",
      statuses: { "bob@example.com": "PENDING", "carol@example.com": "PENDING" },
    });
    expect(
      bed.fake
        .invitations()
        .map((invitation) => `${invitation.email} ${invitation.roleName}`)
        .sort(),
    ).to.deep.equal(["ada@example.com admin", "bob@example.com viewer", "carol@example.com devops"]);
  });

  it("sees acceptances at refresh, then previews no change", async () => {
    bed.fake.acceptInvitation("ada@example.com");
    bed.fake.acceptInvitation("bob@example.com");
    await bed.engine.refresh();
    const states = (await bed.engine.resources())
      .filter((resource) => resource.type === "qovery-invitations:index:OrganizationInvitation")
      .map((resource) => `${String(resource.outputs?.email)} ${String(resource.outputs?.invitationStatus)}`)
      .sort();
    expect(states).to.deep.equal(["ada@example.com ACCEPTED", "bob@example.com ACCEPTED", "carol@example.com PENDING"]);
    await bed.engine.preview(undefined, { expectNoChanges: true });
  });

  it("removes the members and cancels the invitation at destroy", async () => {
    await bed.engine.destroy();
    expect(bed.fake.invitations()).to.deep.equal([]);
    // Each one gone: `not.include.members` would pass with only one of them removed.
    const members = bed.fake.members().map((member) => member.email);
    expect(members).not.to.include("ada@example.com");
    expect(members).not.to.include("bob@example.com");
  });
});

describe("a YAML program with bad input", function () {
  this.timeout(900_000);

  it("fails its preview with every problem of a resource, as the dynamic resource does, and writes nothing", async () => {
    const files = exampleFiles("yaml");
    files["Pulumi.yaml"] = files["Pulumi.yaml"]!.replace("email: Ada@Example.com", "email: not-an-email").replace(
      "roleId: ${admin.id}",
      "roleName: admn",
    );
    const bed = await startEngineBed({
      native: true,
      language: "yaml",
      files,
      config: (fake) => ({ "yaml-access:organizationId": fake.organizationId }),
    });
    try {
      const failure = await bed.engine.preview().then(() => "", String);
      expect(failure).to.include("must be an email address such as jane@example.com").and.to.include('Unknown roleName "admn"');
      expect(bed.fake.invitations()).to.deep.equal([]);
      expect(await bed.engine.resources()).to.deep.equal([]);
    } finally {
      await bed.close();
    }
  });
});
