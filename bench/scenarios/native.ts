/**
 * The native plugin's costs beside the dynamic provider's: how long each plugin takes to be ready
 * (the port on stdout, which the engine waits for), beside a bare `node -e`; and a no-change
 * `pulumi preview` of one invitation, native and dynamic, beside a preview of an empty program, all
 * TypeScript program directories run by the Node language host, measured in turn so that the
 * machine's load falls on each alike.
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
  previewMs: { empty: number; native: number; dynamic: number };
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

function program(kind: "empty" | "native" | "dynamic"): Record<string, string> {
  const declare =
    kind === "empty"
      ? "export {};\n"
      : `import * as pulumi from "@pulumi/pulumi";
import { OrganizationInvitation, native } from "pulumi-qovery-invitations";
const organizationId = new pulumi.Config().require("organizationId");
new ${kind === "native" ? "native.OrganizationInvitation" : "OrganizationInvitation"}("ada", { organizationId, email: "ada@example.com", roleName: "viewer" });
`;
  return { "Pulumi.yaml": "name: bench-native\nruntime: nodejs\n", "index.ts": declare };
}

export async function measureNative(progress: (line: string) => void): Promise<NativeResult> {
  const beds: Record<"empty" | "native" | "dynamic", EngineBed> = {
    empty: await startEngineBed({ native: true, files: program("empty") }),
    native: await startEngineBed({
      native: true,
      files: program("native"),
      config: (fake) => ({ "bench-native:organizationId": fake.organizationId }),
    }),
    dynamic: await startEngineBed({
      native: true,
      files: program("dynamic"),
      config: (fake) => ({ "bench-native:organizationId": fake.organizationId }),
    }),
  };
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
    const samples: Record<keyof typeof beds, number[]> = { empty: [], native: [], dynamic: [] };
    for (let i = 0; i < PREVIEWS; i++) {
      for (const kind of ["empty", "native", "dynamic"] as const) {
        samples[kind].push((await timed(() => beds[kind].engine.preview(undefined, { expectNoChanges: true }))).ms);
      }
    }
    const previewMs = {
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
      `    no-change preview (median of ${PREVIEWS}): empty ${previewMs.empty} ms, native ${previewMs.native} ms (${result.nativeRatio}×), dynamic ${previewMs.dynamic} ms (${result.dynamicRatio}×)`,
    );
    return result;
  } finally {
    for (const bed of Object.values(beds)) await bed.close();
  }
}
