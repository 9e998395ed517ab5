/** An engine harness pointed at a fresh local Qovery fake, with a state file of its own. */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { startFakeQovery, type FakeQovery, type FakeQoveryOptions } from "../fake-qovery";
import { Engine, type RunResult, type Step } from "../harness";
import { repositoryRoot } from "./installed-package";

export interface EngineBed {
  fake: FakeQovery;
  engine: Engine;
  stateFile: string;
  log: string[];
  close(): Promise<void>;
}

export async function startEngineBed(
  options: { fake?: FakeQoveryOptions; config?: (fake: FakeQovery) => Record<string, string>; parallel?: number } = {},
): Promise<EngineBed> {
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

/** The steps of a run that change something (neither `same` nor `read-same`), in the order they ran. */
export function changingSteps(result: Pick<RunResult, "steps">): Step[] {
  return result.steps.filter((step) => step.op !== "same" && step.op !== "read-same");
}

/** The changing steps as `<op> <name>`, e.g. `replace ada@example.com`. */
export function changedSteps(result: Pick<RunResult, "steps">): string[] {
  return changingSteps(result).map((step) => `${step.op} ${step.name}`);
}
