/**
 * `getOrganizationAccess`: the access review's lookup, for programs and scripts. Credentials as
 * for the provider: stack config `qovery:apiToken` / `qovery:apiUrl`, else QOVERY_API_TOKEN /
 * QOVERY_API_URL (so it also works in a plain Node script, outside `pulumi`).
 */
import * as pulumi from "@pulumi/pulumi";
import {
  connect,
  fetchOrganizationAccess,
  QoveryInvitationsError,
  resolveSettings,
  type OrganizationAccess,
  type QoveryConnection,
} from "../core";

export interface OrganizationAccessLookupArgs {
  /** The UUID of the Qovery organization. */
  organizationId: string;
}

/** The program's credentials: stack config `qovery:apiToken` / `qovery:apiUrl`, else the environment. */
export function programQovery(): QoveryConnection {
  // The runtime's raw config read: `pulumi.Config.get` would warn that the token is a secret.
  return connect(resolveSettings({ get: (key) => pulumi.runtime.getConfig(key) }, process.env));
}

/**
 * Every member (id, email, role name, last activity, owner) and every invitation (email, role
 * name, status, inviter) of the organization. Credentials as for the provider: stack config
 * `qovery:apiToken` / `qovery:apiUrl`, else QOVERY_API_TOKEN / QOVERY_API_URL, so it also
 * works in a plain Node script.
 */
export async function getOrganizationAccess(args: OrganizationAccessLookupArgs): Promise<OrganizationAccess> {
  if (typeof args?.organizationId !== "string" || args.organizationId.trim() === "") {
    throw new QoveryInvitationsError({
      code: "INVALID_INPUT",
      subject: "organizationId",
      message: "getOrganizationAccess: organizationId (the organization's UUID) is required",
      advice: "Pass the organization's UUID, shown in the Qovery console.",
    });
  }
  return fetchOrganizationAccess(programQovery().client, args.organizationId.trim());
}
