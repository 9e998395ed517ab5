/**
 * UnmanagedAccessRemoval: the one resource by which an authoritative OrganizationRoster
 * (`unmanaged: "remove"`) removes access it does not declare. Each removal is an input of its own,
 * `remove-member:<email>` or `remove-invitation:<email>` (`…/<id>` when one email has several
 * entries of a kind), whose value is the member or invitation id, so `pulumi preview` lists each
 * removal by email, and nothing happens before `pulumi up`. Once the access is gone the roster
 * declares no removal and the resource shows no change. Programs do not declare it themselves:
 * the roster does. See provider/removal/index.ts.
 */
import * as pulumi from "@pulumi/pulumi";
import { removalOutputFields, type removalInputFields, type removalStateFields } from "../core";
import * as removalShim from "./removal-shim";
import type { ArgsOf, OutputPropertiesOf } from "./resource-types";

/** Its arguments: the inputs of its definition (core/definitions/removal.ts); each removal becomes an input of its own. */
export type UnmanagedAccessRemovalArgs = ArgsOf<typeof removalInputFields>;

/** Its output properties: the fields of its state, but the removals (inputs of their own). */
type RemovalOutputProperties = OutputPropertiesOf<typeof removalStateFields>;

// The class declares its output properties through this interface, merged into it, because a
// class cannot declare properties from a mapped type; Pulumi's Resource constructor sets them.
// eslint-disable-next-line @typescript-eslint/no-empty-object-type, @typescript-eslint/no-unsafe-declaration-merging
export interface UnmanagedAccessRemoval extends RemovalOutputProperties {}

/**
 * What a removal registers, served by either provider: the organization, each removal as an input
 * of its own (so that the preview lists it by email), and each output declared, so that the
 * resource has it.
 */
export function removalProperties(args: UnmanagedAccessRemovalArgs): Record<string, unknown> {
  const outputs = Object.fromEntries(Object.keys(removalOutputFields).map((output) => [output, undefined]));
  return { organizationId: args.organizationId, ...args.removals, ...outputs };
}

// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export class UnmanagedAccessRemoval extends pulumi.dynamic.Resource {
  constructor(name: string, args: UnmanagedAccessRemovalArgs, opts?: pulumi.CustomResourceOptions) {
    super(removalShim, name, removalProperties(args), opts, "qovery", "UnmanagedAccessRemoval");
  }
}
