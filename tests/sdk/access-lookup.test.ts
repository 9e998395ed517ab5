/** getOrganizationAccess: every member and invitation, for programs (stack config) and scripts (environment). */
import { expect } from "chai";
import * as pulumi from "@pulumi/pulumi";
import { getOrganizationAccess } from "../../sdk/access-lookup";
import { startFakeQovery, type FakeQovery } from "../fake-qovery";

describe("getOrganizationAccess", () => {
  let fake: FakeQovery;
  const saved = { token: process.env.QOVERY_API_TOKEN, url: process.env.QOVERY_API_URL };

  beforeEach(async () => {
    fake = await startFakeQovery();
    fake.addMember({ email: "Eve@Example.com", roleName: "admin", id: "github|4242" });
    fake.addInvitation({ email: "mallory@example.com", roleName: "viewer", status: "EXPIRED" });
  });
  afterEach(async () => {
    pulumi.runtime.setAllConfig({});
    for (const [key, value] of [
      ["QOVERY_API_TOKEN", saved.token],
      ["QOVERY_API_URL", saved.url],
    ] as const) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
    await fake.close();
  });

  it("lists members (id, email, role, last activity, owner) and invitations (email, role, status), without links, from the environment", async () => {
    pulumi.runtime.setAllConfig({});
    process.env.QOVERY_API_TOKEN = fake.apiToken;
    process.env.QOVERY_API_URL = fake.url;
    const access = await getOrganizationAccess({ organizationId: fake.organizationId });
    expect(access.organizationId).to.equal(fake.organizationId);
    expect(access.members.map((m) => `${m.id} ${m.email} ${m.roleName} ${m.owner}`)).to.deep.equal([
      "github|4242 Eve@Example.com admin false",
      "github|1000 owner@acme.test owner true",
    ]);
    expect(access.members[0]!.lastActivityAt).to.be.a("string");
    expect(access.invitations).to.have.length(1);
    expect(access.invitations[0]).to.include({ email: "mallory@example.com", roleName: "viewer", status: "EXPIRED" });
    expect(JSON.stringify(access)).not.to.include("invitationLink").and.not.include("token=");
  });

  it("uses the stack config in a program, before the environment", async () => {
    delete process.env.QOVERY_API_TOKEN;
    process.env.QOVERY_API_URL = "http://127.0.0.1:9";
    pulumi.runtime.setAllConfig({ "qovery:apiUrl": fake.url, "qovery:apiToken": fake.apiToken }, ["qovery:apiToken"]);
    const access = await getOrganizationAccess({ organizationId: fake.organizationId });
    expect(access.members.map((m) => m.email)).to.include("Eve@Example.com");
  });
});
