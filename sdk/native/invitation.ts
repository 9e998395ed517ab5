/**
 * OrganizationInvitation served by the native plugin (`pulumi-resource-qovery-invitations`) rather
 * than by Pulumi's dynamic provider: the same arguments, outputs, id and behaviour, plus
 * `pulumi import`. A stack switches a person from one class to the other in place (dynamic-alias.ts).
 */
import * as pulumi from "@pulumi/pulumi";
import { DYNAMIC_INVITATION_TYPE, INVITATION_PROPERTY_NAMES, INVITATION_TYPE } from "../../core/definitions/package";
import type { InvitationOutputProperties, OrganizationInvitationArgs } from "../invitation";
import { aliasedToDynamic } from "./dynamic-alias";

// The output properties, as the dynamic class declares them (sdk/invitation.ts), merged into the class.
// eslint-disable-next-line @typescript-eslint/no-empty-object-type, @typescript-eslint/no-unsafe-declaration-merging
export interface OrganizationInvitation extends InvitationOutputProperties {}

// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export class OrganizationInvitation extends pulumi.CustomResource {
  constructor(name: string, args: OrganizationInvitationArgs, opts?: pulumi.CustomResourceOptions) {
    const properties = Object.fromEntries(INVITATION_PROPERTY_NAMES.map((property) => [property, undefined]));
    super(INVITATION_TYPE, name, { ...properties, ...args }, aliasedToDynamic(DYNAMIC_INVITATION_TYPE, opts));
  }
}
