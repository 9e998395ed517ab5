/**
 * The member list behind the steps that take access away: one per organization and command,
 * kept true by the provider's own changes, read again only after an answer that leaves it in
 * doubt.
 */
import { expect } from "chai";
import { create } from "../../provider/invitation/create";
import { remove } from "../../provider/invitation/delete";
import type { InvitationInputs, InvitationOutputs } from "../../provider/invitation/model";
import { read } from "../../provider/invitation/read";
import { startTestBed, type QoveryTestBed } from "../support/qovery";
import { rejectionOf } from "../support/assertions";

describe("delete: one member list for the removals of a command", () => {
  let bed: QoveryTestBed;

  beforeEach(async () => {
    bed = await startTestBed();
  });
  afterEach(() => bed.close());

  const inputsOf = (name: string, extra: Partial<InvitationInputs> = {}): InvitationInputs => ({
    organizationId: bed.fake.organizationId,
    email: `${name}@example.com`,
    roleName: "admin",
    onExpired: "keep",
    ...extra,
  });

  /** Invited by one command, accepted, refreshed by the next; the command after that starts. */
  async function acceptedMembers(names: string[], extra: Partial<InvitationInputs> = {}): Promise<InvitationOutputs[]> {
    const created = await Promise.all(names.map((name) => create(bed.ctx, inputsOf(name, extra))));
    for (const name of names) bed.fake.acceptInvitation(`${name}@example.com`);
    bed.nextCommand();
    const refreshed = await Promise.all(created.map(({ id, outs }) => read(bed.ctx, id, outs)));
    bed.nextCommand();
    bed.fake.resetCounts();
    return refreshed.map((result) => (result as { props: InvitationOutputs }).props);
  }

  it("removes N accepted members with N removals and one member list", async () => {
    const states = await acceptedMembers(["ada", "bob", "cy", "dee"]);
    for (const state of states) await remove(bed.ctx, state);
    expect(bed.fake.callCount("deleteMember")).to.equal(4);
    expect(bed.fake.callCount("getOrganizationMembers")).to.equal(1);
    expect(bed.fake.callCount()).to.equal(5);
  });

  it("downgrades N accepted members with N role changes and one member list", async () => {
    const states = await acceptedMembers(["ada", "bob", "cy"], { onDelete: "downgrade", downgradeRoleName: "viewer" });
    for (const state of states) await remove(bed.ctx, state);
    expect(bed.fake.callCount("editOrganizationMemberRole")).to.equal(3);
    expect(bed.fake.callCount("getOrganizationMembers")).to.equal(1);
  });

  it("lets a later create of the command invite a person it removed, instead of adopting them (a replacement)", async () => {
    const [ada] = await acceptedMembers(["ada"]);
    await create(bed.ctx, inputsOf("bob"));
    await remove(bed.ctx, ada!);
    const { outs } = await create(bed.ctx, inputsOf("ada"));
    expect(outs.invitationStatus).to.equal("PENDING");
  });

  it("lets a later create of the command adopt a person it downgraded with their new role, setting none", async () => {
    const [ada] = await acceptedMembers(["ada"], { onDelete: "downgrade", downgradeRoleName: "viewer" });
    await create(bed.ctx, inputsOf("bob"));
    await remove(bed.ctx, ada!);
    bed.fake.resetCounts();
    const { outs } = await create(bed.ctx, inputsOf("ada", { roleName: "viewer" }));
    expect(outs).to.include({ invitationStatus: "ACCEPTED", roleName: "viewer" });
    expect(bed.fake.callCount("editOrganizationMemberRole")).to.equal(0);
  });

  it("reads the member list again after a removal whose answer was lost", async () => {
    const [ada, bob] = await acceptedMembers(["ada", "bob"]);
    bed.fake.injectFault({ operation: "deleteMember", reset: "after", times: 10 });
    await rejectionOf(remove(bed.ctx, ada!));
    bed.fake.clearFaults();
    await remove(bed.ctx, bob!);
    expect(bed.fake.callCount("getOrganizationMembers")).to.equal(2);
  });
});
