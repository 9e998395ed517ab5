/**
 * The module the shim delegates to, called as the plugin calls it: configure first (which must
 * never throw), then the lifecycle methods.
 */
import { expect } from "chai";
import * as provider from "../../provider";
import { MissingTokenError } from "../../core/client/errors";
import { startFakeQovery, type FakeQovery } from "../fake-qovery";
import { rejectionOf } from "../support/assertions";

const config = (values: Record<string, string>) => ({ config: { get: (key: string) => values[key] } });

describe("provider module", () => {
  let fake: FakeQovery;
  const savedToken = process.env.QOVERY_API_TOKEN;

  before(async () => {
    delete process.env.QOVERY_API_TOKEN;
    fake = await startFakeQovery();
  });
  after(async () => {
    if (savedToken !== undefined) process.env.QOVERY_API_TOKEN = savedToken;
    await fake.close();
  });

  const inputs = () => ({ organizationId: fake.organizationId, email: "ada@example.com", roleName: "viewer", onExpired: "keep" });

  it("reports a missing token from the first operation, saying both ways to set one, sending nothing", async () => {
    await provider.configure(config({ "qovery:apiUrl": fake.url }));
    const error = await rejectionOf(provider.create(inputs()));
    expect(error).to.be.instanceOf(MissingTokenError);
    expect(error.message).to.include("pulumi config set qovery:apiToken --secret").and.include("QOVERY_API_TOKEN");
    expect(fake.callCount()).to.equal(0);
  });

  it("never throws from configure, and reports a bad setting by key from the first operation", async () => {
    await provider.configure(config({ "qovery:apiUrl": fake.url, "qovery:apiToken": fake.apiToken, "qovery:maxRetries": "-1" }));
    const error = await rejectionOf(provider.create(inputs()));
    expect(error.message).to.include("qovery:maxRetries must be an integer from 0 to 20");
  });

  it("checks and diffs without a token or any request", async () => {
    await provider.configure(config({ "qovery:apiUrl": fake.url }));
    const checked = await provider.check({}, { ...inputs(), email: "ADA@example.com" });
    const result = await provider.diff(
      "id",
      { ...checked.inputs, roleId: "x", roleName: "viewer", invitationStatus: "PENDING" },
      checked.inputs,
    );
    expect(result.changes).to.equal(false);
    expect(fake.callCount()).to.equal(0);
  });

  it("creates, reads and deletes with the configured token", async () => {
    await provider.configure(config({ "qovery:apiUrl": fake.url, "qovery:apiToken": fake.apiToken }));
    const { id, outs } = await provider.create(inputs());
    const readBack = await provider.read(id, { ...outs });
    expect(readBack).to.have.property("props").that.deep.equals(outs);
    await provider.delete(id, { ...outs });
    expect(fake.invitations()).to.deep.equal([]);
  });

  it("checks the role against the organization's roles, naming every unknown role the program asks for, and drops the program's list", async () => {
    // Other settings than the tests above: a new context, whose role list is not fetched yet.
    await provider.configure(config({ "qovery:apiUrl": fake.url, "qovery:apiToken": fake.apiToken, "qovery:maxRetries": "4" }));
    fake.resetCounts();
    const __programRoles = [
      { roleName: "viewer", emails: ["ada@example.com"], people: 1 },
      { roleName: "admn", emails: ["bob@example.com", "cy@example.com", "dee@example.com"], people: 5 },
      { roleId: "3f1c2a8e-5b7d-4c9e-8a21-0d6f4b2e9c11", emails: ["eve@example.com"], people: 1 },
    ];
    const good = await provider.check({}, { ...inputs(), __programRoles });
    expect(good.failures).to.deep.equal([]);
    expect(good.inputs).not.to.have.property("__programRoles");
    const bad = await provider.check({}, { ...inputs(), email: "bob@example.com", roleName: "admn", __programRoles });
    expect(bad.failures).to.have.length(1);
    expect(bad.failures[0]).to.include({ property: "roleName" });
    expect(bad.failures[0]!.reason).to.include(`Unknown roleName "admn" for bob@example.com in organization ${fake.organizationId}.`);
    expect(bad.failures[0]!.reason).to.include(
      'roleName "admn" (bob@example.com, cy@example.com, dee@example.com and 2 more); roleId "3f1c2a8e-5b7d-4c9e-8a21-0d6f4b2e9c11" (eve@example.com).',
    );
    expect(fake.callCount()).to.equal(1);
  });

  it("fails the check on a downgradeRoleName the organization does not have", async () => {
    await provider.configure(config({ "qovery:apiUrl": fake.url, "qovery:apiToken": fake.apiToken }));
    const result = await provider.check({}, { ...inputs(), onDelete: "downgrade", downgradeRoleName: "vewer" });
    expect(result.failures.map((f) => f.property)).to.deep.equal(["downgradeRoleName"]);
    expect(result.failures[0]!.reason).to.include('Unknown roleName "vewer" for ada@example.com');
  });
});
