/**
 * examples/ci executed: the `pulumi` commands of the GitHub Actions workflow, read from the
 * workflow file and run in its order by the real CLI on a program directory (program files run
 * by the Node language host), with the token in QOVERY_API_TOKEN as the workflow sets it. The
 * pull-request job's preview, then the main branch's up and drift gate; the gate passes right
 * after the up and fails after a change made in Qovery behind Pulumi's back.
 */
import { expect } from "chai";
import * as fs from "node:fs";
import * as path from "node:path";
import { parse } from "yaml";
import { startFakeQovery, type FakeQovery } from "../fake-qovery";
import { repositoryRoot } from "../support/installed-package";
import { programStack, type PulumiShell } from "../support/pulumi-shell";

interface WorkflowStep {
  uses?: string;
  if?: string;
  with?: Record<string, string | boolean>;
}

/** The CLI arguments a `pulumi/actions` step runs (its `command` and the flags its inputs stand for). */
function pulumiArgs(step: WorkflowStep): string[] {
  const inputs = step.with ?? {};
  const args = [String(inputs.command)];
  if (inputs.command !== "preview") args.push("--yes");
  if (inputs.diff === true) args.push("--diff");
  if (inputs.refresh === true) args.push("--refresh");
  if (inputs["expect-no-changes"] === true) args.push("--expect-no-changes");
  return args;
}

/** The pulumi/actions steps of a job that run on `event`. */
function pulumiSteps(job: { steps: WorkflowStep[] }, event: string): string[][] {
  return job.steps
    .filter((step) => step.uses?.startsWith("pulumi/actions@"))
    .filter((step) => !step.if || !(step.if.includes(`!= '${event}'`) || (step.if.includes("==") && !step.if.includes(`'${event}'`))))
    .map(pulumiArgs);
}

const PROGRAM = `import * as pulumi from "@pulumi/pulumi";
import { OrganizationInvitation } from "pulumi-qovery-invitations";
const organizationId = new pulumi.Config().require("organizationId");
for (const [email, roleName] of [["ada@example.com", "viewer"], ["bob@example.com", "devops"]]) {
  new OrganizationInvitation(email, { organizationId, email, roleName });
}
`;

describe("examples/ci executed: the workflow's pulumi commands through the real CLI", function () {
  this.timeout(180_000);
  let fake: FakeQovery;
  let shell: PulumiShell;
  const workflow = parse(fs.readFileSync(path.join(repositoryRoot, "examples", "ci", "pulumi-qovery-access.yml"), "utf8")) as {
    jobs: Record<string, { steps: WorkflowStep[] }>;
  };

  before(async () => {
    fake = await startFakeQovery();
    shell = await programStack(fake, PROGRAM, "prod");
  });
  after(async () => {
    shell.dispose();
    await fake.close();
  });

  it("reads the commands the recipe runs on a pull request and on main", () => {
    expect(pulumiSteps(workflow.jobs.preview, "pull_request")).to.deep.equal([["preview", "--diff", "--refresh"]]);
    expect(pulumiSteps(workflow.jobs.deploy, "push")).to.deep.equal([
      ["up", "--yes", "--refresh"],
      ["preview", "--expect-no-changes"],
    ]);
  });

  it("previews the invitations on the pull request without calling anything that changes Qovery", async () => {
    for (const args of pulumiSteps(workflow.jobs.preview, "pull_request")) {
      const output = await shell.ok(args);
      // `--diff` prints each step as a block: `+ <type>: (create)`, then its URN.
      expect(output).to.match(/\+ pulumi-nodejs:dynamic\/qovery:OrganizationInvitation: \(create\)\s+\[urn=\S+::ada@example\.com\]/);
      expect(output).not.to.include(fake.apiToken);
    }
    expect(fake.invitations()).to.deep.equal([]);
  });

  it("applies on main, the drift gate passes right after, and fails once a role is changed in Qovery", async () => {
    for (const args of pulumiSteps(workflow.jobs.deploy, "push")) await shell.ok(args);
    expect(fake.invitations().map((i) => `${i.email} ${i.roleName}`)).to.have.members(["ada@example.com viewer", "bob@example.com devops"]);

    fake.acceptInvitation("ada@example.com", { memberId: "github|1" });
    const [refresh, gate] = pulumiSteps(workflow.jobs.deploy, "schedule");
    expect([refresh, gate]).to.deep.equal([
      ["refresh", "--yes"],
      ["preview", "--expect-no-changes"],
    ]);
    // The scheduled run records the acceptance; nothing to apply, so its gate passes.
    await shell.ok(refresh);
    await shell.ok(gate);

    // An admin changes Ada's role in the console; the next scheduled run's gate fails on it.
    const member = fake.members().find((m) => m.email === "ada@example.com")!;
    const response = await fetch(`${fake.url}/organization/${fake.organizationId}/member`, {
      method: "PUT",
      headers: { authorization: `Token ${fake.apiToken}`, "content-type": "application/json" },
      body: JSON.stringify({ user_id: member.id, role_id: fake.roleId("admin") }),
    });
    expect(response.status, await response.text()).to.equal(200);
    await shell.ok(refresh);
    const failed = await shell.run(gate);
    expect(failed.code, failed.output).to.not.equal(0);
    expect(failed.output).to.match(/no changes were expected (for \w+ )?but changes were proposed/);
    expect(failed.output).to.match(/~ {2}pulumi-nodejs:dynamic\/qovery:OrganizationInvitation ada@example\.com update/);
  });
});
