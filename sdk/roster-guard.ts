/**
 * RosterGuard: the child `<roster>:guardrails` of an OrganizationRoster in `unmanaged: "remove"`
 * mode or with `onDelete: "downgrade"`. Its check fails with each refusal the roster computed, so
 * a preview or up that breaks a guardrail stops at it; the roster's people and its removals
 * depend on it. Programs do not declare it themselves. See provider/roster-guard/index.ts.
 */
import * as pulumi from "@pulumi/pulumi";
import type { rosterGuardInputFields } from "../core";
import type { ArgsOf } from "./resource-types";
import * as guardShim from "./roster-guard-shim";

/** Its arguments: the inputs of its definition (core/definitions/roster-guard.ts). */
export type RosterGuardArgs = ArgsOf<typeof rosterGuardInputFields>;

export class RosterGuard extends pulumi.dynamic.Resource {
  constructor(name: string, args: RosterGuardArgs, opts?: pulumi.CustomResourceOptions) {
    super(guardShim, name, { organizationId: args.organizationId, refusals: args.refusals }, opts, "qovery", "RosterGuard");
  }
}
