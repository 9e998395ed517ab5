/**
 * A Go program through the generated Go SDK (sdk/go, by a `replace` in the program's go.mod) and the
 * native plugin, run by the Go language host from tools/pulumi-cli.
 */
import { expect } from "chai";
import { changedSteps, startEngineBed, type EngineBed } from "../../support/engine";
import { GO_SDK_DIR, GO_SDK_MODULE, PULUMI_GO_SDK_VERSION } from "../../support/languages";
import { run, userEnvironment } from "../../support/program-dir";

const PROGRAM = `package main

import (
	qovery "${GO_SDK_MODULE}/qoveryinvitations"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi/config"
)

func main() {
	pulumi.Run(func(ctx *pulumi.Context) error {
		organizationID := config.Require(ctx, "organizationId")
		ada, err := qovery.NewOrganizationInvitation(ctx, "ada@example.com", &qovery.OrganizationInvitationArgs{
			OrganizationId: pulumi.String(organizationID),
			Email:          pulumi.String("ada@example.com"),
			RoleName:       pulumi.String("devops"),
		})
		if err != nil {
			return err
		}
		ctx.Export("status", ada.InvitationStatus)
		return nil
	})
}
`;

// Pulumi's Go SDK at the CLI's version: the one the generated SDK asks for (v3.269.0) needs a
// pulumi-cloud-sdk release the module proxy reachable here refuses.
const GO_MOD = `module go-access

go 1.25

require (
	${GO_SDK_MODULE} v0.0.0
	github.com/pulumi/pulumi/sdk/v3 ${PULUMI_GO_SDK_VERSION}
)

replace ${GO_SDK_MODULE} => ${GO_SDK_DIR}
`;

describe("a Go program through the native plugin", function () {
  // The first build of a Go program compiles Pulumi's Go SDK: minutes on a cold machine.
  this.timeout(900_000);
  let bed: EngineBed;

  before(async () => {
    bed = await startEngineBed({
      native: true,
      language: "go",
      files: { "Pulumi.yaml": "name: go-access\nruntime: go\n", "main.go": PROGRAM, "go.mod": GO_MOD },
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
