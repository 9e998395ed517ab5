/**
 * The pull-request check and drift gate of examples/ci, through the real Pulumi CLI: `pulumi up
 * --refresh` on the main branch, then `pulumi preview --expect-no-changes`. Right after an up the
 * gate passes (no change, no call to Qovery); after a change made behind Pulumi's back a refresh
 * reports it, and the preview that follows shows what the next up will do about it, so the gate
 * fails until someone applies or adopts the change.
 *
 * `up --refresh` runs here as `refresh()` then `up()`, so that the steps of each are seen on their
 * own, and the gate is `preview().changes === 0`.
 */
import { expect } from "chai";
import * as fs from "node:fs";
import * as path from "node:path";
import { parse } from "yaml";
import type { Program } from "../support/pulumi-cli";
import { changedSteps, startEngineBed, type EngineBed } from "../support/engine";
import { installed, repositoryRoot } from "../support/installed-package";

const { OrganizationInvitation } = installed;

describe("drift gate: preview --expect-no-changes after up --refresh", function () {
  this.timeout(180_000);
  let bed: EngineBed;

  beforeEach(async () => {
    bed = await startEngineBed();
  });
  afterEach(() => bed.close());

  const team =
    (onExpired: "keep" | "reissue" = "keep"): Program =>
    () => {
      const ada = new OrganizationInvitation("ada", {
        organizationId: bed.fake.organizationId,
        email: "ada@example.com",
        roleName: "viewer",
        onExpired,
      });
      const bob = new OrganizationInvitation("bob", {
        organizationId: bed.fake.organizationId,
        email: "bob@example.com",
        roleName: "devops",
        onExpired,
      });
      return { ada: ada.invitationStatus, bob: bob.invitationStatus };
    };

  /** `pulumi up --refresh --yes`. */
  async function upWithRefresh(program: Program) {
    const refreshed = await bed.engine.refresh();
    const applied = await bed.engine.up(program);
    return { refreshed, applied };
  }

  /** Changes member `email`'s role through Qovery's API, as an admin in the console would. */
  async function changeRoleBehindPulumisBack(email: string, roleName: string): Promise<void> {
    const member = bed.fake.members().find((m) => m.email === email);
    if (!member) throw new Error(`no member ${email}`);
    const response = await fetch(`${bed.fake.url}/organization/${bed.fake.organizationId}/member`, {
      method: "PUT",
      headers: { authorization: `Token ${bed.fake.apiToken}`, "content-type": "application/json" },
      body: JSON.stringify({ user_id: member.id, role_id: bed.fake.roleId(roleName) }),
    });
    expect(response.status, await response.text()).to.equal(200);
  }

  it("passes right after an up, and after a refresh that finds nothing, calling Qovery only to check roles and refresh", async () => {
    const first = await upWithRefresh(team());
    expect(changedSteps(first.refreshed)).to.deep.equal([]);
    expect(changedSteps(first.applied)).to.have.members(["create ada", "create bob"]);

    bed.fake.resetCounts();
    const gate = await bed.engine.preview(team());
    expect(gate.changes, gate.planText).to.equal(0);
    // The gate's only request: the role list, once for the organization, to check every role.
    expect(
      bed.fake.exchanges.map((e) => e.operation),
      "calls to Qovery during preview",
    ).to.deep.equal(["listOrganizationAvailableRoles"]);

    // The next pipeline run on main: the refresh reads the invitation list, and finds no drift.
    const again = await upWithRefresh(team());
    expect(again.refreshed.changes, again.refreshed.planText).to.equal(0);
    expect(again.applied.changes, again.applied.planText).to.equal(0);
    expect(bed.fake.callCount("postInviteMember")).to.equal(0);
    expect((await bed.engine.preview(team())).changes).to.equal(0);
  });

  it("an invitation withdrawn in the console: the refresh drops it, and the preview plans to invite again", async () => {
    await upWithRefresh(team());
    bed.fake.deleteInvitation("bob@example.com");

    const refreshed = await bed.engine.refresh();
    expect(changedSteps(refreshed)).to.deep.equal(["refresh-delete bob"]);
    const gate = await bed.engine.preview(team());
    expect(changedSteps(gate)).to.deep.equal(["create bob"]);

    // Applying it closes the drift: the gate passes again.
    await upWithRefresh(team());
    expect(bed.fake.invitations().map((i) => i.email)).to.have.members(["ada@example.com", "bob@example.com"]);
    expect((await bed.engine.preview(team())).changes).to.equal(0);
  });

  it("a member's role changed in the console: the refresh records it, and the preview plans to set it back", async () => {
    await upWithRefresh(team());
    bed.fake.acceptInvitation("ada@example.com", { memberId: "github|7" });
    const accepted = await upWithRefresh(team());
    expect(changedSteps(accepted.refreshed)).to.deep.equal(["refresh-update ada"]);
    expect(accepted.applied.changes, accepted.applied.planText).to.equal(0);
    expect((await bed.engine.preview(team())).changes).to.equal(0);

    await changeRoleBehindPulumisBack("ada@example.com", "admin");
    const refreshed = await bed.engine.refresh();
    expect(changedSteps(refreshed)).to.deep.equal(["refresh-update ada"]);
    const gate = await bed.engine.preview(team());
    expect(changedSteps(gate)).to.deep.equal(["update ada"]);
    expect(gate.planText).to.match(/~ {2}pulumi-nodejs:dynamic\/qovery:OrganizationInvitation ada update/);

    await bed.engine.up(team());
    expect(bed.fake.members().find((m) => m.id === "github|7")?.roleName).to.equal("viewer");
    await bed.engine.refresh();
    expect((await bed.engine.preview(team())).changes).to.equal(0);
  });

  it("a member removed in the console: the refresh drops them, and the preview plans to invite them again", async () => {
    await upWithRefresh(team());
    bed.fake.acceptInvitation("bob@example.com", { memberId: "github|8" });
    await upWithRefresh(team());
    bed.fake.removeMemberBehindBack("github|8");

    expect(changedSteps(await bed.engine.refresh())).to.deep.equal(["refresh-delete bob"]);
    expect(changedSteps(await bed.engine.preview(team()))).to.deep.equal(["create bob"]);
  });

  it("an invitation that expired, with onExpired reissue: the refresh reports it, and the preview plans a reissue", async () => {
    await upWithRefresh(team("reissue"));
    bed.fake.expireInvitation("ada@example.com");
    const refreshed = await bed.engine.refresh();
    expect(changedSteps(refreshed)).to.deep.equal(["refresh-update ada"]);
    expect(changedSteps(await bed.engine.preview(team("reissue")))).to.deep.equal(["replace ada"]);

    await bed.engine.up(team("reissue"));
    expect(bed.fake.invitations().map((i) => i.status)).to.deep.equal(["PENDING", "PENDING"]);
    expect((await bed.engine.preview(team("reissue"))).changes).to.equal(0);
  });

  it("an invitation that expired, with onExpired keep: the refresh reports it, and the gate still passes", async () => {
    await upWithRefresh(team());
    bed.fake.expireInvitation("ada@example.com");
    const refreshed = await bed.engine.refresh();
    expect(changedSteps(refreshed)).to.deep.equal(["refresh-update ada"]);
    expect(refreshed.planText).to.include("ada");
    const gate = await bed.engine.preview(team());
    expect(gate.changes, gate.planText).to.equal(0);
  });
});

describe("examples/ci: the GitHub Actions recipe of this gate", () => {
  interface Step {
    uses?: string;
    if?: string;
    with?: Record<string, unknown>;
  }
  interface Workflow {
    on: Record<string, unknown>;
    env: Record<string, string>;
    jobs: Record<string, { if?: string; permissions?: Record<string, string>; steps: Step[] }>;
  }
  const file = path.join(repositoryRoot, "examples", "ci", "pulumi-qovery-access.yml");
  const workflow = parse(fs.readFileSync(file, "utf8"), { prettyErrors: true }) as Workflow;
  const pulumiSteps = (job: string) => workflow.jobs[job].steps.filter((step) => step.uses?.startsWith("pulumi/actions@"));

  it("previews with the diff on pull requests and comments it", () => {
    expect(workflow.on).to.have.keys("pull_request", "push", "schedule", "workflow_dispatch");
    expect(workflow.jobs.preview.if).to.equal("github.event_name == 'pull_request'");
    expect(workflow.jobs.preview.permissions).to.include({ "pull-requests": "write" });
    expect(pulumiSteps("preview").map((step) => step.with)).to.deep.equal([
      {
        command: "preview",
        "stack-name": "${{ env.PULUMI_STACK }}",
        "work-dir": "${{ env.WORK_DIR }}",
        diff: true,
        refresh: true,
        "comment-on-pr": true,
        "edit-pr-comment": true,
      },
    ]);
  });

  it("runs up --refresh on main, then preview --expect-no-changes as the drift gate", () => {
    const steps = pulumiSteps("deploy");
    expect(steps.map((step) => [step.with?.command, step.with?.refresh ?? false, step.with?.["expect-no-changes"] ?? false])).to.deep.equal(
      [
        ["up", true, false],
        ["refresh", false, false],
        ["preview", false, true],
      ],
    );
    expect(steps.map((step) => step.if)).to.deep.equal(["github.event_name != 'schedule'", "github.event_name == 'schedule'", undefined]);
    expect((workflow.on.push as { branches: string[] }).branches).to.deep.equal(["main"]);
  });

  it("takes the tokens from repository secrets, and never puts one in the program's inputs", () => {
    expect(workflow.env).to.include({
      PULUMI_ACCESS_TOKEN: "${{ secrets.PULUMI_ACCESS_TOKEN }}",
      QOVERY_API_TOKEN: "${{ secrets.QOVERY_API_TOKEN }}",
    });
    const everyWith = Object.values(workflow.jobs).flatMap((job) => job.steps.map((step) => JSON.stringify(step.with ?? {})));
    expect(everyWith.filter((text) => text.includes("secrets."))).to.deep.equal([]);
  });
});
