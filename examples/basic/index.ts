/**
 * One invitation from stack config:
 *
 *   pulumi config set qovery:apiToken --secret        # an organization API token (admin or owner)
 *   pulumi config set organizationId <organization UUID>
 *   pulumi config set email jane@example.com
 *   pulumi config set roleName devops                 # built-in or custom, any case
 *   pulumi up
 */
import * as pulumi from "@pulumi/pulumi";
import { OrganizationInvitation } from "pulumi-qovery-invitations";

const config = new pulumi.Config();

const invitation = new OrganizationInvitation(config.require("email"), {
  organizationId: config.require("organizationId"),
  email: config.require("email"),
  roleName: config.get("roleName") ?? "viewer",
  onExpired: "reissue",
});

export const status = invitation.invitationStatus;
export const role = invitation.roleName;
/** A secret: `pulumi stack output invitationLink --show-secrets` to see it. */
export const invitationLink = invitation.invitationLink;
