/**
 * The fault suite's Pulumi commands, run in this process: the installed package's provider module
 * (what the plugin requires through the shim), loaded afresh for each command as the CLI starts a
 * plugin process per command, configured with the stack config, and called as the engine calls a
 * dynamic provider: check, then diff against the recorded outputs, then create, update or
 * replace; delete for what the program no longer declares; read for a refresh; delete for a
 * destroy. At most `parallel` resources have a step in flight, like `pulumi up --parallel`; after
 * the first failure no step starts, the steps in flight finish and are recorded.
 *
 * What the engine adds on top (secrets in the state file, the plan, the deletion order by
 * dependency) is tested through the real Pulumi CLI (tests/e2e, tests/faults/cli.test.ts).
 */
import * as path from "node:path";
import { format } from "node:util";
import type * as ProviderModule from "../../provider";
import { repositoryRoot } from "../support/installed-package";
import { INVITATION_TYPE, type CheckpointResource } from "./invariants";

type Provider = typeof ProviderModule;
type Props = Record<string, unknown>;
export type Op = "check" | "create" | "update" | "replace" | "read" | "delete";
/** The provider's methods the engine calls. */
export type Method = "check" | "diff" | "create" | "read" | "update" | "delete";

/** A resource of the state: what the last create, update or read gave. */
export interface Resource {
  name: string;
  id: string;
  inputs: Props;
  outputs: Props;
}

export interface Failure {
  op: Op;
  name: string;
  /** The provider's error message (for check, one `property: reason` per failure). */
  message: string;
}

/** A command whose steps failed; `failures` holds each, in the order they failed. */
export class CommandFailed extends Error {
  constructor(readonly failures: Failure[]) {
    super(failures.map((f) => `${f.op} of '${f.name}' failed: ${f.message}`).join("\n"));
  }
}

/** Declares a resource of the program; resolves to its outputs once its step is done. */
export type Declare = (name: string, inputs: Props) => Promise<Props>;
export type Program = (declare: Declare) => void | Promise<void>;

const installedDist = path.join(repositoryRoot, "node_modules", "pulumi-qovery-invitations", "dist");

/** The provider module as a new plugin process loads it: no settings, no cached lists, no warnings said. */
function freshProvider(): Provider {
  for (const key of Object.keys(require.cache)) {
    if (key.startsWith(path.join(installedDist, "provider")) || key.startsWith(path.join(installedDist, "core"))) delete require.cache[key];
  }
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(path.join(installedDist, "provider"));
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Runs steps with at most `limit` in flight; once one has failed, queued steps never start. A
 * step's body says which operation it is at (`at("create")`), so that its failure names it.
 */
class Steps {
  private running = 0;
  private readonly queue: (() => void)[] = [];
  private readonly all: Promise<unknown>[] = [];
  readonly failures: Failure[] = [];

  constructor(private readonly limit: number) {}

  get stopped(): boolean {
    return this.failures.length > 0;
  }

  run<T>(name: string, op: Op, body: (at: (op: Op) => void) => Promise<T>): Promise<T> {
    const step = new Promise<T>((resolve, reject) => {
      const start = () => {
        if (this.stopped) {
          this.release();
          reject(new Error(`${op} of '${name}' not started: an earlier step failed`));
          return;
        }
        let current = op;
        body((next) => (current = next))
          .then(resolve, (error: unknown) => {
            this.failures.push({ op: current, name, message: messageOf(error) });
            reject(error instanceof Error ? error : new Error(String(error)));
          })
          .finally(() => this.release());
      };
      if (this.running < this.limit) {
        this.running++;
        start();
      } else this.queue.push(start);
    });
    this.all.push(step.catch(ignore));
    return step;
  }

  private release(): void {
    const next = this.queue.shift();
    if (next) next();
    else this.running--;
  }

  /** Waits for every step, including those started while waiting. */
  async settle(): Promise<void> {
    let done = 0;
    while (done < this.all.length) {
      const now = this.all.length;
      await Promise.all(this.all.slice(done, now));
      done = now;
    }
  }

  throwIfFailed(): void {
    if (this.stopped) throw new CommandFailed(this.failures);
  }
}

export interface StackOptions {
  /** The stack config, such as `qovery:apiUrl` and `qovery:apiToken`. */
  config: Record<string, string>;
  /** Resource steps in flight at once, like `--parallel`. */
  parallel: number;
  /** Receives what the provider prints (its warnings); shared with other stacks if given. */
  log?: string[];
  /** The state to start from (another stack's resources, as after a change of credentials). */
  resources?: Resource[];
  /** Wraps every call to the provider (the bench counts the API calls of each). */
  around?: <T>(method: Method, call: () => Promise<T>) => Promise<T>;
}

export class Stack {
  resources: Resource[];
  readonly log: string[];

  constructor(private readonly options: StackOptions) {
    this.resources = options.resources ?? [];
    this.log = options.log ?? [];
  }

  /** The resources in the shape of a checkpoint, as the invariants read the CLI's. */
  readState(): { checkpoint: { latest: { resources: (CheckpointResource & { inputs: Props })[] } } } {
    const resources = this.resources.map((r) => ({
      urn: r.name,
      custom: true,
      type: INVITATION_TYPE,
      id: r.id,
      inputs: r.inputs,
      outputs: r.outputs,
    }));
    return { checkpoint: { latest: { resources } } };
  }

  /** Runs the program; deletes what it no longer declares. Resolves to the number of changes. */
  up(program: Program): Promise<number> {
    return this.update(program, false);
  }

  /** Check and diff only: the number of changes an `up` would make. */
  preview(program: Program): Promise<number> {
    return this.update(program, true);
  }

  /** Reads every resource; drops those whose read finds nothing. Resolves to the number of changes. */
  refresh(): Promise<number> {
    return this.command(async (provider, steps) => {
      let changes = 0;
      for (const resource of [...this.resources]) {
        void steps
          .run(resource.name, "read", () => provider.read(resource.id, { ...resource.outputs }))
          .then((result) => {
            if (!result.id) {
              this.resources = this.resources.filter((r) => r !== resource);
              changes++;
            } else {
              if (JSON.stringify(result.props) !== JSON.stringify(resource.outputs)) changes++;
              this.swap(resource, { ...resource, id: result.id, outputs: asProps(result.props ?? {}) });
            }
          }, ignore);
      }
      await steps.settle();
      return changes;
    });
  }

  /** Deletes every resource, the last created first. */
  destroy(): Promise<void> {
    return this.command(async (provider, steps) => {
      for (const resource of [...this.resources].reverse()) this.delete(provider, steps, resource);
      await steps.settle();
    });
  }

  private update(program: Program, preview: boolean): Promise<number> {
    return this.command(async (provider, steps) => {
      const declared = new Set<string>();
      let changes = 0;
      const declare: Declare = (name, inputs) => {
        if (declared.has(name)) throw new Error(`duplicate resource name '${name}'`);
        declared.add(name);
        const old = this.resources.find((r) => r.name === name);
        // One step per resource, as the engine's: check, diff, then what the diff asks for.
        const outputs = steps.run(name, "check", async (at) => {
          const checked = await provider.check(old?.inputs ?? {}, inputs);
          if (checked.failures.length > 0) throw new Error(checked.failures.map((f) => `${f.property}: ${f.reason}`).join("\n"));
          const news = checked.inputs as Props;
          if (!old) {
            changes++;
            if (preview) return news;
            at("create");
            const { id, outs } = await provider.create(news);
            this.resources.push({ name, id, inputs: news, outputs: asProps(outs) });
            return asProps(outs);
          }
          const diff = await provider.diff(old.id, { ...old.outputs }, news);
          if (!diff.changes) {
            this.swap(old, { ...old, inputs: news });
            return old.outputs;
          }
          changes++;
          if (preview) return news;
          if (diff.replaces?.length) {
            at("replace");
            const { id, outs } = await provider.create(news);
            const next = { name, id, inputs: news, outputs: asProps(outs) };
            this.swap(old, next);
            await provider.delete(old.id, { ...old.outputs });
            return next.outputs;
          }
          at("update");
          const { outs } = await provider.update(old.id, { ...old.outputs }, news);
          this.swap(old, { ...old, inputs: news, outputs: asProps(outs) });
          return asProps(outs);
        });
        outputs.catch(ignore);
        return outputs;
      };
      let programError: unknown;
      await Promise.resolve()
        .then(() => program(declare))
        .catch((error: unknown) => (programError = error));
      await steps.settle();
      steps.throwIfFailed();
      if (programError !== undefined) throw programError;
      for (const resource of [...this.resources].reverse()) {
        if (declared.has(resource.name)) continue;
        changes++;
        if (!preview) this.delete(provider, steps, resource);
      }
      await steps.settle();
      return changes;
    });
  }

  private delete(provider: Provider, steps: Steps, resource: Resource): void {
    void steps
      .run(resource.name, "delete", () => provider.delete(resource.id, { ...resource.outputs }))
      .then(() => (this.resources = this.resources.filter((r) => r !== resource)), ignore);
  }

  private swap(old: Resource, next: Resource): void {
    this.resources = this.resources.map((r) => (r === old ? next : r));
  }

  /** One command: a fresh provider, configured; what it prints goes to the log. */
  private async command<T>(body: (provider: Provider, steps: Steps) => Promise<T>): Promise<T> {
    const provider = wrapped(freshProvider(), this.options.around);
    const saved = { log: console.log, warn: console.warn, error: console.error, info: console.info };
    const print = (...args: unknown[]) => void this.log.push(format(...args));
    Object.assign(console, { log: print, warn: print, error: print, info: print });
    try {
      const { config } = this.options;
      await provider.configure({ config: { get: (key: string) => config[key] } });
      const steps = new Steps(this.options.parallel);
      const result = await body(provider, steps);
      steps.throwIfFailed();
      return result;
    } finally {
      Object.assign(console, saved);
    }
  }
}

function ignore(): void {}

function wrapped(provider: Provider, around: StackOptions["around"]): Provider {
  if (!around) return provider;
  const wrap =
    <A extends unknown[], R>(method: Method, call: (...args: A) => Promise<R>) =>
    (...args: A) =>
      around(method, () => call(...args));
  return {
    ...provider,
    check: wrap("check", provider.check),
    diff: wrap("diff", provider.diff),
    create: wrap("create", provider.create),
    read: wrap("read", provider.read),
    update: wrap("update", provider.update),
    delete: wrap("delete", provider.delete),
  };
}

/** Outputs as the engine records them: a plain object. */
function asProps(value: object): Props {
  return { ...value };
}
