/**
 * The got instance behind the client: base URL, Authorization header, per-attempt timeout and
 * got's own retry machinery. Idempotent requests (GET, PUT, DELETE) retry 429, 5xx, resets
 * and timeouts with exponential backoff and jitter; `Retry-After` is honoured up to
 * `maxRetryDelayMs`; every request stops retrying after `maxRetries` retries or
 * RETRY_BUDGET_MS. The invite POST is not retried here except on 429 (see client.ts).
 */
import { got, type Got, type RetryObject } from "got";
import type { ProviderSettings } from "../settings";

/** No request keeps retrying past this, whatever the attempt count. */
export const RETRY_BUDGET_MS = 120_000;

const IDEMPOTENT_METHODS = ["GET", "PUT", "DELETE"] as const;
export const RETRIED_STATUS_CODES = [408, 429, 500, 502, 503, 504, 521, 522, 524];

/** A JWT (human login) is three base64url parts; anything else is an organization API token. */
export function authorizationScheme(token: string): "Bearer" | "Token" {
  return /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/.test(token) ? "Bearer" : "Token";
}

function retryDelay(settings: ProviderSettings) {
  return ({ computedValue, error }: RetryObject): number => {
    if (computedValue <= 0) return 0;
    const startedAt = Number(error.options.context.startedAt ?? Date.now());
    const delay = Math.min(computedValue, settings.maxRetryDelayMs);
    return Date.now() - startedAt + delay > RETRY_BUDGET_MS ? 0 : delay;
  };
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
    retry: {
      limit: settings.maxRetries,
      methods: [...IDEMPOTENT_METHODS],
      statusCodes: RETRIED_STATUS_CODES,
      backoffLimit: settings.maxRetryDelayMs,
      noise: 100,
      // got refuses a Retry-After above maxRetryAfter; accept any and cap it in retryDelay.
      maxRetryAfter: Number.MAX_SAFE_INTEGER,
      calculateDelay: retryDelay(settings),
    },
    hooks: {
      init: [
        (_raw, options) => {
          options.context = { ...options.context, startedAt: Date.now() };
        },
      ],
    },
  });
}
