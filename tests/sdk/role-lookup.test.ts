/** Role lookups for programs: every role, or one by case-insensitive name, with program credentials. */
import { expect } from "chai";
import * as pulumi from "@pulumi/pulumi";
import { UnknownRoleError } from "../../core";
import { MissingTokenError } from "../../core/client/errors";
import { getOrganizationRole, getOrganizationRoles } from "../../sdk/role-lookup";
import { startFakeQovery, type FakeQovery } from "../fake-qovery";
import { rejectionOf } from "../support/assertions";

describe("role lookups", () => {
  let fake: FakeQovery;
  const saved = { token: process.env.QOVERY_API_TOKEN, url: process.env.QOVERY_API_URL };

  beforeEach(async () => {
    fake = await startFakeQovery();
    delete process.env.QOVERY_API_TOKEN;
    delete process.env.QOVERY_API_URL;
    pulumi.runtime.setAllConfig({ "qovery:apiUrl": fake.url, "qovery:apiToken": fake.apiToken }, ["qovery:apiToken"]);
  });
  afterEach(async () => {
    pulumi.runtime.setAllConfig({});
    if (saved.token !== undefined) process.env.QOVERY_API_TOKEN = saved.token;
    if (saved.url !== undefined) process.env.QOVERY_API_URL = saved.url;
    await fake.close();
  });

  it("lists every role of the organization, built-in and custom, with the stack config's credentials", async () => {
    const roles = await getOrganizationRoles({ organizationId: fake.organizationId });
    expect(roles).to.deep.equal(fake.roles().map(({ id, name }) => ({ id, name })));
    expect(roles.map((r) => r.name)).to.include("Data Scientists");
  });

  it("finds one role by name, whatever its case", async () => {
    const role = await getOrganizationRole({ organizationId: fake.organizationId, name: "data SCIENTISTS" });
    expect(role).to.deep.equal({ id: fake.roleId("Data Scientists"), name: "Data Scientists" });
  });

  it("fails on an unknown name, listing the organization's roles", async () => {
    const error = await rejectionOf(getOrganizationRole({ organizationId: fake.organizationId, name: "superhero" }));
    expect(error).to.be.instanceOf(UnknownRoleError);
    expect(error.message).to.include('"superhero"').and.include('"viewer"').and.include('"Data Scientists"');
  });

  it("finds the owner's role when Qovery lists it", async () => {
    const role = await getOrganizationRole({ organizationId: fake.organizationId, name: "owner" });
    expect(role).to.deep.equal({ id: fake.roleId("owner"), name: "owner" });
  });

  it("fails on the owner's role when Qovery does not list it, saying to declare the owner by name", async () => {
    await fake.close();
    fake = await startFakeQovery({ listsOwnerRole: false });
    pulumi.runtime.setAllConfig({ "qovery:apiUrl": fake.url, "qovery:apiToken": fake.apiToken }, ["qovery:apiToken"]);
    const error = await rejectionOf(getOrganizationRole({ organizationId: fake.organizationId, name: "Owner" }));
    expect(error).to.be.instanceOf(UnknownRoleError);
    expect(error.message).to.include('Qovery does not list the owner\'s role: declare the organization owner with roleName "owner"');
  });

  it("uses QOVERY_API_TOKEN and QOVERY_API_URL outside a program", async () => {
    pulumi.runtime.setAllConfig({});
    process.env.QOVERY_API_TOKEN = fake.apiToken;
    process.env.QOVERY_API_URL = fake.url;
    expect(await getOrganizationRoles({ organizationId: fake.organizationId })).to.have.length(fake.roles().length);
  });

  it("says how to set a token when there is none", async () => {
    pulumi.runtime.setAllConfig({ "qovery:apiUrl": fake.url });
    const error = await rejectionOf(getOrganizationRoles({ organizationId: fake.organizationId }));
    expect(error).to.be.instanceOf(MissingTokenError);
  });
});
