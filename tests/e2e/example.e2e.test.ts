/** `npm run example`, the lifecycle through the real Pulumi CLI, run once as a user runs it. */
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
  this.timeout(300_000);

  it("shows the whole lifecycle against the local fake, exits 0 and leaves no process behind", async () => {
    const script = path.join(repositoryRoot, "tools", "run-example.ts");
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
    // What the CLI printed, command by command.
    expect(output).to.include("$ pulumi preview\nPreviewing update (dev):");
    expect(output).to.include("Qovery calls during preview: 1 (listOrganizationAvailableRoles: the role check)");
    expect(output).to.match(/\+ {2}pulumi-nodejs:dynamic\/qovery:OrganizationInvitation Ada\.Lovelace@Example\.com created/);
    expect(output).to.include("invitation ada.lovelace@example.com viewer PENDING");
    expect(output).to.match(/\+-pulumi-nodejs:dynamic\/qovery:OrganizationInvitation: \(replace\)/);
    expect(output).to.match(/~ roleName *: "viewer" => "devops"/);
    expect(output).to.include("invitation ada.lovelace@example.com devops PENDING");
    expect(output).to.include("$ pulumi stack output status\nACCEPTED");
    expect(output).to.match(/\$ pulumi preview --expect-no-changes\n[\s\S]*?2 unchanged/);
    // What a newcomer copies runs without a warning, and the drift gate shows no puzzling line:
    // once accepted, the link is an empty secret, not an absent output (unknown in a preview).
    expect(output).not.to.match(/warning/i);
    const gate = output.slice(output.indexOf("$ pulumi preview --expect-no-changes"), output.indexOf("$ pulumi destroy"));
    expect(gate).not.to.include("[unknown]");
    expect(gate).not.to.include("Outputs:");
    expect(output).to.match(/- {2}pulumi-nodejs:dynamic\/qovery:OrganizationInvitation Ada\.Lovelace@Example\.com deleted/);
    expect(output).to.match(/Qovery now:\n {2}member owner@acme\.test owner\n/);
    expect(output).to.include("Stack 'dev' has been removed!");
    expect(output).not.to.match(/[?&]token=/); // the invitation link is a secret
    expect(processesInGroup(child.pid!)).to.deep.equal([]);
  });
});
