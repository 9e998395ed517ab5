/**
 * examples/python: a program through the generated Python SDK (sdk/python) and the native plugin, run by the
 * Python language host from tools/pulumi-cli with the pinned `pulumi` package from PyPI.
 */
import { expect } from "chai";
import { changedSteps, startEngineBed, type EngineBed } from "../../support/engine";
import { exampleFiles, pythonWithSdk } from "../../support/languages";

describe("a Python program through the native plugin", function () {
  // A first run may build the Python host and its venv (minutes on a cold machine).
  this.timeout(900_000);
  let bed: EngineBed;

  before(async () => {
    bed = await startEngineBed({
      native: true,
      language: "python",
      files: exampleFiles("python"),
      config: (fake) => ({ "python-access:organizationId": fake.organizationId }),
      env: { PULUMI_PYTHON_CMD: pythonWithSdk() },
    });
  });
  after(() => bed.close());

  it("invites, keeps the link secret, and previews no change after", async () => {
    const result = await bed.engine.up();
    expect(changedSteps(result)).to.deep.equal(["create ada@example.com"]);
    const [sent] = bed.fake.invitations();
    expect(sent).to.include({ email: "ada@example.com", roleName: "viewer" });
    expect(result.outputs).to.deep.equal({ status: "PENDING", link: sent!.invitationLink });
    expect(JSON.stringify(await bed.engine.exportState({ showSecrets: false }))).not.to.include(sent!.invitationLink);
    await bed.engine.preview(undefined, { expectNoChanges: true });
  });

  it("cancels the invitation at destroy", async () => {
    await bed.engine.destroy();
    expect(bed.fake.invitations()).to.deep.equal([]);
  });
});
