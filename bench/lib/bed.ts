/**
 * A bench bed: a fresh local Qovery fake, an engine harness pointed at it with a state file of
 * its own, and a way to tear both down. Like tests/support/engine.ts, but with the harness's
 * `parallel` option, the plugin's environment and the provider's config left to the scenario.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { startFakeQovery, type FakeQovery, type FakeQoveryOptions } from "../../tests/fake-qovery";
import { Engine, type HarnessOptions } from "../../tests/harness";
import { repositoryRoot } from "../../tests/support/installed-package";

/** `parallel` is being added to the harness (max resource steps in flight, default 1). */
export type BenchHarnessOptions = HarnessOptions & { parallel?: number };

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
  const harness: BenchHarnessOptions = {
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

/** Whether the harness in this checkout honours `parallel` (otherwise steps run one at a time). */
export function harnessSupportsParallel(): boolean {
  const source = fs.readFileSync(path.join(repositoryRoot, "tests", "harness", "index.ts"), "utf8");
  return /\bparallel\??\s*:/.test(source);
}
