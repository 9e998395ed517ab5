/**
 * npm 11 blocks the install scripts of dependencies unless package.json's `allowScripts` says
 * otherwise, and ends `npm ci` with a warning naming each one it skipped. This repository decides
 * for each of them (see docs/design-decisions.md), so that the README's first command installs
 * without a warning: a new dependency with an install script fails here until it is decided too.
 */
import { expect } from "chai";
import { execFile } from "node:child_process";
import * as path from "node:path";
import { promisify } from "node:util";

const root = path.resolve(__dirname, "..", "..");

describe("the repository's install scripts", function () {
  this.timeout(60_000);

  it("are all decided in package.json's allowScripts, so that `npm ci` warns about none", async function () {
    const listed = await promisify(execFile)("npm", ["install-scripts", "ls"], { cwd: root }).catch((error: { stderr?: string }) => error);
    if (!("stdout" in listed)) {
      // npm before 11.x has no allowScripts and runs every install script without a word.
      if (/Unknown command/i.test(listed.stderr ?? "")) this.skip();
      throw listed;
    }
    expect(listed.stdout.trim()).to.equal("No packages with unreviewed install scripts.");
  });
});
