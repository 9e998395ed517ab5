#!/usr/bin/env node
/**
 * Installs the freshly built package into this repository's own node_modules, the way npm
 * would install it in a user's project: package.json plus dist/. Programs run from this
 * repository (the examples, the end-to-end tests) then resolve `pulumi-qovery-invitations`
 * from node_modules exactly as a user's program does, and the Pulumi plugin (whose working
 * directory is the repository) resolves the shim's `require("pulumi-qovery-invitations/provider")`.
 * A copy, not a symlink: Node resolves symlinks to their real path, and Pulumi serializes a
 * module from outside node_modules by value instead of as a `require`.
 */
"use strict";
const fs = require("node:fs");
const path = require("node:path");

const root = path.resolve(__dirname, "..");
const target = path.join(root, "node_modules", "pulumi-qovery-invitations");
const manifest = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8"));

fs.rmSync(target, { recursive: true, force: true });
fs.mkdirSync(target, { recursive: true });
// Without its scripts, like a package installed from the registry, whose scripts npm never runs
// (npm 11 would otherwise list the copy's `prepare` among install scripts to review).
const { scripts: _scripts, ...installedManifest } = manifest;
fs.writeFileSync(path.join(target, "package.json"), JSON.stringify(installedManifest, null, 2) + "\n");
for (const entry of manifest.files) {
  const from = path.join(root, entry);
  if (fs.existsSync(from)) fs.cpSync(from, path.join(target, entry), { recursive: true });
}
