/**
 * An `up` killed with SIGKILL (a CI runner cancelled, a machine lost) after the invite reached
 * Qovery but before its answer. The CLI then refuses the next `up` because the killed run's lock
 * is left, naming `pulumi cancel`; after it, `up` warns about the create it was interrupted in and
 * runs it again, and the create adopts the invitation that landed (Qovery answers the second
 * invite with 409). Exactly one invitation for the email in the end, the one that landed. The
 * checkpoint keeps the pending create, and its warning, until `refresh --clear-pending-creates`.
 */
import { expect } from "chai";
import { startFakeQovery, type FakeQovery } from "../fake-qovery";
import { programStack, type PulumiShell } from "../support/pulumi-shell";

const PROGRAM = `import * as pulumi from "@pulumi/pulumi";
import { OrganizationInvitation } from "pulumi-qovery-invitations";
const organizationId = new pulumi.Config().require("organizationId");
export const status = new OrganizationInvitation("ada", { organizationId, email: "ada@example.com", roleName: "viewer" }).invitationStatus;
`;

async function until(condition: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe("an up killed with SIGKILL after the invite reached Qovery, through the real CLI", function () {
  this.timeout(180_000);
  let fake: FakeQovery;
  let shell: PulumiShell;

  before(async () => {
    fake = await startFakeQovery();
    shell = await programStack(fake, PROGRAM, "dev");
  });
  after(async () => {
    shell.dispose();
    await fake.close();
  });

  it("ends with exactly one invitation, the one that landed, after the steps the CLI asks for", async () => {
    // The invite is applied at once and answered 20 s later: the kill falls in between.
    fake.injectFault({ operation: "postInviteMember", delayMs: 20_000 });
    let groupId = 0;
    const killed = shell.run(["up", "--yes"], { processGroup: true, onSpawn: (child) => (groupId = child.pid!) });
    await until(() => fake.invitations().length === 1, 60_000, "the invite to reach the fake");
    const [landed] = fake.invitations();
    process.kill(-groupId, "SIGKILL");
    const interrupted = await killed;
    expect(interrupted.signal).to.equal("SIGKILL");
    fake.clearFaults();

    // The next up: the killed run's lock is still there, and the CLI says how to remove it.
    const locked = await shell.run(["up", "--yes"]);
    expect(locked.code).to.not.equal(0);
    expect(locked.output).to.include("the stack is currently locked").and.include("pulumi cancel");
    await shell.ok(["cancel", "--yes"]);
    // Then the up warns about the create it was interrupted in, and the create adopts what landed.
    const advice = await shell.ok(["up", "--yes"]);
    expect(advice)
      .to.include("pending operations from previous deployment")
      .and.match(/OrganizationInvitation::ada, interrupted while creating/);
    const invitations = fake.invitations();
    expect(
      invitations.map((i) => i.id),
      advice,
    ).to.deep.equal([landed.id]);
    expect(fake.callCount("postInviteMember"), "invites sent").to.equal(2); // the killed one and the adopting one (409)
    const status = await shell.ok(["stack", "output", "status"]);
    expect(status.trim()).to.equal("PENDING");
    await shell.ok(["preview", "--expect-no-changes"]);
  });

  it("keeps warning about the interrupted create until `pulumi refresh --clear-pending-creates`, as docs/refresh-retries-and-faults.md says", async function () {
    this.timeout(360_000); // six CLI commands
    const invitesBefore = fake.callCount("postInviteMember");
    // The checkpoint still holds the pending create: every up repeats the warning, and a plain
    // non-interactive refresh leaves it there.
    expect(await shell.ok(["up", "--yes"])).to.include("pending operations from previous deployment");
    await shell.ok(["refresh", "--yes"]);
    expect(await shell.ok(["up", "--yes"])).to.include("pending operations from previous deployment");
    // The command the doc gives clears it, and keeps the resource.
    await shell.ok(["refresh", "--clear-pending-creates", "--yes"]);
    const quiet = await shell.ok(["up", "--yes"]);
    expect(quiet).not.to.include("pending operations");
    expect(quiet).not.to.include("warning");
    expect((await shell.ok(["stack", "output", "status"])).trim()).to.equal("PENDING");
    expect(fake.invitations()).to.have.length(1);
    expect(fake.callCount("postInviteMember"), "invites sent after the adoption").to.equal(invitesBefore);
  });
});
