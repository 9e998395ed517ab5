/**
 * The provider handed to Pulumi is serialized into every resource's state. This checks what a
 * user gets, with the package installed in node_modules (the build installs it there): a tiny
 * `require` of the shim, no token, no bundled got or zod, and code that works when Pulumi's
 * plugin evaluates it in another process.
 */
import { expect } from "chai";
import { execFile } from "node:child_process";
import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";
import { startFakeQovery, type FakeQovery } from "../fake-qovery";

const root = path.resolve(__dirname, "..", "..");
const installedShim = path.join(root, "node_modules", "pulumi-qovery-invitations", "dist", "sdk", "shim.js");

/** Evaluates serialized provider text the way the plugin does (require-from-string, cwd = program dir). */
const PLUGIN_LIKE_SCRIPT = `
const requireFromString = require("require-from-string");
let text = "";
process.stdin.on("data", (chunk) => (text += chunk));
process.stdin.on("end", async () => {
  const { config, inputs } = JSON.parse(process.env.SHIM_TEST_CALL);
  const provider = requireFromString(text).handler();
  await provider.configure({ config: { get: (key) => config[key] } });
  const checked = await provider.check({}, inputs);
  const created = await provider.create(checked.inputs);
  process.stdout.write(JSON.stringify({ failures: checked.failures, id: created.id, outs: created.outs }));
});
`;

function runLikeThePlugin(serialized: string, call: object): Promise<{ id: string; outs: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const env: NodeJS.ProcessEnv = { ...process.env, SHIM_TEST_CALL: JSON.stringify(call) };
    delete env.QOVERY_API_TOKEN;
    const child = execFile(process.execPath, ["-e", PLUGIN_LIKE_SCRIPT], { cwd: root, env }, (error, stdout, stderr) => {
      if (error) reject(new Error(`${error.message}\n${stderr}`));
      else resolve(JSON.parse(stdout));
    });
    child.stdin?.end(serialized);
  });
}

describe("the provider shim handed to Pulumi", () => {
  let serialized: string;
  let fake: FakeQovery;

  before(async () => {
    fake = await startFakeQovery();
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const shim = require(installedShim);
    // A configured provider with a token in the environment: none of it may reach the state.
    process.env.QOVERY_API_TOKEN = fake.apiToken;
    await shim.configure({ config: { get: (key: string) => (key === "qovery:apiToken" ? fake.apiToken : undefined) } });
    // What pulumi.dynamic.Resource does with the provider (serializeProvider in @pulumi/pulumi/dynamic).
    serialized = (await pulumi.runtime.serializeFunction(() => shim, { allowSecrets: true })).text;
  });
  after(async () => {
    delete process.env.QOVERY_API_TOKEN;
    await fake.close();
  });

  it("serializes to a require of the installed shim, under 1 KB", () => {
    expect(serialized).to.include('require("pulumi-qovery-invitations/shim")');
    expect(Buffer.byteLength(serialized)).to.be.below(1024);
  });

  it("captures no token, and no got or zod code", () => {
    expect(serialized).not.to.include(fake.apiToken);
    expect(serialized).not.to.match(/got|zod|ZodError|HTTPError/);
  });

  it("creates an invitation when evaluated in a fresh process like the plugin's", async () => {
    const result = await runLikeThePlugin(serialized, {
      config: { "qovery:apiUrl": fake.url, "qovery:apiToken": fake.apiToken },
      inputs: { organizationId: fake.organizationId, email: " Ada@Example.com", roleName: "viewer" },
    });
    const [sent] = fake.invitations();
    expect(sent).to.include({ email: "ada@example.com", roleName: "viewer", status: "PENDING" });
    expect(result.id).to.equal(`${fake.organizationId}/ada@example.com`);
    expect(result.outs).to.include({ invitationId: sent.id, invitationStatus: "PENDING" });
  });
});
