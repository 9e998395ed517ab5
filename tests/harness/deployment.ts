/**
 * The engine's steps for dynamic resources: for each registration Check, Diff and then Create,
 * Update, a replacement or nothing; after the program, deletion of what it no longer declares;
 * refresh (Read) and destroy. At most `parallel` steps run at once (1: one at a time, in
 * registration order), and the state file is rewritten after each step that changed something,
 * as Pulumi persists after each step. After a failure no new step starts, the steps in flight
 * finish, and every failure is reported.
 */
import { deleteInOrder, failuresError, StepLimit, toError } from "./parallel";
import type { PlannedStep } from "./plan";
import { STACK_TYPE, type Registration, type RegistrationResult } from "./program";
import { changedKeys, markSecrets, type KeyChange, type PropertyMap } from "./properties";
import type { ProviderClient, ResourceRef } from "./provider";
import { nameOf, type ResourceState, type StateFile } from "./state";

export interface DeploymentContext {
  state: StateFile;
  preview: boolean;
  /** Started and configured on first use. */
  provider: () => Promise<ProviderClient>;
  /** Called as each step completes. */
  report: (step: PlannedStep) => void;
  /** The most steps in flight at once (the CLI's --parallel). */
  parallel: number;
}

function refOf(resource: { urn: string; type: string }): ResourceRef {
  return { urn: resource.urn, type: resource.type, name: nameOf(resource.urn) };
}

async function attempt<T>(operation: string, ref: ResourceRef, action: () => Promise<T>): Promise<T> {
  try {
    return await action();
  } catch (error) {
    throw new Error(`${operation} of ${ref.type} '${ref.name}' failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/**
 * The resources of the state as the operation goes: the stack, the resources this operation
 * produced (in order), then the old ones it has not dealt with yet (in their old order).
 */
class Snapshot {
  stack?: ResourceState;
  readonly done: ResourceState[] = [];
  pending: ResourceState[];

  constructor(private readonly context: DeploymentContext) {
    const resources = context.state.load();
    this.stack = resources.find((r) => r.type === STACK_TYPE);
    this.pending = resources.filter((r) => r !== this.stack);
  }

  save(): void {
    if (!this.context.preview) this.context.state.save([...(this.stack ? [this.stack] : []), ...this.done, ...this.pending]);
  }

  swap(old: ResourceState, next: ResourceState | undefined): void {
    this.pending = this.pending.flatMap((r) => (r !== old ? [r] : next ? [next] : []));
  }
}

abstract class Operation {
  readonly steps: PlannedStep[] = [];
  protected readonly snapshot: Snapshot;

  constructor(protected readonly context: DeploymentContext) {
    this.snapshot = new Snapshot(context);
  }

  protected record(step: PlannedStep): void {
    this.steps.push(step);
    this.context.report(step);
  }

  /** Deletes through the provider (unless retained) and drops the resource from the state. */
  protected async delete(resource: ResourceState): Promise<void> {
    const ref = refOf(resource);
    if (!resource.retainOnDelete) {
      const provider = await this.context.provider();
      await attempt("delete", ref, () => provider.delete(ref, resource.id ?? "", resource.inputs, resource.outputs));
    }
    this.snapshot.swap(resource, undefined);
    this.snapshot.save();
  }

  get stackOutputs(): PropertyMap {
    return this.snapshot.stack?.outputs ?? {};
  }
}

/** `pulumi preview` and `pulumi up`. */
export class Update extends Operation {
  private readonly limit = new StepLimit(this.context.parallel);
  private readonly failures: Error[] = [];

  /**
   * Answers one registration of a dynamic resource, once one of the `parallel` slots is free
   * (in arrival order). A registration whose turn comes after a failure is not processed.
   */
  register(registration: Registration): Promise<RegistrationResult> {
    return this.limit.run(async () => {
      if (this.failures.length > 0) throw new Error(`${registration.urn} was not processed: an earlier step failed`);
      try {
        return await this.step(registration);
      } catch (error) {
        const failure = toError(error);
        this.failures.push(failure);
        throw failure;
      }
    });
  }

  private async step(registration: Registration): Promise<RegistrationResult> {
    const { urn, type, name } = registration;
    const ref: ResourceRef = { urn, type, name };
    const old = this.snapshot.pending.find((r) => r.urn === urn && !r.delete);
    const provider = await this.context.provider();
    const checked = await attempt("check", ref, () => provider.check(ref, old?.inputs ?? {}, registration.inputs));
    if (checked.failures.length > 0) {
      const lines = checked.failures.map((f) => `  ${f.property}: ${f.reason}`);
      throw new Error(`${type} resource '${name}' has invalid inputs:\n${lines.join("\n")}`);
    }
    const inputs = checked.inputs;
    const secretOutputs = (outputs: PropertyMap) => markSecrets(outputs, registration.additionalSecretOutputs);
    const entry = (id: string, outputs: PropertyMap): ResourceState => ({
      urn,
      type,
      custom: true,
      id,
      inputs,
      outputs: secretOutputs(outputs),
      parent: registration.parent,
      dependencies: registration.dependencies.length > 0 ? registration.dependencies : undefined,
      retainOnDelete: registration.retainOnDelete || undefined,
      additionalSecretOutputs: registration.additionalSecretOutputs.length > 0 ? registration.additionalSecretOutputs : undefined,
    });
    // A preview plans with the checked inputs as outputs: the program sees what the provider
    // will compute (and the id of anything new) as unknown, as with a provider that does not
    // support previews. Nothing is saved in a preview.
    const preview = this.context.preview;
    const step = (op: PlannedStep["op"], changes: KeyChange[], deleteBeforeReplace?: boolean) =>
      this.record({ op, urn, type, name, changes, ...(op === "replace" ? { deleteBeforeReplace } : {}) });

    if (!old) {
      const [id, outputs] = preview ? ["", inputs] : await this.create(provider, ref, inputs);
      const result = this.keep(entry(id, outputs), undefined);
      step("create", []);
      return result;
    }

    const id = old.id ?? "";
    const diff = await attempt("diff", ref, () => provider.diff(ref, id, old.inputs, old.outputs, inputs));
    const inputChanges = changedKeys(old.inputs, inputs);
    // DIFF_UNKNOWN: the engine falls back to comparing old and new inputs itself.
    const changed = diff.changes === "unknown" ? inputChanges.length > 0 : diff.changes === "some";
    const changes: KeyChange[] = diff.diffs.length > 0 ? [...diff.diffs] : inputChanges;
    for (const key of diff.replaces) {
      if (!changes.some((c) => c.key === key)) changes.push({ key, kind: "update" });
    }

    if (!changed) {
      // The engine keeps the old outputs, and with them the __provider that delete and refresh use.
      const result = this.keep(entry(id, old.outputs), old);
      step("same", []);
      return result;
    }

    if (diff.replaces.length === 0) {
      const outputs = preview ? inputs : await attempt("update", ref, () => provider.update(ref, id, old.inputs, old.outputs, inputs));
      const result = this.keep(entry(id, outputs), old);
      step("update", changes);
      return result;
    }

    const deleteBeforeReplace = diff.deleteBeforeReplace || registration.deleteBeforeReplace;
    if (deleteBeforeReplace && !preview) await this.delete(old);
    const [newId, outputs] = preview ? ["", inputs] : await this.create(provider, ref, inputs);
    // Create-before-delete: the old resource stays in the state, marked for deletion, until the
    // end of the deployment.
    this.snapshot.swap(old, deleteBeforeReplace || preview ? undefined : { ...old, delete: true });
    const result = this.keep(entry(newId, outputs), undefined);
    step("replace", changes, deleteBeforeReplace);
    return result;
  }

  private async create(provider: ProviderClient, ref: ResourceRef, inputs: PropertyMap): Promise<[string, PropertyMap]> {
    const created = await attempt("create", ref, () => provider.create(ref, inputs));
    return [created.id, created.outputs];
  }

  /** Puts the new state of a resource in place of its old one and persists. */
  private keep(next: ResourceState, old: ResourceState | undefined): RegistrationResult {
    if (old) this.snapshot.swap(old, undefined);
    this.snapshot.done.push(next);
    this.snapshot.save();
    return { id: next.id ?? "", outputs: next.outputs };
  }

  /**
   * After the program: deletes what it no longer declares and the old halves of replacements,
   * in reverse order of the state (side by side up to `parallel`, dependents before what they
   * depend on), then stores the stack outputs. Nothing is deleted when the program or a step
   * failed; every failed step is reported.
   */
  async finish(programError: unknown, stack: { urn: string; outputs: PropertyMap } | undefined): Promise<void> {
    await this.limit.idle();
    if (this.failures.length > 0) throw failuresError(this.failures);
    if (programError) throw programError;
    await deleteInOrder([...this.snapshot.pending].reverse(), this.context.parallel, async (resource) => {
      if (!this.context.preview) await this.delete(resource);
      if (!resource.delete) this.record({ op: "delete", urn: resource.urn, type: resource.type, name: nameOf(resource.urn), changes: [] });
    });
    if (stack) {
      this.snapshot.stack = { urn: stack.urn, type: STACK_TYPE, custom: false, inputs: {}, outputs: stack.outputs };
      this.snapshot.save();
    }
  }
}

/**
 * `pulumi refresh`: Read for every resource, up to `parallel` at once; a resource the provider
 * reports gone leaves the state. Each keeps its place in the state.
 */
export class Refresh extends Operation {
  async run(): Promise<void> {
    const limit = new StepLimit(this.context.parallel);
    const failures: Error[] = [];
    const reads = [...this.snapshot.pending].map((resource) =>
      limit.run(async () => {
        if (failures.length > 0) return;
        try {
          await this.refresh(resource);
        } catch (error) {
          failures.push(toError(error));
        }
      }),
    );
    await Promise.all(reads);
    if (failures.length > 0) throw failuresError(failures);
  }

  private async refresh(resource: ResourceState): Promise<void> {
    const ref = refOf(resource);
    const provider = await this.context.provider();
    const read = await attempt("read", ref, () => provider.read(ref, resource.id ?? "", resource.inputs, resource.outputs));
    if (!read.id) {
      this.snapshot.swap(resource, undefined);
      this.snapshot.save();
      this.record({ op: "refresh-delete", urn: ref.urn, type: ref.type, name: ref.name, changes: [] });
      return;
    }
    const outputs = markSecrets(read.outputs, resource.additionalSecretOutputs ?? []);
    const changes = changedKeys(resource.outputs, outputs);
    this.snapshot.swap(resource, { ...resource, id: read.id, outputs, inputs: read.inputs ?? resource.inputs });
    this.snapshot.save();
    this.record({ op: changes.length > 0 ? "refresh-update" : "read-same", urn: ref.urn, type: ref.type, name: ref.name, changes });
  }
}

/**
 * `pulumi destroy`: deletes every resource in reverse order (side by side up to `parallel`,
 * dependents and children before what they depend on), then the stack. After a failure the
 * stack stays.
 */
export class Destroy extends Operation {
  async run(): Promise<void> {
    await deleteInOrder([...this.snapshot.pending].reverse(), this.context.parallel, async (resource) => {
      await this.delete(resource);
      if (!resource.delete) this.record({ op: "delete", urn: resource.urn, type: resource.type, name: nameOf(resource.urn), changes: [] });
    });
    this.snapshot.stack = undefined;
    this.snapshot.save();
  }
}
