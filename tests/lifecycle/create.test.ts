import { expect } from "chai";
import { UnknownRoleError } from "../../core";
import { QoveryApiError } from "../../core/client/errors";
import { create } from "../../provider/invitation/create";
import type { InvitationInputs } from "../../provider/invitation/model";
import { startTestBed, type QoveryTestBed } from "../support/qovery";
import { rejectionOf } from "../support/assertions";

describe("create", () => {
  let bed: QoveryTestBed;
  let inputs: InvitationInputs;

  beforeEach(async () => {
    bed = await startTestBed();
    inputs = { organizationId: bed.fake.organizationId, email: "jane@example.com", roleName: "devops", onExpired: "keep" };
  });
  afterEach(() => bed.close());

  it("invites with the role resolved from its case-insensitive name", async () => {
    const { id, outs } = await create(bed.ctx, { ...inputs, roleName: "DevOps" });
    const [sent] = bed.fake.invitations();
    expect(sent).to.include({ email: "jane@example.com", roleName: "devops", status: "PENDING" });
    expect(id).to.equal(`${bed.fake.organizationId}/jane@example.com`);
    expect(outs).to.include({
      invitationId: sent.id,
      invitationStatus: "PENDING",
      invitationLink: sent.invitationLink,
      roleId: bed.fake.roleId("devops"),
      roleName: "devops",
    });
  });

  it("resolves a custom role by name", async () => {
    const { outs } = await create(bed.ctx, { ...inputs, roleName: "data scientists" });
    expect(outs.roleName).to.equal("Data Scientists");
    expect(bed.fake.invitations()[0].roleId).to.equal(bed.fake.roleId("Data Scientists"));
  });

  it("invites with a roleId as given", async () => {
    const roleId = bed.fake.roleId("viewer");
    const { outs } = await create(bed.ctx, { organizationId: inputs.organizationId, email: inputs.email, roleId, onExpired: "keep" });
    expect(outs).to.include({ roleId, roleName: "viewer" });
  });

  it("fails on an unknown role name with the organization's role names, sending nothing", async () => {
    const error = await rejectionOf(create(bed.ctx, { ...inputs, roleName: "superhero" }));
    expect(error).to.be.instanceOf(UnknownRoleError);
    expect(error.message).to.include('"superhero"').and.include('"admin", "devops", "billing", "viewer"');
    expect(bed.fake.callCount("postInviteMember")).to.equal(0);
  });

  it("adopts the pending invitation Qovery reports with 409 when its role matches, sending no second email", async () => {
    const existing = bed.fake.addInvitation({ email: "Jane@Example.com", roleName: "devops" });
    const { outs } = await create(bed.ctx, inputs);
    expect(outs.invitationId).to.equal(existing.id);
    expect(bed.fake.invitations()).to.have.length(1);
    expect(bed.fake.callCount("deleteInviteMember")).to.equal(0);
  });

  it("reissues a pending invitation whose role differs, with a warning", async () => {
    const existing = bed.fake.addInvitation({ email: "jane@example.com", roleName: "viewer" });
    const { outs } = await create(bed.ctx, inputs);
    const invitations = bed.fake.invitations();
    expect(invitations).to.have.length(1);
    expect(invitations[0].id).not.to.equal(existing.id);
    expect(invitations[0].roleName).to.equal("devops");
    expect(outs.invitationId).to.equal(invitations[0].id);
    expect(bed.warnings.join("\n")).to.include("jane@example.com").and.include("viewer");
  });

  it("adopts an existing member, setting their role, without inviting", async () => {
    const member = bed.fake.addMember({ email: "JANE@example.com", roleName: "viewer", id: "github|42" });
    const { outs } = await create(bed.ctx, inputs);
    expect(bed.fake.callCount("postInviteMember")).to.equal(0);
    expect(bed.fake.members().find((m) => m.id === member.id)?.roleName).to.equal("devops");
    expect(outs).to.include({ invitationStatus: "ACCEPTED", memberId: "github|42", roleName: "devops", invitationLink: "" });
  });

  it("adopts an existing member with the declared role without any change", async () => {
    bed.fake.addMember({ email: "jane@example.com", roleName: "devops" });
    await create(bed.ctx, inputs);
    expect(bed.fake.callCount("postInviteMember")).to.equal(0);
    expect(bed.fake.callCount("editOrganizationMemberRole")).to.equal(0);
  });

  it("adopts the invitation that landed when the answer to the invite was lost", async () => {
    bed.fake.injectFault({ operation: "postInviteMember", reset: "after" });
    const { outs } = await create(bed.ctx, inputs);
    const invitations = bed.fake.invitations();
    expect(invitations).to.have.length(1);
    expect(outs.invitationId).to.equal(invitations[0].id);
    expect(bed.fake.callCount("postInviteMember")).to.equal(1);
  });

  it("invites again after a lost request that never landed, once it has looked", async () => {
    bed.fake.injectFault({ operation: "postInviteMember", status: 502 });
    const { outs } = await create(bed.ctx, inputs);
    expect(bed.fake.invitations()).to.have.length(1);
    expect(outs.invitationStatus).to.equal("PENDING");
    // The command's copy of the list (for expired invitations), then the look after the 502.
    expect(bed.fake.callCount("getOrganizationInvitedMembers")).to.equal(2);
    expect(bed.fake.callCount("postInviteMember")).to.equal(2);
  });

  it("gives up after its attempts when every invite is lost, having sent none twice", async () => {
    bed.fake.injectFault({ operation: "postInviteMember", status: 503, times: 20 });
    const error = await rejectionOf(create(bed.ctx, inputs));
    expect(error).to.be.instanceOf(QoveryApiError);
    expect((error as QoveryApiError).kind).to.equal("server");
    expect(bed.fake.invitations()).to.have.length(0);
    expect(bed.fake.callCount("postInviteMember")).to.equal(bed.ctx.maxInviteAttempts);
  });

  it("adopts a member when Qovery answers that the email already belongs to one", async () => {
    // The member list this run saw was empty; the person joined in between.
    await bed.ctx.members.get(inputs.organizationId);
    bed.fake.addMember({ email: "jane@example.com", roleName: "devops", id: "github|9" });
    const { outs } = await create(bed.ctx, inputs);
    expect(outs).to.include({ invitationStatus: "ACCEPTED", memberId: "github|9" });
    expect(bed.fake.invitations()).to.have.length(0);
  });

  it("looks the roles up once for many invitations", async () => {
    await Promise.all(["a", "b", "c"].map((name) => create(bed.ctx, { ...inputs, email: `${name}@example.com` })));
    expect(bed.fake.callCount("listOrganizationAvailableRoles")).to.equal(1);
    expect(bed.fake.invitations()).to.have.length(3);
  });

  it("cancels the expired invitations of the email once the new one is sent", async () => {
    const expired = bed.fake.addInvitation({ email: "Jane@example.com", roleName: "viewer", status: "EXPIRED" });
    const other = bed.fake.addInvitation({ email: "bob@example.com", roleName: "viewer", status: "EXPIRED" });
    const { outs } = await create(bed.ctx, inputs);
    expect(bed.fake.invitations().map((i) => i.id)).to.have.members([outs.invitationId, other.id]);
    expect(bed.fake.invitations().map((i) => i.id)).not.to.include(expired.id);
    expect(bed.fake.callCount("postInviteMember")).to.equal(1);
  });

  it("keeps the new invitation, with a warning, when the expired one cannot be cancelled", async () => {
    bed.fake.addInvitation({ email: "jane@example.com", roleName: "viewer", status: "EXPIRED" });
    bed.fake.injectFault({ operation: "deleteInviteMember", status: 400 });
    const { outs } = await create(bed.ctx, inputs);
    expect(outs.invitationStatus).to.equal("PENDING");
    expect(bed.warnings.join("\n")).to.match(/expired invitation .* of jane@example\.com .* could not be cancelled/);
  });
});
