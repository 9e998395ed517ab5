/**
 * What only the real Pulumi CLI can show: the drift gates' `--expect-no-changes`, the text of
 * `preview --diff` that a pull-request comment quotes, `pulumi stack export` with and without
 * `--show-secrets`, a refresh refused with 403, and the provider's warnings in the CLI's own output.
 */
import { expect } from "chai";
import { startEngineBed, type EngineBed } from "../support/engine";
import { installed } from "../support/installed-package";
import { plainOccurrences } from "../support/secrets";

const { OrganizationInvitation } = installed;

describe("the real Pulumi CLI: gates, plan text, exports and warnings", function () {
  this.timeout(180_000);
  let bed: EngineBed;

  beforeEach(async () => {
    bed = await startEngineBed();
  });
  afterEach(() => bed.close());

  const invite = (email: string, roleName: string) => () => {
    const invitation = new OrganizationInvitation(email, { organizationId: bed.fake.organizationId, email, roleName });
    return { link: invitation.invitationLink, status: invitation.invitationStatus };
  };

  it("passes `preview --expect-no-changes` right after up and `refresh --expect-no-changes` while Qovery is unchanged", async () => {
    await bed.engine.up(invite("ada@example.com", "viewer"));
    await bed.engine.preview(invite("ada@example.com", "viewer"), { expectNoChanges: true });
    await bed.engine.refresh({ expectNoChanges: true });
    await bed.engine.preview(invite("ada@example.com", "devops"), { expectNoChanges: true }).then(
      () => expect.fail("a role change passed --expect-no-changes"),
      (error: Error) => expect(error.message).to.match(/no changes were expected (for \w+ )?but changes were proposed/),
    );
  });

  it("shows a role change by name in `preview --diff`, and neither the token nor the link", async () => {
    await bed.engine.up(invite("ada@example.com", "viewer"));
    const [sent] = bed.fake.invitations();
    const preview = await bed.engine.preview(invite("ada@example.com", "devops"), { diff: true });
    expect(preview.planText).to.match(/\+-pulumi-nodejs:dynamic\/qovery:OrganizationInvitation: \(replace\)/);
    expect(preview.planText).to.match(/~ roleName *: "viewer" => "devops"/);
    expect(preview.planText).not.to.include(sent.invitationLink);
    expect(preview.planText).not.to.include(bed.fake.apiToken);
  });

  it("exports the link only as ciphertext without --show-secrets", async () => {
    await bed.engine.up(invite("ada@example.com", "viewer"));
    const [sent] = bed.fake.invitations();
    const exported = await bed.engine.exportState({ showSecrets: false });
    const text = JSON.stringify(exported);
    expect(text).not.to.include(sent.invitationLink);
    expect(text).not.to.include(bed.fake.apiToken);
    expect(plainOccurrences(exported, "token=")).to.deep.equal([]);
  });

  it("fails a refresh answered 403 with the advice to use an admin token, dropping nothing from the state", async () => {
    await bed.engine.up(invite("ada@example.com", "viewer"));
    bed.fake.setTokenForbidden(true);
    const error = await bed.engine.refresh().then(
      () => expect.fail("the refresh passed with a forbidden token"),
      (failure: Error) => failure.message,
    );
    expect(error).to.include("The API token lacks the right to manage members of this organization").and.include("ada@example.com");
    expect(error).not.to.include(bed.fake.apiToken);
    bed.fake.setTokenForbidden(false);
    const resources = (await bed.engine.resources()).filter((r) => r.type.endsWith(":OrganizationInvitation"));
    expect(resources.map((r) => r.outputs?.invitationStatus)).to.deep.equal(["PENDING"]);
    await bed.engine.refresh({ expectNoChanges: true });
  });

  it("shows the provider's warning about the owner in the CLI's output", async () => {
    const result = await bed.engine.up(invite("owner@acme.test", "viewer"));
    expect(result.planText).to.match(/warning: .*owner@acme\.test is the owner of organization/);
  });

  it("fails the preview of someone other than the owner declared as owner, on roleName, naming the owner, sending nothing", async () => {
    const error = await bed.engine.preview(invite("bob@example.com", "owner")).then(
      () => expect.fail("the preview passed"),
      (failure: Error) => failure.message,
    );
    expect(error).to.match(/property roleName value \{owner\} has a problem: roleName "owner" for bob@example\.com/);
    expect(error).to.include("only the organization owner (owner@acme.test) can be declared");
    expect(bed.fake.callCount("postInviteMember")).to.equal(0);
  });

  it("shows the program's warning about the deprecated role in the CLI's output", async () => {
    const result = await bed.engine.up(() => {
      new OrganizationInvitation("ada", { organizationId: bed.fake.organizationId, email: "ada@example.com", role: "ADMIN" });
    });
    expect(result.planText).to.match(/warning: OrganizationInvitation "ada": `role` is deprecated/);
  });
});
