/**
 * The committed SDKs (sdk/go, sdk/python, sdk/dotnet) are what the pinned generators write from
 * the schema the built plugin serves: a definition changed without `npm run generate-sdks` fails
 * here, naming the files that differ.
 */
import { expect } from "chai";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { repositoryRoot } from "../support/installed-package";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { generateSdks } = require(path.join(repositoryRoot, "tools", "generate-sdks.js")) as { generateSdks(outRoot: string): void };
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { SDK_LANGUAGES } = require(path.join(repositoryRoot, "tools", "sdk-gen")) as { SDK_LANGUAGES: string[] };

/** Every file under a directory, by its path relative to it, with its content. */
function filesUnder(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const full = path.join(entry.parentPath, entry.name);
    files.set(path.relative(dir, full), fs.readFileSync(full, "utf8"));
  }
  return files;
}

describe("the generated SDKs", function () {
  // A first build of the generators compiles pkg/v3's code generators: minutes on a cold machine.
  this.timeout(900_000);

  it("are what the generator writes from the plugin's schema (else run `npm run generate-sdks`)", () => {
    const fresh = fs.mkdtempSync(path.join(os.tmpdir(), "qovery-sdks-"));
    try {
      generateSdks(fresh);
      expect(SDK_LANGUAGES).to.deep.equal(["go", "python", "dotnet"]);
      for (const language of SDK_LANGUAGES) {
        const committed = filesUnder(path.join(repositoryRoot, "sdk", language));
        const generated = filesUnder(path.join(fresh, language));
        const differing = [...new Set([...committed.keys(), ...generated.keys()])].filter(
          (file) => committed.get(file) !== generated.get(file),
        );
        expect(
          differing.map((file) => `sdk/${language}/${file}`),
          "stale: run `npm run generate-sdks`",
        ).to.deep.equal([]);
      }
    } finally {
      fs.rmSync(fresh, { recursive: true, force: true });
    }
  });
});
