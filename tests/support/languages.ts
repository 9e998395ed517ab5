/**
 * Programs in other languages through the native plugin: the language hosts (YAML, Go, Python)
 * and the Python venv come from tools/pulumi-cli (built and cached like the CLI); the plugin from
 * the program directory's node_modules/.bin, where npm linked it from the packed package.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { repositoryRoot } from "./installed-package";

/* eslint-disable @typescript-eslint/no-require-imports */
const { languageHostsDirectory } = require(path.join(repositoryRoot, "tools", "pulumi-cli", "language-hosts.js")) as {
  languageHostsDirectory(): string;
};
const { pythonEnvDirectory } = require(path.join(repositoryRoot, "tools", "pulumi-cli", "python-env.js")) as {
  pythonEnvDirectory(packages?: string[]): string;
};
/* eslint-enable @typescript-eslint/no-require-imports */

export type Language = "yaml" | "go" | "python";

/** The directory of the language hosts, built on first use (minutes on a cold machine). */
export function languageHosts(): string {
  return languageHostsDirectory();
}

/** The interpreter Python programs run with: the pinned venv, with the generated SDK (sdk/python) installed. */
export function pythonWithSdk(): string {
  return path.join(pythonEnvDirectory([path.join(repositoryRoot, "sdk", "python")]), "bin", "python");
}

/** The committed Go SDK's directory, which a Go program's go.mod replaces the SDK's module path with. */
export const GO_SDK_DIR = path.join(repositoryRoot, "sdk", "go");
export const GO_SDK_MODULE = "github.com/pulumi-qovery-invitations/pulumi-qovery-invitations/sdk/go";

/** The version of Pulumi's Go SDK the CLI is built with (tools/pulumi-cli/engine/go.mod), which the module proxy serves whole. */
export const PULUMI_GO_SDK_VERSION = /github\.com\/pulumi\/pulumi\/sdk\/v3 (v\S+)/.exec(
  fs.readFileSync(path.join(repositoryRoot, "tools", "pulumi-cli", "engine", "go.mod"), "utf8"),
)![1]!;
