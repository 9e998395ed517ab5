/**
 * The native plugin (`pulumi-resource-qovery-invitations`, linked by npm from the packed package)
 * through the real Pulumi CLI, with TypeScript programs using the native classes: the same
 * behaviour as the dynamic resource, plus import, and the move of a stack from one class to the other.
 */
import * as pulumi from "@pulumi/pulumi";
import { expect } from "chai";
import * as path from "node:path";
import { changedSteps, startEngineBed, type EngineBed } from "../support/engine";
import { installed } from "../support/installed-package";
import { installedVersion, run, userEnvironment } from "../support/program-dir";
import { recordCliRun, type Program } from "../support/pulumi-cli";
import { plainOccurrences, secretOccurrences } from "../support/secrets";

const { native, OrganizationInvitation, OrganizationRoster } = installed;
const TYPE = "qovery-invitations:index:OrganizationInvitation";
const WRITES = new Set(["postInviteMember", "deleteInviteMember", "deleteMember", "editOrganizationMemberRole"]);

function writesAt(bed: EngineBed): string[] {
  return bed.fake.exchanges.map((exchange) => exchange.operation).filter((operation) => WRITES.has(operation));
}

/**
 * Previews then runs a program whose resources moved from the dynamic classes to the native ones.
 * Without the aliases the engine would create each native resource (adopting the person) and then
 * delete the dynamic one, cancelling the invitation or removing the member: neither step may
 * appear, nor any Qovery write.
 */
async function runMoved(bed: EngineBed, program: Program) {
  bed.fake.resetCounts();
  expect(changedSteps(await bed.engine.preview(program))).to.deep.equal([]);
  const moved = await bed.engine.up(program);
  expect(changedSteps(moved)).to.deep.equal([]);
  expect(writesAt(bed)).to.deep.equal([]);
  return moved;
}

function nativeInvite(bed: EngineBed, email: string, roleName = "viewer") {
  return new native.OrganizationInvitation(email.toLowerCase(), { organizationId: bed.fake.organizationId, email, roleName });
}

describe("the native plugin through the real Pulumi CLI", function () {
  this.timeout(180_000);
  let bed: EngineBed;

  beforeEach(async () => {
    bed = await startEngineBed({ native: true });
  });
  afterEach(() => bed.close());

  it("invites, sees the acceptance at refresh, and removes the member at destroy; the link only ever a secret", async () => {
    const program = () => {
      const invitation = nativeInvite(bed, "Ada@Example.com", "devops");
      return { id: invitation.id, status: invitation.invitationStatus, link: invitation.invitationLink };
    };
    const first = await bed.engine.up(program);
    expect(changedSteps(first)).to.deep.equal(["create ada@example.com"]);
    expect(first.outputs).to.include({ id: `${bed.fake.organizationId}/ada@example.com`, status: "PENDING" });
    const [sent] = bed.fake.invitations();
    expect(sent).to.include({ email: "ada@example.com", roleName: "devops" });
    const state = await bed.engine.exportState();
    expect(plainOccurrences(state, sent!.invitationLink)).to.deep.equal([]);
    expect(secretOccurrences(state, sent!.invitationLink)).to.have.length.of.at.least(1);
    expect(plainOccurrences(state, bed.fake.apiToken)).to.deep.equal([]);
    expect(bed.log.join("\n")).not.to.include(bed.fake.apiToken);

    bed.fake.resetCounts();
    expect((await bed.engine.up(program)).changes).to.equal(0);
    expect(writesAt(bed)).to.deep.equal([]);

    bed.fake.acceptInvitation("ada@example.com", { memberId: "github|1" });
    await bed.engine.refresh();
    const [resource] = (await bed.engine.resources()).filter((r) => r.type === TYPE);
    expect(resource?.outputs).to.include({ invitationStatus: "ACCEPTED", memberId: "github|1" });
    await bed.engine.preview(program, { expectNoChanges: true });

    await bed.engine.destroy();
    expect(bed.fake.members().map((member) => member.email)).not.to.include("ada@example.com");
  });

  // The dynamic class adds, from the program side, a summary of every role the whole program asks
  // for (sdk/role-asks.ts); the native plugin sees one resource at a time and says the rest.
  it("prints the package schema through `pulumi package get-schema`, as built from the definitions", async () => {
    const plugin = path.join(bed.engine.programDir, "node_modules", ".bin", "pulumi-resource-qovery-invitations");
    recordCliRun("get-schema", bed.engine.programDir);
    const printed = JSON.parse(
      await run("pulumi", ["package", "get-schema", plugin], bed.engine.programDir, 60_000, {
        ...userEnvironment(),
        ...bed.engine.environment(),
      }),
    ) as {
      name: string;
      version: string;
      resources: Record<string, { properties: Record<string, { secret?: boolean }>; aliases?: unknown[] }>;
    };
    expect(printed.name).to.equal("qovery-invitations");
    expect(printed.version).to.equal(installedVersion("pulumi-qovery-invitations"));
    expect(Object.keys(printed.resources).sort()).to.deep.equal([TYPE, "qovery-invitations:index:OrganizationRoster"]);
    expect(printed.resources[TYPE]!.properties.invitationLink!.secret).to.equal(true);
    expect(printed.resources[TYPE]!.aliases).to.deep.equal([{ type: "pulumi-nodejs:dynamic/qovery:OrganizationInvitation" }]);
  });

  it("refuses at preview what the dynamic resource refuses, with the same messages", async () => {
    const bad = { organizationId: bed.fake.organizationId, email: "not-an-email", roleName: "admn" };
    const failureOf = async (program: () => void) => {
      const error = await bed.engine.preview(program).then(
        () => undefined,
        (rejection: unknown) => String(rejection),
      );
      expect(error, "the preview fails").to.be.a("string");
      return [...error!.matchAll(/(email|roleName)[^\n]*?(must|is|unknown|no role)[^\n]*/g)].map((match) => match[0].trim()).sort();
    };
    const dynamicFailures = await failureOf(() => void new OrganizationInvitation("x", bad));
    const nativeFailures = await failureOf(() => void new native.OrganizationInvitation("x", bad));
    expect(nativeFailures).to.have.length.of.at.least(2);
    expect(nativeFailures).to.have.length(dynamicFailures.length);
    nativeFailures.forEach((failure, index) => expect(dynamicFailures[index]).to.satisfy((text: string) => text.startsWith(failure)));
    expect(writesAt(bed)).to.deep.equal([]);
  });

  it("answers the role lookups from the plugin, and names the organization's roles for an unknown one", async () => {
    const roles = await bed.engine.up(async () => {
      const all = await native.getOrganizationRoles({ organizationId: bed.fake.organizationId });
      const admin = await native.getOrganizationRole({ organizationId: bed.fake.organizationId, name: "ADMIN" });
      return { names: all.roles.map((role) => role.name), admin: admin.id };
    });
    expect(roles.outputs.names).to.include.members(["admin", "viewer"]);
    expect(roles.outputs.admin).to.equal(bed.fake.roleId("admin"));
    const unknown = await bed.engine
      .preview(async () => void (await native.getOrganizationRole({ organizationId: bed.fake.organizationId, name: "admn" })))
      .then(() => "", String);
    expect(unknown)
      .to.match(/admn/)
      .and.to.match(/viewer/);
  });

  it("answers the access lookup from the plugin: every member and invitation, links left out", async () => {
    bed.fake.addInvitation({ email: "bob@example.com", roleName: "viewer" });
    bed.fake.addMember({ email: "carol@example.com", roleName: "devops", id: "github|3" });
    const result = await bed.engine.up(async () => ({
      ...(await native.getOrganizationAccess({ organizationId: bed.fake.organizationId })),
    }));
    const access = result.outputs as { organizationId: string; members: Record<string, unknown>[]; invitations: Record<string, unknown>[] };
    expect(access.organizationId).to.equal(bed.fake.organizationId);
    expect(access.members.map((member) => `${String(member.email)} ${String(member.roleName)} ${String(member.owner)}`)).to.deep.equal([
      "carol@example.com devops false",
      "owner@acme.test owner true",
    ]);
    expect(access.invitations).to.have.length(1);
    expect(access.invitations[0]).to.include({ email: "bob@example.com", roleName: "viewer", status: "PENDING" });
    expect(JSON.stringify(access)).not.to.include(bed.fake.invitations()[0]!.invitationLink);
  });

  it("imports a pending invitation and a member without a write, and the program declaring them previews no change", async () => {
    bed.fake.addInvitation({ email: "bob@example.com", roleName: "viewer" });
    bed.fake.addMember({ email: "carol@example.com", roleName: "devops", id: "github|3" });
    bed.fake.resetCounts();
    const organizationId = bed.fake.organizationId;
    await bed.engine.importResource(TYPE, "bob@example.com", `${organizationId}/Bob@Example.com`);
    await bed.engine.importResource(TYPE, "carol@example.com", `${organizationId}/carol@example.com`);
    expect(writesAt(bed)).to.deep.equal([]);
    const imported = (await bed.engine.resources()).filter((r) => r.type === TYPE);
    expect(imported.map((r) => [r.id, r.outputs?.invitationStatus])).to.deep.equal([
      [`${organizationId}/bob@example.com`, "PENDING"],
      [`${organizationId}/carol@example.com`, "ACCEPTED"],
    ]);

    const program = () => {
      nativeInvite(bed, "bob@example.com", "viewer");
      nativeInvite(bed, "carol@example.com", "devops");
    };
    await bed.engine.preview(program, { expectNoChanges: true });
    expect(writesAt(bed)).to.deep.equal([]);
  });

  it("refuses an import id that is not <organizationId>/<email>, or names nobody, and writes nothing to the state", async () => {
    const before = await bed.engine.resources();
    const attempts = [
      { id: "not-an-id", says: /expected <organizationId>\/<email>/ },
      { id: `${bed.fake.organizationId}/nobody@example.com`, says: /nobody@example.com is neither a member .* nor invited/ },
    ];
    for (const attempt of attempts) {
      const failure = await bed.engine.importResource(TYPE, "someone", attempt.id).then(() => "", String);
      expect(failure).to.match(attempt.says);
    }
    expect((await bed.engine.resources()).filter((r) => r.type === TYPE)).to.deep.equal(before.filter((r) => r.type === TYPE));
  });

  it("moves a person from the dynamic class to the native one in place: no create, delete or replace, no Qovery write", async () => {
    const withClass = (Kind: typeof OrganizationInvitation | typeof native.OrganizationInvitation) => () => {
      const invitation = new Kind("dan@example.com", {
        organizationId: bed.fake.organizationId,
        email: "dan@example.com",
        roleName: "viewer",
      });
      return { id: invitation.id, status: invitation.invitationStatus };
    };
    const dynamic = await bed.engine.up(withClass(OrganizationInvitation));
    const [sent] = bed.fake.invitations();
    const moved = await runMoved(bed, withClass(native.OrganizationInvitation));
    expect(moved.outputs).to.deep.equal(dynamic.outputs);
    const [resource] = await bed.engine.resources().then((all) => all.filter((r) => r.urn.endsWith("::dan@example.com")));
    expect(resource?.type).to.equal(TYPE);
    expect(bed.fake.invitations()).to.deep.equal([sent]);
  });

  it("moves a roster from the dynamic class to the native one in place: its children keep their ids and outputs, no Qovery write", async () => {
    const withClass = (Kind: typeof OrganizationRoster | typeof native.OrganizationRoster) => () => {
      const roster = new Kind("team", {
        organizationId: bed.fake.organizationId,
        people: [
          { email: "bob@example.com", roleName: "viewer" },
          { email: "carol@example.com", roleName: "devops" },
        ],
        unmanaged: "remove",
      });
      return { statuses: roster.statuses };
    };
    // The roster's type, and its children (people, guard, removal) by id, without the dynamic provider's own state.
    const roster = async () => {
      const resources = await bed.engine.resources();
      const children = resources
        .filter((resource) => resource.parent?.endsWith("::team"))
        .map(({ type, id, outputs: { __provider, ...outputs } = {} }) => ({ type, id, outputs }))
        .sort((a, b) => String(a.id).localeCompare(String(b.id)));
      return { type: resources.find((resource) => resource.urn.endsWith("::team"))?.type, children };
    };
    await bed.engine.up(withClass(OrganizationRoster));
    bed.fake.acceptInvitation("bob@example.com", { memberId: "github|2" });
    await bed.engine.refresh();
    const dynamic = await roster();
    expect(dynamic.type).to.equal("qovery:index:OrganizationRoster");
    expect(dynamic.children.map((child) => child.type)).to.deep.equal([
      "pulumi-nodejs:dynamic/qovery:OrganizationInvitation",
      "pulumi-nodejs:dynamic/qovery:OrganizationInvitation",
      "pulumi-nodejs:dynamic/qovery:RosterGuard",
      "pulumi-nodejs:dynamic/qovery:UnmanagedAccessRemoval",
    ]);
    const organization = { members: bed.fake.members(), invitations: bed.fake.invitations() };
    const moved = await runMoved(bed, withClass(native.OrganizationRoster));
    expect(moved.outputs.statuses).to.deep.equal({ "bob@example.com": "ACCEPTED", "carol@example.com": "PENDING" });
    const now = await roster();
    expect(now.type).to.equal("qovery-invitations:index:OrganizationRoster");
    expect(now.children.map((child) => child.type)).to.deep.equal([
      TYPE,
      TYPE,
      "qovery-invitations:index:RosterGuard",
      "qovery-invitations:index:UnmanagedAccessRemoval",
    ]);
    const idsAndOutputs = (children: typeof now.children) => children.map(({ id, outputs }) => ({ id, outputs }));
    expect(idsAndOutputs(now.children)).to.deep.equal(idsAndOutputs(dynamic.children));
    expect({ members: bed.fake.members(), invitations: bed.fake.invitations() }).to.deep.equal(organization);
  });

  it("keeps a native roster's people when the program moves it out of a parent, with an alias naming the old parent", async () => {
    const people = [{ email: "bob@example.com", roleName: "viewer" }];
    const organizationId = bed.fake.organizationId;
    let groupUrn = "";
    await bed.engine.up(() => {
      const group = new pulumi.ComponentResource("acme:index:Group", "access");
      new native.OrganizationRoster("team", { organizationId, people }, { parent: group });
      group.urn.apply((urn) => (groupUrn = urn));
    });
    const [before] = (await bed.engine.resources()).filter((resource) => resource.type === TYPE);
    // The alias reaches the plugin as a spec (no URN): without it, Construct would lose it, and the
    // engine would invite bob again under the new URN and then cancel the old invitation.
    await runMoved(bed, () => void new native.OrganizationRoster("team", { organizationId, people }, { aliases: [{ parent: groupUrn }] }));
    const [after] = (await bed.engine.resources()).filter((resource) => resource.type === TYPE);
    expect(after?.urn).not.to.equal(before?.urn);
    expect({ id: after?.id, outputs: after?.outputs }).to.deep.equal({ id: before?.id, outputs: before?.outputs });
  });

  it("builds a roster with an explicit provider: its children use it, and its review reads with its credentials", async () => {
    // The stack config has no token: only the explicit provider can reach the fake.
    const tokenless = await startEngineBed({ native: true, tokenIn: "nowhere" });
    try {
      const { fake } = tokenless;
      const result = await tokenless.engine.up(() => {
        const provider = new native.Provider("explicit", { apiToken: fake.apiToken, apiUrl: fake.url });
        const roster = new native.OrganizationRoster(
          "team",
          { organizationId: fake.organizationId, people: [{ email: "bob@example.com", roleName: "viewer" }] },
          { providers: [provider] },
        );
        return { statuses: roster.statuses, unmanagedMembers: roster.unmanagedMembers };
      });
      expect(result.outputs.statuses).to.deep.equal({ "bob@example.com": "PENDING" });
      const unmanaged = result.outputs.unmanagedMembers as Record<string, unknown>[];
      expect(unmanaged).to.have.length(1);
      expect(unmanaged[0]).to.include({ id: fake.ownerMemberId, email: "owner@acme.test", owner: true, access: "owner" });
      const [child] = (await tokenless.engine.resources()).filter((resource) => resource.type === TYPE);
      expect(child?.provider).to.match(/::pulumi:providers:qovery-invitations::explicit::/);
      expect(fake.invitations().map((invitation) => invitation.email)).to.deep.equal(["bob@example.com"]);
      const state = await tokenless.engine.exportState();
      expect(plainOccurrences(state, fake.apiToken)).to.deep.equal([]);
    } finally {
      await tokenless.close();
    }
  });

  it("without a token, fails the first operation that needs one, naming the native config key", async () => {
    const tokenless = await startEngineBed({ native: true, tokenIn: "nowhere" });
    try {
      const failure = await tokenless.engine
        .up(
          () =>
            void new native.OrganizationInvitation("eve", {
              organizationId: tokenless.fake.organizationId,
              email: "eve@example.com",
              roleName: "viewer",
            }),
        )
        .then(() => "", String);
      expect(failure).to.include("qovery-invitations:apiToken");
      expect(tokenless.fake.invitations()).to.deep.equal([]);
    } finally {
      await tokenless.close();
    }
  });
});
