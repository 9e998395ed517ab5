#!/usr/bin/env node
/**
 * `npm run generate-sdks`: the Go, Python and .NET SDKs of the native plugin, written into sdk/go,
 * sdk/python and sdk/dotnet from the package schema the built plugin serves
 * (dist/provider/native/schema.js, which builds it from the resources' definitions), with the
 * pinned generators (tools/sdk-gen).
 * The SDKs are committed; tests/package/generated-sdks.test.ts fails when they are stale.
 *
 * `node tools/generate-sdks.js <out-root>` writes them elsewhere (the test compares).
 */
"use strict";
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const { generateAll } = require("./sdk-gen");

const root = path.resolve(__dirname, "..");

/** The schema as `pulumi package get-schema` prints it, from the build. */
function schemaText() {
  const { packageSchema } = require(path.join(root, "dist", "provider", "native", "schema.js"));
  const { version } = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8"));
  return JSON.stringify(packageSchema(version), null, 2) + "\n";
}

function generateSdks(outRoot) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "qovery-schema-"));
  try {
    const schema = path.join(dir, "schema.json");
    fs.writeFileSync(schema, schemaText());
    generateAll(schema, outRoot, ["ignore", "inherit", "inherit"]);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

module.exports = { generateSdks };

if (require.main === module) {
  generateSdks(path.resolve(process.argv[2] ?? path.join(root, "sdk")));
}
