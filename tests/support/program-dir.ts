/**
 * Program directories as a user has them: the package installed from its `npm pack` tarball
 * next to public packages only (@pulumi/pulumi, typescript, @types/node, at this repository's
 * versions), outside this repository. The install is done once per test process into a
 * template; each program directory links to the template's node_modules, which Node and the
 * Pulumi plugin resolve through like a real one (to the real path, still under node_modules, so
 * Pulumi serializes the shim as a `require`).
 */
import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { repositoryRoot } from "./installed-package";

export interface PackedProject {
  /** Where the tarball and the template live. */
  dir: string;
  tarball: string;
  /** The files in the tarball. */
  packed: string[];
  /** The template project: package.json and node_modules. */
  template: string;
}

export function installedVersion(name: string): string {
  const manifest = path.join(repositoryRoot, "node_modules", name, "package.json");
  return (JSON.parse(fs.readFileSync(manifest, "utf8")) as { version: string }).version;
}

/** The environment of a command run on a user's machine: none of `npm test`'s own npm_* settings, no Qovery credentials. */
export function userEnvironment(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (/^npm_/i.test(key) && !/^npm_config_(cache|registry|userconfig)$/i.test(key)) continue;
    if (key === "INIT_CWD" || key === "QOVERY_API_TOKEN" || key === "QOVERY_API_URL") continue;
    env[key] = value;
  }
  return env;
}

export function run(command: string, args: string[], cwd: string, timeoutMs: number, env = userEnvironment()): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(command, args, { cwd, env, timeout: timeoutMs, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`${command} ${args.join(" ")} (in ${cwd}) failed: ${error.message}\n${stdout}\n${stderr}`));
      else resolve(stdout);
    });
  });
}

let packedProject: Promise<PackedProject> | undefined;
const createdDirs: string[] = [];

/** Packs the built package and installs it into the template, once per process. */
export function packed(): Promise<PackedProject> {
  packedProject ??= (async () => {
    if (!fs.existsSync(path.join(repositoryRoot, "dist", "sdk", "index.js")))
      throw new Error("dist/ is missing: run `npm run build` first");
    const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), "qovery-packed-")));
    createdDirs.push(dir);
    // Scripts are skipped: the tests run on a fresh build, which `prepare` would only repeat.
    const [pack] = JSON.parse(
      await run("npm", ["pack", "--ignore-scripts", "--json", "--pack-destination", dir], repositoryRoot, 120_000),
    ) as {
      filename: string;
      files: { path: string }[];
    }[];
    const tarball = path.join(dir, pack.filename);
    const template = path.join(dir, "template");
    fs.mkdirSync(template);
    fs.writeFileSync(
      path.join(template, "package.json"),
      JSON.stringify({ name: "qovery-access", version: "1.0.0", private: true }, null, 2),
    );
    const dependencies = [
      tarball,
      `@pulumi/pulumi@${installedVersion("@pulumi/pulumi")}`,
      `typescript@${installedVersion("typescript")}`,
      `@types/node@${installedVersion("@types/node")}`,
    ];
    await run("npm", ["install", "--prefer-offline", "--no-audit", "--no-fund", "--loglevel=error", ...dependencies], template, 300_000);
    return { dir, tarball, packed: pack.files.map((file) => file.path), template };
  })();
  return packedProject;
}

/**
 * A fresh program directory (real path) whose node_modules is the template's, with the files given
 * (relative path → content). Removed when the process exits.
 */
export async function newProgramDir(files: Record<string, string> = {}): Promise<string> {
  const { template } = await packed();
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), "qovery-program-")));
  createdDirs.push(dir);
  fs.symlinkSync(path.join(template, "node_modules"), path.join(dir, "node_modules"), "dir");
  fs.copyFileSync(path.join(template, "package.json"), path.join(dir, "package.json"));
  for (const [name, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), content);
  }
  return dir;
}

process.once("exit", () => {
  for (const dir of createdDirs) fs.rmSync(dir, { recursive: true, force: true });
});
