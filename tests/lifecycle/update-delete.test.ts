import { expect } from "chai";
import { create } from "../../provider/invitation/create";
import { AcceptedSinceRefreshError, remove } from "../../provider/invitation/delete";
import type { InvitationInputs, InvitationOutputs } from "../../provider/invitation/model";
import { read } from "../../provider/invitation/read";
import { update } from "../../provider/invitation/update";
import { startTestBed, type QoveryTestBed } from "../support/qovery";
import { rejectionOf } from "../support/assertions";

describe("update and delete", () => {
  let bed: QoveryTestBed;
  let inputs: InvitationInputs;
  let id: string;
  let outs: InvitationOutputs;

  beforeEach(async () => {
    bed = await startTestBed();
    inputs = { organizationId: bed.fake.organizationId, email: "jane@example.com", roleName: "viewer", onExpired: "keep" };
    ({ id, outs } = await create(bed.ctx, inputs));
    bed.fake.resetCounts();
  });
  afterEach(() => bed.close());

  async function accept(): Promise<InvitationOutputs> {
    bed.fake.acceptInvitation("jane@example.com", { memberId: "github|5" });
    const result = await read(bed.ctx, id, outs);
    bed.fake.resetCounts();
    return (result as { props: InvitationOutputs }).props;
  }

  it("records an option change without calling Qovery", async () => {
    const { outs: updated } = await update(bed.ctx, outs, { ...inputs, onExpired: "reissue" });
    expect(updated).to.deep.equal({ ...outs, onExpired: "reissue" });
    expect(bed.fake.callCount()).to.equal(0);
  });

  it("changes an accepted member's role in place", async () => {
    const accepted = await accept();
    const { outs: updated } = await update(bed.ctx, accepted, { ...inputs, roleName: "Admin" });
    expect(bed.fake.members().find((m) => m.id === "github|5")?.roleName).to.equal("admin");
    expect(updated).to.include({ roleName: "admin", memberId: "github|5", invitationStatus: "ACCEPTED" });
    expect(bed.fake.callCount("editOrganizationMemberRole")).to.equal(1);
  });

  it("refuses to change the organization owner's role, saying what to do instead", async () => {
    const owner = bed.fake.members()[0];
    const ownerState: InvitationOutputs = {
      ...outs,
      email: owner.email,
      memberId: owner.id,
      roleId: owner.roleId,
      roleName: "owner",
      invitationStatus: "ACCEPTED",
    };
    const error = await rejectionOf(update(bed.ctx, ownerState, { ...inputs, email: owner.email, roleName: "viewer" }));
    expect(error.message).to.include("owner").and.include("transfer the ownership");
    expect(bed.fake.callCount("editOrganizationMemberRole")).to.equal(0);
  });

  it("cancels a pending invitation", async () => {
    await remove(bed.ctx, outs);
    expect(bed.fake.invitations()).to.deep.equal([]);
  });

  it("cancels an expired invitation", async () => {
    bed.fake.expireInvitation("jane@example.com");
    await remove(bed.ctx, { ...outs, invitationStatus: "EXPIRED" });
    expect(bed.fake.invitations()).to.deep.equal([]);
  });

  it("treats an invitation already gone as deleted: its DELETE answers 404, and nobody is removed", async () => {
    bed.fake.deleteInvitation("jane@example.com");
    bed.fake.resetCounts();
    await remove(bed.ctx, outs);
    expect(bed.fake.exchanges.map((e) => `${e.operation} ${e.status}`)).to.deep.equal([
      "deleteInviteMember 404",
      // Not accepted since: the member list has no jane, so there is nothing else to do.
      "getOrganizationMembers 200",
    ]);
    expect(bed.fake.members().map((m) => m.id)).to.deep.equal([bed.fake.ownerMemberId]);
  });

  it("removes an accepted member with every identity under that email", async () => {
    const accepted = await accept();
    bed.fake.addMember({ email: "Jane@example.com", roleName: "viewer", id: "gitlab|6" });
    await remove(bed.ctx, accepted);
    expect(bed.fake.members().map((m) => m.id)).to.deep.equal([bed.fake.ownerMemberId]);
  });

  it("treats a member already gone as deleted", async () => {
    const accepted = await accept();
    bed.fake.removeMemberBehindBack("github|5");
    await remove(bed.ctx, accepted);
    expect(bed.fake.callCount("deleteMember")).to.equal(0);
  });

  it("never removes the organization owner, and warns", async () => {
    const owner = bed.fake.members()[0];
    const ownerState: InvitationOutputs = { ...outs, email: owner.email, memberId: owner.id, invitationStatus: "ACCEPTED" };
    await remove(bed.ctx, ownerState);
    expect(bed.fake.members().map((m) => m.id)).to.include(owner.id);
    expect(bed.fake.callCount("deleteMember")).to.equal(0);
    expect(bed.warnings.join("\n")).to.include("owner");
  });

  it("asks for a refresh instead of removing a person who accepted since the last refresh", async () => {
    bed.fake.acceptInvitation("jane@example.com", { memberId: "github|5" });
    const error = await rejectionOf(remove(bed.ctx, outs));
    expect(error).to.be.instanceOf(AcceptedSinceRefreshError);
    expect(error.message).to.include("pulumi refresh");
    expect(bed.fake.members().map((m) => m.id)).to.include("github|5");
  });
});
