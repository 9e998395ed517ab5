import { expect } from "chai";
import { QoveryApiError } from "../../core/client/errors";
import { create } from "../../provider/invitation/create";
import type { InvitationOutputs } from "../../provider/invitation/model";
import { read } from "../../provider/invitation/read";
import { update } from "../../provider/invitation/update";
import { startTestBed, type QoveryTestBed } from "../support/qovery";
import { rejectionOf } from "../support/assertions";

function inputsOf(outs: InvitationOutputs) {
  return { organizationId: outs.organizationId, email: outs.email, roleName: outs.roleName, onExpired: "keep" as const };
}

describe("read", () => {
  let bed: QoveryTestBed;
  let id: string;
  let outs: InvitationOutputs;

  beforeEach(async () => {
    bed = await startTestBed({ memberRoleLagReads: 3 });
    ({ id, outs } = await create(bed.ctx, {
      organizationId: bed.fake.organizationId,
      email: "jane@example.com",
      roleName: "viewer",
      onExpired: "keep",
    }));
    bed.fake.resetCounts();
  });
  afterEach(() => bed.close());

  async function readProps(props: InvitationOutputs) {
    const result = await read(bed.ctx, id, props);
    return "props" in result ? result.props : undefined;
  }

  it("reports a pending invitation with one request", async () => {
    bed.nextCommand();
    expect(await readProps(outs)).to.deep.equal(outs);
    expect(bed.fake.callCount("getOrganizationInvitedMembers")).to.equal(1);
    expect(bed.fake.callCount()).to.equal(1);
  });

  it("reports an expired invitation as EXPIRED", async () => {
    bed.fake.expireInvitation("jane@example.com");
    expect((await readProps(outs))?.invitationStatus).to.equal("EXPIRED");
  });

  it("reports an accepted invitation as ACCEPTED with the member's id and role, and an empty link", async () => {
    bed.fake.acceptInvitation("jane@example.com", { memberId: "github|123", emailAs: "Jane@Example.com" });
    const props = await readProps(outs);
    expect(props).to.include({ invitationStatus: "ACCEPTED", memberId: "github|123", roleName: "viewer", email: "jane@example.com" });
    expect(props).to.have.property("invitationLink", "");
    expect(props?.invitationId).to.equal(outs.invitationId);
  });

  it("reports the newest member when the email belongs to several identities", async () => {
    bed.fake.addMember({ email: "jane@example.com", roleName: "viewer", id: "gitlab|1" });
    await new Promise((resolve) => setTimeout(resolve, 5));
    bed.fake.acceptInvitation("jane@example.com", { memberId: "github|2" });
    expect((await readProps(outs))?.memberId).to.equal("github|2");
  });

  it("sees acceptances with the two lists alone, no request per person", async () => {
    const others = await Promise.all(["ada", "bob"].map((name) => create(bed.ctx, { ...inputsOf(outs), email: `${name}@example.com` })));
    const states = [{ id, outs }, ...others];
    for (const state of states) bed.fake.acceptInvitation(state.outs.email);
    bed.nextCommand();
    bed.fake.resetCounts();
    const refreshed = await Promise.all(states.map((state) => read(bed.ctx, state.id, state.outs)));
    expect(refreshed.map((result) => ("props" in result ? result.props.invitationStatus : "gone"))).to.deep.equal([
      "ACCEPTED",
      "ACCEPTED",
      "ACCEPTED",
    ]);
    expect(bed.fake.callCount("getMemberInvitation")).to.equal(0);
    expect(bed.fake.callCount()).to.equal(2);
  });

  it("finds an invitation sent earlier in the same command in the command's invitation list, with no request", async () => {
    await read(bed.ctx, id, outs);
    const ada = await create(bed.ctx, { ...inputsOf(outs), email: "ada@example.com" });
    bed.fake.resetCounts();
    const result = await read(bed.ctx, ada.id, ada.outs);
    expect("props" in result && result.props.invitationStatus).to.equal("PENDING");
    expect(bed.fake.callCount()).to.equal(0);
  });

  it("confirms a withdrawal with the invitation's own GET", async () => {
    bed.fake.deleteInvitation("jane@example.com");
    bed.nextCommand();
    bed.fake.resetCounts();
    expect(await read(bed.ctx, id, outs)).to.deep.equal({});
    expect(bed.fake.exchanges.map((e) => `${e.operation} ${e.status}`)).to.deep.equal([
      "getOrganizationInvitedMembers 200",
      "getOrganizationMembers 200",
      "getMemberInvitation 404",
    ]);
  });

  it("reports the resource gone when the invitation was withdrawn behind its back", async () => {
    bed.fake.deleteInvitation("jane@example.com");
    expect(await read(bed.ctx, id, outs)).to.deep.equal({});
  });

  it("fails on 401 instead of reporting the resource gone", async () => {
    bed.fake.revokeToken();
    const error = await rejectionOf(read(bed.ctx, id, outs));
    expect((error as QoveryApiError).kind).to.equal("unauthorized");
  });

  it("fails on 403 when the organization cannot be read either", async () => {
    bed.fake.setTokenForbidden(true);
    const error = await rejectionOf(read(bed.ctx, id, outs));
    expect((error as QoveryApiError).kind).to.equal("forbidden");
  });

  it("reads a 403 for one invitation as gone when the organization's invitations can be listed without it", async () => {
    bed.fake.deleteInvitation("jane@example.com");
    bed.fake.injectFault({ operation: "getMemberInvitation", status: 403 });
    expect(await read(bed.ctx, id, outs)).to.deep.equal({});
  });

  describe("a member", () => {
    let accepted: InvitationOutputs;

    beforeEach(async () => {
      bed.fake.acceptInvitation("jane@example.com", { memberId: "github|123" });
      accepted = (await readProps(outs))!;
      bed.nextCommand();
    });

    it("reports the member's current role, changed outside the program", async () => {
      await bed.client.changeMemberRole(bed.fake.organizationId, "github|123", bed.fake.roleId("admin"));
      // The fake's member list lags 3 reads behind the change.
      for (let i = 0; i < 3; i++) await bed.client.listMembers(bed.fake.organizationId);
      expect((await readProps(accepted))?.roleName).to.equal("admin");
    });

    it("does not report the lagging member list as drift right after its own role change", async () => {
      const { outs: updated } = await update(bed.ctx, accepted, {
        organizationId: accepted.organizationId,
        email: accepted.email,
        roleName: "devops",
        onExpired: "keep",
      });
      const props = await readProps(updated);
      expect(props).to.include({ roleName: "devops", roleId: bed.fake.roleId("devops") });
    });

    it("reports the listed role again once the ten-minute lag window after its own change has passed", async () => {
      await bed.client.changeMemberRole(bed.fake.organizationId, "github|123", bed.fake.roleId("admin"));
      for (let i = 0; i < 3; i++) await bed.client.listMembers(bed.fake.organizationId);
      const changedAt = (minutesAgo: number) => new Date(Date.now() - minutesAgo * 60_000).toISOString();
      // Recorded as changed by us to devops: inside the window the recorded role stands...
      const recorded = { ...accepted, roleName: "devops", roleId: bed.fake.roleId("devops") };
      expect((await readProps({ ...recorded, roleChangedAt: changedAt(9) }))?.roleName).to.equal("devops");
      // ...after it, the list has the last word.
      expect((await readProps({ ...recorded, roleChangedAt: changedAt(11) }))?.roleName).to.equal("admin");
    });

    it("reports the resource gone when the member left", async () => {
      bed.fake.removeMemberBehindBack("github|123");
      expect(await read(bed.ctx, id, accepted)).to.deep.equal({});
    });
  });
});
