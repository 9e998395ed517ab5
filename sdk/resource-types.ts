/**
 * A resource class's arguments and output properties, derived from its definition
 * (core/definitions/), so that adding a field to a definition adds it to the class. The mapped
 * types are homomorphic: each property keeps the JSDoc written on its field in the definition
 * (`@deprecated` included), which is what an editor shows.
 */
import type * as pulumi from "@pulumi/pulumi";
import type { InputField, InputValue, OptionalInputName, OutputField, ProgramOutputName, StateValue } from "../core";

/**
 * A program's arguments: each input as a `pulumi.Input`, optional where check accepts no value; a
 * spread record as a plain record, since its keys become inputs when the resource is declared.
 */
export type ArgsOf<F extends Record<string, InputField>> = {
  [K in keyof F as K extends OptionalInputName<F> ? never : K]: ArgOf<F[K]>;
} & {
  [K in keyof F as K extends OptionalInputName<F> ? K : never]?: ArgOf<F[K]>;
};

type ArgOf<F extends InputField> = F["meta"] extends { spread: true } ? InputValue<F> : pulumi.Input<InputValue<F>>;

/** The output properties of a resource class: each field of its state that is not `hidden`. */
export type OutputPropertiesOf<F extends Record<string, OutputField>> = {
  readonly [K in keyof F as K extends ProgramOutputName<F> ? K : never]: pulumi.Output<StateValue<F[K]>>;
};
