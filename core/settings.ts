/**
 * Where the provider finds its credentials and limits: the stack config handed to `configure()`
 * first (`qovery:apiToken`, `qovery:apiUrl`, ...), then the environment (`QOVERY_API_TOKEN`,
 * `QOVERY_API_URL`), then defaults.
 *
 * The Pulumi plugin caches the provider before `configure()` has finished, so settings are
 * stored synchronously and `configure()` never throws: a bad value is kept as a problem and
 * reported by the first operation that needs the API (provider/index.ts). A problem names the
 * key and what would be valid, never the value: a token pasted into the wrong key must not be
 * printed back.
 */
import { CONFIG_DEFAULTS } from "./defaults";

export interface ProviderSettings {
  apiUrl: string;
  /** Undefined when neither config nor environment gives one. Never logged, never in state. */
  apiToken?: string;
  /** Timeout of one HTTP request attempt, in milliseconds. */
  requestTimeoutMs: number;
  /** Retries after the first attempt, for idempotent requests and rate-limited invites. */
  maxRetries: number;
  /** Upper bound of the wait between two attempts, and of an honoured Retry-After, in ms. */
  maxRetryDelayMs: number;
  /** Requests in flight at once, shared by every resource of the provider process. */
  maxConcurrency: number;
  /** Config values that could not be used, each naming the key and what would be valid. */
  problems: string[];
}

/** The part of Pulumi's dynamic-provider `Config` that is read here. */
export interface ConfigSource {
  get(key: string): string | undefined;
}

interface NumericSetting {
  key: keyof Pick<ProviderSettings, "requestTimeoutMs" | "maxRetries" | "maxRetryDelayMs" | "maxConcurrency">;
  configKey: string;
  min: number;
  max: number;
}

/** Numeric limits with their stack-config keys and ranges; defaults in CONFIG_DEFAULTS. */
const NUMERIC_SETTINGS: readonly NumericSetting[] = [
  { key: "requestTimeoutMs", configKey: "qovery:requestTimeoutMs", min: 100, max: 600_000 },
  { key: "maxRetries", configKey: "qovery:maxRetries", min: 0, max: 20 },
  { key: "maxRetryDelayMs", configKey: "qovery:maxRetryDelayMs", min: 0, max: 300_000 },
  { key: "maxConcurrency", configKey: "qovery:maxConcurrency", min: 1, max: 64 },
];

function nonEmpty(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

export function resolveSettings(config: ConfigSource | undefined, env: NodeJS.ProcessEnv): ProviderSettings {
  const problems: string[] = [];
  const settings: ProviderSettings = {
    apiUrl: nonEmpty(config?.get("qovery:apiUrl")) ?? nonEmpty(env.QOVERY_API_URL) ?? CONFIG_DEFAULTS.apiUrl,
    apiToken: nonEmpty(config?.get("qovery:apiToken")) ?? nonEmpty(env.QOVERY_API_TOKEN),
    requestTimeoutMs: 0,
    maxRetries: 0,
    maxRetryDelayMs: 0,
    maxConcurrency: 0,
    problems,
  };
  if (!/^https?:\/\/[^\s/]+/.test(settings.apiUrl)) {
    problems.push(`qovery:apiUrl (or QOVERY_API_URL) must be an http(s) URL such as ${CONFIG_DEFAULTS.apiUrl}`);
  }
  settings.apiUrl = settings.apiUrl.replace(/\/+$/, "");
  for (const setting of NUMERIC_SETTINGS) {
    const raw = nonEmpty(config?.get(setting.configKey));
    settings[setting.key] = CONFIG_DEFAULTS[setting.key];
    if (raw === undefined) continue;
    const value = Number(raw);
    if (Number.isInteger(value) && value >= setting.min && value <= setting.max) {
      settings[setting.key] = value;
    } else {
      problems.push(`${setting.configKey} must be an integer from ${setting.min} to ${setting.max}`);
    }
  }
  return settings;
}
