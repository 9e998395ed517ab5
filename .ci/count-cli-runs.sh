#!/usr/bin/env bash
# Runs a test command, then fails unless the real Pulumi CLI ran at least MIN_CLI_RUNS commands
# in it: the tests' CLI engine (tests/support/pulumi-cli.ts) appends one line per `pulumi`
# operation to $PULUMI_QOVERY_CLI_RUN_LOG. A suite whose end-to-end tests were skipped, or ran
# through anything but the CLI, fails here instead of passing quietly.
set -euo pipefail
minimum="${MIN_CLI_RUNS:-100}"
log="$(mktemp "${TMPDIR:-/tmp}/qovery-cli-runs.XXXXXX")"
trap 'rm -f "$log"' EXIT
export PULUMI_QOVERY_CLI_RUN_LOG="$log"
"$@"
runs="$(wc -l <"$log" | tr -d ' ')"
echo "real Pulumi CLI: ${runs} commands run by the tests ($(sort "$log" | uniq -c | awk '{printf "%s %s, ", $1, $2}' | sed 's/, $//'))"
if [ "$runs" -lt "$minimum" ]; then
  echo "real Pulumi CLI: fewer than ${minimum} commands ran: the end-to-end tests did not run through the CLI" >&2
  exit 1
fi
