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
fs.copyFileSync(path.join(root, "package.json"), path.join(target, "package.json"));
for (const entry of manifest.files) {
  const from = path.join(root, entry);
  if (fs.existsSync(from)) fs.cpSync(from, path.join(target, entry), { recursive: true });
}
