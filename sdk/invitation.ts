/** The OrganizationInvitation resource: one person, one Qovery organization, one role. */
import * as pulumi from "@pulumi/pulumi";
import { programRoleInput } from "./role-asks";
import * as shim from "./shim";
import {
  INVITATION_PROPERTY_NAMES,
  INVITATION_SECRET_OUTPUTS,
  type InvitationStatus,
  type LegacyRole,
  type OnDelete,
  type OnExpired,
} from "../core";

export type { InvitationStatus, LegacyRole, OnDelete, OnExpired } from "../core";

export interface OrganizationInvitationArgs {
  /** The UUID of the Qovery organization. Changing it replaces the invitation. */
  organizationId: pulumi.Input<string>;
  /** The address to invite. Trimmed and compared in lower case; changing it replaces the invitation. */
  email: pulumi.Input<string>;
  /**
   * The role's name, case-insensitive: a built-in role (`admin`, `devops`, `billing`, `viewer`)
   * or a custom role. Give exactly one of `roleName`, `roleId` and `role`. `owner` declares the
   * organization owner as they are (never invited or changed), and is refused for anyone else.
   */
  roleName?: pulumi.Input<string>;
  /** The role's UUID in this organization (see `getOrganizationRoles`). */
  roleId?: pulumi.Input<string>;
  /** @deprecated Qovery's old role enum; it no longer matches the real roles. Use `roleName`. */
  role?: pulumi.Input<LegacyRole>;
  /**
   * Once a refresh has seen the invitation expire: `keep` (default) reports EXPIRED and does
   * nothing, `reissue` sends a new invitation at the next `up`, `fail` makes the next `up` fail.
   */
  onExpired?: pulumi.Input<OnExpired>;
  /**
   * When the resource is deleted (removed from the program, or `pulumi destroy`): `remove`
   * (default) cancels a pending invitation and removes an accepted member; `downgrade` cancels a
   * pending invitation and gives an accepted member the role `downgradeRoleName` instead.
   */
  onDelete?: pulumi.Input<OnDelete>;
  /** The role an accepted member gets on delete under `onDelete: "downgrade"` (default `viewer`); only with it. */
  downgradeRoleName?: pulumi.Input<string>;
}

export class OrganizationInvitation extends pulumi.dynamic.Resource {
  /** The organization's UUID. */
  declare public readonly organizationId: pulumi.Output<string>;
  /** The invited address, trimmed and in lower case. */
  declare public readonly email: pulumi.Output<string>;
  /** The role's UUID. */
  declare public readonly roleId: pulumi.Output<string>;
  /** The role's name as Qovery spells it. */
  declare public readonly roleName: pulumi.Output<string>;
  /** The policy for an expired invitation. */
  declare public readonly onExpired: pulumi.Output<OnExpired>;
  /** What a deletion does; absent means `remove`. */
  declare public readonly onDelete: pulumi.Output<OnDelete | undefined>;
  /** The role a deletion gives under `onDelete: "downgrade"`. */
  declare public readonly downgradeRoleName: pulumi.Output<string | undefined>;
  /** The invitation's id; kept after acceptance for the record. */
  declare public readonly invitationId: pulumi.Output<string | undefined>;
  /** PENDING, EXPIRED or ACCEPTED, as of the last create or refresh. */
  declare public readonly invitationStatus: pulumi.Output<InvitationStatus>;
  /** The link that lets its holder join the organization: a Pulumi secret. Empty once the person is a member. */
  declare public readonly invitationLink: pulumi.Output<string | undefined>;
  /** Who sent the invitation, as Qovery reports it. */
  declare public readonly inviter: pulumi.Output<string | undefined>;
  /** When the invitation was created (ISO 8601). */
  declare public readonly createdAt: pulumi.Output<string | undefined>;
  /** The organization's name, as Qovery reports it. */
  declare public readonly organizationName: pulumi.Output<string | undefined>;
  /** The member's id (such as `github|12345`) once the person is a member. */
  declare public readonly memberId: pulumi.Output<string | undefined>;

  constructor(name: string, args: OrganizationInvitationArgs, opts?: pulumi.CustomResourceOptions) {
    if (args.role !== undefined) {
      pulumi.log.warn(`OrganizationInvitation "${name}": \`role\` is deprecated and no longer matches Qovery's roles; use \`roleName\`.`);
    }
    // Every property of the resource, declared so that each is an output; what args gives overrides it.
    const properties = Object.fromEntries(INVITATION_PROPERTY_NAMES.map((property) => [property, undefined]));
    super(
      shim,
      name,
      { ...properties, ...args, ...programRoleInput(args) },
      { ...opts, additionalSecretOutputs: [...(opts?.additionalSecretOutputs ?? []), ...INVITATION_SECRET_OUTPUTS] },
      "qovery",
      "OrganizationInvitation",
    );
  }
}
