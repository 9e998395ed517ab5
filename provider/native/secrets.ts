/**
 * Pulumi's wire form of a secret inside a Struct: an object with a signature key. The plugin
 * answers Configure with `acceptSecrets`, so the engine hands it secrets in this form; the
 * lifecycle works on plain values (revealed here), and the outputs the definition marks secret
 * go back in this form, so the engine stores them encrypted. The constants are the protocol's
 * (sdk/go/common/resource/sig), repeated here so the plugin does not load Pulumi's runtime.
 */
const SIGNATURE_KEY = "4dabf18193072939515e22adb298388d";
const SECRET_SIGNATURE = "1b47061264138c4ac30d75fd1eb44270";

type Plain = Record<string, unknown>;

function isSecret(value: unknown): value is { value?: unknown } {
  return typeof value === "object" && value !== null && (value as Plain)[SIGNATURE_KEY] === SECRET_SIGNATURE;
}

/** The value with every secret replaced by what it holds. */
export function reveal(value: unknown): unknown {
  if (isSecret(value)) return reveal(value.value);
  if (Array.isArray(value)) return value.map(reveal);
  if (typeof value === "object" && value !== null)
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, reveal(inner)]));
  return value;
}

export function revealProperties(properties: Plain): Plain {
  return Object.fromEntries(Object.entries(properties).map(([key, value]) => [key, reveal(value)]));
}

/** The names of the top-level properties given as secrets. */
export function secretKeys(properties: Plain): string[] {
  return Object.keys(properties).filter((key) => isSecret(properties[key]));
}

/** The properties with the named ones in a secret's wire form. */
export function conceal(properties: Plain, keys: readonly string[]): Plain {
  return Object.fromEntries(
    Object.entries(properties).map(([key, value]) => [key, keys.includes(key) ? { [SIGNATURE_KEY]: SECRET_SIGNATURE, value } : value]),
  );
}
