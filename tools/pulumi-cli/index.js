#!/usr/bin/env node
/**
 * `npm run pulumi-cli`: prints the directory of a working Pulumi CLI, the one every end-to-end
 * test, the example and the benchmark run through. In order:
 *   1. `PULUMI_CLI_DIR`, when set (a directory holding `pulumi`);
 *   2. a `pulumi` of at least MINIMUM_VERSION already on PATH, with its Node language host;
 *   3. the cached build of the pinned version (see cacheDirectory());
 *   4. a build from the wrapper modules beside this file, with Go, into that cache.
 * With neither Go nor a CLI it fails and says how to install Pulumi.
 *
 * The directory also holds `pulumi-resource-pulumi-nodejs`, the dynamic-provider plugin: a
 * shell script shipped inside the npm package @pulumi/pulumi, copied from this project's
 * node_modules (it starts `@pulumi/pulumi/cmd/dynamic-provider` of the program's directory).
 * Progress goes to stderr; stdout carries the directory alone.
 */
"use strict";
const { execFileSync } = require("node:child_process");
const fs = require("node:fs");
const path = require("node:path");
const { pinnedVersion, cachePath, which, goBuild, requireGo, buildInto, logger, runAsCommand } = require("./go-build");

const MINIMUM_VERSION = "3.248.0";
const ENGINE_MODULE = path.join(__dirname, "engine");
const LANGUAGE_HOST_MODULE = path.join(__dirname, "language-nodejs");
const PLUGIN_SCRIPT = "pulumi-resource-pulumi-nodejs";
const SDK_VERSION_VARIABLE = "github.com/pulumi/pulumi/sdk/v3/go/common/version.Version";

const cliVersion = () => pinnedVersion(ENGINE_MODULE, "github.com/pulumi/pulumi/pkg/v3");
const languageHostVersion = () => pinnedVersion(LANGUAGE_HOST_MODULE, "github.com/pulumi/pulumi/sdk/v3");

/** Outside the repository, keyed by both pinned versions, so clones and CI runs on one machine share it. */
function cacheDirectory() {
  return cachePath("pulumi-cli", `${cliVersion()}+nodejs-${languageHostVersion()}`, "bin");
}

const log = logger("pulumi-cli");

/** `[major, minor, patch]` of `pulumi version` in `dir` (or on PATH), or undefined when it does not run. */
function versionOf(pulumi) {
  try {
    const text = execFileSync(pulumi, ["version"], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
      env: { ...process.env, PULUMI_SKIP_UPDATE_CHECK: "true" },
      timeout: 30_000,
    });
    const match = text.match(/v?(\d+)\.(\d+)\.(\d+)/);
    return match ? match.slice(1, 4).map(Number) : undefined;
  } catch {
    return undefined;
  }
}

function atLeast(version, minimum) {
  const wanted = minimum.split(".").map(Number);
  for (let i = 0; i < 3; i++) if (version[i] !== wanted[i]) return version[i] > wanted[i];
  return true;
}

/** A directory is usable when its `pulumi` runs at MINIMUM_VERSION or later and the language host is beside it. */
function usable(dir) {
  const version = versionOf(path.join(dir, "pulumi"));
  return version !== undefined && atLeast(version, MINIMUM_VERSION) && fs.existsSync(path.join(dir, "pulumi-language-nodejs"));
}

/** Puts the dynamic-provider plugin script beside the CLI when it is not there yet. */
function ensurePluginScript(dir) {
  const target = path.join(dir, PLUGIN_SCRIPT);
  if (fs.existsSync(target) || which(PLUGIN_SCRIPT)) return;
  const source = path.join(path.dirname(require.resolve("@pulumi/pulumi/package.json")), PLUGIN_SCRIPT);
  fs.copyFileSync(source, target);
  fs.chmodSync(target, 0o755);
}

/** Builds both programs into the cache (see buildInto: a half build is never used). */
function build(cache) {
  requireGo(
    "No Pulumi CLI found: none on PATH (version " +
      MINIMUM_VERSION +
      " or later) and no Go toolchain to build one. Install Pulumi (https://www.pulumi.com/docs/iac/download-install/) " +
      "and put it on PATH, or install Go 1.26 and run `npm run pulumi-cli` again to build it.",
  );
  const started = Date.now();
  log(`building the Pulumi CLI ${cliVersion()} and its Node language host (${languageHostVersion()}) with Go into ${cache}`);
  log("a first build downloads the modules and compiles for 10 to 20 minutes; later runs reuse it");
  buildInto(cache, (staging) => {
    goBuild({
      moduleDir: ENGINE_MODULE,
      pkg: "github.com/pulumi/pulumi/pkg/v3/cmd/pulumi",
      versionVariable: SDK_VERSION_VARIABLE,
      version: cliVersion(),
      output: path.join(staging, "pulumi"),
    });
    goBuild({
      moduleDir: LANGUAGE_HOST_MODULE,
      pkg: "github.com/pulumi/pulumi/sdk/v3/nodejs/cmd/pulumi-language-nodejs",
      versionVariable: SDK_VERSION_VARIABLE,
      version: languageHostVersion(),
      output: path.join(staging, "pulumi-language-nodejs"),
    });
  });
  log(`built in ${Math.round((Date.now() - started) / 1000)} s`);
}

/** The directory of a working Pulumi CLI, building it when there is none. */
function pulumiCliDirectory() {
  if (process.env.PULUMI_CLI_DIR) {
    const dir = path.resolve(process.env.PULUMI_CLI_DIR);
    if (!usable(dir))
      throw new Error(`PULUMI_CLI_DIR=${dir} holds no pulumi ${MINIMUM_VERSION} or later with pulumi-language-nodejs beside it`);
    ensurePluginScript(dir);
    return dir;
  }
  const onPath = which("pulumi");
  if (onPath && usable(path.dirname(onPath))) {
    ensurePluginScript(path.dirname(onPath));
    return path.dirname(onPath);
  }
  const cache = cacheDirectory();
  if (!usable(cache)) build(cache);
  ensurePluginScript(cache);
  return cache;
}

module.exports = { pulumiCliDirectory, cliVersion };

if (require.main === module) runAsCommand(pulumiCliDirectory);
