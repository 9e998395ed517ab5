/**
 * Copies an object without its undefined values: Pulumi fails a call whose inputs or outputs
 * hold one anywhere (`Unexpected struct type`), and an absent key reads the same to callers.
 */
export function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
