#!/usr/bin/env node
/**
 * Points the raw V8 coverage of the installed copy of this package at the repository's own build.
 *
 * The end-to-end tests load the package the way a user's program does, from
 * node_modules/pulumi-qovery-invitations (the build copies dist/ there; the packed-tarball test
 * installs it into a temporary project), so the SDK code they run is reported under node_modules,
 * which c8 leaves out, and its source maps point at TypeScript sources that are not installed.
 * That copy is byte for byte the repository's dist/, whose source maps lead to core/, provider/,
 * sdk/ and cli/: rewriting each `.../node_modules/pulumi-qovery-invitations/dist/...` URL to `<repo>/dist/...`
 * (and dropping Node's cached copy of its source map) lets `c8 report` count those runs against
 * core/*.ts, provider/*.ts, sdk/*.ts and cli/*.ts, merged with the tests that import the sources directly.
 *
 * Usage (see the `coverage` script): `c8 --reporter=none mocha`, this, then `c8 report`.
 */
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const { pathToFileURL } = require("node:url");

const root = path.resolve(__dirname, "..");
const tempDirectory = path.join(root, "coverage", "tmp");
const installed = /^file:\/\/.*\/node_modules\/pulumi-qovery-invitations\/dist\//;
const built = `${pathToFileURL(path.join(root, "dist")).href}/`;

let rewritten = 0;
const remap = (url) => {
  if (!installed.test(url)) return url;
  rewritten++;
  return url.replace(installed, built);
};

if (!fs.existsSync(tempDirectory)) {
  console.error(`coverage-remap: ${tempDirectory} does not exist; run the tests under c8 first`);
  process.exit(1);
}
let files = 0;
for (const name of fs.readdirSync(tempDirectory)) {
  if (!name.endsWith(".json")) continue;
  const file = path.join(tempDirectory, name);
  const coverage = JSON.parse(fs.readFileSync(file, "utf8"));
  for (const script of coverage.result ?? []) script.url = remap(script.url);
  // Node caches each source map with its sources resolved against the installed copy; without
  // the entry, c8 reads the map beside the repository's dist/ file, which leads to the sources.
  const cache = coverage["source-map-cache"] ?? {};
  for (const url of Object.keys(cache)) if (installed.test(url)) delete cache[url];
  fs.writeFileSync(file, JSON.stringify(coverage));
  files++;
}
console.log(`coverage-remap: ${rewritten} script(s) of the installed package mapped to dist/ in ${files} coverage file(s)`);
