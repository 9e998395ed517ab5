/**
 * OrganizationRoster as a multi-language component of the native plugin: a TypeScript program
 * declares it here, other languages through their SDK or YAML, and the plugin builds it and its
 * children (constructed-roster.ts).
 */
import * as pulumi from "@pulumi/pulumi";
import { ROSTER_TYPE } from "../../core/definitions/package";
import type { InvitationStatus, ReviewedInvitation, ReviewedMember } from "../../core";
import type { OrganizationRosterArgs } from "../roster";

/** The native roster in a TypeScript program: the plugin builds it and its children. */
export class OrganizationRoster extends pulumi.ComponentResource {
  /** Email (lower case) → PENDING, EXPIRED or ACCEPTED. */
  declare public readonly statuses: pulumi.Output<Record<string, InvitationStatus>>;
  /** The organization's members that this roster does not declare; see the dynamic OrganizationRoster. */
  declare public readonly unmanagedMembers: pulumi.Output<ReviewedMember[] | undefined>;
  /** The organization's invitations that this roster does not declare; see the dynamic OrganizationRoster. */
  declare public readonly unmanagedInvitations: pulumi.Output<ReviewedInvitation[] | undefined>;

  constructor(name: string, args: OrganizationRosterArgs, opts?: pulumi.ComponentResourceOptions) {
    super(ROSTER_TYPE, name, { ...args, statuses: undefined, unmanagedMembers: undefined, unmanagedInvitations: undefined }, opts, true);
  }
}
