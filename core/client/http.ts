/**
 * The got instance behind the client: base URL, Authorization header and per-attempt timeout.
 * It makes single attempts: retries are the client's (client.ts, with the rules of retry.ts),
 * so that no request holds a concurrency slot while it waits to try again.
 */
import { got, type Got } from "got";
import type { ProviderSettings } from "../settings";

/** A JWT (human login) is three base64url parts; anything else is an organization API token. */
export function authorizationScheme(token: string): "Bearer" | "Token" {
  return /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/.test(token) ? "Bearer" : "Token";
}

export function createHttp(settings: ProviderSettings & { apiToken: string }): Got {
  return got.extend({
    prefixUrl: settings.apiUrl,
    headers: {
      authorization: `${authorizationScheme(settings.apiToken)} ${settings.apiToken}`,
      accept: "application/json",
      "user-agent": "pulumi-qovery-invitations",
    },
    timeout: { request: settings.requestTimeoutMs },
    responseType: "text",
    retry: { limit: 0 },
  });
}
