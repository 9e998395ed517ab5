/**
 * Every default and time limit of the provider, in one place. The values a stack may override
 * are in CONFIG_DEFAULTS (read by settings.ts, documented in the README's Configuration table);
 * the others are fixed.
 */

/** The defaults of the `qovery:` stack-config keys. */
export const CONFIG_DEFAULTS = {
  apiUrl: "https://api.qovery.com",
  requestTimeoutMs: 30_000,
  maxRetries: 5,
  maxRetryDelayMs: 30_000,
  maxConcurrency: 8,
} as const;

/** No request keeps retrying past this, whatever the attempt count. */
export const RETRY_BUDGET_MS = 120_000;
/** The first wait before a retry; it doubles at each retry, up to qovery:maxRetryDelayMs. */
export const FIRST_BACKOFF_MS = 1000;
/** The most jitter added to a backoff. */
export const BACKOFF_JITTER_MS = 100;

/** How long a create or delete may use a list fetched earlier in the command. */
export const LIST_TTL_MS = 30_000;
/** The role list changes seldom: a create may use one this old before fetching it again. */
export const ROLES_TTL_MS = 5 * 60_000;
/** How long after a role change of ours the member list may still show the old role. */
export const ROLE_LAG_MS = 10 * 60_000;
