#!/usr/bin/env node
/**
 * `npm run sdk-gen -- <schema.json> <out-root>`: writes the Go, Python and .NET SDKs of a package
 * schema into <out-root>/go, <out-root>/python and <out-root>/dotnet (each emptied first), with the
 * two Go programs beside this file: main.go (Go and Python, pinned by go.mod to pkg/v3's code
 * generators of the CLI's release) and dotnet/main.go (.NET, pinned by dotnet/go.mod to the last
 * pkg/v3 release that has that generator; see its comment).
 *
 * Each program is built once into a cache outside the repository, keyed by its pinned pkg/v3
 * version and a hash of its sources, so an edit to a main.go or go.mod rebuilds it. They are
 * built with the CLI's flags (tools/pulumi-cli/go-build.js), so the Go build cache of the CLI
 * build, which compiled the same pkg/v3 packages, serves most of the first one.
 */
"use strict";
const { execFileSync } = require("node:child_process");
const { createHash } = require("node:crypto");
const fs = require("node:fs");
const path = require("node:path");
const { pinnedVersion, cachePath, goBuild, requireGo, buildInto, logger } = require("../pulumi-cli/go-build");

/** Each generator: its Go module, the cache folder and binary it is built into, and the languages it writes. */
const GENERATORS = [
  { moduleDir: __dirname, name: "sdk-gen", languages: ["go", "python"] },
  { moduleDir: path.join(__dirname, "dotnet"), name: "sdk-gen-dotnet", languages: ["dotnet"] },
];
const SOURCES = ["go.mod", "go.sum", "main.go"];

const log = logger("sdk-gen");

/** `<cache>/<name>/<pkg version>+<hash of the sources>/bin`: a new key whenever the program or its pins change. */
function cacheDirectory({ moduleDir, name }) {
  const hash = createHash("sha256");
  for (const file of SOURCES) hash.update(fs.readFileSync(path.join(moduleDir, file)));
  const version = pinnedVersion(moduleDir, "github.com/pulumi/pulumi/pkg/v3");
  return cachePath(name, `${version}+${hash.digest("hex").slice(0, 12)}`, "bin");
}

/** One generator's program, built when the cache has none. */
function generatorBinary(generator) {
  const cache = cacheDirectory(generator);
  const binary = path.join(cache, generator.name);
  if (fs.existsSync(binary)) return binary;
  requireGo("No Go toolchain to build the SDK generators: install Go 1.26 and run `npm run sdk-gen` again.");
  const started = Date.now();
  log(`building ${generator.name} with Go into ${cache} (minutes on a machine without the CLI's Go build cache)`);
  buildInto(cache, (staging) =>
    goBuild({
      moduleDir: generator.moduleDir,
      pkg: ".",
      versionVariable: "github.com/pulumi/pulumi/sdk/v3/go/common/version.Version",
      version: pinnedVersion(generator.moduleDir, "github.com/pulumi/pulumi/sdk/v3"),
      output: path.join(staging, generator.name),
    }),
  );
  log(`built in ${Math.round((Date.now() - started) / 1000)} s`);
  return binary;
}

/** Every generator's program (built when needed), each of which writes its languages under an out-root. */
function sdkGenBinaries() {
  return GENERATORS.map(generatorBinary);
}

/** The languages the generators write, each a folder of the out-root. */
const SDK_LANGUAGES = GENERATORS.flatMap((generator) => generator.languages);

/** Writes every SDK of `schema` under `outRoot`, each generator's output in turn. */
function generateAll(schema, outRoot, stdio = "inherit") {
  for (const binary of sdkGenBinaries()) execFileSync(binary, [schema, outRoot], { stdio });
}

module.exports = { sdkGenBinaries, generateAll, SDK_LANGUAGES };

if (require.main === module) {
  const args = process.argv.slice(2);
  if (args.length !== 2) {
    process.stderr.write(`usage: npm run sdk-gen -- <schema.json> <out-root>   (writes <out-root>/{${SDK_LANGUAGES.join(",")}})\n`);
    process.exitCode = 2;
  } else {
    try {
      // `npm run` starts scripts in the package root: paths are relative to where it was typed.
      const from = process.env.INIT_CWD || process.cwd();
      generateAll(...args.map((arg) => path.resolve(from, arg)));
    } catch (error) {
      // The program has already said why on stderr; a build failure has not.
      if (!(error && typeof error === "object" && "status" in error && error.status)) {
        process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
      }
      process.exitCode = 1;
    }
  }
}
