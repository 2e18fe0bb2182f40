#!/usr/bin/env bash
# Provisions the real LSP clients used by the end-to-end tests (tests/DockerLsp.Server.Tests/EndToEnd):
#  - Debian's neovim (0.7.2 on bookworm), installed with apt-get when running as root;
#  - the shared e2e kit (../shared/e2e, read-only) copied to a writable folder, with `npm ci` run there
#    (vscode-languageserver-protocol for node-lsp-client.mjs).
# The folder is $DOCKERLSP_E2E_KIT, default /tmp/dockerlsp-e2e-kit; the tests read the same variable.
# Idempotent: an up-to-date copy with node_modules is kept.
set -euo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"
kit_source="${DOCKERLSP_SHARED_E2E:-$repo/../shared/e2e}"
kit="${DOCKERLSP_E2E_KIT:-/tmp/dockerlsp-e2e-kit}"

if ! command -v nvim >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ]; then
    echo "tests/e2e/provision.sh: installing neovim" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >/dev/null
    apt-get install -y -qq --no-install-recommends neovim >/dev/null
  else
    echo "tests/e2e/provision.sh: neovim is missing; run as root or: sudo apt-get install -y neovim" >&2
    exit 69
  fi
fi

if [ ! -d "$kit_source" ]; then
  echo "tests/e2e/provision.sh: the shared e2e kit was not found at $kit_source" >&2
  exit 66
fi
if [ ! -d "$kit/node_modules/vscode-languageserver-protocol" ] || ! cmp -s "$kit_source/package-lock.json" "$kit/package-lock.json"; then
  rm -rf "$kit"
  mkdir -p "$kit"
  cp -r "$kit_source/." "$kit/"
  chmod -R u+w "$kit"
  (cd "$kit" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
fi
echo "tests/e2e/provision.sh: kit ready in $kit (nvim $(nvim --version | head -1 | awk '{print $2}'), node $(node --version))" >&2
