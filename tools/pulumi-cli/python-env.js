#!/usr/bin/env node
/**
 * `npm run python-env`: prints the directory of a Python virtual environment holding the pinned
 * Pulumi Python SDK (python/requirements.txt), the one Python programs run with. Set
 * `PULUMI_PYTHON_CMD=<venv>/bin/python` (or put `<venv>/bin` first on PATH): the v3.66.0 Python
 * host runs that, else the first `python3` on PATH, and does not see Pulumi.yaml's `virtualenv`
 * option, which CLI 3.276 sends over RPC instead of as the flag that host reads.
 *
 * `npm run python-env -- <dir>...` also installs the Python packages in those folders into it
 * (e.g. the generated SDK, sdk/python), replacing an installed version of the same name.
 *
 * The venv is created with `python3` on PATH (or `$PYTHON`), in a cache outside the repository
 * keyed by the interpreter's version and a hash of the requirements. A venv holds absolute paths,
 * so it cannot be built elsewhere and renamed like the Go builds: it is built in place, and a
 * marker written last says it is complete; a directory without it is built again.
 */
"use strict";
const { execFileSync } = require("node:child_process");
const { createHash } = require("node:crypto");
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const { cachePath, logger, runAsCommand } = require("./go-build");

const REQUIREMENTS = path.join(__dirname, "python", "requirements.txt");
const MARKER = ".complete";
const MINIMUM_PYTHON = [3, 10];

const log = logger("python-env");

/** `[major, minor]` of the interpreter that will create the venv. */
function interpreterVersion(python) {
  try {
    const text = execFileSync(python, ["-c", "import sys; print(sys.version_info[0], sys.version_info[1])"], { encoding: "utf8" });
    return text.trim().split(" ").map(Number);
  } catch {
    throw new Error(`No Python interpreter: \`${python}\` does not run. Install Python 3.10 or later, or set PYTHON to one.`);
  }
}

/** Keyed by the interpreter's `[major, minor]` and the pins (not the comments: editing prose keeps the venv). */
function cacheDirectory(version) {
  const pins = fs
    .readFileSync(REQUIREMENTS, "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "" && !line.startsWith("#"))
    .join("\n");
  const hash = createHash("sha256").update(pins).digest("hex").slice(0, 12);
  return cachePath("python", `py${version.join(".")}+${hash}`, "venv");
}

/** Runs the venv's own pip (as a module: a venv's console scripts are not always usable). */
function pip(venv, args) {
  execFileSync(path.join(venv, "bin", "python"), ["-m", "pip", "--disable-pip-version-check", ...args], {
    stdio: ["ignore", process.stderr, "inherit"],
  });
}

function build(python, venv) {
  const started = Date.now();
  log(`creating a venv with the pinned Pulumi Python SDK in ${venv} (about a minute: downloads from PyPI)`);
  fs.rmSync(venv, { recursive: true, force: true });
  fs.mkdirSync(path.dirname(venv), { recursive: true });
  execFileSync(python, ["-m", "venv", venv], { stdio: ["ignore", process.stderr, "inherit"] });
  pip(venv, ["install", "--quiet", "--requirement", REQUIREMENTS]);
  fs.writeFileSync(path.join(venv, MARKER), "");
  log(`created in ${Math.round((Date.now() - started) / 1000)} s`);
}

/** The venv's directory, creating it when missing or incomplete, with `packages` (folders) installed. */
function pythonEnvDirectory(packages = []) {
  const python = process.env.PYTHON || "python3";
  const version = interpreterVersion(python);
  if (version[0] < MINIMUM_PYTHON[0] || (version[0] === MINIMUM_PYTHON[0] && version[1] < MINIMUM_PYTHON[1])) {
    throw new Error(`${python} is Python ${version.join(".")}; the pinned Pulumi SDK needs ${MINIMUM_PYTHON.join(".")} or later.`);
  }
  const venv = cacheDirectory(version);
  if (!fs.existsSync(path.join(venv, MARKER))) build(python, venv);
  if (packages.length > 0) installCopies(venv, packages);
  return venv;
}

/**
 * Installs each folder's package from a copy: setuptools writes `build/` and `*.egg-info` beside
 * the sources, which must not land in a generated SDK folder (nor in a check that it is current).
 * `--no-deps`: their dependency (pulumi) is the pinned one already there; a range must not replace it.
 */
function installCopies(venv, packages) {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "python-env-"));
  try {
    const copies = packages.map((dir, i) => {
      const copy = path.join(scratch, String(i));
      fs.cpSync(dir, copy, { recursive: true });
      return copy;
    });
    pip(venv, ["install", "--quiet", "--no-deps", "--force-reinstall", ...copies]);
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

module.exports = { pythonEnvDirectory };

if (require.main === module) {
  // `npm run` starts scripts in the package root: folders are relative to where it was typed.
  const from = process.env.INIT_CWD || process.cwd();
  runAsCommand(() => pythonEnvDirectory(process.argv.slice(2).map((dir) => path.resolve(from, dir))));
}
