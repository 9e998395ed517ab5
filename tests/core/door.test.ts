/**
 * core/ is the one home of the code that the program, the plugin and the command line share, and
 * core/index.ts its door: provider/, sdk/ and cli/ import core only through it, core imports
 * none of them, and loading it does not load @pulumi/pulumi. The one other way in is the names
 * of core/definitions/package.ts (type tokens, property names), which load nothing else: the
 * native classes, which the plugin serves, take only those, so that a program loads no zod or got. The command line (cli/) stands on
 * core alone: it imports nothing else of the package and no Pulumi, so it runs without it.
 */
import { expect } from "chai";
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";

const ROOT = path.join(__dirname, "..", "..");

function importsOf(dir: string): { file: string; specifier: string }[] {
  return fs
    .readdirSync(path.join(ROOT, dir), { recursive: true, encoding: "utf8" })
    .filter((file) => file.endsWith(".ts"))
    .flatMap((file) => {
      const text = fs.readFileSync(path.join(ROOT, dir, file), "utf8");
      return [...text.matchAll(/(?:from|import\()\s*"([^"]+)"/g)].map((match) => ({ file: `${dir}/${file}`, specifier: match[1]! }));
    });
}

function resolved(from: string, specifier: string): string {
  return path.relative(ROOT, path.resolve(ROOT, path.dirname(from), specifier));
}

/** Whether requiring the built module loads a file from node_modules/<name>/ (a package, or a scope such as @pulumi). */
function loads(built: string, name: string): boolean {
  const folder = `${path.sep}node_modules${path.sep}${name}${path.sep}`;
  const script = `require(${JSON.stringify(path.join(ROOT, "dist", built))});
      console.log(Object.keys(require.cache).some((file) => file.includes(${JSON.stringify(folder)})));`;
  return execFileSync(process.execPath, ["-e", script], { encoding: "utf8" }).trim() === "true";
}

const NAMES = "core/definitions/package";

describe("core: one home, one door", () => {
  it("is imported by provider/, sdk/ and cli/ through core/index.ts only, or for its names alone", () => {
    const behindTheDoor = [...importsOf("provider"), ...importsOf("sdk"), ...importsOf("cli")].filter(({ file, specifier }) => {
      const target = resolved(file, specifier);
      return specifier.startsWith(".") && target.startsWith("core/") && target !== NAMES;
    });
    expect(behindTheDoor).to.deep.equal([]);
  });

  it("keeps its names loadable alone: core/definitions/package.ts imports nothing", () => {
    expect(importsOf("core/definitions").filter(({ file }) => file === `${NAMES}.ts`)).to.deep.equal([]);
  });

  it("imports none of provider/, sdk/ and cli/", () => {
    const outward = importsOf("core").filter(
      ({ file, specifier }) => specifier.startsWith(".") && !resolved(file, specifier).startsWith("core"),
    );
    expect(outward).to.deep.equal([]);
  });

  it("holds no copy of the UUID pattern or of email normalisation outside it", () => {
    const copies = ["provider", "sdk", "cli"].flatMap((dir) =>
      fs
        .readdirSync(path.join(ROOT, dir), { recursive: true, encoding: "utf8" })
        .filter((file) => file.endsWith(".ts"))
        .filter((file) => /\[0-9a-f\]\{8\}|email\.trim\(\)\.toLowerCase\(\)/.test(fs.readFileSync(path.join(ROOT, dir, file), "utf8"))),
    );
    expect(copies).to.deep.equal([]);
  });

  it("loads without @pulumi/pulumi", () => {
    expect(loads("core", "@pulumi")).to.equal(false);
  });

  it("leaves yaml unloaded until a people file is read or written, so the plugin starts without it", () => {
    expect(loads("core", "yaml")).to.equal(false);
    expect(loads("provider", "yaml")).to.equal(false);
  });
});

describe("cli: the command line, on core alone", () => {
  it("imports core (through its door), its own files and Node's modules only: never sdk/, provider/ or @pulumi/pulumi", () => {
    const elsewhere = importsOf("cli").filter(({ file, specifier }) =>
      specifier.startsWith(".") ? !["core", "cli"].includes(resolved(file, specifier).split(path.sep)[0]!) : !specifier.startsWith("node:"),
    );
    expect(elsewhere).to.deep.equal([]);
  });

  it("loads without @pulumi/pulumi", () => {
    expect(loads("cli", "@pulumi")).to.equal(false);
  });
});
