/**
 * Property values as they travel between the program, the engine and the plugin: the JSON form
 * of a google.protobuf.Struct with Pulumi's special signatures (see @pulumi/pulumi/runtime/rpc.js).
 * Secrets are `{[SIG_KEY]: SECRET_SIG, value}`, unknowns the UNKNOWN string, resource
 * references `{[SIG_KEY]: RESOURCE_SIG, urn, id?}`. The engine keeps values in this form; this
 * module holds the transformations the Pulumi engine applies to them.
 */
import * as structproto from "google-protobuf/google/protobuf/struct_pb";

export const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
export const SIG_KEY = "4dabf18193072939515e22adb298388d";
export const SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";
export const RESOURCE_SIG = "5cf8f73096256a8f31e491e813e4eb8e";

export type PropertyMap = Record<string, unknown>;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function isSecret(value: unknown): value is { value: unknown } {
  return isObject(value) && value[SIG_KEY] === SECRET_SIG;
}

function isResourceReference(value: unknown): value is { urn: string; id?: string } {
  return isObject(value) && value[SIG_KEY] === RESOURCE_SIG;
}

export function makeSecret(value: unknown): unknown {
  return isSecret(value) ? value : { [SIG_KEY]: SECRET_SIG, value };
}

export function containsSecrets(value: unknown): boolean {
  if (isSecret(value)) return true;
  if (Array.isArray(value)) return value.some(containsSecrets);
  if (isObject(value)) return Object.values(value).some(containsSecrets);
  return false;
}

/** The value with every secret wrapper removed (what a provider sees, what a diff compares). */
export function reveal(value: unknown): unknown {
  if (isSecret(value)) return reveal(value.value);
  if (Array.isArray(value)) return value.map(reveal);
  if (isObject(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, reveal(v)]));
  return value;
}

export interface ProviderCapabilities {
  acceptSecrets: boolean;
  acceptResources: boolean;
}

/**
 * Marshals properties for a provider call the way the engine does for a provider that answered
 * Configure with these capabilities: secrets are unwrapped unless accepted, resource references
 * become the referenced resource's id (or its URN when it has none) unless accepted.
 */
export function forProvider(props: PropertyMap, caps: ProviderCapabilities): PropertyMap {
  const convert = (value: unknown): unknown => {
    if (isSecret(value)) return caps.acceptSecrets ? makeSecret(convert(value.value)) : convert(value.value);
    if (isResourceReference(value) && !caps.acceptResources) return value.id ? value.id : value.urn;
    if (Array.isArray(value)) return value.map(convert);
    if (isObject(value) && value[SIG_KEY] === undefined) {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, convert(v)]));
    }
    return value;
  };
  return convert(props) as PropertyMap;
}

/**
 * Copies secretness from `ins` onto `outs` like the engine's annotateSecrets does for providers
 * that do not accept secrets: an output whose input of the same key holds a secret becomes a
 * secret; when both are objects the rule applies key by key.
 */
export function annotateSecrets(outs: PropertyMap, ins: PropertyMap): PropertyMap {
  const result: PropertyMap = { ...outs };
  for (const [key, inValue] of Object.entries(ins)) {
    if (!(key in result)) continue;
    const outValue = result[key];
    if (isObject(outValue) && isObject(inValue) && !isSecret(outValue) && !isSecret(inValue)) {
      result[key] = annotateSecrets(outValue, inValue);
    } else if (!isSecret(outValue) && containsSecrets(inValue)) {
      result[key] = makeSecret(outValue);
    }
  }
  return result;
}

/** Marks the listed top-level keys secret (the `additionalSecretOutputs` resource option). */
export function markSecrets(props: PropertyMap, keys: readonly string[]): PropertyMap {
  const result: PropertyMap = { ...props };
  for (const key of keys) {
    if (key in result) result[key] = makeSecret(result[key]);
  }
  return result;
}

function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => deepEqual(v, b[i]));
  if (isObject(a) && isObject(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].every((k) => deepEqual(a[k], b[k]));
  }
  return false;
}

export interface KeyChange {
  key: string;
  kind: "add" | "delete" | "update";
}

/** Top-level keys whose values differ, secretness ignored (the engine's own input diff). */
export function changedKeys(olds: PropertyMap, news: PropertyMap): KeyChange[] {
  const keys = [...new Set([...Object.keys(olds), ...Object.keys(news)])].sort();
  const changes: KeyChange[] = [];
  for (const key of keys) {
    if (!(key in olds)) changes.push({ key, kind: "add" });
    else if (!(key in news)) changes.push({ key, kind: "delete" });
    else if (!deepEqual(reveal(olds[key]), reveal(news[key]))) changes.push({ key, kind: "update" });
  }
  return changes;
}

/**
 * Checkpoint form: Pulumi writes a plaintext secret as `{[SIG_KEY]: SECRET_SIG, plaintext:
 * JSON.stringify(value)}` in a stack export; the engine form keeps `value`.
 */
export function toCheckpoint(value: unknown): unknown {
  if (isSecret(value)) return { [SIG_KEY]: SECRET_SIG, plaintext: JSON.stringify(reveal(value.value)) };
  if (Array.isArray(value)) return value.map(toCheckpoint);
  if (isObject(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toCheckpoint(v)]));
  return value;
}

export function fromCheckpoint(value: unknown): unknown {
  if (isObject(value) && value[SIG_KEY] === SECRET_SIG && typeof value.plaintext === "string") {
    return makeSecret(JSON.parse(value.plaintext));
  }
  if (Array.isArray(value)) return value.map(fromCheckpoint);
  if (isObject(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fromCheckpoint(v)]));
  return value;
}

export function toStruct(props: PropertyMap): structproto.Struct {
  return structproto.Struct.fromJavaScript(props as Record<string, structproto.JavaScriptValue>);
}

export function fromStruct(struct: structproto.Struct | undefined): PropertyMap {
  return (struct?.toJavaScript() ?? {}) as PropertyMap;
}
