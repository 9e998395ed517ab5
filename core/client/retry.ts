/**
 * When a failed attempt is tried again, and after how long. The client's own loop (client.ts)
 * applies it, between attempts and without a concurrency slot; got makes single attempts.
 *
 * - Idempotent requests (GET, PUT, DELETE) retry 408, 429, 5xx gateway and server errors,
 *   dropped connections and timeouts; the invite POST retries only 429, where Qovery has
 *   certainly not acted (any other failure may hide an invitation that landed).
 * - The wait doubles from one second, with up to 100 ms of jitter, capped at `maxRetryDelayMs`;
 *   a `Retry-After` (seconds or a date) replaces it, capped the same way.
 * - At most `maxRetries` retries, and none that would end past RETRY_BUDGET_MS after the first
 *   attempt.
 */
import { HTTPError, RequestError } from "got";
import { BACKOFF_JITTER_MS, FIRST_BACKOFF_MS, RETRY_BUDGET_MS } from "../defaults";

const RETRIED_STATUS_CODES: readonly number[] = [408, 429, 500, 502, 503, 504, 521, 522, 524];
const RETRIED_ERROR_CODES: readonly string[] = [
  "ETIMEDOUT",
  "ECONNRESET",
  "EADDRINUSE",
  "ECONNREFUSED",
  "EPIPE",
  "ENOTFOUND",
  "ENETUNREACH",
  "EAI_AGAIN",
];

export interface RetryLimits {
  maxRetries: number;
  maxRetryDelayMs: number;
}

interface FailedAttempt {
  error: unknown;
  /** Whether this request may be sent again after any failure, or only after a 429. */
  idempotent: boolean;
  /** Retries already made (0 after the first attempt). */
  retries: number;
  /** When the first attempt started (ms since the epoch). */
  startedAt: number;
  now: number;
}

/** The wait before the next attempt, or undefined when the failure is final. */
export function retryDelayMs(limits: RetryLimits, attempt: FailedAttempt): number | undefined {
  if (attempt.retries >= limits.maxRetries || !isRetried(attempt.error, attempt.idempotent)) return undefined;
  const delayMs = retryAfterMs(limits, attempt.error, attempt.now) ?? backoffMs(attempt.retries, limits.maxRetryDelayMs);
  return attempt.now - attempt.startedAt + delayMs > RETRY_BUDGET_MS ? undefined : delayMs;
}

/** The wait after `retries` retries: doubling from FIRST_BACKOFF_MS, with jitter, capped at maxRetryDelayMs. */
export function backoffMs(retries: number, maxRetryDelayMs: number): number {
  return Math.min(FIRST_BACKOFF_MS * 2 ** retries + Math.random() * BACKOFF_JITTER_MS, maxRetryDelayMs);
}

/** A 429's Retry-After in milliseconds (delta-seconds or an HTTP date), capped at maxRetryDelayMs. */
export function retryAfterMs(limits: RetryLimits, error: unknown, now: number): number | undefined {
  if (!isRateLimited(error)) return undefined;
  const header = (error as HTTPError).response.headers["retry-after"];
  if (typeof header !== "string" || header.trim() === "") return undefined;
  const seconds = Number(header);
  const date = Date.parse(header);
  const ms = Number.isFinite(seconds) ? seconds * 1000 : Number.isNaN(date) ? undefined : date - now;
  return ms === undefined ? undefined : Math.min(Math.max(0, ms), limits.maxRetryDelayMs);
}

export function isRateLimited(error: unknown): boolean {
  return error instanceof HTTPError && error.response.statusCode === 429;
}

function isRetried(error: unknown, idempotent: boolean): boolean {
  if (isRateLimited(error)) return true;
  if (!idempotent) return false;
  if (error instanceof HTTPError) return RETRIED_STATUS_CODES.includes(error.response.statusCode);
  return error instanceof RequestError && error.code !== undefined && RETRIED_ERROR_CODES.includes(error.code);
}
