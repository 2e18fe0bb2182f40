#!/usr/bin/env bash
# Installs what the end-to-end tests need on a fresh machine: Debian packages (when running as root) and npm
# packages. Idempotent: already-installed pieces are skipped quickly. Each end-to-end area may add its own
# provisioning script; this one calls them if present.
set -euo pipefail
cd "$(dirname "$0")/.."

apt_packages=(docker-registry neovim)
missing=()
for package in "${apt_packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    echo "provision: installing Debian packages: ${missing[*]}" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >/dev/null
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    echo "provision: missing Debian packages: ${missing[*]}. Run as root, or: sudo apt-get install -y ${missing[*]}" >&2
    exit 69
  fi
fi

# Area-specific provisioning (npm kits for the LSP end-to-end clients, code-server for the VS Code tests).
for script in tests/e2e/provision.sh vscode-extension/test/e2e/provision.sh; do
  if [ -x "$script" ]; then
    echo "provision: $script" >&2
    "$script"
  fi
done
