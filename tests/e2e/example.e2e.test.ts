/** `npm run example`, the sandbox lifecycle, run once as a user runs it. */
import { expect } from "chai";
import { execFileSync, spawn } from "node:child_process";
import * as path from "node:path";
import { repositoryRoot } from "../support/installed-package";

/** The processes still running in a process group. */
function processesInGroup(groupId: number): string[] {
  const list = execFileSync("ps", ["-eo", "pgid=,pid=,args="], { encoding: "utf8" });
  return list
    .split("\n")
    .filter((line) => line.trim().split(/\s+/)[0] === String(groupId))
    .filter((line) => !line.includes("<defunct>")); // exited, waiting to be reaped: not left running
}

describe("npm run example", function () {
  this.timeout(120_000);

  it("shows the whole lifecycle against the local fake, exits 0 and leaves no process behind", async () => {
    const script = path.join(repositoryRoot, "tests", "sandbox", "run-example.ts");
    const env = { ...process.env };
    delete env.QOVERY_API_TOKEN;
    delete env.QOVERY_API_URL;
    // A process group of its own: whatever the example starts (the plugin) belongs to it.
    const child = spawn(process.execPath, ["--import", "tsx", script], { cwd: repositoryRoot, env, detached: true });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
    expect(code, stderr).to.equal(0);
    const output = stdout;
    expect(output).to.include("Qovery calls during preview: 0");
    expect(output).to.match(/\+ create .*OrganizationInvitation/);
    expect(output).to.include("invitation ada.lovelace@example.com viewer PENDING");
    expect(output).to.match(/\+- replace .*\[diff: ~roleName\] \(delete before replace\)/);
    expect(output).to.include("invitation ada.lovelace@example.com devops PENDING");
    expect(output).to.include('status: "ACCEPTED"');
    expect(output).to.match(/- delete .*OrganizationInvitation/);
    expect(output).to.match(/Qovery now:\n  member owner@acme\.test owner\n?$/);
    expect(processesInGroup(child.pid!)).to.deep.equal([]);
  });
});
