/**
 * The real dynamic-provider plugin as a child process, started the way the engine starts it:
 * `node <@pulumi/pulumi/cmd/dynamic-provider> <engine address>` in the program's directory. The
 * plugin prints the port of its gRPC server as its first stdout line; everything it prints
 * afterwards (provider console output, its own error traces) goes to the log.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { createInterface } from "node:readline";

export interface PluginOptions {
  programDir: string;
  env: NodeJS.ProcessEnv;
  log: (line: string) => void;
}

// The 3.248 plugin requires an engine address argument but never dials it (it logs through
// stdout/stderr, which the engine would capture), so no engine server is started.
const ENGINE_ADDRESS = "127.0.0.1:0";

export class PluginProcess {
  private readonly exited: Promise<void>;
  private readonly killOnExit = () => this.child.kill("SIGKILL");

  private constructor(
    private readonly child: ChildProcess,
    readonly address: string,
  ) {
    this.exited = new Promise((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) resolve();
      else child.once("exit", () => resolve());
    });
    // A crashed test run must not leave a plugin behind.
    process.once("exit", this.killOnExit);
  }

  static async start(options: PluginOptions): Promise<PluginProcess> {
    // Resolved from the program's directory, like the CLI's pulumi-resource-pulumi-nodejs shim.
    const entry = require.resolve("@pulumi/pulumi/cmd/dynamic-provider/index.js", { paths: [options.programDir] });
    const child = spawn(process.execPath, [entry, ENGINE_ADDRESS], {
      cwd: options.programDir,
      env: options.env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    const stderr: string[] = [];
    createInterface({ input: child.stderr! }).on("line", (line) => {
      stderr.push(line);
      options.log(`plugin stderr: ${line}`);
    });
    const stdout = createInterface({ input: child.stdout! });
    const port = await new Promise<string>((resolve, reject) => {
      const onExit = (code: number | null, signal: string | null) =>
        reject(new Error(`the dynamic-provider plugin exited (${signal ?? code}) before announcing its port: ${stderr.join("\n")}`));
      child.once("exit", onExit);
      child.once("error", reject);
      stdout.once("line", (line) => {
        child.off("exit", onExit);
        child.off("error", reject);
        if (/^\d+$/.test(line.trim())) resolve(line.trim());
        else {
          child.kill("SIGKILL");
          reject(new Error(`the dynamic-provider plugin printed ${JSON.stringify(line)} instead of its port`));
        }
      });
    });
    stdout.on("line", (line) => options.log(`plugin: ${line}`));
    return new PluginProcess(child, `127.0.0.1:${port}`);
  }

  /** Stops the process and waits for it to be gone. Idempotent. */
  async stop(): Promise<void> {
    process.off("exit", this.killOnExit);
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill("SIGTERM");
    await this.exited;
  }
}
