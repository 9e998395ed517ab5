/**
 * The native OrganizationRoster as the plugin builds it (Construct, see construct.ts): the same
 * mechanism as the dynamic roster (sdk/roster.ts), with native children and the credentials the
 * engine configured the plugin with (`qovery-invitations:apiToken` of the stack, or an explicit
 * provider's arguments). The roster and each child are aliased to their dynamic types, so that a
 * TypeScript stack switches a roster from one class to the other in place (dynamic-alias.ts).
 */
import * as pulumi from "@pulumi/pulumi";
import {
  DYNAMIC_GUARD_TYPE,
  DYNAMIC_REMOVAL_TYPE,
  DYNAMIC_ROSTER_TYPE,
  GUARD_TYPE,
  REMOVAL_TYPE,
  ROSTER_TYPE,
  type QoveryConnection,
} from "../../core";
import type { OrganizationRosterArgs } from "../roster";
import { RosterComponent } from "../roster";
import { removalProperties, type UnmanagedAccessRemovalArgs } from "../removal";
import type { RosterGuardArgs } from "../roster-guard";
import { aliasedToDynamic } from "./dynamic-alias";
import { OrganizationInvitation } from "./invitation";

/** The roster's removal child, served by the plugin (provider/removal/). */
class UnmanagedAccessRemoval extends pulumi.CustomResource {
  constructor(name: string, args: UnmanagedAccessRemovalArgs, opts?: pulumi.CustomResourceOptions) {
    super(REMOVAL_TYPE, name, removalProperties(args), aliasedToDynamic(DYNAMIC_REMOVAL_TYPE, opts));
  }
}

/** The roster's guard child, served by the plugin (provider/roster-guard/). */
class RosterGuard extends pulumi.CustomResource {
  constructor(name: string, args: RosterGuardArgs, opts?: pulumi.CustomResourceOptions) {
    super(GUARD_TYPE, name, { organizationId: args.organizationId, refusals: args.refusals }, aliasedToDynamic(DYNAMIC_GUARD_TYPE, opts));
  }
}

/** The roster as the plugin builds it; `connect` gives the plugin's configured client. */
export class ConstructedRoster extends RosterComponent<OrganizationInvitation> {
  constructor(connect: () => QoveryConnection, name: string, args: OrganizationRosterArgs, opts?: pulumi.ComponentResourceOptions) {
    super(
      { type: ROSTER_TYPE, Invitation: OrganizationInvitation, Removal: UnmanagedAccessRemoval, Guard: RosterGuard, connect },
      name,
      args,
      aliasedToDynamic(DYNAMIC_ROSTER_TYPE, opts),
    );
  }
}
