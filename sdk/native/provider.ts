/**
 * An explicit instance of the native plugin, for a program that reaches Qovery with other
 * credentials than its stack config's (`qovery-invitations:*`): another organization's token, or
 * another API URL. Given as `provider` to an invitation, or in `providers` of a roster, whose
 * children and whose read of the organization then use it.
 */
import * as pulumi from "@pulumi/pulumi";
import { PACKAGE_NAME } from "../../core/definitions/package";

/** The provider's settings: the same keys as the stack config's `qovery-invitations:*`. */
export interface ProviderArgs {
  /** The Qovery API token; else the environment variable QOVERY_API_TOKEN. Kept secret. */
  apiToken?: pulumi.Input<string>;
  /** Qovery's API base URL; else QOVERY_API_URL, else Qovery's own. */
  apiUrl?: pulumi.Input<string>;
  /** Timeout of one HTTP request attempt, in ms. */
  requestTimeoutMs?: pulumi.Input<number>;
  /** Retries after the first attempt. */
  maxRetries?: pulumi.Input<number>;
  /** Longest wait between two attempts, in ms. */
  maxRetryDelayMs?: pulumi.Input<number>;
  /** Requests in flight at once. */
  maxConcurrency?: pulumi.Input<number>;
}

export class Provider extends pulumi.ProviderResource {
  constructor(name: string, args: ProviderArgs = {}, opts?: pulumi.ResourceOptions) {
    const { apiToken, ...settings } = args;
    super(PACKAGE_NAME, name, { ...settings, apiToken: apiToken === undefined ? undefined : pulumi.secret(apiToken) }, opts);
  }
}
