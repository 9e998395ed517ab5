#!/usr/bin/env node
/**
 * `npm run language-hosts`: prints the directory of the YAML, Go and Python language hosts, the
 * ones the tests of programs in other languages run through (put it on PATH after the CLI's
 * directory, see `npm run pulumi-cli`). In order:
 *   1. `PULUMI_LANGUAGE_HOSTS_DIR`, when set (a directory holding the three hosts);
 *   2. the cached build of the pinned versions (see cacheDirectory());
 *   3. a build from the wrapper modules language-yaml/ and language-go-python/, with Go, into
 *      that cache.
 * The Python host runs a program through `pulumi-language-python-exec`, a Python script it looks
 * for beside its own executable: it ships in the sdk/v3 module, and is copied from Go's module
 * cache into the directory.
 * Progress goes to stderr; stdout carries the directory alone.
 */
"use strict";
const { execFileSync } = require("node:child_process");
const fs = require("node:fs");
const path = require("node:path");
const { pinnedVersion, cachePath, goBuild, requireGo, buildInto, logger, runAsCommand } = require("./go-build");

const YAML_MODULE = path.join(__dirname, "language-yaml");
const GO_PYTHON_MODULE = path.join(__dirname, "language-go-python");
const SDK_MODULE = "github.com/pulumi/pulumi/sdk/v3";
const PYTHON_EXEC_SCRIPT = "pulumi-language-python-exec";
const HOSTS = ["pulumi-language-yaml", "pulumi-language-go", "pulumi-language-python", PYTHON_EXEC_SCRIPT];

const yamlVersion = () => pinnedVersion(YAML_MODULE, "github.com/pulumi/pulumi-yaml");
const sdkVersion = () => pinnedVersion(GO_PYTHON_MODULE, SDK_MODULE);

/** Outside the repository, keyed by both pinned versions (beside the CLI's cache, never inside it). */
function cacheDirectory() {
  return cachePath("language-hosts", `yaml-${yamlVersion()}+sdk-${sdkVersion()}`, "bin");
}

const log = logger("language-hosts");

const complete = (dir) => HOSTS.every((host) => fs.existsSync(path.join(dir, host)));

/** The exec script as the pinned sdk/v3 module ships it (`go mod download` fetches the module when it is missing). */
function pythonExecScript() {
  const { Dir } = JSON.parse(
    execFileSync("go", ["mod", "download", "-json", `${SDK_MODULE}@${sdkVersion()}`], { cwd: GO_PYTHON_MODULE, encoding: "utf8" }),
  );
  return path.join(Dir, "python", "cmd", PYTHON_EXEC_SCRIPT);
}

function build(cache) {
  requireGo("No language hosts found and no Go toolchain to build them: install Go 1.26 and run `npm run language-hosts` again.");
  const started = Date.now();
  log(`building the YAML host ${yamlVersion()} and the Go and Python hosts of sdk ${sdkVersion()} with Go into ${cache}`);
  log("a first build downloads the modules and compiles for about 5 minutes; later runs reuse it");
  buildInto(cache, (staging) => {
    goBuild({
      moduleDir: YAML_MODULE,
      pkg: "github.com/pulumi/pulumi-yaml/cmd/pulumi-language-yaml",
      versionVariable: "github.com/pulumi/pulumi-yaml/pkg/version.Version",
      version: yamlVersion(),
      output: path.join(staging, "pulumi-language-yaml"),
    });
    for (const pkg of ["go/pulumi-language-go", "python/cmd/pulumi-language-python"]) {
      goBuild({
        moduleDir: GO_PYTHON_MODULE,
        pkg: `${SDK_MODULE}/${pkg}`,
        versionVariable: `${SDK_MODULE}/go/common/version.Version`,
        version: sdkVersion(),
        output: path.join(staging, path.basename(pkg)),
      });
    }
    // The module cache holds it read-only; the copy must be executable.
    const script = path.join(staging, PYTHON_EXEC_SCRIPT);
    fs.copyFileSync(pythonExecScript(), script);
    fs.chmodSync(script, 0o755);
  });
  log(`built in ${Math.round((Date.now() - started) / 1000)} s`);
}

/** The directory holding the YAML, Go and Python language hosts, building them when there are none. */
function languageHostsDirectory() {
  if (process.env.PULUMI_LANGUAGE_HOSTS_DIR) {
    const dir = path.resolve(process.env.PULUMI_LANGUAGE_HOSTS_DIR);
    if (!complete(dir)) throw new Error(`PULUMI_LANGUAGE_HOSTS_DIR=${dir} does not hold all of ${HOSTS.join(", ")}`);
    return dir;
  }
  const cache = cacheDirectory();
  if (!complete(cache)) build(cache);
  return cache;
}

module.exports = { languageHostsDirectory };

if (require.main === module) runAsCommand(languageHostsDirectory);
