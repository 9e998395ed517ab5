// ESLint flat config: typescript-eslint's recommended rules (syntactic, no type information, so
// it stays fast) over the package, its tests, examples and benchmarks. Formatting is prettier's
// job (`prettier --check` in `npm run lint`), so there are no stylistic rules here.
import js from "@eslint/js";
import { defineConfig } from "eslint/config";
import globals from "globals";
import tseslint from "typescript-eslint";

export default defineConfig(
  {
    // sdk/go, sdk/python and sdk/dotnet: SDKs written by `npm run sdk-gen`, in Go, Python and C#.
    ignores: ["dist/**", "coverage/**", "**/node_modules/**", "sdk/go/**", "sdk/python/**", "sdk/dotnet/**"],
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    languageOptions: {
      ecmaVersion: 2022,
      globals: globals.node,
    },
    rules: {
      // `_name` marks a deliberately unused binding (a destructured-away key, a required parameter).
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrorsIgnorePattern: "^_", ignoreRestSiblings: true },
      ],
    },
  },
  {
    // Plain CommonJS scripts (the build's install step).
    files: ["**/*.js", "**/*.cjs"],
    languageOptions: { sourceType: "commonjs" },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    // Tests match plan text laid out with runs of spaces, use chai's property assertions
    // (`expect(x).to.be.true`), and rethrow errors in their own words. A deliberate `require` (the
    // installed package, a program re-required between runs) is marked at its line, so that rule
    // stays on.
    files: ["tests/**/*.ts", "bench/**/*.ts"],
    rules: {
      "no-regex-spaces": "off",
      "preserve-caught-error": "off",
      "@typescript-eslint/no-unused-expressions": "off",
    },
  },
  {
    // Dynamic-provider fixtures handle untyped property bags, as Pulumi's own types do, and code
    // that Pulumi serializes into state must `require` what it uses at call time.
    files: ["tests/**/fixtures/**/*.ts"],
    rules: {
      "@typescript-eslint/no-explicit-any": "off",
      "@typescript-eslint/no-require-imports": "off",
    },
  },
  {
    // Benchmarks load the installed package's modules by resolved path, as the plugin does.
    files: ["bench/**/*.ts"],
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
);
