/**
 * The shape every resource of the plugin has: the six methods of a dynamic provider, answering
 * with Pulumi's own result types. provider/index.ts holds one registry of them, and each shim
 * (sdk/delegate.ts) delegates to one entry. (A type-only import: the plugin already has
 * @pulumi/pulumi loaded.)
 */
import type * as pulumi from "@pulumi/pulumi";

/** What the engine hands a method: the inputs or the state, as plain values. */
export type Props = Record<string, unknown>;

/** Pulumi's check result, with the inputs and the failures always given. */
export type CheckResult = Required<pulumi.dynamic.CheckResult<Props>>;
export type CheckFailure = pulumi.dynamic.CheckFailure;

/** Pulumi's diff result, with each decision always given. */
export type DiffResult = Required<Pick<pulumi.dynamic.DiffResult, "changes" | "replaces" | "deleteBeforeReplace">>;

/** The methods of one resource, as its shim hands them to Pulumi. */
export interface ResourceEntry {
  check(olds: Props, news: Props): Promise<CheckResult>;
  diff(id: string, olds: Props, news: Props): Promise<DiffResult>;
  create(inputs: Props): Promise<pulumi.dynamic.CreateResult>;
  read(id: string, props: Props): Promise<pulumi.dynamic.ReadResult>;
  update(id: string, olds: Props, news: Props): Promise<pulumi.dynamic.UpdateResult>;
  delete(id: string, props: Props): Promise<void>;
}
