/** `npm run example`, the sandbox lifecycle, run once as a user runs it. */
import { expect } from "chai";
import { execFile, execFileSync } from "node:child_process";
import * as path from "node:path";
import { repositoryRoot } from "../support/installed-package";

function pluginProcesses(): string[] {
  const list = execFileSync("ps", ["-eo", "pid,args"], { encoding: "utf8" });
  return list.split("\n").filter((line) => line.includes("cmd/dynamic-provider"));
}

describe("npm run example", function () {
  this.timeout(120_000);

  it("shows the whole lifecycle against the local fake, exits 0 and leaves no process behind", async () => {
    const before = pluginProcesses();
    const script = path.join(repositoryRoot, "tests", "sandbox", "run-example.ts");
    const env = { ...process.env };
    delete env.QOVERY_API_TOKEN;
    delete env.QOVERY_API_URL;
    const output = await new Promise<string>((resolve, reject) => {
      execFile(process.execPath, ["--import", "tsx", script], { cwd: repositoryRoot, env }, (error, stdout, stderr) => {
        if (error) reject(new Error(`${error.message}\n${stdout}\n${stderr}`));
        else resolve(stdout);
      });
    });
    expect(output).to.include("Qovery calls during preview: 0");
    expect(output).to.match(/\+ create .*OrganizationInvitation/);
    expect(output).to.include("invitation ada.lovelace@example.com viewer PENDING");
    expect(output).to.match(/\+- replace .*\[diff: ~roleName\] \(delete before replace\)/);
    expect(output).to.include("invitation ada.lovelace@example.com devops PENDING");
    expect(output).to.include('status: "ACCEPTED"');
    expect(output).to.match(/- delete .*OrganizationInvitation/);
    expect(output).to.match(/Qovery now:\n  member owner@acme\.test owner\n?$/);
    expect(pluginProcesses()).to.deep.equal(before);
  });
});
