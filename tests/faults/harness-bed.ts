/**
 * The engine harness (tests/harness) pointed at a fresh local Qovery fake, with a state file of
 * its own: the bed of the fault matrix, which runs hundreds of operations and would take far
 * longer through the CLI. Each fault class also runs through the real CLI (cli.test.ts).
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { startFakeQovery, type FakeQovery, type FakeQoveryOptions } from "../fake-qovery";
import { Engine } from "../harness";
import { repositoryRoot } from "../support/installed-package";

export interface HarnessBed {
  fake: FakeQovery;
  engine: Engine;
  stateFile: string;
  log: string[];
  close(): Promise<void>;
}

export async function startHarnessBed(
  options: { fake?: FakeQoveryOptions; config?: (fake: FakeQovery) => Record<string, string>; parallel?: number } = {},
): Promise<HarnessBed> {
  const fake = await startFakeQovery(options.fake);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "qovery-e2e-"));
  const stateFile = path.join(dir, "state.json");
  const log: string[] = [];
  const engine = new Engine({
    programDir: repositoryRoot,
    stateFile,
    config: {
      "qovery:apiUrl": fake.url,
      "qovery:apiToken": fake.apiToken,
      "qovery:maxRetryDelayMs": "50",
      ...options.config?.(fake),
    },
    secretConfigKeys: ["qovery:apiToken"],
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
