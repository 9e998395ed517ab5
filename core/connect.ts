/**
 * The one way from settings to a Qovery client, for the plugin, the program and the command line:
 * settings with a problem, or without a token, fail here, naming what to fix (never the token).
 */
import { QoveryClient } from "./client/client";
import { InvalidSettingsError, MissingTokenError, type TokenSource } from "./client/errors";
import type { ProviderSettings } from "./settings";
import { tokenIdentity, type TokenIdentity } from "./token";

export interface QoveryConnection {
  client: QoveryClient;
  /** Who the token belongs to, when it can be told (a JWT). */
  token: TokenIdentity | undefined;
}

/** `tokenSource`: where the missing token should have come from, for the error's advice. */
export function connect(settings: ProviderSettings, tokenSource: TokenSource = "pulumi"): QoveryConnection {
  if (settings.problems.length > 0) throw new InvalidSettingsError(settings.problems);
  const apiToken = settings.apiToken;
  if (!apiToken) throw new MissingTokenError(tokenSource);
  return { client: new QoveryClient({ ...settings, apiToken }), token: tokenIdentity(apiToken) };
}
