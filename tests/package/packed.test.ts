/**
 * The package as a user gets it from the npm registry: `npm pack` of the built package, installed
 * into a fresh project outside this repository next to public packages only (@pulumi/pulumi,
 * typescript, @types/node; see tests/support/program-dir.ts), a strict TypeScript program
 * type-checked there with the project's own `tsc`, and the same program run by the real Pulumi
 * CLI, whose Node language host compiles TypeScript itself (its default handling, type-checked),
 * against the local Qovery fake. It proves what the in-repo tests cannot: the tarball holds
 * everything, the `exports` map and the typings work from node_modules, the shim's
 * `require("pulumi-qovery-invitations/...")` resolves from a user's project, and npm links the
 * command line as the package's bin.
 *
 * Run after a build (`npm test` builds first): the tarball is packed from dist/ as it is.
 */
import { expect } from "chai";
import { spawn } from "node:child_process";
import * as fs from "node:fs";
import { createRequire } from "node:module";
import * as path from "node:path";
import { startFakeQovery, type FakeQovery } from "../fake-qovery";
import { newProgramDir, packed as packedProject, run, userEnvironment } from "../support/program-dir";
import { PulumiShell } from "../support/pulumi-shell";

const root = path.resolve(__dirname, "..", "..");
const PROJECT = "qovery-access";

/**
 * `require` as a module of the project sees it. (`require.resolve(x, { paths })` would not do: from
 * this repository, Node resolves the package's own name to this repository before any path.)
 */
function projectRequire(): NodeJS.Require {
  return createRequire(path.join(project, "package.json"));
}

const PROGRAM = `import * as pulumi from "@pulumi/pulumi";
import { OrganizationInvitation, getOrganizationRoles, type InvitationStatus, type OrganizationInvitationArgs } from "pulumi-qovery-invitations";
import type * as Provider from "pulumi-qovery-invitations/provider";
import type * as Shim from "pulumi-qovery-invitations/shim";

const config = new pulumi.Config();
const organizationId = config.require("organizationId");

const args: OrganizationInvitationArgs = { organizationId, email: " Ada@Example.com ", roleName: "Viewer" };
const ada = new OrganizationInvitation("ada", args);

export const status: pulumi.Output<InvitationStatus> = ada.invitationStatus;
export const email: pulumi.Output<string> = ada.email;
export const link: pulumi.Output<string | undefined> = ada.invitationLink;

// Never called: compile-time proof that the typings are real, not \`any\`.
function typings(): void {
  // @ts-expect-error roleName is a string
  new OrganizationInvitation("wrong", { organizationId, email: "x@example.com", roleName: 42 });
  // @ts-expect-error onExpired is "keep", "reissue" or "fail"
  new OrganizationInvitation("wrong", { organizationId, email: "x@example.com", roleName: "viewer", onExpired: "later" });
  // @ts-expect-error organizationId is required
  new OrganizationInvitation("wrong", { email: "x@example.com", roleName: "viewer" });
  const lookup: Promise<{ id: string; name: string }[]> = getOrganizationRoles({ organizationId });
  // The subpaths resolve with their typings too.
  const handlers: [typeof Provider.check, typeof Shim.delete] | undefined = undefined;
  void [lookup, handlers];
}
void typings;
`;

// The settings of a current Pulumi TypeScript project, with Node's own module resolution (which
// reads the package's \`exports\` map, types included) and strict checking of every declaration.
const TSCONFIG = {
  compilerOptions: {
    strict: true,
    target: "ES2022",
    module: "nodenext",
    moduleResolution: "nodenext",
    outDir: "bin",
    rootDir: ".",
    noEmitOnError: true,
    skipLibCheck: false,
    types: ["node"],
  },
  files: ["index.ts"],
};

let project: string;

describe("the packed package, installed in a fresh project like a user installs it", function () {
  this.timeout(180_000);
  let packed: string[];
  let compiled: Promise<string> | undefined;
  const compile = () =>
    (compiled ??= run(process.execPath, [path.join(project, "node_modules", "typescript", "bin", "tsc"), "-p", project], project, 60_000));

  before(async function () {
    this.timeout(300_000);
    const pack = await packedProject();
    packed = pack.packed;
    project = await newProgramDir({
      "Pulumi.yaml": `name: ${PROJECT}\nruntime: nodejs\nmain: index.ts\n`,
      "tsconfig.json": JSON.stringify(TSCONFIG, null, 2),
      "index.ts": PROGRAM,
    });
  });

  it("packs the built core, sdk, provider and cli with their typings, and nothing else but the manifest and the docs", () => {
    expect(packed).to.include.members([
      "package.json",
      "README.md",
      "CHANGELOG.md",
      "docs/errors.md",
      "dist/sdk/index.js",
      "dist/sdk/index.d.ts",
      "dist/sdk/shim.js",
      "dist/sdk/shim.d.ts",
      "dist/provider/index.js",
      "dist/provider/index.d.ts",
      "dist/core/index.js",
      "dist/core/index.d.ts",
      "dist/cli/index.js",
      "dist/cli/index.d.ts",
    ]);
    const outside = packed.filter(
      (file) => !/^(package\.json|README\.md|CHANGELOG\.md|LICENSE|docs\/[\w-]+\.md|dist\/(core|sdk|provider|cli)\/.+)$/.test(file),
    );
    expect(outside, "files outside dist/core, dist/sdk, dist/provider and dist/cli").to.deep.equal([]);
    expect(
      packed.filter((file) => /\.ts$/.test(file) && !/\.d\.ts$/.test(file)),
      "TypeScript sources",
    ).to.deep.equal([]);
  });

  it("installs from the tarball with public dependencies only, resolving one copy of the package", () => {
    const installed = JSON.parse(fs.readFileSync(path.join(project, "node_modules", "pulumi-qovery-invitations", "package.json"), "utf8"));
    const ours = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8"));
    expect(installed.version).to.equal(ours.version);
    expect(installed.peerDependencies["@pulumi/pulumi"]).to.equal(ours.peerDependencies["@pulumi/pulumi"]);
    // Not a link to this repository: Node would resolve a link to its real path here.
    expect(fs.lstatSync(path.join(project, "node_modules", "pulumi-qovery-invitations")).isSymbolicLink()).to.equal(false);
    const resolve = projectRequire().resolve;
    for (const specifier of [
      "pulumi-qovery-invitations",
      "pulumi-qovery-invitations/shim",
      "pulumi-qovery-invitations/removal-shim",
      "pulumi-qovery-invitations/roster-guard-shim",
      "pulumi-qovery-invitations/provider",
      "pulumi-qovery-invitations/native",
    ]) {
      const resolved = resolve(specifier);
      expect(
        resolved.startsWith(fs.realpathSync(path.join(project, "node_modules", "pulumi-qovery-invitations", "dist")) + path.sep),
        specifier,
      ).to.equal(true);
    }
    // The `exports` map keeps the package's internals private.
    expect(() => resolve("pulumi-qovery-invitations/dist/sdk/invitation.js")).to.throw(/not exported|Package subpath/);
  });

  it("loads the native classes' entry with @pulumi/pulumi only: neither zod nor got, which the plugin runs", async () => {
    const script =
      'const native = require("pulumi-qovery-invitations/native");' +
      "const loaded = Object.keys(require.cache).filter((file) => /node_modules[\\\\/](zod|got)[\\\\/]/.test(file));" +
      "console.log(JSON.stringify({ classes: Object.keys(native).sort(), loaded }));";
    const { classes, loaded } = JSON.parse(await run(process.execPath, ["-e", script], project, 60_000));
    expect(classes).to.deep.equal([
      "OrganizationInvitation",
      "OrganizationRoster",
      "Provider",
      "getOrganizationAccess",
      "getOrganizationRole",
      "getOrganizationRoles",
    ]);
    expect(loaded).to.deep.equal([]);
  });

  /** The installed plugin, started as the engine starts it, with the first line it prints (its port). */
  async function startPlugin() {
    const plugin = spawn(path.join(project, "node_modules", ".bin", "pulumi-resource-qovery-invitations"), ["127.0.0.1:1"], {
      stdio: ["ignore", "pipe", "inherit"],
    });
    const [firstLine] = await new Promise<string[]>((resolve) =>
      plugin.stdout.once("data", (chunk: Buffer) => resolve(chunk.toString().split("\n"))),
    );
    return { plugin, firstLine };
  }

  it("links the native plugin as a bin, which answers the engine with its port on stdout", async () => {
    const { plugin, firstLine } = await startPlugin();
    try {
      expect(Number(firstLine)).to.be.within(1, 65535);
    } finally {
      plugin.kill();
    }
  });

  // The engine stops a plugin with SIGINT; SIGTERM is the usual request to stop from anything else.
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    it(`stops the native plugin cleanly on ${signal}: status 0, not killed by the signal`, async () => {
      const { plugin } = await startPlugin();
      const exited = new Promise<[number | null, NodeJS.Signals | null]>((resolve) =>
        plugin.once("exit", (code, received) => resolve([code, received])),
      );
      plugin.kill(signal);
      expect(await exited).to.deep.equal([0, null]);
    });
  }

  it("links the command line as the package's bin: `pulumi-qovery-invitations review` runs from node_modules/.bin", async () => {
    const installed = JSON.parse(fs.readFileSync(path.join(project, "node_modules", "pulumi-qovery-invitations", "package.json"), "utf8"));
    expect(installed.bin).to.deep.equal({
      "pulumi-qovery-invitations": "dist/cli/index.js",
      "pulumi-resource-qovery-invitations": "dist/provider/native/main.js",
    });
    const fake = await startFakeQovery();
    try {
      fake.addMember({ email: "ada@example.com", roleName: "admin", id: "github|1" });
      const bin = path.join(project, "node_modules", ".bin", "pulumi-qovery-invitations");
      const env = { ...userEnvironment(), QOVERY_API_URL: fake.url, QOVERY_API_TOKEN: fake.apiToken };
      const report = await run(bin, ["review", "--organization", fake.organizationId], project, 60_000, env);
      expect(report)
        .to.include(`Qovery organization ${fake.organizationId}: 2 members, 0 invitations; no roster given`)
        .and.include("ada@example.com");
    } finally {
      await fake.close();
    }
  });

  it("type-checks and compiles a strict TypeScript program against the installed typings (tsc, nodenext)", async () => {
    await compile();
    expect(fs.existsSync(path.join(project, "bin", "index.js"))).to.equal(true);
  });

  it("runs the TypeScript program through the real CLI and its language host: invites, previews no change, destroys", async () => {
    const fake: FakeQovery = await startFakeQovery();
    const shell = new PulumiShell(project);
    try {
      await shell.ok(["stack", "init", "dev"]);
      await shell.ok(["config", "set", "qovery:apiUrl", fake.url]);
      await shell.ok(["config", "set", "--secret", "qovery:apiToken", fake.apiToken]);
      await shell.ok(["config", "set", "organizationId", fake.organizationId]);
      const up = await shell.ok(["up", "--yes"]);
      expect(up)
        .to.match(/status *: "PENDING"/)
        .and.match(/email *: "ada@example\.com"/);
      expect(fake.invitations().map((i) => [i.email, i.roleName])).to.deep.equal([["ada@example.com", "viewer"]]);

      const state = JSON.parse(await shell.ok(["stack", "export"])) as {
        deployment: { resources: { type: string; inputs?: Record<string, unknown> }[] };
      };
      const [resource] = state.deployment.resources.filter((r) => r.type.endsWith(":OrganizationInvitation"));
      const provider = resource.inputs?.__provider;
      expect(provider).to.be.a("string");
      expect(provider as string).to.include('require("pulumi-qovery-invitations/shim")');
      expect((provider as string).length, "serialized shim size").to.be.within(100, 400);

      fake.resetCounts();
      await shell.ok(["preview", "--expect-no-changes"]);
      expect(
        fake.exchanges.map((e) => e.operation),
        "only check's role list",
      ).to.deep.equal(["listOrganizationAvailableRoles"]);

      const destroyed = await shell.ok(["destroy", "--yes"]);
      expect(destroyed).to.match(/- 2 deleted/);
      expect(fake.invitations()).to.deep.equal([]);
    } finally {
      shell.dispose();
      await fake.close();
    }
  });

  it("fails the CLI's preview on a type error in the program, before anything is called", async () => {
    const broken = await newProgramDir({
      "Pulumi.yaml": `name: ${PROJECT}\nruntime: nodejs\nmain: index.ts\n`,
      "tsconfig.json": JSON.stringify(TSCONFIG, null, 2),
      "index.ts": `import { OrganizationInvitation } from "pulumi-qovery-invitations";\nnew OrganizationInvitation("x", { organizationId: "o", email: "x@example.com", roleName: 42 });\n`,
    });
    const fake = await startFakeQovery();
    const shell = new PulumiShell(broken);
    try {
      await shell.ok(["stack", "init", "dev"]);
      await shell.ok(["config", "set", "qovery:apiUrl", fake.url]);
      const preview = await shell.run(["preview"]);
      expect(preview.code, preview.output).to.not.equal(0);
      expect(preview.output).to.match(/TS2322|not assignable to type/);
      expect(fake.callCount()).to.equal(0);
    } finally {
      shell.dispose();
      await fake.close();
    }
  });
});
