/**
 * OrganizationInvitation through the real Pulumi CLI (`pulumi preview/up/refresh/destroy` on a
 * program directory with the packed package), against the local Qovery fake.
 */
import { expect } from "chai";
import * as fs from "node:fs";
import * as pulumi from "@pulumi/pulumi";
import { changedSteps, startEngineBed, type EngineBed } from "../support/engine";
import { installed } from "../support/installed-package";
import { plainOccurrences, secretOccurrences } from "../support/secrets";

const { OrganizationInvitation } = installed;

function invite(bed: EngineBed, email: string, roleName = "viewer", extra: Record<string, unknown> = {}) {
  return new OrganizationInvitation(email.toLowerCase(), {
    organizationId: bed.fake.organizationId,
    email,
    roleName,
    ...extra,
  });
}

describe("OrganizationInvitation through the real Pulumi CLI", function () {
  this.timeout(180_000);
  let bed: EngineBed;

  beforeEach(async () => {
    bed = await startEngineBed();
  });
  afterEach(() => bed.close());

  it("invites on the first up, and a second up changes nothing and calls nothing", async () => {
    const program = () => {
      const invitation = invite(bed, "ada@example.com");
      return { status: invitation.invitationStatus };
    };
    const first = await bed.engine.up(program);
    expect(changedSteps(first)).to.deep.equal(["create ada@example.com"]);
    expect(first.outputs.status).to.equal("PENDING");
    expect(bed.fake.invitations().map((i) => i.email)).to.deep.equal(["ada@example.com"]);

    bed.fake.resetCounts();
    const second = await bed.engine.up(program);
    expect(second.changes).to.equal(0);
    expect(
      bed.fake.exchanges.map((e) => e.operation),
      "only check's role list",
    ).to.deep.equal(["listOrganizationAvailableRoles"]);
  });

  it("replaces a pending invitation on a role change, cancelling the old one before sending the new", async () => {
    await bed.engine.up(() => void invite(bed, "ada@example.com", "viewer"));
    const [old] = bed.fake.invitations();
    bed.fake.resetCounts();

    const result = await bed.engine.up(() => void invite(bed, "ada@example.com", "devops"));
    expect(changedSteps(result)).to.deep.equal(["replace ada@example.com"]);
    const order = bed.fake.exchanges.map((e) => e.operation).filter((op) => op === "deleteInviteMember" || op === "postInviteMember");
    expect(order).to.deep.equal(["deleteInviteMember", "postInviteMember"]);
    const [now] = bed.fake.invitations();
    expect(now.id).not.to.equal(old.id);
    expect(now.roleName).to.equal("devops");
  });

  it("replaces on an email change, and sees no change in a change of case", async () => {
    const withEmail = (email: string) => () => {
      new OrganizationInvitation("person", { organizationId: bed.fake.organizationId, email, roleName: "viewer" });
    };
    await bed.engine.up(withEmail("ada@example.com"));
    expect(changedSteps(await bed.engine.up(withEmail("ADA@Example.com")))).to.deep.equal([]);
    const replaced = await bed.engine.up(withEmail("grace@example.com"));
    expect(changedSteps(replaced)).to.deep.equal(["replace person"]);
    expect(bed.fake.invitations().map((i) => i.email)).to.deep.equal(["grace@example.com"]);
  });

  it("reports EXPIRED and then ACCEPTED on refresh", async () => {
    await bed.engine.up(() => {
      invite(bed, "ada@example.com");
      invite(bed, "bob@example.com");
    });
    bed.fake.expireInvitation("ada@example.com");
    bed.fake.acceptInvitation("bob@example.com", { memberId: "github|77" });
    await bed.engine.refresh();
    const byName = Object.fromEntries(
      (await bed.engine.resources())
        .filter((r) => r.type.endsWith(":OrganizationInvitation"))
        .map((r) => [r.urn.split("::").pop(), r.outputs]),
    );
    expect(byName["ada@example.com"]).to.include({ invitationStatus: "EXPIRED" });
    expect(byName["bob@example.com"]).to.include({ invitationStatus: "ACCEPTED", memberId: "github|77" });
  });

  it("drops an invitation deleted behind its back on refresh, and invites again on the next up", async () => {
    const program = () => void invite(bed, "ada@example.com");
    await bed.engine.up(program);
    bed.fake.deleteInvitation("ada@example.com");
    const refreshed = await bed.engine.refresh();
    expect(changedSteps(refreshed)).to.deep.equal(["refresh-delete ada@example.com"]);
    const again = await bed.engine.up(program);
    expect(changedSteps(again)).to.deep.equal(["create ada@example.com"]);
    expect(bed.fake.invitations()).to.have.length(1);
  });

  it("cancels every invitation on destroy", async () => {
    await bed.engine.up(() => {
      invite(bed, "ada@example.com");
      invite(bed, "bob@example.com", "admin");
    });
    expect(bed.fake.invitations()).to.have.length(2);
    const result = await bed.engine.destroy();
    expect(changedSteps(result)).to.have.members(["delete ada@example.com", "delete bob@example.com"]);
    expect(bed.fake.invitations()).to.deep.equal([]);
  });

  it("previews an organizationId that comes from a resource not yet created, calling only the role list", async () => {
    /** A stand-in for a resource that creates the organization: its outputs are unknown in a first preview. */
    class Organization extends pulumi.dynamic.Resource {
      declare readonly organizationId: pulumi.Output<string>;
      constructor(organizationId: string) {
        const provider = { create: async (inputs: Record<string, unknown>) => ({ id: "organization", outs: inputs }) };
        super(provider, "organization", { organizationId });
      }
    }
    const result = await bed.engine.preview(() => {
      const organization = new Organization(bed.fake.organizationId);
      new OrganizationInvitation("ada@example.com", {
        organizationId: organization.organizationId,
        email: "ada@example.com",
        roleName: "viewer",
      });
    });
    expect(changedSteps(result)).to.have.members(["create organization", "create ada@example.com"]);
    // The preview passes the organization's known input on as its output, so the role is checked.
    expect(bed.fake.exchanges.map((e) => e.operation)).to.deep.equal(["listOrganizationAvailableRoles"]);
  });

  it("previews a state written by an earlier build (another __provider) with no changes", async () => {
    const program = () => void invite(bed, "ada@example.com");
    await bed.engine.up(program);
    // `pulumi stack export`, the __provider of an older release, `pulumi stack import`.
    const deployment = await bed.engine.exportState();
    const olderBuild = 'exports.handler = function () { return require("pulumi-qovery-invitations/shim"); }; // 0.0.1';
    for (const resource of deployment.resources ?? []) {
      if (resource.inputs?.__provider) resource.inputs.__provider = olderBuild;
      if (resource.outputs?.__provider) resource.outputs.__provider = olderBuild;
    }
    await bed.engine.importState(deployment);
    expect(fs.readFileSync(bed.stateFile, "utf8")).to.include("// 0.0.1");
    bed.fake.resetCounts();
    const result = await bed.engine.preview(program, { expectNoChanges: true });
    expect(result.changes).to.equal(0);
    expect(bed.fake.exchanges.map((e) => e.operation)).to.deep.equal(["listOrganizationAvailableRoles"]);
  });

  it("keeps the invitation link in the state only as a secret, and the token only in the provider's encrypted config", async () => {
    await bed.engine.up(() => {
      const invitation = invite(bed, "ada@example.com");
      return { link: invitation.invitationLink };
    });
    const [sent] = bed.fake.invitations();
    // The checkpoint as the CLI stores it: secrets encrypted, so neither appears at all.
    const stored = fs.readFileSync(bed.stateFile, "utf8");
    expect(stored).not.to.include(bed.fake.apiToken);
    expect(stored).not.to.include(sent.invitationLink);
    // `pulumi stack export --show-secrets`: the link only inside secrets, in the resource's outputs
    // and in the stack output. The engine keeps the stack config it hands the dynamic provider in
    // the default provider's state, a secret where the config is one; no resource of ours holds it.
    const state = await bed.engine.exportState();
    expect(plainOccurrences(state, sent.invitationLink)).to.deep.equal([]);
    expect(secretOccurrences(state, sent.invitationLink)).to.have.length.of.at.least(2);
    expect(plainOccurrences(state, bed.fake.apiToken)).to.deep.equal([]);
    const holders = (state.resources ?? []).filter((r) => JSON.stringify(r).includes(bed.fake.apiToken)).map((r) => r.type);
    expect(holders).to.deep.equal(["pulumi:providers:pulumi-nodejs"]);
    expect(bed.log.join("\n")).not.to.include(sent.invitationLink);
    expect(bed.log.join("\n")).not.to.include(bed.fake.apiToken);
  });

  it("with the token in QOVERY_API_TOKEN instead of stack config, keeps it out of the state entirely", async () => {
    const other = await startEngineBed({ tokenIn: "environment" });
    try {
      await other.engine.up(() => {
        const invitation = new OrganizationInvitation("ada", {
          organizationId: other.fake.organizationId,
          email: "ada@example.com",
          roleName: "viewer",
        });
        return { link: invitation.invitationLink };
      });
      expect(other.fake.invitations().map((i) => i.email)).to.deep.equal(["ada@example.com"]);
      expect(JSON.stringify(await other.engine.exportState())).not.to.include(other.fake.apiToken);
      expect(other.log.join("\n")).not.to.include(other.fake.apiToken);
    } finally {
      await other.close();
    }
  });
});
