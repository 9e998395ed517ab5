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
import * as removalShim from "./removal-shim";

/** removed (a member), cancelled (an invitation), already gone, or kept (found protected at `up`). */
export type RemovalOutcome = "removed" | "cancelled" | "already gone" | "kept";

export interface UnmanagedAccessRemovalArgs {
  organizationId: pulumi.Input<string>;
  /** Removal key → member id or invitation id. */
  removals: Record<string, string>;
}

export class UnmanagedAccessRemoval extends pulumi.dynamic.Resource {
  declare public readonly organizationId: pulumi.Output<string>;
  /** What came of each removal at the last `up` that had something to remove, by key. */
  declare public readonly outcomes: pulumi.Output<Record<string, RemovalOutcome>>;
  /** Why a removal was not carried out (outcome "kept"), by key. */
  declare public readonly kept: pulumi.Output<Record<string, string> | undefined>;
  declare public readonly appliedAt: pulumi.Output<string>;

  constructor(name: string, args: UnmanagedAccessRemovalArgs, opts?: pulumi.CustomResourceOptions) {
    const outputs = { outcomes: undefined, kept: undefined, appliedAt: undefined };
    super(
      removalShim,
      name,
      { organizationId: args.organizationId, ...args.removals, ...outputs },
      opts,
      "qovery",
      "UnmanagedAccessRemoval",
    );
  }
}
