/**
 * A bench bed for the provider-level figures (the `__provider` size and the API calls of each
 * lifecycle method, read through the harness's probes on the plugin's gRPC calls): a fresh local
 * Qovery fake and an engine harness pointed at it. The user-facing figures go through the real
 * CLI instead (scenarios/cli.ts).
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { startFakeQovery, type FakeQovery, type FakeQoveryOptions } from "../../tests/fake-qovery";
import { Engine, type HarnessOptions } from "../../tests/harness";
import { repositoryRoot } from "../../tests/support/installed-package";

export interface BedOptions {
  fake?: FakeQoveryOptions;
  /** Extra stack config (namespaced keys), added to qovery:apiUrl and qovery:apiToken. */
  config?: Record<string, string>;
  /** Harness `parallel` (resource steps in flight). */
  parallel?: number;
  /** Extra environment of the plugin process. */
  env?: (fake: FakeQovery) => NodeJS.ProcessEnv;
  /** Harness log lines; dropped by default (the bench prints its own progress). */
  log?: (line: string) => void;
}

export interface Bed {
  fake: FakeQovery;
  engine: Engine;
  stateFile: string;
  close(): Promise<void>;
}

export async function startBed(options: BedOptions = {}): Promise<Bed> {
  const fake = await startFakeQovery(options.fake);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "qovery-bench-"));
  const stateFile = path.join(dir, "state.json");
  const { QOVERY_API_TOKEN: _token, QOVERY_API_URL: _url, ...env } = process.env;
  const harness: HarnessOptions = {
    programDir: repositoryRoot,
    stateFile,
    config: { "qovery:apiUrl": fake.url, "qovery:apiToken": fake.apiToken, ...options.config },
    secretConfigKeys: ["qovery:apiToken"],
    env: { ...env, ...options.env?.(fake) },
    log: options.log ?? (() => undefined),
    parallel: options.parallel ?? 1,
  };
  const engine = new Engine(harness);
  return {
    fake,
    engine,
    stateFile,
    async close() {
      await engine.close();
      await fake.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
