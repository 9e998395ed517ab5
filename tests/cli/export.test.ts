/**
 * `pulumi-qovery-invitations export`: today's organization as a people file that readPeopleFile
 * reads back (YAML or CSV, stdout or a file), what it leaves out and says so, and the input it
 * refuses before calling Qovery or writing anything.
 */
import { expect } from "chai";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { membersWithEmail } from "../../core/people";
import { main } from "../../cli";
import { parsePeopleYaml, readPeopleFile } from "../../core/people-file";
import { startFakeQovery, type FakeQovery } from "../fake-qovery";

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

describe("the export command", () => {
  let fake: FakeQovery;
  let dir: string;
  let env: NodeJS.ProcessEnv;

  async function cli(...args: string[]): Promise<Run> {
    let stdout = "";
    let stderr = "";
    const code = await main(args, env, { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text) });
    return { code, stdout, stderr };
  }

  /** The organization of docs/adopting-an-organization.md: members, a custom role, two identities, a pending and an expired invitation. */
  let EXPECTED: { email: string; roleName: string }[];
  /** Of two identities, the one the roster adopts: the most recent (the same rule as create). */
  const adoptedRole = (email: string) => String(membersWithEmail(fake.members(), email)[0]!.roleName);

  beforeEach(async () => {
    fake = await startFakeQovery();
    env = { QOVERY_API_URL: fake.url, QOVERY_API_TOKEN: fake.apiToken };
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "export-"));
    fake.addMember({ email: "Ada@Example.com", roleName: "admin", id: "github|1815" });
    fake.addMember({ email: "katherine@example.com", roleName: "Data Scientists", id: "google-oauth2|1918" });
    fake.addMember({ email: "eve@example.com", roleName: "viewer", id: "github|4242" });
    fake.addMember({ email: "EVE@example.com", roleName: "devops", id: "gitlab|77" });
    fake.addInvitation({ email: "grace@example.com", roleName: "devops" });
    fake.addInvitation({ email: "mallory@example.com", roleName: "viewer", status: "EXPIRED" });
    fake.resetCounts();
    EXPECTED = [
      { email: "ada@example.com", roleName: "admin" },
      { email: "eve@example.com", roleName: adoptedRole("eve@example.com") },
      { email: "grace@example.com", roleName: "devops" },
      { email: "katherine@example.com", roleName: "Data Scientists" },
      { email: "owner@acme.test", roleName: "owner" },
    ];
  });
  afterEach(async () => {
    await fake.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("prints every member and pending invitation as YAML that readPeopleFile reads back, sorted by email, with GETs only", async () => {
    const run = await cli("export", "--organization", fake.organizationId);
    expect(run.code, run.stderr).to.equal(0);
    expect(parsePeopleYaml(run.stdout)).to.deep.equal(EXPECTED);
    expect(fake.exchanges.every((exchange) => exchange.method === "GET")).to.equal(true);
    expect(fake.callCount()).to.equal(2);
  });

  it("says in comments who is the owner, who has several identities and which expired invitations are left out", async () => {
    const { stdout } = await cli("export", "-o", fake.organizationId);
    expect(stdout).to.match(
      /# the organization owner: never invited, removed or given another role by the roster\n\s+- email: owner@acme\.test/,
    );
    expect(stdout).to.match(
      /# one person, 2 identities: (github\|4242 \(viewer\), gitlab\|77 \(devops\)|gitlab\|77 \(devops\), github\|4242 \(viewer\))/,
    );
    expect(stdout).to.include("Left out, expired invitations: mallory@example.com (viewer)");
    expect(stdout).not.to.match(/^\s+- email: mallory/m);
  });

  it("writes CSV to --output, which readPeopleFile reads back, and never writes the token or an invitation link", async () => {
    const file = path.join(dir, "people.csv");
    const run = await cli("export", "-o", fake.organizationId, "--output", file);
    expect(run.code, run.stderr).to.equal(0);
    expect(run.stdout).to.include(`Wrote ${file}: 4 members and 1 pending invitations`);
    expect(readPeopleFile(file)).to.deep.equal(EXPECTED);
    const text = fs.readFileSync(file, "utf8");
    expect(text).to.match(/^email,roleName$/m);
    expect(text).not.to.include(fake.apiToken).and.not.include("token=");
    expect(run.stdout + run.stderr).not.to.include(fake.apiToken);
  });

  it("takes the format from --output, or --format, and - for stdout", async () => {
    const yml = path.join(dir, "people.yml");
    expect((await cli("export", "-o", fake.organizationId, "--output", yml)).code).to.equal(0);
    expect(readPeopleFile(yml)).to.deep.equal(EXPECTED);
    const csv = await cli("export", "-o", fake.organizationId, "--format", "csv", "--output", "-");
    expect(csv.stdout)
      .to.match(/^email,roleName$/m)
      .and.include("katherine@example.com,Data Scientists");
  });

  it("never overwrites an existing file without --force", async () => {
    const file = path.join(dir, "people.yaml");
    fs.writeFileSync(file, "# hand-written\n");
    const refused = await cli("export", "-o", fake.organizationId, "--output", file);
    expect(refused.code).to.equal(2);
    expect(refused.stderr).to.include(`--output "${file}" exists: pass --force to overwrite it`);
    expect(fs.readFileSync(file, "utf8")).to.equal("# hand-written\n");
    expect(fake.callCount()).to.equal(0);

    const forced = await cli("export", "-o", fake.organizationId, "--output", file, "--force");
    expect(forced.code, forced.stderr).to.equal(0);
    expect(readPeopleFile(file)).to.deep.equal(EXPECTED);
  });

  it("refuses bad input by name before calling Qovery or writing anything", async () => {
    const cases: [string[], string][] = [
      [["export", "-o", "acme"], '--organization must be the organization\'s UUID; got "acme"'],
      [["export"], "--organization <id> is required"],
      [["export", "-o", fake.organizationId, "--format", "json"], '--format must be yaml or csv; got "json"'],
      [["export", "-o", fake.organizationId, "--output", path.join(dir, "people.txt")], "--output must end in .yaml, .yml or .csv"],
      [
        ["export", "-o", fake.organizationId, "--format", "csv", "--output", path.join(dir, "p.yaml")],
        "--format csv does not match --output",
      ],
      [["export", "-o", fake.organizationId, "--output", path.join(dir, "missing", "people.yaml")], "does not exist"],
      [["export", "-o", fake.organizationId, "--output", path.join(dir, "folder.yaml")], "is a directory"],
      [
        ["export", "-o", fake.organizationId, "--output", path.join(dir, "file", "people.yaml")],
        `${path.join(dir, "file")} is not a directory`,
      ],
      [["export", "-o", fake.organizationId, "--roster", "people.yaml"], "--roster is an option of review, not of export"],
      [["review", "-o", fake.organizationId, "--force"], "--force is an option of export, not of review"],
    ];
    fs.mkdirSync(path.join(dir, "folder.yaml"));
    fs.writeFileSync(path.join(dir, "file"), "");
    for (const [args, message] of cases) {
      const run = await cli(...args);
      expect(run.code, args.join(" ")).to.equal(2);
      expect(run.stderr, args.join(" ")).to.include(message);
    }
    expect(fake.callCount()).to.equal(0);
    expect(fs.readdirSync(dir).sort()).to.deep.equal(["file", "folder.yaml"]);
  });

  it("exits 2 without a token, or with a rejected one, never printing it or writing the file", async () => {
    const file = path.join(dir, "people.yaml");
    env = { QOVERY_API_URL: fake.url };
    const missing = await cli("export", "-o", fake.organizationId, "--output", file);
    expect(missing.code).to.equal(2);
    expect(missing.stderr).to.include("QOVERY_API_TOKEN is not set");

    env = { QOVERY_API_URL: fake.url, QOVERY_API_TOKEN: "qov_wrong_secret_value" };
    const rejected = await cli("export", "-o", fake.organizationId, "--output", file);
    expect(rejected.code).to.equal(2);
    expect(rejected.stderr).to.include("HTTP 401").and.not.include("qov_wrong_secret_value");
    expect(fs.existsSync(file)).to.equal(false);
  });
});
