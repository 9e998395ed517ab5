/**
 * `npm run example`: the whole lifecycle of examples/basic with no account and no token, through
 * the real Pulumi CLI. It starts the local Qovery fake, copies the example into a temporary
 * program directory (its node_modules is this repository's, where the build installed the
 * package), and runs the commands a user types: stack init, config set, preview, up, a role
 * change and up, the person accepting, refresh and up, a drift gate (`preview --expect-no-changes`),
 * destroy. The CLI's own output is printed as it comes; it exits 0 and leaves no process behind.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { startFakeQovery } from "../tests/fake-qovery";
import { PulumiShell } from "../tests/support/pulumi-shell";

const root = path.resolve(__dirname, "..");

function heading(text: string): void {
  console.log(`\n=== ${text} ${"=".repeat(Math.max(0, 70 - text.length))}`);
}

/** A program directory holding examples/basic, resolving packages from this repository. */
function exampleProgramDir(): string {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), "qovery-example-")));
  fs.copyFileSync(path.join(root, "examples", "basic", "index.ts"), path.join(dir, "index.ts"));
  fs.writeFileSync(
    path.join(dir, "package.json"),
    JSON.stringify({ name: "qovery-invitations-example", private: true, main: "index.ts" }, null, 2),
  );
  fs.writeFileSync(
    path.join(dir, "Pulumi.yaml"),
    "name: qovery-invitations\nruntime: nodejs\ndescription: The basic example of pulumi-qovery-invitations.\n",
  );
  fs.symlinkSync(path.join(root, "node_modules"), path.join(dir, "node_modules"), "dir");
  return dir;
}

async function main(): Promise<void> {
  const fake = await startFakeQovery();
  const dir = exampleProgramDir();
  const shell = new PulumiShell(dir);
  const pulumi = async (args: string[], shown = args) => {
    console.log(`\n$ pulumi ${shown.join(" ")}`);
    await shell.ok(args, { onOutput: (chunk) => process.stdout.write(chunk) });
  };
  const status = () =>
    fake
      .invitations()
      .map((i) => `invitation ${i.email} ${i.roleName} ${i.status}`)
      .concat(fake.members().map((m) => `member ${m.email} ${m.roleName}`))
      .join("\n  ");

  try {
    console.log(`Local Qovery fake on ${fake.url}, organization ${fake.organizationId} ("Acme")`);
    heading("stack and config");
    await pulumi(["stack", "init", "dev"]);
    await pulumi(["config", "set", "qovery:apiUrl", fake.url]);
    await pulumi(
      ["config", "set", "--secret", "qovery:apiToken", fake.apiToken],
      ["config", "set", "--secret", "qovery:apiToken", "<token>"],
    );
    await pulumi(["config", "set", "organizationId", fake.organizationId]);
    await pulumi(["config", "set", "email", "Ada.Lovelace@Example.com"]);
    await pulumi(["config", "set", "roleName", "viewer"]);

    heading("pulumi preview");
    await pulumi(["preview"]);
    console.log(`Qovery calls during preview: ${fake.callCount()} (${fake.exchanges.map((e) => e.operation).join(", ")}: the role check)`);

    heading("pulumi up");
    await pulumi(["up", "--yes"]);
    console.log(`Qovery now:\n  ${status()}`);

    heading("roleName viewer -> devops, pulumi up");
    await pulumi(["config", "set", "roleName", "devops"]);
    await pulumi(["up", "--yes", "--diff"]);
    console.log(`Qovery now:\n  ${status()}`);

    heading("Ada accepts the invitation; pulumi refresh");
    fake.acceptInvitation("ada.lovelace@example.com", { memberId: "github|1815" });
    await pulumi(["refresh", "--yes"]);
    heading("pulumi up: no resource changes, the stack outputs catch up");
    await pulumi(["up", "--yes"]);
    await pulumi(["stack", "output", "status"]);

    heading("the drift gate: pulumi preview --expect-no-changes");
    await pulumi(["preview", "--expect-no-changes"]);

    heading("pulumi destroy");
    await pulumi(["destroy", "--yes"]);
    console.log(`Qovery now:\n  ${status()}`);
    await pulumi(["stack", "rm", "--yes", "dev"]);
  } finally {
    await fake.close();
    shell.dispose();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
