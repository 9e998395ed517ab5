/**
 * What every Go-built tool of this project shares (the CLI, the language hosts, the SDK
 * generator): the pin read from a wrapper module's go.mod, the cache outside the repository, and
 * a build into a staging directory that is renamed into place only once complete, so an
 * interrupted build is never used.
 */
"use strict";
const { execFileSync } = require("node:child_process");
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");

/** The version a wrapper module pins for `module`, read from its go.mod (the one home of the pin). */
function pinnedVersion(moduleDir, module) {
  const goMod = fs.readFileSync(path.join(moduleDir, "go.mod"), "utf8");
  // In a `require ( ... )` block, or on a one-line `require` of its own.
  const match = goMod.match(new RegExp(`^\\s*(?:require\\s+)?${module.replace(/[./]/g, "\\$&")} (v\\S+)`, "m"));
  if (!match) throw new Error(`${path.join(moduleDir, "go.mod")} does not require ${module}`);
  return match[1];
}

/** `${XDG_CACHE_HOME:-~/.cache}/pulumi-qovery-invitations/...parts`: shared by clones and CI runs on one machine. */
function cachePath(...parts) {
  const base = process.env.XDG_CACHE_HOME || path.join(os.homedir(), ".cache");
  return path.join(base, "pulumi-qovery-invitations", ...parts);
}

/** The absolute path of `command` on PATH, or undefined. */
function which(command) {
  for (const dir of (process.env.PATH || "").split(path.delimiter)) {
    const candidate = path.join(dir, command);
    try {
      fs.accessSync(candidate, fs.constants.X_OK);
      return candidate;
    } catch {
      // not in this directory
    }
  }
  return undefined;
}

/**
 * `go build` of package `pkg` as upstream builds its release binaries: CGO off, tags
 * `osusergo,grpcnotrace`, and `-X` ldflags setting the version variable (without one, several
 * programs report an empty version and refuse to work). `-buildvcs=false`: a main package inside
 * this repository (the SDK generator) would otherwise be stamped from git, which fails in a
 * checkout git refuses to read (another owner) and says nothing useful anyway.
 */
function goBuild({ moduleDir, pkg, versionVariable, version, output }) {
  execFileSync(
    "go",
    ["build", "-buildvcs=false", "-tags", "osusergo,grpcnotrace", "-ldflags", `-X ${versionVariable}=${version}`, "-o", output, pkg],
    {
      cwd: moduleDir,
      stdio: ["ignore", "inherit", "inherit"],
      env: { ...process.env, CGO_ENABLED: "0" },
    },
  );
}

/** Fails with `advice` when there is no Go toolchain on PATH. */
function requireGo(advice) {
  if (!which("go")) throw new Error(advice);
}

/**
 * Calls `fill(staging)` on a fresh directory beside `target`, then renames it to `target`,
 * replacing an older one: a half-built directory never sits at `target`.
 */
function buildInto(target, fill) {
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const staging = fs.mkdtempSync(`${target}.building-`);
  try {
    fill(staging);
    fs.rmSync(target, { recursive: true, force: true });
    fs.renameSync(staging, target);
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
}

/** A `log(line)` writing `<tool>: line` to stderr, so stdout carries a tool's result alone. */
function logger(tool) {
  return (line) => process.stderr.write(`${tool}: ${line}\n`);
}

/** Runs `main()` as a command: prints its result on stdout, or its error's message on stderr with exit code 1. */
function runAsCommand(main) {
  try {
    process.stdout.write(`${main()}\n`);
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  }
}

module.exports = { pinnedVersion, cachePath, which, goBuild, requireGo, buildInto, logger, runAsCommand };
