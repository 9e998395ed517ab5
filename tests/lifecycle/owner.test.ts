/**
 * The owner's role, whether or not Qovery lists it: the owner declared with it is adopted as they
 * are (checked at preview, created, refreshed and updated without a call that changes anything);
 * anyone else asking for it is refused at preview and at `up`, naming the field, the owner and
 * the roles that would do.
 */
import { expect } from "chai";
import { NotTheOwnerError, type ProgramRoleAsk } from "../../core";
import { create } from "../../provider/invitation/create";
import type { InvitationInputs, InvitationOutputs } from "../../provider/invitation/model";
import { read } from "../../provider/invitation/read";
import { checkRole, type RoleCheckInputs } from "../../provider/invitation/role-check";
import { update } from "../../provider/invitation/update";
import { startTestBed, type QoveryTestBed } from "../support/qovery";
import { rejectionOf } from "../support/assertions";

const MUTATIONS = ["postInviteMember", "deleteInviteMember", "editOrganizationMemberRole", "deleteMember"] as const;
const OTHER_ROLES = '"admin", "devops", "billing", "viewer", "Data Scientists"';

for (const listsOwnerRole of [true, false]) {
  describe(`the owner's role, when Qovery ${listsOwnerRole ? "lists" : "does not list"} it`, () => {
    let bed: QoveryTestBed;
    let owner: InvitationInputs;
    const mutations = () => MUTATIONS.reduce((total, operation) => total + bed.fake.callCount(operation), 0);
    const roleCheck = (inputs: RoleCheckInputs, asks: ProgramRoleAsk[] = []) => checkRole(bed.ctx, inputs, asks, () => {});

    beforeEach(async () => {
      bed = await startTestBed({ listsOwnerRole });
      owner = { organizationId: bed.fake.organizationId, email: "owner@acme.test", roleName: "owner", onExpired: "keep" };
    });
    afterEach(() => bed.close());

    describe("at preview (the role check)", () => {
      it("passes the owner declared with roleName owner, in any case", async () => {
        expect(await roleCheck({ ...owner, roleName: " Owner" })).to.deep.equal([]);
      });

      it("refuses roleName owner for someone else on roleName, naming the owner and the roles that would do", async () => {
        const failures = await roleCheck({ ...owner, email: "bob@example.com" });
        expect(failures).to.have.length(1);
        expect(failures[0]).to.include({ property: "roleName" });
        expect(failures[0]!.reason).to.equal(
          `roleName "owner" for bob@example.com in organization ${bed.fake.organizationId}: only the organization owner (owner@acme.test) ` +
            `can be declared with the role "owner"; Qovery can neither invite anyone as owner nor hand the ownership over ` +
            `(transfer it in the Qovery console, then declare the new owner). Use one of the organization's other roles: ${OTHER_ROLES}.`,
        );
      });

      it("refuses the deprecated enum OWNER for someone else, on role", async () => {
        const failures = await roleCheck({ organizationId: owner.organizationId, email: "bob@example.com", role: "OWNER" });
        expect(failures.map((failure) => failure.property)).to.deep.equal(["role"]);
        expect(failures[0]!.reason).to.include('only the organization owner (owner@acme.test) can be declared with the role "owner"');
      });

      it("reads the member list once per organization, and only when someone asks for the owner's role", async () => {
        await roleCheck({ ...owner, email: "ada@example.com", roleName: "viewer" });
        expect(bed.fake.callCount("getOrganizationMembers")).to.equal(0);
        await roleCheck({ ...owner });
        await roleCheck({ ...owner, email: "bob@example.com" });
        expect(bed.fake.callCount("getOrganizationMembers")).to.equal(1);
        expect(bed.fake.callCount("listOrganizationAvailableRoles")).to.equal(1);
      });

      it("names, with the first failure, every other person of the program asking for the owner's role, and not the owner", async () => {
        const asks = [
          { roleName: "owner", emails: ["owner@acme.test"], people: 1 },
          { roleName: "Owner", emails: ["cy@example.com"], people: 1 },
          { roleName: "admn", emails: ["dee@example.com"], people: 1 },
        ];
        const [failure] = await roleCheck({ ...owner, email: "dee@example.com", roleName: "admn" }, asks);
        expect(failure!.reason).to.include(
          `Every role this program asks for that organization ${bed.fake.organizationId} does not have: ` +
            'roleName "Owner" (cy@example.com; only the owner, owner@acme.test, can have it); roleName "admn" (dee@example.com).',
        );
      });

      it('adds no failure of its own for downgradeRoleName "owner", which check refuses without Qovery', async () => {
        expect(
          await roleCheck({ ...owner, email: "ada@example.com", roleName: "viewer", onDelete: "downgrade", downgradeRoleName: "owner" }),
        ).to.deep.equal([]);
      });
    });

    describe("at up", () => {
      it("adopts the owner as they are: accepted, with the owner's role, and nothing sent that changes anything", async () => {
        const [member] = bed.fake.members();
        const { outs } = await create(bed.ctx, owner);
        expect(outs).to.include({ invitationStatus: "ACCEPTED", memberId: member!.id, roleId: member!.roleId, roleName: "owner" });
        expect(mutations()).to.equal(0);
      });

      it("adopts the owner declared with the deprecated enum OWNER", async () => {
        const { outs } = await create(bed.ctx, { ...owner, roleName: undefined, role: "OWNER" });
        expect(outs).to.include({ invitationStatus: "ACCEPTED", memberId: bed.fake.ownerMemberId, roleName: "owner" });
        expect(mutations()).to.equal(0);
      });

      it("refreshes the adopted owner without a change", async () => {
        const { id, outs } = await create(bed.ctx, owner);
        bed.nextCommand();
        expect(await read(bed.ctx, id, outs)).to.deep.equal({ id, props: outs });
      });

      it("refuses to invite someone else as owner, naming roleName and the roles that would do, sending nothing", async () => {
        const error = await rejectionOf(create(bed.ctx, { ...owner, email: "bob@example.com" }));
        expect(error).to.be.instanceOf(NotTheOwnerError);
        expect(error.message).to.include('roleName "owner" for bob@example.com').and.include(OTHER_ROLES);
        expect(mutations()).to.equal(0);
      });

      it("refuses to make an existing member the owner, changing nothing", async () => {
        bed.fake.addMember({ email: "ada@example.com", roleName: "admin", id: "github|1" });
        const error = await rejectionOf(create(bed.ctx, { ...owner, email: "ada@example.com" }));
        expect(error).to.be.instanceOf(NotTheOwnerError);
        expect(mutations()).to.equal(0);
        expect(bed.fake.members().find((m) => m.id === "github|1")?.roleName).to.equal("admin");
      });

      it("refuses to change an accepted member's role to owner, changing nothing", async () => {
        bed.fake.addMember({ email: "ada@example.com", roleName: "admin", id: "github|1" });
        const { outs } = await create(bed.ctx, { ...owner, email: "ada@example.com", roleName: "admin" });
        const error = await rejectionOf(update(bed.ctx, outs, { ...owner, email: "ada@example.com" }));
        expect(error).to.be.instanceOf(NotTheOwnerError);
        expect(mutations()).to.equal(0);
      });

      it("keeps the owner's state when an update changes only an option", async () => {
        const { outs } = await create(bed.ctx, owner);
        const updated = await update(bed.ctx, outs, { ...owner, onExpired: "reissue" });
        expect(updated.outs).to.deep.equal({ ...outs, onExpired: "reissue" } satisfies InvitationOutputs);
        expect(mutations()).to.equal(0);
      });
    });
  });
}

describe("the owner's role asked by its id, when Qovery lists it", () => {
  let bed: QoveryTestBed;
  beforeEach(async () => {
    bed = await startTestBed();
  });
  afterEach(() => bed.close());

  it("is the owner's role: the owner is adopted, anyone else refused", async () => {
    const roleId = bed.fake.roleId("owner");
    const inputs = { organizationId: bed.fake.organizationId, email: "owner@acme.test", roleId, onExpired: "keep" as const };
    expect((await create(bed.ctx, inputs)).outs).to.include({ invitationStatus: "ACCEPTED", roleId, roleName: "owner" });
    const error = await rejectionOf(create(bed.ctx, { ...inputs, email: "bob@example.com" }));
    expect(error.message).to.include(`roleId "${roleId}" for bob@example.com`);
    expect(bed.fake.callCount("postInviteMember")).to.equal(0);
  });
});
