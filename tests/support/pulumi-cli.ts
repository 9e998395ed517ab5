/**
 * The real Pulumi CLI as the engine of the end-to-end tests, through the Automation API: a stack
 * in a program directory (see program-dir.ts), a local file backend, passphrase secrets, a
 * PULUMI_HOME of its own, no update check and no plugin download. Programs are either inline
 * (a function run in this process; the CLI, the language runtime protocol and the dynamic-provider
 * plugin are all real) or the directory's own program files, run by the Node language host.
 *
 * `pulumi` comes from `npm run pulumi-cli` (tools/pulumi-cli): its directory is put first on
 * PATH, so the CLI also finds the language host and the dynamic-provider plugin there.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import {
  LocalWorkspace,
  PulumiCommand,
  type ConfigMap,
  type EngineEvent,
  type OpType,
  type OutputMap,
  type PulumiFn,
  Stack,
  type StepEventMetadata,
} from "@pulumi/pulumi/automation";
import { repositoryRoot } from "./installed-package";
import { run as runCommand, userEnvironment } from "./program-dir";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { pulumiCliDirectory } = require(path.join(repositoryRoot, "tools", "pulumi-cli", "index.js")) as { pulumiCliDirectory(): string };

let cliDirectory: string | undefined;

/** The directory of the CLI, on PATH from the first call on. Builds it when there is none (minutes). */
export function pulumiCli(): string {
  if (!cliDirectory) {
    cliDirectory = pulumiCliDirectory();
    process.env.PATH = `${cliDirectory}${path.delimiter}${process.env.PATH ?? ""}`;
  }
  return cliDirectory;
}

/** An inline program: creates resources, returns the stack outputs (or nothing). */
export type Program = () => void | Record<string, unknown> | Promise<void | Record<string, unknown>>;

/** A step as the tests look at it; refresh steps are `refresh-update`, `refresh-delete` or `read-same`. */
export type StepOp = "create" | "update" | "replace" | "delete" | "same" | "refresh-update" | "refresh-delete" | "read-same" | "read";

export interface Step {
  op: StepOp;
  urn: string;
  type: string;
  name: string;
  /** The changed property names the engine reports. */
  diffs: string[];
}

export interface RunResult {
  /** The resource steps of the run, without the stack and components' own same steps. */
  steps: Step[];
  /** Stack outputs as plain values (secrets unwrapped); empty after a preview. */
  outputs: Record<string, unknown>;
  /** What the CLI printed. */
  planText: string;
  /** Steps that are not `same` or `read-same`. */
  changes: number;
}

export interface CliEngineOptions {
  /** A program directory (newProgramDir()). */
  programDir: string;
  /** Default "qovery-invitations". */
  project?: string;
  /** Default "dev". */
  stack?: string;
  /** Stack config, namespaced keys: {"qovery:apiToken": "..."}. */
  config?: Record<string, string>;
  /** Which config keys are secrets. */
  secretConfigKeys?: string[];
  /** More environment for the CLI and the plugins it starts. */
  env?: Record<string, string>;
  /** Each line the CLI prints; default: kept only. */
  log?: (line: string) => void;
  /** The CLI's `--parallel`; default the CLI's own. */
  parallel?: number;
}

export interface RunOptions {
  /** `--expect-no-changes`. */
  expectNoChanges?: boolean;
  /** `--diff`. */
  diff?: boolean;
}

const PASSPHRASE = "qovery-invitations-tests";

/**
 * What `pulumi` needs to run offline: a local file backend, passphrase secrets, a PULUMI_HOME of
 * its own, no update check, no plugin download. No Qovery credentials from this process either:
 * the stack config is their only source.
 */
export function offlineEnvironment(backendDir: string, homeDir: string): Record<string, string> {
  return {
    PULUMI_BACKEND_URL: `file://${backendDir}`,
    PULUMI_CONFIG_PASSPHRASE: PASSPHRASE,
    PULUMI_HOME: homeDir,
    PULUMI_SKIP_UPDATE_CHECK: "true",
    PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
    PULUMI_AUTOMATION_API_SKIP_VERSION_CHECK: "true",
    QOVERY_API_TOKEN: "",
    QOVERY_API_URL: "",
  };
}

/**
 * Notes a command the real CLI runs, with the language of the program it runs (Pulumi.yaml's
 * `runtime`, nodejs for inline programs): CI counts them per command and per language
 * (.ci/count-cli-runs.sh), so skipped tests cannot pass silently.
 */
export function recordCliRun(command: string, programDir: string): void {
  const log = process.env.PULUMI_QOVERY_CLI_RUN_LOG;
  if (!log) return;
  const project = path.join(programDir, "Pulumi.yaml");
  const runtime = fs.existsSync(project)
    ? (/^runtime:\s*(?:\n\s+name:\s*)?(\w+)/m.exec(fs.readFileSync(project, "utf8"))?.[1] ?? "nodejs")
    : "nodejs";
  fs.appendFileSync(log, `${command} ${runtime}\n`);
}

/** The name of a resource: the last part of its URN. */
export function nameOf(urn: string): string {
  return urn.slice(urn.lastIndexOf("::") + 2);
}

/**
 * A refresh's step, in the terms of the plan: gone, changed, or the same. The engine reports a
 * refreshed resource whose outputs changed as `same` when its inputs did not, so the outputs are
 * compared here.
 */
function refreshOp(metadata: StepEventMetadata): StepOp {
  if (metadata.op === "delete" || !metadata.new) return "refresh-delete";
  return JSON.stringify(metadata.old?.outputs) === JSON.stringify(metadata.new.outputs) ? "read-same" : "refresh-update";
}

/**
 * The property names a step changes: the provider's own list when the engine passes it on, else
 * the inputs that differ between the old and the new state (what the CLI's `[diff: …]` shows; a
 * dynamic provider's diff reaches the engine without names).
 */
function changedKeys(metadata: StepEventMetadata): string[] {
  if (metadata.diffs?.length) return metadata.diffs;
  const before = metadata.old?.inputs ?? {};
  const after = metadata.new?.inputs ?? {};
  if (!metadata.old || !metadata.new) return [];
  return [...new Set([...Object.keys(before), ...Object.keys(after)])]
    .filter((key) => key !== "__provider" && JSON.stringify(before[key]) !== JSON.stringify(after[key]))
    .sort();
}

const RECORDED_OPS = new Set<OpType>(["create", "update", "replace", "delete", "same", "refresh", "read"]);

/**
 * The resource steps of a run from its engine events, in the order they completed (planned, in a
 * preview); the stack, providers and components are left out. A replacement is one `replace`
 * step (the engine also reports its `create-replacement` and `delete-replaced` halves).
 */
function stepsOf(events: EngineEvent[], command: "preview" | "up" | "refresh" | "destroy"): Step[] {
  const diffs = new Map<string, string[]>();
  for (const event of events) {
    const metadata = event.resourcePreEvent?.metadata;
    if (metadata) diffs.set(metadata.urn, changedKeys(metadata));
  }
  const steps: Step[] = [];
  for (const event of events) {
    const metadata = command === "preview" ? event.resourcePreEvent?.metadata : event.resOutputsEvent?.metadata;
    if (!metadata || !RECORDED_OPS.has(metadata.op)) continue;
    if (metadata.type === "pulumi:pulumi:Stack" || metadata.type.startsWith("pulumi:providers:")) continue;
    const state = metadata.new ?? metadata.old;
    if (state && !state.custom) continue; // a component
    const op = command === "refresh" ? refreshOp(metadata) : (metadata.op as StepOp);
    steps.push({ op, urn: metadata.urn, type: metadata.type, name: nameOf(metadata.urn), diffs: diffs.get(metadata.urn) ?? [] });
  }
  return steps;
}

export class CliEngine {
  readonly programDir: string;
  readonly backendDir: string;
  readonly homeDir: string;
  readonly project: string;
  readonly stackName: string;
  private readonly options: CliEngineOptions;
  private stack?: Promise<Stack>;
  private readonly config: Record<string, string>;

  constructor(options: CliEngineOptions) {
    this.options = options;
    this.programDir = options.programDir;
    this.backendDir = path.join(options.programDir, ".pulumi-state");
    this.homeDir = path.join(options.programDir, ".pulumi-home");
    this.project = options.project ?? "qovery-invitations";
    this.stackName = options.stack ?? "dev";
    this.config = { ...options.config };
  }

  /** The environment every `pulumi` command of this engine runs with. */
  environment(): Record<string, string> {
    return { ...offlineEnvironment(this.backendDir, this.homeDir), ...this.options.env };
  }

  /** The stack, created (with its config) on first use. */
  private open(): Promise<Stack> {
    this.stack ??= (async () => {
      const cli = pulumiCli();
      fs.mkdirSync(this.backendDir, { recursive: true });
      fs.mkdirSync(this.homeDir, { recursive: true });
      const pulumiCommand = await PulumiCommand.get({ root: path.dirname(cli), skipVersionCheck: true });
      const workspace = await LocalWorkspace.create({
        workDir: this.programDir,
        pulumiCommand,
        envVars: this.environment(),
        secretsProvider: "passphrase",
        projectSettings: fs.existsSync(path.join(this.programDir, "Pulumi.yaml"))
          ? undefined
          : { name: this.project, runtime: "nodejs", backend: { url: `file://${this.backendDir}` } },
      });
      const stack = await Stack.create(this.stackName, workspace);
      await stack.setAllConfig(this.configMap(this.config));
      return this.withoutBookkeeping(stack);
    })();
    return this.stack;
  }

  /**
   * The Automation API follows every up, refresh and destroy with `pulumi stack history` (a
   * summary these tests never read) and every up with two `pulumi stack output` (masked, then
   * plain): each one more start of the CLI, about half a second of CPU. Here the summary is left
   * out and the outputs are read with one `pulumi stack output --show-secrets`, which is what the
   * tests read of them. The operations themselves are the Automation API's own.
   */
  private withoutBookkeeping(stack: Stack): Stack {
    const env = { ...userEnvironment(), ...this.environment() };
    return Object.assign(stack, {
      info: async () => undefined,
      outputs: async (): Promise<OutputMap> => {
        const args = ["stack", "output", "--json", "--show-secrets", "--stack", stack.name];
        const values = JSON.parse(await runCommand("pulumi", args, this.programDir, 60_000, env)) as Record<string, unknown>;
        return Object.fromEntries(Object.entries(values).map(([key, value]) => [key, { value, secret: false }]));
      },
    });
  }

  private configMap(config: Record<string, string>): ConfigMap {
    const secret = new Set(this.options.secretConfigKeys ?? []);
    return Object.fromEntries(Object.entries(config).map(([key, value]) => [key, { value, secret: secret.has(key) }]));
  }

  preview(program?: Program, options: RunOptions = {}): Promise<RunResult> {
    return this.run("preview", program, options);
  }

  up(program?: Program, options: RunOptions = {}): Promise<RunResult> {
    return this.run("up", program, options);
  }

  refresh(options: RunOptions = {}): Promise<RunResult> {
    return this.run("refresh", undefined, options);
  }

  destroy(): Promise<RunResult> {
    return this.run("destroy", undefined, {});
  }

  /**
   * `pulumi stack export --show-secrets` (the Automation API's exportStack): the deployment,
   * secrets as `{4dabf…: …, plaintext}` objects; with `showSecrets: false`, a plain
   * `pulumi stack export`, secrets as ciphertext.
   */
  async exportState(options: { showSecrets?: boolean } = {}): Promise<StateDeployment> {
    const stack = await this.open();
    if (options.showSecrets === false) {
      const env = { ...userEnvironment(), ...this.environment() };
      const stdout = await runCommand("pulumi", ["stack", "export", "--stack", stack.name], this.programDir, 60_000, env);
      return (JSON.parse(stdout) as { deployment: StateDeployment }).deployment;
    }
    return (await stack.exportStack()).deployment as StateDeployment;
  }

  /** The stack's checkpoint file in the file backend: what `pulumi` writes, secrets encrypted. */
  get stateFile(): string {
    return path.join(this.backendDir, ".pulumi", "stacks", this.project, `${this.stackName}.json`);
  }

  /** The checkpoint as stored (secrets as ciphertext). */
  readState(): { checkpoint: { latest?: StateDeployment } } {
    return JSON.parse(fs.readFileSync(this.stateFile, "utf8"));
  }

  /** `pulumi stack import` of a deployment (after an edit of exportState()'s answer). */
  async importState(deployment: StateDeployment): Promise<void> {
    const stack = await this.open();
    await stack.importStack({ version: 3, deployment });
  }

  /** The resources of the state (`pulumi stack export`). */
  async resources(): Promise<StateResource[]> {
    return (await this.exportState()).resources ?? [];
  }

  /**
   * `pulumi import <type> <name> <id>` into the stack, without generating code (the Node
   * language host of these tests cannot). Resolves to what the CLI printed; rejects with it.
   */
  async importResource(type: string, name: string, id: string): Promise<string> {
    const stack = await this.open();
    recordCliRun("import", this.programDir);
    const env = { ...userEnvironment(), ...this.environment() };
    const args = [
      "import",
      type,
      name,
      id,
      "--yes",
      "--generate-code=false",
      "--protect=false",
      "--stack",
      stack.name,
      "--non-interactive",
    ];
    const output = await runCommand("pulumi", args, this.programDir, 120_000, env);
    this.options.log?.(output);
    return output;
  }

  /** Nothing runs between operations; here for symmetry with beds that hold processes. */
  async close(): Promise<void> {
    this.stack = undefined;
  }

  private async run(
    command: "preview" | "up" | "refresh" | "destroy",
    inline: Program | undefined,
    options: RunOptions,
  ): Promise<RunResult> {
    try {
      return await this.runOnce(command, inline, options);
    } catch (error) {
      // On a loaded machine the inline program has, rarely, failed to reach the CLI's resource
      // monitor at all: grpc-js's "No connection established", before any resource step. Nothing
      // was registered, so the command runs again, once; any other failure is the test's.
      if (!(error instanceof CliRunError) || error.resourceSteps > 0 || !error.message.includes(MONITOR_UNREACHABLE)) throw error;
      this.options.log?.(`(the program did not reach the CLI's resource monitor; running \`pulumi ${command}\` again)`);
      return this.runOnce(command, inline, options);
    }
  }

  private async runOnce(
    command: "preview" | "up" | "refresh" | "destroy",
    inline: Program | undefined,
    options: RunOptions,
  ): Promise<RunResult> {
    const stack = await this.open();
    const program: PulumiFn | undefined = inline && (async () => await inline());
    recordCliRun(command, this.programDir);
    const events: EngineEvent[] = [];
    const lines: string[] = [];
    let partial = "";
    const onOutput = (chunk: string) => {
      partial += chunk;
      const complete = partial.split("\n");
      partial = complete.pop() ?? "";
      for (const line of complete) {
        lines.push(line);
        this.options.log?.(line);
      }
    };
    const onEvent = (event: EngineEvent) => events.push(event);
    const common = { onOutput, onEvent, color: "never" as const, parallel: this.options.parallel };
    const finish = (outputs: Record<string, unknown>): RunResult => {
      if (partial) onOutput("\n");
      const steps = stepsOf(events, command);
      return {
        steps,
        outputs,
        planText: lines.join("\n"),
        changes: steps.filter((s) => s.op !== "same" && s.op !== "read-same").length,
      };
    };
    try {
      switch (command) {
        case "preview":
          await stack.preview({
            ...common,
            program,
            expectNoChanges: options.expectNoChanges,
            diff: options.diff,
          });
          return finish(plannedStackOutputs(events));
        case "up": {
          const result = await stack.up({
            ...common,
            program,
            expectNoChanges: options.expectNoChanges,
            diff: options.diff,
          });
          return finish(Object.fromEntries(Object.entries(result.outputs).map(([key, output]) => [key, output.value])));
        }
        case "refresh":
          await stack.refresh({ ...common, expectNoChanges: options.expectNoChanges });
          return finish({});
        case "destroy":
          await stack.destroy(common);
          return finish({});
      }
    } catch (error) {
      if (partial) onOutput("\n");
      const resourceSteps = stepsOf(events, command).filter((step) => step.type !== "pulumi:pulumi:Stack").length;
      throw new CliRunError(command, lines.join("\n"), error, resourceSteps);
    }
  }
}

/** The stack outputs a preview plans (secrets shown as "[secret]", unknowns as the engine reports them). */
function plannedStackOutputs(events: EngineEvent[]): Record<string, unknown> {
  let outputs: Record<string, unknown> = {};
  for (const event of events) {
    const metadata = event.resOutputsEvent?.metadata;
    if (metadata?.type === "pulumi:pulumi:Stack" && metadata.new?.outputs) outputs = metadata.new.outputs;
  }
  return outputs;
}

/** A failed `pulumi` command: its message holds what the CLI printed, where a user reads the reason. */
export class CliRunError extends Error {
  readonly output: string;
  /** How many steps of resources other than the stack the engine reported before the failure. */
  readonly resourceSteps: number;
  constructor(command: string, output: string, cause: unknown, resourceSteps: number) {
    const detail = cause instanceof Error ? cause.message : String(cause);
    super(`pulumi ${command} failed:\n${output}\n${detail}`);
    this.name = "CliRunError";
    this.output = output;
    this.resourceSteps = resourceSteps;
  }
}

const MONITOR_UNREACHABLE = "14 UNAVAILABLE: No connection established";

export interface StateResource {
  urn: string;
  custom?: boolean;
  type: string;
  id?: string;
  inputs?: Record<string, unknown>;
  outputs?: Record<string, unknown>;
  parent?: string;
  /** The provider reference: `<provider URN>::<provider id>`. */
  provider?: string;
  delete?: boolean;
  retainOnDelete?: boolean;
  additionalSecretOutputs?: string[];
}

export interface StateDeployment {
  resources?: StateResource[];
  pending_operations?: { resource: StateResource; type: string }[];
}
