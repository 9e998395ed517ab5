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

/**
 * The files of an example under examples/<name>, by name, for a program directory elsewhere: a
 * go.mod's `replace` of the generated SDK, relative to the example, is made absolute.
 */
export function exampleFiles(name: string): Record<string, string> {
  const dir = path.join(repositoryRoot, "examples", name);
  return Object.fromEntries(
    fs.readdirSync(dir).map((file) => {
      const text = fs.readFileSync(path.join(dir, file), "utf8");
      return [
        file,
        file === "go.mod" ? text.replace(/=> (\.\.\/\S+)/, (_, relative: string) => `=> ${path.resolve(dir, relative)}`) : text,
      ];
    }),
  );
}
