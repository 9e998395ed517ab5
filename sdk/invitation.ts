/** The OrganizationInvitation resource: one person, one Qovery organization, one role. */
import * as pulumi from "@pulumi/pulumi";
import { programRoleInput } from "./role-asks";
import * as shim from "./shim";
import { INVITATION_PROPERTY_NAMES, INVITATION_SECRET_OUTPUTS, type invitationInputFields, type invitationStateFields } from "../core";
import type { ArgsOf, OutputPropertiesOf } from "./resource-types";

export type { InvitationStatus, LegacyRole, OnDelete, OnExpired } from "../core";

/** The arguments of an OrganizationInvitation: the inputs of its definition (core/definitions/invitation.ts). */
export type OrganizationInvitationArgs = ArgsOf<typeof invitationInputFields>;

/** Its output properties: the recorded inputs and the outputs of its definition, but the hidden ones. */
export type InvitationOutputProperties = OutputPropertiesOf<typeof invitationStateFields>;

// The class declares its output properties through this interface, merged into it, because a
// class cannot declare properties from a mapped type; Pulumi's Resource constructor sets them.
// eslint-disable-next-line @typescript-eslint/no-empty-object-type, @typescript-eslint/no-unsafe-declaration-merging
export interface OrganizationInvitation extends InvitationOutputProperties {}

// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export class OrganizationInvitation extends pulumi.dynamic.Resource {
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
