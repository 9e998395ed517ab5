/**
 * A program directory with the packed package, a local file backend and a CLI engine
 * (tests/support/pulumi-cli.ts), pointed at a fresh local Qovery fake: the bed of every scenario
 * that runs through the real Pulumi CLI.
 */
import { startFakeQovery, type FakeQovery, type FakeQoveryOptions } from "../../tests/fake-qovery";
import { newProgramDir } from "../../tests/support/program-dir";
import { CliEngine } from "../../tests/support/pulumi-cli";

export interface CliBed {
  fake: FakeQovery;
  engine: CliEngine;
  close(): Promise<void>;
}

export async function startCliBed(options: {
  fake?: FakeQoveryOptions;
  config?: Record<string, string>;
  parallel?: number;
  env?: (fake: FakeQovery) => Record<string, string>;
}): Promise<CliBed> {
  const fake = await startFakeQovery(options.fake);
  const engine = new CliEngine({
    programDir: await newProgramDir(),
    config: { "qovery:apiUrl": fake.url, "qovery:apiToken": fake.apiToken, ...options.config },
    secretConfigKeys: ["qovery:apiToken"],
    parallel: options.parallel,
    env: options.env?.(fake),
  });
  return {
    fake,
    engine,
    async close() {
      await engine.close();
      await fake.close();
    },
  };
}

/** The resources of a type in the state file. */
export const resourcesInState = (engine: CliEngine, typeSuffix: string) =>
  (engine.readState().checkpoint.latest?.resources ?? []).filter((r) => r.type.endsWith(typeSuffix));
