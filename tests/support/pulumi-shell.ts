/**
 * The `pulumi` command as a user types it: a subprocess in a program directory, its program files
 * run by the Node language host, with the offline environment of pulumi-cli.ts (local file
 * backend, passphrase secrets, own PULUMI_HOME) in a state directory of its own.
 */
import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import type { FakeQovery } from "../fake-qovery";
import { offlineEnvironment, pulumiCli, recordCliRun } from "./pulumi-cli";
import { newProgramDir, userEnvironment } from "./program-dir";

export interface ShellResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  /** stdout and stderr, interleaved as they came. */
  output: string;
}

export interface ShellRunOptions {
  /** Each chunk of output as it comes (the example prints it). */
  onOutput?: (chunk: string) => void;
  /** Called once with the child, e.g. to kill it at the right moment. */
  onSpawn?: (child: import("node:child_process").ChildProcess) => void;
  /** More environment for this command. */
  env?: Record<string, string>;
  /** Starts the CLI in a process group of its own, so that the group (CLI, language host, program, plugins) can be killed at once. */
  processGroup?: boolean;
}

export class PulumiShell {
  readonly stateDir: string;
  readonly env: NodeJS.ProcessEnv;

  constructor(
    readonly cwd: string,
    env: Record<string, string> = {},
  ) {
    this.stateDir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), "qovery-pulumi-state-")));
    const backend = path.join(this.stateDir, "backend");
    const home = path.join(this.stateDir, "home");
    fs.mkdirSync(backend);
    fs.mkdirSync(home);
    const cli = pulumiCli();
    const base = userEnvironment();
    delete base.QOVERY_API_TOKEN;
    delete base.QOVERY_API_URL;
    const offline = offlineEnvironment(backend, home);
    delete offline.QOVERY_API_TOKEN;
    delete offline.QOVERY_API_URL;
    this.env = { ...base, ...offline, PATH: `${cli}${path.delimiter}${base.PATH ?? ""}`, ...env };
  }

  /** Runs `pulumi <args> --non-interactive`; resolves whatever its exit code (see ShellResult). */
  run(args: string[], options: ShellRunOptions = {}): Promise<ShellResult> {
    if (["preview", "up", "refresh", "destroy"].includes(args[0]!)) recordCliRun(args[0]!, this.cwd);
    return new Promise((resolve, reject) => {
      const child = spawn("pulumi", [...args, "--non-interactive"], {
        cwd: this.cwd,
        env: { ...this.env, ...options.env },
        stdio: ["ignore", "pipe", "pipe"],
        detached: options.processGroup ?? false,
      });
      options.onSpawn?.(child);
      let output = "";
      const take = (chunk: Buffer) => {
        const text = chunk.toString("utf8");
        output += text;
        options.onOutput?.(text);
      };
      child.stdout.on("data", take);
      child.stderr.on("data", take);
      child.on("error", reject);
      child.on("close", (code, signal) => resolve({ code, signal, output }));
    });
  }

  /** Like run(), but a non-zero exit is an error that carries the output. */
  async ok(args: string[], options: ShellRunOptions = {}): Promise<string> {
    const result = await this.run(args, options);
    if (result.code !== 0) throw new Error(`pulumi ${args.join(" ")} exited ${result.code ?? result.signal}:\n${result.output}`);
    return result.output;
  }

  /** Removes the backend and PULUMI_HOME. */
  dispose(): void {
    fs.rmSync(this.stateDir, { recursive: true, force: true });
  }
}

/**
 * A user's project for a TypeScript `program` (its index.ts) with the packed package, and a stack
 * `stack` pointed at `fake`: `qovery:apiUrl` and `organizationId` in stack config, the token in
 * QOVERY_API_TOKEN, as the CI recipe sets it.
 */
export async function programStack(fake: FakeQovery, program: string, stack: string): Promise<PulumiShell> {
  const dir = await newProgramDir({ "Pulumi.yaml": "name: qovery-access\nruntime: nodejs\nmain: index.ts\n", "index.ts": program });
  const shell = new PulumiShell(dir, { QOVERY_API_TOKEN: fake.apiToken });
  await shell.ok(["stack", "init", stack]);
  await shell.ok(["config", "set", "qovery:apiUrl", fake.url]);
  await shell.ok(["config", "set", "organizationId", fake.organizationId]);
  return shell;
}
