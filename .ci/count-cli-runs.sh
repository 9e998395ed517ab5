#!/usr/bin/env bash
# Runs a test command, then fails unless the real Pulumi CLI ran at least MIN_CLI_RUNS commands
# in it, and at least one for a program in each language the package serves (LANGUAGES): the
# tests' CLI engine (tests/support/pulumi-cli.ts, recordCliRun) appends one line per `pulumi`
# operation to $PULUMI_QOVERY_CLI_RUN_LOG, `<command> <runtime>`. A suite whose end-to-end tests
# were skipped, or ran through anything but the CLI, fails here instead of passing quietly.
set -euo pipefail
minimum="${MIN_CLI_RUNS:-100}"
languages="${LANGUAGES:-nodejs yaml go python}"
log="$(mktemp "${TMPDIR:-/tmp}/qovery-cli-runs.XXXXXX")"
trap 'rm -f "$log"' EXIT
export PULUMI_QOVERY_CLI_RUN_LOG="$log"
"$@"
runs="$(wc -l <"$log" | tr -d ' ')"
count() { awk -v field="$1" '{print $field}' "$log" | sort | uniq -c | awk '{printf "%s %s, ", $1, $2}' | sed 's/, $//'; }
echo "real Pulumi CLI: ${runs} commands run by the tests ($(count 1)); by language: $(count 2)"
if [ "$runs" -lt "$minimum" ]; then
  echo "real Pulumi CLI: fewer than ${minimum} commands ran: the end-to-end tests did not run through the CLI" >&2
  exit 1
fi
for language in $languages; do
  if ! awk -v language="$language" '$2 == language { found = 1 } END { exit !found }' "$log"; then
    echo "real Pulumi CLI: no command ran a ${language} program: its end-to-end tests did not run" >&2
    exit 1
  fi
done
