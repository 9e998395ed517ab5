#!/usr/bin/env bash
# The test suite on Node 22 with the newest @pulumi/pulumi 3.x, what most users run today, while
# this machine's own Node is 20 (where the repository pins @pulumi/pulumi 3.248.0, the last 3.x
# that accepts Node 20).
#
# Node 22 comes from the npm registry's `node` package (its preinstall script installs the binary
# of the platform package `node-<os>-<arch>`; npm's allowScripts policy allows exactly that one),
# the only source of a Node build reachable here. It goes first on PATH, so that npm, mocha, the
# Pulumi CLI's language host and plugins, `npm pack`/`npm install` of the packed-tarball test and
# every other child process run on it.
#
# The repository is copied (tracked and untracked files that git does not ignore) to a temporary
# folder, installed there from the lockfile with `npm ci`, then @pulumi/pulumi is upgraded there
# only (`npm install --no-save`); this checkout, its node_modules and its lockfile are untouched.
#
#   bash .ci/node22.sh             # or: npm run test:node22
#   NODE_MAJOR=24 bash .ci/node22.sh
#   PULUMI_SPEC=@pulumi/pulumi@3.260.0 bash .ci/node22.sh
#   KEEP_WORK_DIR=1 bash .ci/node22.sh   # keep the temporary copy to investigate
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
major="${NODE_MAJOR:-22}"
pulumi_spec="${PULUMI_SPEC:-@pulumi/pulumi@^3}"
work="$(mktemp -d "${TMPDIR:-/tmp}/qovery-node${major}.XXXXXX")"
cleanup() {
  if [ -n "${KEEP_WORK_DIR:-}" ]; then echo "node${major}: kept $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT
started=$SECONDS

echo "== node${major}: Node ${major} from the npm registry (package node@${major})"
mkdir -p "$work/runtime"
printf '{ "private": true, "allowScripts": { "node": true } }\n' >"$work/runtime/package.json"
(cd "$work/runtime" && npm install --no-audit --no-fund --no-package-lock --loglevel=error "node@${major}")
bin="$work/runtime/node_modules/node/bin"
if [ ! -x "$bin/node" ]; then
  echo "node${major}: the node package installed no binary at $bin/node" >&2
  exit 1
fi
export PATH="$bin:$PATH"
hash -r
if [ "$(node -p 'process.versions.node.split(".")[0]')" != "$major" ]; then
  echo "node${major}: \`node\` on PATH is $(node --version), not Node ${major}" >&2
  exit 1
fi
echo "node${major}: node $(node --version) at $(command -v node), npm $(npm --version)"

echo "== node${major}: a copy of the working tree in $work/repo"
copy="$work/repo"
mkdir -p "$copy"
if git -C "$root" rev-parse --is-inside-work-tree >/dev/null 2>&1; then
  # Tracked files (as they are now, uncommitted changes included) and untracked, unignored ones;
  # files deleted but not yet committed are skipped.
  (cd "$root" && git ls-files -z --cached --others --exclude-standard |
    while IFS= read -r -d '' file; do [ -e "$file" ] && printf '%s\0' "$file"; done |
    tar --null -T - -cf -) | tar -xf - -C "$copy"
else
  (cd "$root" && tar --exclude=./node_modules --exclude=./dist --exclude=./coverage --exclude=./.git -cf - .) | tar -xf - -C "$copy"
fi
cd "$copy"
# The contract test looks for Qovery's OpenAPI document beside the repository; the copy has none
# beside it, so point at the checkout's (when there is one; the test says it skipped otherwise).
if [ -z "${QOVERY_OPENAPI:-}" ] && [ -f "$root/../shared/qovery-api/openapi.yaml" ]; then
  export QOVERY_OPENAPI="$root/../shared/qovery-api/openapi.yaml"
fi

echo "== node${major}: npm ci (the lockfile's @pulumi/pulumi first), then ${pulumi_spec}"
npm ci --prefer-offline --no-audit --no-fund --loglevel=error
# Not --prefer-offline: ask the registry which 3.x is the newest.
npm install --no-save --no-audit --no-fund --loglevel=error "$pulumi_spec"
pulumi_version="$(node -p 'require("@pulumi/pulumi/package.json").version')"
echo "node${major}: node $(node --version), @pulumi/pulumi ${pulumi_version} (the repository pins $(node -p 'require("./package.json").devDependencies["@pulumi/pulumi"]'))"

echo "== node${major}: npm test"
npm test
echo "node${major}: the tests passed on node $(node --version) with @pulumi/pulumi ${pulumi_version} in $((SECONDS - started)) s"
