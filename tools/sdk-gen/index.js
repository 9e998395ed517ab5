#!/usr/bin/env node
/**
 * `npm run sdk-gen -- <schema.json> <out-root>`: writes the Go and Python SDKs of a package schema
 * into <out-root>/go and <out-root>/python (each emptied first), with the Go program beside this
 * file (main.go, pinned to pkg/v3's code generators by go.mod).
 *
 * The program is built once into a cache outside the repository, keyed by the pinned pkg/v3
 * version and a hash of the program's sources, so an edit to main.go or go.mod rebuilds it. It is
 * built with the CLI's flags (tools/pulumi-cli/go-build.js), so the Go build cache of the CLI
 * build, which compiled the same pkg/v3 packages, serves most of it.
 */
"use strict";
const { execFileSync } = require("node:child_process");
const { createHash } = require("node:crypto");
const fs = require("node:fs");
const path = require("node:path");
const { pinnedVersion, cachePath, goBuild, requireGo, buildInto, logger } = require("../pulumi-cli/go-build");

const MODULE_DIR = __dirname;
const SOURCES = ["go.mod", "go.sum", "main.go"];

const log = logger("sdk-gen");

/** `<cache>/sdk-gen/<pkg version>+<hash of the sources>/bin`: a new key whenever the program or its pins change. */
function cacheDirectory() {
  const hash = createHash("sha256");
  for (const file of SOURCES) hash.update(fs.readFileSync(path.join(MODULE_DIR, file)));
  const version = pinnedVersion(MODULE_DIR, "github.com/pulumi/pulumi/pkg/v3");
  return cachePath("sdk-gen", `${version}+${hash.digest("hex").slice(0, 12)}`, "bin");
}

/** The built program, building it when the cache has none. */
function sdkGenBinary() {
  const cache = cacheDirectory();
  const binary = path.join(cache, "sdk-gen");
  if (fs.existsSync(binary)) return binary;
  requireGo("No Go toolchain to build the SDK generator: install Go 1.26 and run `npm run sdk-gen` again.");
  const started = Date.now();
  log(`building the SDK generator with Go into ${cache} (minutes on a machine without the CLI's Go build cache)`);
  buildInto(cache, (staging) =>
    goBuild({
      moduleDir: MODULE_DIR,
      pkg: ".",
      versionVariable: "github.com/pulumi/pulumi/sdk/v3/go/common/version.Version",
      version: pinnedVersion(MODULE_DIR, "github.com/pulumi/pulumi/sdk/v3"),
      output: path.join(staging, "sdk-gen"),
    }),
  );
  log(`built in ${Math.round((Date.now() - started) / 1000)} s`);
  return binary;
}

module.exports = { sdkGenBinary };

if (require.main === module) {
  const args = process.argv.slice(2);
  if (args.length !== 2) {
    process.stderr.write("usage: npm run sdk-gen -- <schema.json> <out-root>   (writes <out-root>/go and <out-root>/python)\n");
    process.exitCode = 2;
  } else {
    try {
      // `npm run` starts scripts in the package root: paths are relative to where it was typed.
      const from = process.env.INIT_CWD || process.cwd();
      execFileSync(
        sdkGenBinary(),
        args.map((arg) => path.resolve(from, arg)),
        { stdio: "inherit" },
      );
    } catch (error) {
      // The program has already said why on stderr; a build failure has not.
      if (!(error && typeof error === "object" && "status" in error && error.status)) {
        process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
      }
      process.exitCode = 1;
    }
  }
}
