/**
 * The package as a user gets it from the npm registry: `npm pack` of the built package, installed
 * into a fresh project outside this repository next to public packages only (@pulumi/pulumi,
 * typescript, @types/node), a TypeScript program type-checked and compiled there with the project's
 * own `tsc`, and that program run through the engine harness against the local Qovery fake, with
 * the real dynamic-provider plugin started in the project. It proves what the in-repo tests cannot:
 * the tarball holds everything, the `exports` map and the typings work from node_modules, and the
 * shim's `require("pulumi-qovery-invitations/...")` resolves from a user's project.
 *
 * The program is run in this process (the harness's mock runtime) but loads the project's own
 * copies of this package and of @pulumi/pulumi; Pulumi keeps its runtime state in a global store
 * (`global.globalStore`, `global.asyncLocalStorage`), so both copies share one runtime. The
 * project gets the @pulumi/pulumi version installed in this repository (3.248.0 on Node 20, the
 * newest 3.x in CI's Node 22 run), typescript and @types/node likewise. Installs prefer npm's
 * cache, which `npm ci` of this repository has filled; a cold cache falls back to the registry.
 *
 * Run after a build (`npm test` builds first): the tarball is packed from dist/ as it is.
 */
import { expect } from "chai";
import { execFile } from "node:child_process";
import * as fs from "node:fs";
import { createRequire } from "node:module";
import * as os from "node:os";
import * as path from "node:path";
import { startFakeQovery, type FakeQovery } from "../fake-qovery";
import { Engine, type Program } from "../harness";

const root = path.resolve(__dirname, "..", "..");
const PROJECT = "qovery-access";

function installedVersion(name: string): string {
  const manifest = path.join(root, "node_modules", name, "package.json");
  return (JSON.parse(fs.readFileSync(manifest, "utf8")) as { version: string }).version;
}

/** The environment of a command run on a user's machine: none of `npm test`'s own npm_* settings. */
function userEnvironment(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (/^npm_/i.test(key) && !/^npm_config_(cache|registry|userconfig)$/i.test(key)) continue;
    if (key === "INIT_CWD" || key === "QOVERY_API_TOKEN" || key === "QOVERY_API_URL") continue;
    env[key] = value;
  }
  return env;
}

/**
 * `require` as a module of the project sees it. (`require.resolve(x, { paths })` would not do: from
 * this repository, Node resolves the package's own name to this repository before any path.)
 */
function projectRequire(): NodeJS.Require {
  return createRequire(path.join(project, "package.json"));
}

function run(command: string, args: string[], cwd: string, timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(command, args, { cwd, env: userEnvironment(), timeout: timeoutMs, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`${command} ${args.join(" ")} (in ${cwd}) failed: ${error.message}\n${stdout}\n${stderr}`));
      else resolve(stdout);
    });
  });
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
  this.timeout(60_000);
  let dir: string;
  let tarball: string;
  let packed: string[];
  let compiled: Promise<string> | undefined;
  const compile = () =>
    (compiled ??= run(process.execPath, [path.join(project, "node_modules", "typescript", "bin", "tsc"), "-p", project], project, 60_000));

  before(async function () {
    this.timeout(300_000);
    if (!fs.existsSync(path.join(root, "dist", "sdk", "index.js"))) throw new Error("dist/ is missing: run `npm run build` first");
    dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), "qovery-packed-")));
    // Scripts are skipped: the tests run on a fresh build, which `prepare` would only repeat.
    const [pack] = JSON.parse(await run("npm", ["pack", "--ignore-scripts", "--json", "--pack-destination", dir], root, 120_000)) as {
      filename: string;
      files: { path: string }[];
    }[];
    tarball = path.join(dir, pack.filename);
    packed = pack.files.map((file) => file.path);

    project = path.join(dir, "project");
    fs.mkdirSync(project);
    fs.writeFileSync(
      path.join(project, "package.json"),
      JSON.stringify({ name: PROJECT, version: "1.0.0", private: true, main: "bin/index.js" }, null, 2),
    );
    fs.writeFileSync(path.join(project, "Pulumi.yaml"), `name: ${PROJECT}\nruntime: nodejs\nmain: bin/index.js\n`);
    fs.writeFileSync(path.join(project, "tsconfig.json"), JSON.stringify(TSCONFIG, null, 2));
    fs.writeFileSync(path.join(project, "index.ts"), PROGRAM);
    const dependencies = [
      tarball,
      `@pulumi/pulumi@${installedVersion("@pulumi/pulumi")}`,
      `typescript@${installedVersion("typescript")}`,
      `@types/node@${installedVersion("@types/node")}`,
    ];
    await run("npm", ["install", "--prefer-offline", "--no-audit", "--no-fund", "--loglevel=error", ...dependencies], project, 240_000);
  });

  after(() => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it("packs the built sdk and provider with their typings, and nothing else but the manifest and the docs", () => {
    expect(packed).to.include.members([
      "package.json",
      "README.md",
      "CHANGELOG.md",
      "dist/sdk/index.js",
      "dist/sdk/index.d.ts",
      "dist/sdk/shim.js",
      "dist/sdk/shim.d.ts",
      "dist/provider/index.js",
      "dist/provider/index.d.ts",
    ]);
    const outside = packed.filter((file) => !/^(package\.json|README\.md|CHANGELOG\.md|LICENSE|dist\/(sdk|provider)\/.+)$/.test(file));
    expect(outside, "files outside dist/sdk and dist/provider").to.deep.equal([]);
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
    for (const specifier of ["pulumi-qovery-invitations", "pulumi-qovery-invitations/shim", "pulumi-qovery-invitations/provider"]) {
      const resolved = resolve(specifier);
      expect(resolved.startsWith(path.join(project, "node_modules", "pulumi-qovery-invitations", "dist") + path.sep), specifier).to.equal(
        true,
      );
    }
    // The `exports` map keeps the package's internals private.
    expect(() => resolve("pulumi-qovery-invitations/dist/sdk/invitation.js")).to.throw(/not exported|Package subpath/);
  });

  it("type-checks and compiles a strict TypeScript program against the installed typings (tsc, nodenext)", async () => {
    await compile();
    expect(fs.existsSync(path.join(project, "bin", "index.js"))).to.equal(true);
  });

  it("runs the program through the real plugin in the project: invites, previews no change, destroys", async () => {
    await compile();
    const fake: FakeQovery = await startFakeQovery();
    const log: string[] = [];
    const engine = new Engine({
      programDir: project,
      stateFile: path.join(dir, "state.json"),
      project: PROJECT,
      config: { "qovery:apiUrl": fake.url, "qovery:apiToken": fake.apiToken, [`${PROJECT}:organizationId`]: fake.organizationId },
      secretConfigKeys: ["qovery:apiToken"],
      log: (line) => log.push(line),
    });
    const entry = path.join(project, "bin", "index.js");
    const program: Program = () => {
      delete require.cache[entry];
      // The user's compiled program, as the nodejs language host loads it.
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      return { ...require(entry) };
    };
    try {
      const up = await engine.up(program);
      expect(up.outputs).to.include({ status: "PENDING", email: "ada@example.com" });
      expect(fake.invitations().map((i) => [i.email, i.roleName])).to.deep.equal([["ada@example.com", "viewer"]]);

      // The program loaded the project's copy of the package, not this repository's.
      const sdk = projectRequire().resolve("pulumi-qovery-invitations");
      expect(require.cache[sdk], "the project's copy of the package was loaded").to.not.equal(undefined);

      const [resource] = engine.readState().checkpoint.latest.resources.filter((r) => r.type.endsWith(":OrganizationInvitation"));
      const provider = resource.inputs?.__provider;
      expect(provider).to.be.a("string");
      expect(provider as string).to.include('require("pulumi-qovery-invitations/shim")');
      expect((provider as string).length, "serialized shim size").to.be.within(100, 400);
      expect(JSON.stringify(engine.readState())).not.to.include(fake.apiToken);

      fake.resetCounts();
      const preview = await engine.preview(program);
      expect(preview.changes, preview.planText).to.equal(0);
      expect(fake.callCount()).to.equal(0);

      const destroyed = await engine.destroy();
      expect(destroyed.steps.map((s) => s.op)).to.deep.equal(["delete"]);
      expect(fake.invitations()).to.deep.equal([]);
    } catch (error) {
      throw new Error(`${error instanceof Error ? error.message : String(error)}\n--- harness log ---\n${log.join("\n")}`);
    } finally {
      await engine.close();
      await fake.close();
    }
  });
});
