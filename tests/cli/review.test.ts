/**
 * `pulumi-qovery-invitations review`: the report as a table or JSON, and the exit codes a
 * scheduled audit job relies on (0 nothing undeclared or no roster, 1 undeclared access with a
 * roster, 2 usage, file or API error), against the local fake.
 */
import { expect } from "chai";
import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { failureMessage, main } from "../../cli";
import { startFakeQovery, type FakeQovery } from "../fake-qovery";

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

describe("the review command", () => {
  let fake: FakeQovery;
  let dir: string;
  let roster: string;
  let env: NodeJS.ProcessEnv;

  async function review(...args: string[]): Promise<Run> {
    let stdout = "";
    let stderr = "";
    const code = await main(args, env, { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text) });
    return { code, stdout, stderr };
  }

  beforeEach(async () => {
    fake = await startFakeQovery();
    env = { QOVERY_API_URL: fake.url, QOVERY_API_TOKEN: fake.apiToken };
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "review-"));
    roster = path.join(dir, "people.yaml");
    fs.writeFileSync(
      roster,
      "people:\n  - { email: Ada@Example.com, roleName: admin }\n  - { email: grace@example.com, roleName: devops }\n",
    );
    fake.addMember({ email: "ada@example.com", roleName: "admin", id: "github|1815" });
    fake.addInvitation({ email: "grace@example.com", roleName: "devops" });
  });
  afterEach(async () => {
    await fake.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("exits 0 when everyone is declared, kept or the owner", async () => {
    const run = await review("review", "--organization", fake.organizationId, "--roster", roster);
    expect(run.code, run.stderr).to.equal(0);
    expect(run.stdout).to.match(/^\s+declared\s+ada@example\.com\s+admin\s/m);
    expect(run.stdout).to.match(/^\s+owner\s+owner@acme\.test\s+owner\s/m);
    expect(run.stdout).to.include("No undeclared access");
  });

  it("exits 1 with a roster when a member was added by hand, and names them in the table", async () => {
    fake.addMember({ email: "eve@example.com", roleName: "admin", id: "github|4242" });
    const run = await review("review", "-o", fake.organizationId, "-r", roster);
    expect(run.code).to.equal(1);
    expect(run.stdout).to.match(/^\s+UNDECLARED\s+eve@example\.com\s+admin\s+\S+\s+github\|4242/m);
    expect(run.stdout).to.include("1 undeclared access (1 member, 0 invitations)");
  });

  it("exits 0 without a roster, listing everyone as unreviewed", async () => {
    fake.addMember({ email: "eve@example.com", roleName: "admin" });
    const run = await review("review", "--organization", fake.organizationId);
    expect(run.code).to.equal(0);
    expect(run.stdout).to.match(/^\s+-\s+eve@example\.com/m);
    expect(run.stdout).to.include("No --roster given");
  });

  it("does not report the --keep list", async () => {
    fake.addMember({ email: "ci@acme.test", roleName: "devops" });
    fake.addInvitation({ email: "auditor@example.com", roleName: "viewer" });
    const run = await review("review", "-o", fake.organizationId, "-r", roster, "--keep", "CI@acme.test,auditor@example.com");
    expect(run.code).to.equal(0);
    expect(run.stdout)
      .to.match(/^\s+kept\s+ci@acme\.test/m)
      .and.match(/^\s+kept\s+auditor@example\.com/m);
  });

  it("prints the report as JSON with --json, without invitation links", async () => {
    fake.addInvitation({ email: "mallory@example.com", roleName: "viewer" });
    const run = await review("review", "-o", fake.organizationId, "-r", roster, "--json");
    expect(run.code).to.equal(1);
    const report = JSON.parse(run.stdout);
    expect(report).to.include({ organizationId: fake.organizationId, roster });
    expect(report.undeclared).to.deep.equal({ members: 0, invitations: 1 });
    expect(report.invitations.map((i: { email: string; access: string }) => `${i.access} ${i.email}`)).to.deep.equal([
      "declared grace@example.com",
      "undeclared mallory@example.com",
    ]);
    expect(report.members[0])
      .to.include({ email: "ada@example.com", roleName: "admin", access: "declared" })
      .and.have.property("lastActivityAt");
    expect(run.stdout).not.to.include("invitation_link").and.not.include("token=");
  });

  it("exits 2 on usage errors, printing the usage", async () => {
    for (const args of [[], ["audit"], ["review"], ["review", "-o", "acme"], ["review", "-o", fake.organizationId, "--bogus"]]) {
      const run = await review(...args);
      expect(run.code, args.join(" ")).to.equal(2);
      expect(run.stderr).to.include("error: ").and.include("Usage: pulumi-qovery-invitations review");
    }
    expect(fake.callCount()).to.equal(0);
  });

  it("exits 2 without a token, or with a rejected one, never printing it", async () => {
    env = { QOVERY_API_URL: fake.url };
    const missing = await review("review", "-o", fake.organizationId);
    expect(missing.code).to.equal(2);
    expect(missing.stderr).to.include("QOVERY_API_TOKEN is not set");

    env = { QOVERY_API_URL: fake.url, QOVERY_API_TOKEN: "qov_wrong_secret_value" };
    const rejected = await review("review", "-o", fake.organizationId, "-r", roster);
    expect(rejected.code).to.equal(2);
    expect(rejected.stderr).to.include("HTTP 401").and.not.include("qov_wrong_secret_value");
    expect(rejected.stdout).to.equal("");
  });

  it("exits 2 on a roster file it cannot read", async () => {
    fs.writeFileSync(roster, "people:\n  - { roleName: admin }\n");
    const run = await review("review", "-o", fake.organizationId, "-r", roster);
    expect(run.code).to.equal(2);
    expect(run.stderr).to.include("entry 1: email is required");
  });

  it("runs as the package's bin: a node shebang, and the exit code of the review", async () => {
    const root = path.resolve(__dirname, "..", "..");
    const manifest = JSON.parse(fs.readFileSync(path.join(root, "node_modules", "pulumi-qovery-invitations", "package.json"), "utf8"));
    const bin = path.join(root, "node_modules", "pulumi-qovery-invitations", manifest.bin["pulumi-qovery-invitations"]);
    expect(fs.readFileSync(bin, "utf8").split("\n")[0]).to.equal("#!/usr/bin/env node");
    fake.addMember({ email: "eve@example.com", roleName: "admin" });
    const code = await new Promise<number>((resolve) => {
      execFile(process.execPath, [bin, "review", "-o", fake.organizationId, "-r", roster], { env: { ...process.env, ...env } }, (error) =>
        resolve(error ? Number(error.code) : 0),
      );
    });
    expect(code).to.equal(1);
  });

  it("starts without loading @pulumi/pulumi, so an audit job needs only this package", async () => {
    const cli = path.join(path.resolve(__dirname, "..", ".."), "node_modules", "pulumi-qovery-invitations", "dist", "cli", "index.js");
    const script = `require(${JSON.stringify(cli)}); process.stdout.write(String(Object.keys(require.cache).some((k) => k.includes("@pulumi"))))`;
    const loaded = await new Promise<string>((resolve, reject) =>
      execFile(process.execPath, ["-e", script], (error, stdout) => (error ? reject(error) : resolve(stdout))),
    );
    expect(loaded).to.equal("false");
  });

  it("prints a failure that escapes main, with the token masked, instead of failing silently", () => {
    const message = failureMessage(new Error("write EPIPE while printing for s3cr3t-token"), { QOVERY_API_TOKEN: "s3cr3t-token" });
    expect(message).to.equal("error: write EPIPE while printing for <token>\n");
  });
});
