#!/usr/bin/env bash
# The extension's fast checks: npm ci, typecheck + unit tests (node:test), then the packaging test:
# build the .vsix for this machine (self-contained dockerlsp publish + vsce) and inspect its files.
# Leaves out/dockerlsp-<target>-<version>.vsix for test/e2e/run.sh to reuse.
#   DOCKERLSP_SERVER_DIR=<publish dir>  ship that server instead of running dotnet publish
set -euo pipefail
cd "$(dirname "$0")/.."
t=$(date +%s)
npm ci --no-audit --no-fund --loglevel=error
echo "test-unit: npm ci in $(( $(date +%s) - t )) s" >&2
npm run --silent typecheck
node scripts/run-unit-tests.mjs
t=$(date +%s)
if [ -n "${DOCKERLSP_SERVER_DIR:-}" ]; then node scripts/package.mjs --server-dir "$DOCKERLSP_SERVER_DIR"; else node scripts/package.mjs; fi
echo "test-unit: packaged in $(( $(date +%s) - t )) s" >&2
node --test test/package/
