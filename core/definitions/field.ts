/**
 * The builder of resource definitions: each field of a resource is a zod schema with its
 * metadata beside it (what a change does, whether it is kept in state, whether delete reads it,
 * whether it is secret, its description). The types, the plugin's parsing, the outputs, diff's
 * rules and the field descriptions are derived from a definition; a schema generator reads the
 * same metadata from `fieldMeta` or from the definition's `meta`.
 */
import { z } from "zod";

export interface FieldMeta {
  /** What a program's author reads about the field. */
  description: string;
  /**
   * What a change of this input does: `replace` the resource, `update` it in place, or, for the
   * role inputs, `role`: replace while the invitation is pending, update once it is accepted.
   */
  change?: "replace" | "update" | "role";
  /** Kept in state as declared, so that a later operation reads it there. */
  recorded?: boolean;
  /** Read by delete, which is handed the old state only. */
  forDelete?: boolean;
  /** A Pulumi secret. */
  secret?: boolean;
  /** What an absent value means, where diff compares it. */
  absentMeans?: string;
  /**
   * Kept in state for the provider alone: not one of the output properties a program's resource
   * class declares (a deprecated input, the provider's own bookkeeping).
   */
  hidden?: boolean;
  /**
   * A record whose entries are inputs of their own, each named by its key (the field's name is no
   * input): a preview then lists each entry by its key. A program gives it as a plain record.
   */
  spread?: boolean;
}

/** Every field's metadata, by the schema a program's value is checked with. */
export const fieldMeta = z.registry<FieldMeta>();

/**
 * An input: the schema check applies to a program's value (messages, normalization), and the
 * schema of its value once checked, which the plugin parses at create and update (and, for a
 * recorded input, in state).
 */
export interface InputField<C extends z.ZodType = z.ZodType, V extends z.ZodType = z.ZodType, M extends FieldMeta = FieldMeta> {
  check: C;
  value: V;
  meta: M;
}

/** An output: the schema of its value in state. */
export interface OutputField<V extends z.ZodType = z.ZodType, M extends FieldMeta = FieldMeta> {
  value: V;
  meta: M;
}

export function input<C extends z.ZodType, V extends z.ZodType, const M extends FieldMeta>(
  check: C,
  value: V,
  meta: M,
): InputField<C, V, M> {
  fieldMeta.add(check, { ...meta });
  return { check, value, meta };
}

export function output<V extends z.ZodType, const M extends FieldMeta>(value: V, meta: M): OutputField<V, M> {
  fieldMeta.add(value, { ...meta });
  return { value, meta };
}

/**
 * The value a program gives for an input, as check leaves it (its default applied). zod's output
 * type is read as `z.output` reads it, without the alias, so that an editor shows the type itself.
 */
export type InputValue<F extends InputField> = F["value"]["_zod"]["output"];

/** The inputs a program may leave out: those whose check accepts no value (optional, or defaulted). */
export type OptionalInputName<F extends Record<string, InputField>> = {
  [K in keyof F]: undefined extends z.input<F[K]["check"]> ? K : never;
}[keyof F];

/** The value of a field in state: absent is `undefined`. */
export type StateValue<F extends { value: z.ZodType }> = z.output<F["value"]>;

/** The fields a program's resource class declares as its output properties: every one not `hidden`. */
export type ProgramOutputName<F extends Record<string, { meta: FieldMeta }>> = {
  [K in keyof F]: F[K]["meta"] extends { hidden: true } | { spread: true } ? never : K;
}[keyof F];

type RecordedNames<F> = { [K in keyof F]: F[K] extends { meta: { recorded: true } } ? K : never }[keyof F];

/** The inputs kept in state as declared. */
export function recordedOf<F extends Record<string, InputField>>(fields: F): Pick<F, RecordedNames<F>> {
  return Object.fromEntries(Object.entries(fields).filter(([, field]) => field.meta.recorded)) as Pick<F, RecordedNames<F>>;
}

/** The zod shape of one side of some fields: `{ name: field[side] }`. */
export function shapeOf<F extends Record<string, Partial<Record<S, z.ZodType>>>, S extends "check" | "value">(
  fields: F,
  side: S,
): { [K in keyof F]: NonNullable<F[K][S]> } {
  return Object.fromEntries(Object.entries(fields).map(([name, field]) => [name, field[side]])) as {
    [K in keyof F]: NonNullable<F[K][S]>;
  };
}

/** The names of the fields whose metadata passes a test, in definition order. */
export function namesWhere<F extends Record<string, { meta: FieldMeta }>>(
  fields: F,
  test: (meta: FieldMeta) => boolean,
): (keyof F & string)[] {
  return Object.entries(fields)
    .filter(([, field]) => test(field.meta))
    .map(([name]) => name);
}

/** What each field's absence means, where it has a meaning (`absentMeans`). */
export function absentMeanings(fields: Record<string, { meta: FieldMeta }>): Record<string, string | undefined> {
  return Object.fromEntries(Object.entries(fields).map(([name, field]) => [name, field.meta.absentMeans]));
}

/** The values of the named keys, undefined ones included (so that spreading them clears an old value). */
export function valuesOf<T extends object, K extends keyof T>(values: T, names: readonly K[]): Pick<T, K> {
  return Object.fromEntries(names.map((name) => [name, values[name]])) as Pick<T, K>;
}
