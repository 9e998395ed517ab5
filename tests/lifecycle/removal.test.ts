/**
 * The UnmanagedAccessRemoval lifecycle, against the local fake: create and update remove or
 * cancel (protecting the owner and the token's member even if the program did not), everything
 * else leaves Qovery alone. And the shim Pulumi stores for it.
 */
import { expect } from "chai";
import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";
import { removalKey, tokenIdentity } from "../../core";
import * as provider from "../../provider";
import { apply, check, diff, RemovalFailedError, removalsOf } from "../../provider/removal";
import { startTestBed, type QoveryTestBed } from "../support/qovery";
import { rejectionOf } from "../support/assertions";

const part = (value: object) => Buffer.from(JSON.stringify(value)).toString("base64url");

describe("UnmanagedAccessRemoval lifecycle", () => {
  let bed: QoveryTestBed;
  const inputs = (removals: Record<string, string>) => ({ organizationId: bed.fake.organizationId, ...removals });

  beforeEach(async () => {
    bed = await startTestBed();
  });
  afterEach(() => bed.close());

  it("checks its inputs by key, letting an unknown organization through, without calling Qovery", () => {
    const good = check(inputs({ "remove-member:eve@example.com": "github|1", "remove-invitation:bob@example.com/i-2": "i-2" }));
    expect(good.failures).to.deep.equal([]);
    expect(removalsOf(good.inputs).map((r) => `${r.kind} ${r.email} ${r.targetId}`)).to.deep.equal([
      "invitation bob@example.com i-2",
      "member eve@example.com github|1",
    ]);
    const bad = check({ organizationId: "acme", "remove-owner:eve@example.com": "x", "remove-member:eve@example.com": "" });
    expect(bad.failures.map((f) => f.property)).to.deep.equal([
      "organizationId",
      "remove-owner:eve@example.com",
      "remove-member:eve@example.com",
    ]);
    expect(check({ organizationId: "04da6b54-80e4-46f7-96ec-b56ff0331ba9" }).failures).to.deep.equal([]);
    expect(bed.fake.callCount()).to.equal(0);
  });

  it("is a change exactly when there is something to remove, whatever was removed before", () => {
    const eve = { "remove-member:eve@example.com": "github|1" };
    expect(diff(inputs({})).changes).to.equal(false);
    expect(diff(inputs(eve)).changes).to.equal(true);
    expect(diff(inputs(eve))).to.deep.include({ replaces: [], deleteBeforeReplace: false });
  });

  it("removes members and cancels invitations, each with its outcome", async () => {
    const eve = bed.fake.addMember({ email: "eve@example.com", roleName: "admin" });
    const mallory = bed.fake.addInvitation({ email: "mallory@example.com", roleName: "viewer" });
    const { id, outs } = await apply(
      bed.ctx,
      inputs({ [removalKey("member", "Eve@Example.com")]: eve.id, [removalKey("invitation", "mallory@example.com")]: mallory.id }),
    );
    expect(id).to.equal(`${bed.fake.organizationId}/unmanaged-access`);
    expect(outs.outcomes).to.deep.equal({
      "remove-member:eve@example.com": "removed",
      "remove-invitation:mallory@example.com": "cancelled",
    });
    expect(outs["remove-member:eve@example.com"]).to.equal(eve.id);
    expect(bed.fake.members().map((m) => m.id)).to.deep.equal([bed.fake.ownerMemberId]);
    expect(bed.fake.invitations()).to.deep.equal([]);
  });

  it("counts access already gone as done, without a DELETE for a member", async () => {
    const { outs } = await apply(
      bed.ctx,
      inputs({
        "remove-member:eve@example.com": "github|404",
        "remove-invitation:bob@example.com": "3f1c2a8e-5b7d-4c9e-8a21-0d6f4b2e9c11",
      }),
    );
    expect(Object.values(outs.outcomes)).to.deep.equal(["already gone", "already gone"]);
    expect(bed.fake.callCount("deleteMember")).to.equal(0);
  });

  it("never removes the owner, even when asked to", async () => {
    const { outs } = await apply(bed.ctx, inputs({ "remove-member:owner@acme.test": bed.fake.ownerMemberId }));
    expect(outs.outcomes).to.deep.equal({ "remove-member:owner@acme.test": "kept" });
    expect(outs.kept).to.deep.equal({ "remove-member:owner@acme.test": "the organization owner" });
    expect(bed.fake.callCount("deleteMember")).to.equal(0);
    expect(bed.warnings.join("\n")).to.include("owner@acme.test");
  });

  it("never removes the member a JWT token names, even when asked to", async () => {
    const ops = bed.fake.addMember({ email: "ops@acme.test", roleName: "admin" });
    const jwt = [part({ alg: "HS256" }), part({ email: "OPS@acme.test" }), "c2ln"].join(".");
    const { outs } = await apply({ ...bed.ctx, token: tokenIdentity(jwt) }, inputs({ "remove-member:ops@acme.test": ops.id }));
    expect(outs.kept).to.deep.equal({ "remove-member:ops@acme.test": "the member the API token belongs to" });
    expect(bed.fake.members().map((m) => m.id)).to.include(ops.id);
  });

  it("attempts every removal and reports the failures together", async () => {
    const eve = bed.fake.addMember({ email: "eve@example.com", roleName: "admin" });
    const mallory = bed.fake.addInvitation({ email: "mallory@example.com", roleName: "viewer" });
    bed.fake.injectFault({ operation: "deleteInviteMember", status: 400 });
    const error = await rejectionOf(
      apply(bed.ctx, inputs({ "remove-member:eve@example.com": eve.id, "remove-invitation:mallory@example.com": mallory.id })),
    );
    expect(error).to.be.instanceOf(RemovalFailedError);
    expect(error.message).to.include("remove-invitation:mallory@example.com: Qovery deleteInviteMember failed");
    expect(bed.fake.members().map((m) => m.id)).not.to.include(eve.id);
  });
});

describe("UnmanagedAccessRemoval in the provider module", () => {
  let bed: QoveryTestBed;
  const savedToken = process.env.QOVERY_API_TOKEN;

  beforeEach(async () => {
    delete process.env.QOVERY_API_TOKEN;
    bed = await startTestBed();
    const values: Record<string, string> = { "qovery:apiUrl": bed.fake.url, "qovery:apiToken": bed.fake.apiToken };
    await provider.configure({ config: { get: (key: string) => values[key] } });
  });
  afterEach(async () => {
    if (savedToken !== undefined) process.env.QOVERY_API_TOKEN = savedToken;
    await bed.close();
  });

  it("creates with the configured credentials; read and delete leave Qovery alone", async () => {
    const eve = bed.fake.addMember({ email: "eve@example.com", roleName: "admin" });
    const inputs = { organizationId: bed.fake.organizationId, "remove-member:eve@example.com": eve.id };
    const { id, outs } = await provider.removal.create(inputs);
    expect(outs.outcomes).to.deep.equal({ "remove-member:eve@example.com": "removed" });
    bed.fake.addMember({ email: "eve@example.com", roleName: "admin", id: eve.id });
    bed.fake.resetCounts();
    expect(await provider.removal.read(id, { ...outs })).to.deep.equal({ id, props: { ...outs } });
    await provider.removal.delete(id, { ...outs });
    expect(bed.fake.callCount()).to.equal(0);
    expect(bed.fake.members().map((m) => m.id)).to.include(eve.id);
  });
});

describe("the removal shim handed to Pulumi", () => {
  it("serializes to a require of the installed removal shim, under 1 KB, with no token", async () => {
    const root = path.resolve(__dirname, "..", "..");
    const saved = process.env.QOVERY_API_TOKEN;
    process.env.QOVERY_API_TOKEN = "qov_secret_never_in_state";
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const shim = require(path.join(root, "node_modules", "pulumi-qovery-invitations", "dist", "sdk", "removal-shim.js"));
      const serialized = (await pulumi.runtime.serializeFunction(() => shim, { allowSecrets: true })).text;
      expect(serialized).to.include('require("pulumi-qovery-invitations/removal-shim")');
      expect(Buffer.byteLength(serialized)).to.be.below(1024);
      expect(serialized).not.to.include("qov_secret_never_in_state");
    } finally {
      if (saved === undefined) delete process.env.QOVERY_API_TOKEN;
      else process.env.QOVERY_API_TOKEN = saved;
    }
  });
});
