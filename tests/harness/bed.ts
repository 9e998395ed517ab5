/**
 * The engine harness pointed at a fresh local Qovery fake, with a state file of its own: the bed
 * of the fault matrix (tests/faults) and of the benchmark's provider-level figures (bench/), the
 * two users the harness is kept for (see README.md).
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { startFakeQovery, type FakeQovery, type FakeQoveryOptions } from "../fake-qovery";
import { repositoryRoot } from "../support/installed-package";
import { Engine } from "./index";

export interface HarnessBed {
  fake: FakeQovery;
  engine: Engine;
  stateFile: string;
  log: string[];
  close(): Promise<void>;
}

export interface HarnessBedOptions {
  fake?: FakeQoveryOptions;
  /** Stack config added to qovery:apiUrl and qovery:apiToken. */
  config?: (fake: FakeQovery) => Record<string, string>;
  /** Resource steps in flight, like the CLI's `--parallel` (default 1). */
  parallel?: number;
  /** Environment added to the plugin's (which never holds this process's QOVERY_* variables). */
  env?: (fake: FakeQovery) => NodeJS.ProcessEnv;
}

export async function startHarnessBed(options: HarnessBedOptions = {}): Promise<HarnessBed> {
  const fake = await startFakeQovery(options.fake);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "qovery-harness-"));
  const stateFile = path.join(dir, "state.json");
  const log: string[] = [];
  const { QOVERY_API_TOKEN: _token, QOVERY_API_URL: _url, ...env } = process.env;
  const engine = new Engine({
    programDir: repositoryRoot,
    stateFile,
    config: {
      "qovery:apiUrl": fake.url,
      "qovery:apiToken": fake.apiToken,
      ...options.config?.(fake),
    },
    secretConfigKeys: ["qovery:apiToken"],
    env: { ...env, ...options.env?.(fake) },
    log: (line) => log.push(line),
    parallel: options.parallel,
  });
  return {
    fake,
    engine,
    stateFile,
    log,
    async close() {
      await engine.close();
      await fake.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
