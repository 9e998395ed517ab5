/**
 * examples/go: a program through the generated Go SDK (sdk/go, by a `replace` in its go.mod) and the
 * native plugin, run by the Go language host from tools/pulumi-cli.
 */
import { expect } from "chai";
import { changedSteps, startEngineBed, type EngineBed } from "../../support/engine";
import { exampleFiles } from "../../support/languages";
import { run, userEnvironment } from "../../support/program-dir";

describe("a Go program through the native plugin", function () {
  // The first build of a Go program compiles Pulumi's Go SDK: minutes on a cold machine.
  this.timeout(900_000);
  let bed: EngineBed;

  before(async () => {
    bed = await startEngineBed({
      native: true,
      language: "go",
      files: exampleFiles("go"),
      config: (fake) => ({ "go-access:organizationId": fake.organizationId }),
    });
    // go.sum, from the module proxy, as `go mod tidy` writes it for a user.
    await run("go", ["mod", "tidy"], bed.engine.programDir, 600_000, userEnvironment());
  });
  after(() => bed.close());

  it("invites, and previews no change after", async () => {
    const result = await bed.engine.up();
    expect(changedSteps(result)).to.deep.equal(["create ada@example.com"]);
    expect(result.outputs).to.deep.equal({ status: "PENDING" });
    expect(bed.fake.invitations().map((invitation) => `${invitation.email} ${invitation.roleName}`)).to.deep.equal([
      "ada@example.com devops",
    ]);
    await bed.engine.preview(undefined, { expectNoChanges: true });
  });

  it("cancels the invitation at destroy", async () => {
    await bed.engine.destroy();
    expect(bed.fake.invitations()).to.deep.equal([]);
  });
});
