/**
 * An engine harness: runs a Pulumi program end to end without the Pulumi CLI. The program runs
 * in this process under the mock runtime; every dynamic resource is handled by the real
 * dynamic-provider plugin, over gRPC, with state in a JSON checkpoint. See README.md.
 */
import { Destroy, Refresh, Update, type DeploymentContext } from "./deployment";
import { outputLines, stepLine, summaryLine, type PlannedStep, type StepOp } from "./plan";
import { parallelism } from "./parallel";
import { PluginProcess } from "./plugin";
import { runProgram, type Program } from "./program";
import { reveal, type PropertyMap } from "./properties";
import { ProviderClient } from "./provider";
import { StateFile, type Checkpoint } from "./state";

export type { Checkpoint, CheckpointResource } from "./state";
export { StepFailures } from "./parallel";
export type { StepOp } from "./plan";
export type { Program } from "./program";

export interface HarnessOptions {
  /** Working directory of the plugin, where the package and @pulumi/pulumi resolve. */
  programDir: string;
  /** JSON checkpoint path (created if missing). */
  stateFile: string;
  /** Default "qovery-invitations". */
  project?: string;
  /** Default "dev". */
  stack?: string;
  /** Stack config, namespaced keys: {"qovery:apiToken": "..."}. */
  config?: Record<string, string>;
  /** Which config keys are secrets. */
  secretConfigKeys?: string[];
  /** Environment of the plugin process (default: process.env minus QOVERY_API_TOKEN/QOVERY_API_URL). */
  env?: NodeJS.ProcessEnv;
  /** Plan and progress lines, plugin output; default console.log. */
  log?: (line: string) => void;
  /**
   * The most resource steps in flight at once, like the CLI's `--parallel` (whose default is
   * large). Default 1: one step at a time, in registration order. Above 1, registrations are
   * processed side by side (one that depends on another's outputs arrives after it anyway),
   * refresh reads side by side, and the deletion phase and destroy delete independent resources
   * side by side (children and dependents before what they depend on). After a failure no new
   * step starts, the steps in flight finish, and every failure is reported in one error.
   */
  parallel?: number;
}

export interface Step {
  op: StepOp;
  urn: string;
  type: string;
  name: string;
  diffs: string[];
  deleteBeforeReplace?: boolean;
}

export interface RunResult {
  steps: Step[];
  /** Stack outputs as plain values (secrets unwrapped; unknown in a preview: the unknown sentinel). */
  outputs: Record<string, unknown>;
  planText: string;
  summary: string;
  /** Steps that are not "same"/"read-same". */
  changes: number;
}

interface Plugin {
  process: PluginProcess;
  client: ProviderClient;
}

// The mock runtime is global to the process: one operation at a time, across engines.
let exclusive: Promise<unknown> = Promise.resolve();
function oneAtATime<T>(operation: () => Promise<T>): Promise<T> {
  const result = exclusive.then(operation, operation);
  exclusive = result.catch(() => undefined);
  return result;
}

export class Engine {
  private readonly options: Required<Omit<HarnessOptions, "env">> & { env: NodeJS.ProcessEnv };
  private readonly state: StateFile;
  private plugin?: Promise<Plugin>;
  private closed = false;

  constructor(options: HarnessOptions) {
    const { QOVERY_API_TOKEN: _token, QOVERY_API_URL: _url, ...env } = process.env;
    this.options = {
      programDir: options.programDir,
      stateFile: options.stateFile,
      project: options.project ?? "qovery-invitations",
      stack: options.stack ?? "dev",
      config: options.config ?? {},
      secretConfigKeys: options.secretConfigKeys ?? [],
      env: options.env ?? env,
      log: options.log ?? ((line) => console.log(line)),
      parallel: parallelism(options.parallel),
    };
    this.state = new StateFile(options.stateFile);
  }

  preview(program: Program): Promise<RunResult> {
    return this.update(program, true);
  }

  up(program: Program): Promise<RunResult> {
    return this.update(program, false);
  }

  /**
   * Like the CLI, a refresh starts a plugin process of its own: a refresh reads the lists of its
   * command, fetched once in that process. Other operations keep the plugin (starting one takes
   * about a second, and the fault matrix runs hundreds of operations): what they reuse from an
   * earlier operation is the role list, which no scenario changes, and lists at most 30 s old, as
   * the creates of one long command would.
   */
  refresh(): Promise<RunResult> {
    return this.operate("Refreshing", false, async (context) => {
      await this.stopPlugin();
      const refresh = new Refresh(context);
      await refresh.run();
      return { steps: refresh.steps, outputs: refresh.stackOutputs };
    });
  }

  destroy(): Promise<RunResult> {
    return this.operate("Destroying", false, async (context) => {
      const destroy = new Destroy(context);
      await destroy.run();
      return { steps: destroy.steps, outputs: {} };
    });
  }

  readState(): Checkpoint {
    return this.state.read();
  }

  /** Stops the plugin process. Idempotent. */
  async close(): Promise<void> {
    this.closed = true;
    await this.stopPlugin();
  }

  private async stopPlugin(): Promise<void> {
    const plugin = this.plugin;
    this.plugin = undefined;
    if (!plugin) return;
    try {
      const { client, process } = await plugin;
      client.close();
      await process.stop();
    } catch {
      // The plugin never started: nothing is running.
    }
  }

  private update(program: Program, preview: boolean): Promise<RunResult> {
    return this.operate(preview ? "Previewing update" : "Updating", preview, async (context) => {
      const update = new Update(context);
      const run = await runProgram(program, {
        project: this.options.project,
        stack: this.options.stack,
        preview,
        config: this.options.config,
        secretConfigKeys: this.options.secretConfigKeys,
        register: (registration) => update.register(registration),
      });
      await update.finish(run.error, run.stack);
      return { steps: update.steps, outputs: run.stack?.outputs ?? {} };
    });
  }

  /** Runs one operation, printing the plan as steps complete, then the outputs and the summary. */
  private operate(
    title: string,
    preview: boolean,
    body: (context: DeploymentContext) => Promise<{ steps: PlannedStep[]; outputs: PropertyMap }>,
  ): Promise<RunResult> {
    return oneAtATime(() => this.operateOnce(title, preview, body));
  }

  private async operateOnce(
    title: string,
    preview: boolean,
    body: (context: DeploymentContext) => Promise<{ steps: PlannedStep[]; outputs: PropertyMap }>,
  ): Promise<RunResult> {
    if (this.closed) throw new Error("this Engine is closed");
    const lines: string[] = [];
    const print = (line: string) => {
      lines.push(line);
      this.options.log(line);
    };
    print(`${title} (${this.options.stack}):`);
    const { steps, outputs } = await body({
      state: this.state,
      preview,
      provider: () => this.provider(),
      parallel: this.options.parallel,
      report: (step) => {
        const line = stepLine(step);
        if (line) print(line);
      },
    });
    outputLines(outputs).forEach(print);
    const summary = summaryLine(steps, preview);
    print(summary);
    return {
      steps: steps.map(({ changes, ...step }) => ({ ...step, diffs: changes.map((c) => c.key) })),
      outputs: reveal(outputs) as Record<string, unknown>,
      planText: lines.join("\n"),
      summary,
      changes: steps.filter((s) => s.op !== "same" && s.op !== "read-same").length,
    };
  }

  /** The plugin, started and configured on first use; kept until a refresh or close. */
  private async provider(): Promise<ProviderClient> {
    this.plugin ??= (async () => {
      const { programDir, env, log, project, stack, config, secretConfigKeys } = this.options;
      const plugin = await PluginProcess.start({ programDir, env, log });
      const client = new ProviderClient(plugin.address);
      try {
        const type = "pulumi:providers:pulumi-nodejs";
        await client.configure(
          { urn: `urn:pulumi:${stack}::${project}::${type}::default`, type, name: "default" },
          config,
          secretConfigKeys,
        );
      } catch (error) {
        client.close();
        await plugin.stop();
        throw error;
      }
      return { process: plugin, client };
    })();
    return (await this.plugin).client;
  }
}
