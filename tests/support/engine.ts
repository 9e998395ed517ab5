/** The real Pulumi CLI on a fresh program directory, pointed at a fresh local Qovery fake. */
import { startFakeQovery, type FakeQovery, type FakeQoveryOptions } from "../fake-qovery";
import { newProgramDir } from "./program-dir";
import * as path from "node:path";
import { languageHosts, type Language } from "./languages";
import { CliEngine, pulumiCli, type RunResult, type Step } from "./pulumi-cli";

export interface EngineBed {
  fake: FakeQovery;
  engine: CliEngine;
  /** The stack's checkpoint file, as the CLI writes it. */
  stateFile: string;
  /** Every line the CLI printed, across runs. */
  log: string[];
  close(): Promise<void>;
}

export async function startEngineBed(
  options: {
    fake?: FakeQoveryOptions;
    config?: (fake: FakeQovery) => Record<string, string>;
    parallel?: number;
    files?: Record<string, string>;
    env?: Record<string, string>;
    /** Where the provider finds the token: stack config `qovery:apiToken` (default) or QOVERY_API_TOKEN. */
    tokenIn?: "config" | "environment" | "nowhere";
    /**
     * Also configures the native plugin (`qovery-invitations:` keys) and puts the program's
     * `node_modules/.bin`, where npm linked the plugin, on the CLI's PATH.
     */
    native?: boolean;
    /** A program in this language (its Pulumi.yaml among `files`): its language host goes on the PATH too. */
    language?: Language;
  } = {},
): Promise<EngineBed> {
  const fake = await startFakeQovery(options.fake);
  const log: string[] = [];
  const inConfig = (options.tokenIn ?? "config") === "config";
  const programDir = await newProgramDir(options.files);
  const namespaces = options.native ? ["qovery", "qovery-invitations"] : ["qovery"];
  const providerConfig = Object.fromEntries(
    namespaces.flatMap((namespace) => [
      [`${namespace}:apiUrl`, fake.url],
      ...(inConfig ? [[`${namespace}:apiToken`, fake.apiToken]] : []),
      [`${namespace}:maxRetryDelayMs`, "50"],
    ]),
  );
  const hosts = options.language ? [languageHosts()] : [];
  const pluginPath: Record<string, string> = options.native
    ? { PATH: [path.join(programDir, "node_modules", ".bin"), pulumiCli(), ...hosts, process.env.PATH].join(path.delimiter) }
    : {};
  const engine = new CliEngine({
    programDir,
    config: { ...providerConfig, ...options.config?.(fake) },
    secretConfigKeys: namespaces.map((namespace) => `${namespace}:apiToken`),
    log: (line) => log.push(line),
    parallel: options.parallel,
    env: { ...(options.tokenIn === "environment" ? { QOVERY_API_TOKEN: fake.apiToken } : {}), ...pluginPath, ...options.env },
  });
  return {
    fake,
    engine,
    get stateFile() {
      return engine.stateFile;
    },
    log,
    async close() {
      await engine.close();
      await fake.close();
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
