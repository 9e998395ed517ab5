/**
 * The building blocks of every input schema (the provider's check, the people file, the roster's
 * arguments, the removal's inputs), so that each rule and each message has one home. A schema
 * reports every issue with its path; `failuresOf` turns them into "property: reason" pairs.
 */
import { z } from "zod";
import { isUnknown, UNKNOWN } from "./contract";
import { isEmailAddress, isUuid } from "./identifiers";

/** What a problem with a value says: "is required" when absent, else what would be valid and what was given. */
export function expected(what: string, whenMissing = "is required") {
  return (issue: { input?: unknown }) => (issue.input === undefined ? whenMissing : `must be ${what}; got ${JSON.stringify(issue.input)}`);
}

/** Text with something in it besides spaces, trimmed. */
export function text(what: string, whenMissing?: string) {
  return z
    .string({ error: expected(what, whenMissing) })
    .trim()
    .min(1, { error: `must not be blank: give ${what}`, abort: true });
}

/** An organization or role id, in lower case. */
export function uuid(what: string, whenMissing?: string) {
  return text(what, whenMissing)
    .refine(isUuid, { error: expected(what) })
    .transform((id) => id.toLowerCase());
}

/** An email address, trimmed and in lower case. */
export function emailAddress(whenMissing?: string) {
  const what = "an email address such as jane@example.com";
  return text(what, whenMissing)
    .transform((email) => email.toLowerCase())
    .refine(isEmailAddress, { error: expected(what) });
}

/** One of a fixed list of words. */
export function oneOf<const T extends readonly [string, ...string[]]>(values: T) {
  return z.enum(values, { error: expected(`one of ${values.join(", ")}`) });
}

/**
 * A list of which only the entries the schema accepts are kept: an entry not known yet (preview)
 * or malformed, or a list that is no list, is passed over rather than failed.
 */
export function validEntries<T extends z.ZodType>(entry: T) {
  return z
    .array(entry.nullable().catch(null))
    .catch([])
    .transform((entries) => entries.filter((value): value is NonNullable<typeof value> => value !== null));
}

export interface Failure {
  property: string;
  reason: string;
}

/** A schema's issues as failures, each by the property it is about (`people[2].email`). */
export function failuresOf(issues: readonly z.core.$ZodIssue[]): Failure[] {
  return issues.map((issue) => ({ property: propertyPath(issue.path), reason: issue.message }));
}

function propertyPath(path: readonly PropertyKey[]): string {
  return path.map((key, index) => (typeof key === "number" ? `[${key}]` : index === 0 ? String(key) : `.${String(key)}`)).join("");
}

/**
 * The fields of an object schema, with each value not known yet (`pulumi preview`) accepted as
 * it is: what cannot be seen cannot be checked, and the `up` checks it once it is known.
 */
export function allowingUnknowns<T extends z.core.$ZodShape>(fields: T, values: Record<string, unknown>): T {
  const unknownKeys = Object.keys(fields).filter((key) => isUnknown(values[key]));
  if (unknownKeys.length === 0) return fields;
  return { ...fields, ...Object.fromEntries(unknownKeys.map((key) => [key, z.literal(UNKNOWN)])) };
}

/** The fields' values once parsed: all of them, or those that passed beside the issues of the others. */
type FieldsParse<T extends z.core.$ZodShape> =
  | { success: true; data: z.output<z.ZodObject<T>> }
  | { success: false; valid: Partial<z.output<z.ZodObject<T>>>; issues: z.core.$ZodIssue[] };

/**
 * Parses each field on its own, once, so that a failure keeps both every issue (by its path) and
 * every valid value: an object schema gives no value once one field fails, and a check still
 * reasons from the valid ones (the role of a resource whose email is wrong is checked all the
 * same). Undefined values are left out (Pulumi refuses them); keys the fields do not name are
 * not read.
 */
export function parseFields<T extends z.core.$ZodShape>(fields: T, values: Record<string, unknown>): FieldsParse<T> {
  const valid: Record<string, unknown> = {};
  const issues: z.core.$ZodIssue[] = [];
  for (const [name, schema] of Object.entries(fields)) {
    const parsed = z.safeParse(schema, values[name]);
    if (!parsed.success) issues.push(...parsed.error.issues.map((issue) => ({ ...issue, path: [name, ...issue.path] })));
    else if (parsed.data !== undefined) valid[name] = parsed.data;
  }
  // Each key holds its own schema's output: the object's output type, which TypeScript cannot follow through the loop.
  const data = valid as z.output<z.ZodObject<T>>;
  return issues.length === 0 ? { success: true, data } : { success: false, valid: data, issues };
}
