/**
 * onDelete and downgradeRoleName: checked offline with every other input, recorded in state so
 * that delete (handed the old outputs only) knows them, an update without API call when they
 * change, and a delete that downgrades instead of removing. And the member the API token
 * belongs to, never removed or downgraded by a delete.
 */
import { expect } from "chai";
import { UnknownDowngradeRoleError } from "../../core";
import { check } from "../../provider/invitation/check";
import { create } from "../../provider/invitation/create";
import { remove } from "../../provider/invitation/delete";
import { diff } from "../../provider/invitation/diff";
import type { InvitationInputs, InvitationOutputs } from "../../provider/invitation/model";
import { checkDowngradeRole } from "../../provider/invitation/on-delete";
import { read } from "../../provider/invitation/read";
import { update } from "../../provider/invitation/update";
import { startTestBed, type QoveryTestBed } from "../support/qovery";
import { rejectionOf } from "../support/assertions";

const ORG = "3f1c2a8e-5b7d-4c9e-8a21-0d6f4b2e9c11";
const person = { organizationId: ORG, email: "jane@example.com", roleName: "admin" };

describe("onDelete: check and diff", () => {
  it("leaves onDelete out by default, and defaults downgradeRoleName to viewer under downgrade", () => {
    expect(check(person).inputs).not.to.have.property("onDelete");
    const { inputs, failures } = check({ ...person, onDelete: "downgrade" });
    expect(failures).to.deep.equal([]);
    expect(inputs).to.include({ onDelete: "downgrade", downgradeRoleName: "viewer" });
    expect(check({ ...person, onDelete: "downgrade", downgradeRoleName: " Data Scientists " }).inputs).to.include({
      downgradeRoleName: "Data Scientists",
    });
  });

  it("names each bad input, with the other failures", () => {
    const byProperty = (news: Record<string, unknown>) =>
      Object.fromEntries(check({ ...person, ...news }).failures.map((failure) => [failure.property, failure.reason]));
    expect(byProperty({ onDelete: "archive", email: "nobody" })).to.have.keys("onDelete", "email");
    expect(byProperty({ onDelete: "archive" }).onDelete).to.include('must be one of remove, downgrade; got "archive"');
    // A wrong onDelete has its own failure; downgradeRoleName is not blamed for it.
    expect(byProperty({ onDelete: "archive", downgradeRoleName: "viewer" })).to.have.keys("onDelete");
    expect(byProperty({ downgradeRoleName: "viewer" }).downgradeRoleName).to.include(
      'only used with onDelete "downgrade"; got onDelete "remove"',
    );
    expect(byProperty({ onDelete: "remove", downgradeRoleName: "viewer" })).to.have.key("downgradeRoleName");
    expect(byProperty({ onDelete: "downgrade", downgradeRoleName: "Owner" }).downgradeRoleName).to.include('cannot be "owner"');
  });

  it("lets unknowns through during preview", () => {
    const unknown = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
    const { inputs, failures } = check({ ...person, onDelete: unknown, downgradeRoleName: "viewer" });
    expect(failures).to.deep.equal([]);
    expect(inputs).to.include({ onDelete: unknown, downgradeRoleName: "viewer" });
  });

  it("is an update in place when onDelete or downgradeRoleName changes, and no change for an old state without them", () => {
    const olds = { ...person, onExpired: "keep", roleId: "r", invitationStatus: "ACCEPTED" } as Partial<InvitationOutputs>;
    expect(diff(olds, { ...person, onExpired: "keep" }).changes).to.equal(false);
    expect(diff(olds, { ...person, onExpired: "keep", onDelete: "remove" }).changes).to.equal(false);
    expect(diff(olds, { ...person, onExpired: "keep", onDelete: "downgrade", downgradeRoleName: "viewer" })).to.deep.equal({
      changes: true,
      replaces: [],
      deleteBeforeReplace: false,
    });
    const downgrading = { ...olds, onDelete: "downgrade", downgradeRoleName: "viewer" } as Partial<InvitationOutputs>;
    expect(diff(downgrading, { ...person, onExpired: "keep", onDelete: "downgrade", downgradeRoleName: "devops" }).changes).to.equal(true);
  });
});

describe("onDelete: the lifecycle", () => {
  let bed: QoveryTestBed;
  let inputs: InvitationInputs;

  beforeEach(async () => {
    bed = await startTestBed();
    inputs = {
      organizationId: bed.fake.organizationId,
      email: "jane@example.com",
      roleName: "admin",
      onExpired: "keep",
      onDelete: "downgrade",
      downgradeRoleName: "viewer",
    };
  });
  afterEach(() => bed.close());

  async function acceptedMember(): Promise<InvitationOutputs> {
    const { id, outs } = await create(bed.ctx, inputs);
    bed.fake.acceptInvitation("jane@example.com", { memberId: "github|5" });
    const result = (await read(bed.ctx, id, outs)) as { props: InvitationOutputs };
    bed.fake.resetCounts();
    return result.props;
  }

  it("records onDelete and downgradeRoleName in state, through create, refresh and update", async () => {
    const accepted = await acceptedMember();
    expect(accepted).to.include({ onDelete: "downgrade", downgradeRoleName: "viewer", invitationStatus: "ACCEPTED" });
    const { outs } = await update(bed.ctx, accepted, { ...inputs, onDelete: undefined, downgradeRoleName: undefined });
    expect(outs).not.to.have.any.keys("onDelete", "downgradeRoleName");
    expect(bed.fake.callCount()).to.equal(0);
  });

  it("gives an accepted member the downgrade role instead of removing them, every identity of the email", async () => {
    const accepted = await acceptedMember();
    bed.fake.addMember({ email: "Jane@example.com", roleName: "devops", id: "gitlab|6" });
    await remove(bed.ctx, accepted);
    const roles = bed.fake
      .members()
      .filter((m) => m.email.toLowerCase() === "jane@example.com")
      .map((m) => `${m.id} ${m.roleName}`)
      .sort();
    expect(roles).to.deep.equal(["github|5 viewer", "gitlab|6 viewer"]);
    expect(bed.fake.callCount("deleteMember")).to.equal(0);
    expect(bed.fake.callCount("editOrganizationMemberRole")).to.equal(2);
  });

  it("sets no role on a member who already has the downgrade role", async () => {
    const accepted = await acceptedMember();
    await remove(bed.ctx, { ...accepted, downgradeRoleName: "admin" });
    expect(bed.fake.callCount("editOrganizationMemberRole")).to.equal(0);
    expect(bed.fake.members().map((m) => m.id)).to.include("github|5");
  });

  it("cancels a pending invitation", async () => {
    const { outs } = await create(bed.ctx, inputs);
    await remove(bed.ctx, outs);
    expect(bed.fake.invitations()).to.deep.equal([]);
    expect(bed.fake.callCount("deleteInviteMember")).to.equal(1);
  });

  it("fails naming downgradeRoleName, touching nobody, when the organization has no such role", async () => {
    const accepted = await acceptedMember();
    const error = await rejectionOf(remove(bed.ctx, { ...accepted, downgradeRoleName: "guest" }));
    expect(error).to.be.instanceOf(UnknownDowngradeRoleError);
    expect(error.message).to.match(/^downgradeRoleName: Unknown roleName "guest" in organization .*"viewer"/);
    expect(bed.fake.callCount("editOrganizationMemberRole") + bed.fake.callCount("deleteMember")).to.equal(0);
    const refused = await rejectionOf(checkDowngradeRole(bed.ctx, { ...inputs, downgradeRoleName: "guest" }));
    expect(refused).to.be.instanceOf(UnknownDowngradeRoleError);
  });

  it("never removes or downgrades the member the API token belongs to, and warns", async () => {
    const accepted = await acceptedMember();
    const ctx = { ...bed.ctx, token: { subject: "github|5" } };
    await remove(ctx, accepted);
    await remove(ctx, { ...accepted, onDelete: undefined });
    expect(bed.fake.members().find((m) => m.id === "github|5")?.roleName).to.equal("admin");
    expect(bed.fake.callCount("editOrganizationMemberRole") + bed.fake.callCount("deleteMember")).to.equal(0);
    expect(bed.warnings.join("\n"))
      .to.include("the member the API token belongs to and is not downgraded")
      .and.include("the member the API token belongs to and is not removed");
  });
});
