/**
 * The RosterGuard lifecycle: check fails with each refusal the roster handed over, by the roster
 * input it concerns, and passes unknowns; the state holds only the organization id, and nothing
 * ever shows a change. And the shim Pulumi stores for it.
 */
import { expect } from "chai";
import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";
import { UNKNOWN } from "../../core";
import { check, rosterGuardProvider } from "../../provider/roster-guard";

const ORG = "3f1c2a8e-5b7d-4c9e-8a21-0d6f4b2e9c11";

describe("RosterGuard lifecycle", () => {
  it("fails check with every refusal, by property, and keeps only the organization id", () => {
    const refusals = [
      { property: "maxRemovals", reason: "it would remove 7" },
      { property: "minAdmins", reason: "it would leave 0 admins" },
    ];
    expect(check({ organizationId: ORG, refusals })).to.deep.equal({ inputs: { organizationId: ORG }, failures: refusals });
    expect(check({ organizationId: ORG, refusals: [] })).to.deep.equal({ inputs: { organizationId: ORG }, failures: [] });
  });

  it("lets unknown refusals through during preview", () => {
    expect(check({ organizationId: UNKNOWN, refusals: UNKNOWN }).failures).to.deep.equal([]);
    expect(check({ organizationId: ORG, refusals: [UNKNOWN] }).failures).to.deep.equal([]);
  });

  it("never shows a change, and creates, updates, reads and deletes without a call", async () => {
    const guard = rosterGuardProvider();
    expect(await guard.diff()).to.deep.equal({ changes: false, replaces: [], deleteBeforeReplace: false });
    expect(await guard.create({ organizationId: ORG })).to.deep.equal({ id: `${ORG}/roster-guard`, outs: { organizationId: ORG } });
    expect(await guard.update("id", {}, { organizationId: ORG })).to.deep.equal({ outs: { organizationId: ORG } });
    expect(await guard.read("id", { organizationId: ORG })).to.deep.equal({ id: "id", props: { organizationId: ORG } });
  });
});

describe("the roster guard shim handed to Pulumi", () => {
  it("serializes to a require of the installed shim, under 1 KB", async () => {
    const root = path.resolve(__dirname, "..", "..");
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const shim = require(path.join(root, "node_modules", "pulumi-qovery-invitations", "dist", "sdk", "roster-guard-shim.js"));
    const serialized = (await pulumi.runtime.serializeFunction(() => shim, { allowSecrets: true })).text;
    expect(serialized).to.include('require("pulumi-qovery-invitations/roster-guard-shim")');
    expect(Buffer.byteLength(serialized)).to.be.below(1024);
  });
});
