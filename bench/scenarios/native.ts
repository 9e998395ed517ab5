/**
 * The native plugin's costs beside the dynamic provider's: how long each plugin takes to be ready
 * (the port on stdout, which the engine waits for), beside a bare `node -e`; and a no-change
 * `pulumi preview` of one invitation, native and dynamic, beside a preview of an empty program, all
 * TypeScript program directories run by the Node language host (which type-checks them, its
 * default), measured in turn so that the machine's load falls on each alike.
 *
 * The empty program is a Pulumi program that declares nothing: it imports @pulumi/pulumi and
 * reads its config, as every program does and as `pulumi new typescript` starts. A bare
 * `export {}`, which does not even import @pulumi/pulumi, is measured beside it: the language
 * host's type-check of @pulumi/pulumi alone costs more than a quarter of such a preview, so no
 * program with a resource of any provider comes within 1.25× of it.
 */
import { spawn } from "node:child_process";
import * as path from "node:path";
import { startEngineBed, type EngineBed } from "../../tests/support/engine";
import { pulumiCli } from "../../tests/support/pulumi-cli";
import { median, round, timed } from "../lib/stats";

export interface NativeResult {
  starts: number;
  /** Median ms from spawn to the first line on stdout. */
  readyMs: { nodeE: number; native: number; dynamic: number };
  previews: number;
  /** Median ms of a no-change `pulumi preview`. */
  previewMs: { bare: number; empty: number; native: number; dynamic: number };
  nativeRatio: number;
  dynamicRatio: number;
}

const STARTS = 7;
const PREVIEWS = 5;

/** Milliseconds from spawn to the first output on stdout. */
function readyAfter(command: string, args: string[], cwd: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    // A process group of its own: the dynamic plugin is a shell script whose node child must be stopped too.
    const child = spawn(command, args, { cwd, stdio: ["ignore", "pipe", "ignore"], detached: true });
    child.once("error", reject);
    child.stdout.once("data", () => {
      resolve(performance.now() - started);
      process.kill(-child.pid!, "SIGKILL");
    });
  });
}

async function medianReady(command: string, args: string[], cwd: string): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < STARTS; i++) samples.push(await readyAfter(command, args, cwd));
  return round(median(samples), 0);
}

type ProgramKind = "bare" | "empty" | "native" | "dynamic";
const KINDS: ProgramKind[] = ["bare", "empty", "native", "dynamic"];

/** Each program as a user writes it: the native class from the package's `/native` entry, the dynamic one from its main entry. */
const PROGRAMS: Record<ProgramKind, string> = {
  bare: "export {};\n",
  empty: `import * as pulumi from "@pulumi/pulumi";
export const organizationId = new pulumi.Config().require("organizationId");
`,
  native: `import * as pulumi from "@pulumi/pulumi";
import { OrganizationInvitation } from "pulumi-qovery-invitations/native";
const organizationId = new pulumi.Config().require("organizationId");
new OrganizationInvitation("ada", { organizationId, email: "ada@example.com", roleName: "viewer" });
`,
  dynamic: `import * as pulumi from "@pulumi/pulumi";
import { OrganizationInvitation } from "pulumi-qovery-invitations";
const organizationId = new pulumi.Config().require("organizationId");
new OrganizationInvitation("ada", { organizationId, email: "ada@example.com", roleName: "viewer" });
`,
};

export async function measureNative(progress: (line: string) => void): Promise<NativeResult> {
  const beds = {} as Record<ProgramKind, EngineBed>;
  for (const kind of KINDS) {
    beds[kind] = await startEngineBed({
      native: true,
      files: { "Pulumi.yaml": "name: bench-native\nruntime: nodejs\n", "index.ts": PROGRAMS[kind] },
      config: (fake) => ({ "bench-native:organizationId": fake.organizationId }),
    });
  }
  try {
    const dir = beds.native.engine.programDir;
    const bin = path.join(dir, "node_modules", ".bin");
    const readyMs = {
      nodeE: await medianReady(process.execPath, ["-e", "console.log(1)"], dir),
      native: await medianReady(path.join(bin, "pulumi-resource-qovery-invitations"), ["127.0.0.1:1"], dir),
      dynamic: await medianReady(path.join(pulumiCli(), "pulumi-resource-pulumi-nodejs"), ["127.0.0.1:1"], dir),
    };
    progress(
      `    plugin ready (median of ${STARTS}): node -e ${readyMs.nodeE} ms, native ${readyMs.native} ms, dynamic ${readyMs.dynamic} ms`,
    );

    progress("    up of each program, then previews in turn");
    for (const bed of Object.values(beds)) await bed.engine.up();
    const samples: Record<ProgramKind, number[]> = { bare: [], empty: [], native: [], dynamic: [] };
    for (let i = 0; i < PREVIEWS; i++) {
      for (const kind of KINDS) {
        samples[kind].push((await timed(() => beds[kind].engine.preview(undefined, { expectNoChanges: true }))).ms);
      }
    }
    const previewMs = {
      bare: round(median(samples.bare), 0),
      empty: round(median(samples.empty), 0),
      native: round(median(samples.native), 0),
      dynamic: round(median(samples.dynamic), 0),
    };
    const result = {
      starts: STARTS,
      readyMs,
      previews: PREVIEWS,
      previewMs,
      nativeRatio: round(previewMs.native / previewMs.empty),
      dynamicRatio: round(previewMs.dynamic / previewMs.empty),
    };
    progress(
      `    no-change preview (median of ${PREVIEWS}): bare ${previewMs.bare} ms, empty ${previewMs.empty} ms, native ${previewMs.native} ms (${result.nativeRatio}×), dynamic ${previewMs.dynamic} ms (${result.dynamicRatio}×)`,
    );
    return result;
  } finally {
    for (const bed of Object.values(beds)) await bed.close();
  }
}
