/** Finds where a value appears in a state file outside Pulumi's secret wrappers. */
export const SECRET_SIGNATURE_KEY = "4dabf18193072939515e22adb298388d";
export const SECRET_SIGNATURE = "1b47061264138c4ac30d75fd1eb44270";

function isSecretWrapper(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && (value as Record<string, unknown>)[SECRET_SIGNATURE_KEY] === SECRET_SIGNATURE;
}

/** JSON paths of the strings that contain `needle` and are not inside a secret. */
export function plainOccurrences(value: unknown, needle: string, at = "$"): string[] {
  if (typeof value === "string") return value.includes(needle) ? [at] : [];
  if (isSecretWrapper(value) || typeof value !== "object" || value === null) return [];
  return Object.entries(value).flatMap(([key, child]) => plainOccurrences(child, needle, `${at}.${key}`));
}

/** JSON paths of the secrets whose content contains `needle`. */
export function secretOccurrences(value: unknown, needle: string, at = "$"): string[] {
  if (isSecretWrapper(value)) return JSON.stringify(value).includes(needle) ? [at] : [];
  if (typeof value !== "object" || value === null) return [];
  return Object.entries(value).flatMap(([key, child]) => secretOccurrences(child, needle, `${at}.${key}`));
}
