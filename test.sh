#!/usr/bin/env bash
# Runs every DockerLsp test: provisions what the end-to-end tests need (scripts/provision.sh), then the .NET test
# suite (unit, conformance, corpus, LSP over stdio with real clients, registry on loopback), then the VS Code
# extension's tests. Prints one closing line "N passed, N failed" and exits non-zero on any failure.
set -uo pipefail
cd "$(dirname "$0")"

./scripts/provision.sh || { echo "provisioning failed" >&2; exit 1; }

log=$(mktemp)
status=0
dotnet test DockerLsp.sln -c Release 2>&1 | tee "$log"
[ "${PIPESTATUS[0]}" = 0 ] || status=1

passed=$(grep -Eo 'Passed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
failed=$(grep -Eo 'Failed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')

for script in vscode-extension/scripts/test-unit.sh vscode-extension/test/e2e/run.sh; do
  if [ -x "$script" ]; then
    echo "== $script"
    if "$script"; then passed=$((passed + 1)); else failed=$((failed + 1)); status=1; fi
  fi
done
rm -f "$log"

if [ "$passed" = 0 ]; then
  echo "no tests ran" >&2
  status=1
fi
echo "$passed passed, $failed failed"
exit $status
