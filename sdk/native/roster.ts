/**
 * OrganizationRoster as a multi-language component of the native plugin. The plugin builds it
 * (Construct, see construct.ts) with the same mechanism as the dynamic roster (sdk/roster.ts), but
 * native children and the plugin's credentials (`qovery-invitations:apiToken`, else
 * QOVERY_API_TOKEN). TypeScript programs declare it with `native.OrganizationRoster`, other
 * languages through their SDK or YAML.
 */
import * as pulumi from "@pulumi/pulumi";
import {
  connect,
  GUARD_TYPE,
  REMOVAL_TYPE,
  removalOutputFields,
  resolveSettings,
  ROSTER_TYPE,
  type InvitationStatus,
  type QoveryConnection,
} from "../../core";
import type { OrganizationRosterArgs } from "../roster";
import { RosterComponent, type RosterParts } from "../roster";
import type { UnmanagedAccessRemovalArgs } from "../removal";
import type { RosterGuardArgs } from "../roster-guard";
import { OrganizationInvitation } from "./invitation";

/** The roster's removal child, served by the plugin (provider/removal/). */
class UnmanagedAccessRemoval extends pulumi.CustomResource {
  constructor(name: string, args: UnmanagedAccessRemovalArgs, opts?: pulumi.CustomResourceOptions) {
    const outputs = Object.fromEntries(Object.keys(removalOutputFields).map((output) => [output, undefined]));
    super(REMOVAL_TYPE, name, { organizationId: args.organizationId, ...args.removals, ...outputs }, opts);
  }
}

/** The roster's guard child, served by the plugin (provider/roster-guard/). */
class RosterGuard extends pulumi.CustomResource {
  constructor(name: string, args: RosterGuardArgs, opts?: pulumi.CustomResourceOptions) {
    super(GUARD_TYPE, name, { organizationId: args.organizationId, refusals: args.refusals }, opts);
  }
}

/** The plugin's credentials, from the config the engine hands Construct, under core's `qovery:` keys. */
function pluginQovery(): QoveryConnection {
  const settings = resolveSettings({ get: (key) => pulumi.runtime.getConfig(key.replace(/^qovery:/, "qovery-invitations:")) }, process.env);
  return connect(settings, "native");
}

const NATIVE_PARTS: RosterParts<OrganizationInvitation> = {
  type: ROSTER_TYPE,
  Invitation: OrganizationInvitation,
  Removal: UnmanagedAccessRemoval,
  Guard: RosterGuard,
  connect: pluginQovery,
};

/** The roster as the plugin builds it. */
export class ConstructedRoster extends RosterComponent<OrganizationInvitation> {
  constructor(name: string, args: OrganizationRosterArgs, opts?: pulumi.ComponentResourceOptions) {
    super(NATIVE_PARTS, name, args, opts);
  }
}

/** The native roster in a TypeScript program: the plugin builds it and its children. */
export class OrganizationRoster extends pulumi.ComponentResource {
  /** Email (lower case) → PENDING, EXPIRED or ACCEPTED. */
  declare public readonly statuses: pulumi.Output<Record<string, InvitationStatus>>;

  constructor(name: string, args: OrganizationRosterArgs, opts?: pulumi.ComponentResourceOptions) {
    super(ROSTER_TYPE, name, { ...args, statuses: undefined }, opts, true);
  }
}
