/** Shared set-up for tests that talk to the local Qovery fake through the real client. */
import { QoveryClient } from "../../core/client/client";
import { createContext, type LifecycleContext } from "../../provider/shared/context";
import { resolveSettings, type ProviderSettings } from "../../core/settings";
import { startFakeQovery, type FakeQovery, type FakeQoveryOptions } from "../fake-qovery";

/** Settings for tests: the fake's URL and token, short timeouts and retry delays. */
export function testSettings(fake: FakeQovery, overrides: Partial<ProviderSettings> = {}): ProviderSettings & { apiToken: string } {
  const config: Record<string, string> = {
    "qovery:apiUrl": fake.url,
    "qovery:apiToken": fake.apiToken,
    "qovery:requestTimeoutMs": "2000",
    "qovery:maxRetryDelayMs": "20",
    "qovery:maxRetries": "3",
  };
  const settings = resolveSettings({ get: (key) => config[key] }, {});
  return { ...settings, ...overrides, apiToken: overrides.apiToken ?? fake.apiToken };
}

export interface QoveryTestBed {
  fake: FakeQovery;
  client: QoveryClient;
  ctx: LifecycleContext;
  warnings: string[];
  /** A fresh lifecycle context, as the plugin process of the next Pulumi command has. */
  nextCommand(): void;
  close(): Promise<void>;
}

/** A fresh fake, a client pointed at it, and a lifecycle context that records its warnings. */
export async function startTestBed(options: FakeQoveryOptions = {}, overrides: Partial<ProviderSettings> = {}): Promise<QoveryTestBed> {
  const fake = await startFakeQovery(options);
  const settings = testSettings(fake, overrides);
  const client = new QoveryClient(settings);
  const warnings: string[] = [];
  const newContext = () => {
    const ctx = createContext(client, { ...settings, warn: (message) => warnings.push(message) });
    ctx.sleep = () => Promise.resolve();
    return ctx;
  };
  const bed: QoveryTestBed = {
    fake,
    client,
    ctx: newContext(),
    warnings,
    nextCommand: () => {
      bed.ctx = newContext();
    },
    close: () => fake.close(),
  };
  return bed;
}
