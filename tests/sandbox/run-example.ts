/**
 * `npm run example`: the whole lifecycle of examples/basic with no account and no token. It
 * starts the local Qovery fake, then drives the real Pulumi plugin through the engine harness:
 * preview, up, a role change and up, the person accepting, refresh, destroy. Each plan and the
 * resulting statuses are printed; it exits 0 and leaves no process behind.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { startFakeQovery } from "../fake-qovery";
import { Engine, type Program } from "../harness";

const root = path.resolve(__dirname, "..", "..");
const exampleEntry = path.join(root, "examples", "basic", "index.ts");

/** Runs the example's module afresh, as `pulumi` does on every operation; its exports are stack outputs. */
const exampleProgram: Program = () => {
  delete require.cache[require.resolve(exampleEntry)];
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return { ...require(exampleEntry) };
};

function heading(text: string): void {
  console.log(`\n=== ${text} ${"=".repeat(Math.max(0, 70 - text.length))}`);
}

async function main(): Promise<void> {
  const fake = await startFakeQovery();
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), "qovery-example-"));
  const config: Record<string, string> = {
    "qovery:apiUrl": fake.url,
    "qovery:apiToken": fake.apiToken,
    "qovery-invitations:organizationId": fake.organizationId,
    "qovery-invitations:email": "Ada.Lovelace@Example.com",
    "qovery-invitations:roleName": "viewer",
  };
  const engine = (roleName: string) =>
    new Engine({
      programDir: root,
      stateFile: path.join(workDir, "state.json"),
      config: { ...config, "qovery-invitations:roleName": roleName },
      secretConfigKeys: ["qovery:apiToken"],
    });
  const status = () =>
    fake
      .invitations()
      .map((i) => `invitation ${i.email} ${i.roleName} ${i.status}`)
      .concat(fake.members().map((m) => `member ${m.email} ${m.roleName}`))
      .join("\n  ");

  let current = engine("viewer");
  try {
    console.log(`Local Qovery fake on ${fake.url}, organization ${fake.organizationId} ("Acme")`);

    heading("pulumi preview");
    await current.preview(exampleProgram);
    console.log(`Qovery calls during preview: ${fake.callCount()}`);

    heading("pulumi up");
    await current.up(exampleProgram);
    console.log(`Qovery now:\n  ${status()}`);

    heading("roleName viewer -> devops, pulumi up");
    await current.close();
    current = engine("devops");
    await current.up(exampleProgram);
    console.log(`Qovery now:\n  ${status()}`);

    heading("Ada accepts the invitation; pulumi refresh");
    fake.acceptInvitation("ada.lovelace@example.com", { memberId: "github|1815" });
    await current.refresh();

    heading("pulumi up (no changes expected)");
    await current.up(exampleProgram);

    heading("pulumi destroy");
    await current.destroy();
    console.log(`Qovery now:\n  ${status()}`);
  } finally {
    await current.close();
    await fake.close();
    fs.rmSync(workDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
