#!/usr/bin/env bash
# Provisions what the VS Code end-to-end test needs, offline: Debian's chromium (driven by
# playwright-core), ripgrep and the Kerberos headers, and code-server (VS Code's real workbench and
# Node extension host, from npm) built from source against the local Node headers.
#
#   provision.sh            # idempotent: ~1-2 min the first time, <1 s when already provisioned
#   DOCKERLSP_CS_HOME=/dir provision.sh
#
# Why the detour instead of `npm install code-server`: its postinstall downloads prebuilt binaries
# (ripgrep, prebuild-install) from hosts this machine cannot reach, so we install with
# --ignore-scripts, rebuild the native modules ourselves and use Debian's rg.
# code-server 4.100.3 (= Code 1.100.3) is the newest release whose engines accept Node 20.
set -euo pipefail

home=${DOCKERLSP_CS_HOME:-/tmp/dockerlsp-code-server}
version=${DOCKERLSP_CS_VERSION:-4.100.3}
cs="$home/node_modules/.bin/code-server"
marker="$home/.provisioned-$version"

log() { echo "provision: $*" >&2; }
# code-server writes a default config under $XDG_CONFIG_HOME even for --version: keep it in the cache.
export XDG_CONFIG_HOME="$home/xdg-config" XDG_DATA_HOME="$home/xdg-data"

ensure_apt_packages() {
  local missing=()
  [ -e /usr/bin/chromium ] || missing+=(chromium)
  [ -e /usr/bin/rg ] || missing+=(ripgrep)
  [ -e /usr/include/krb5.h ] || missing+=(libkrb5-dev)
  command -v g++ >/dev/null || missing+=(g++)
  command -v make >/dev/null || missing+=(make)
  command -v python3 >/dev/null || missing+=(python3)
  command -v curl >/dev/null || missing+=(curl)
  [ ${#missing[@]} -eq 0 ] && return 0
  log "apt-get install ${missing[*]}"
  if [ "$(id -u)" -ne 0 ]; then
    log "not root: install these Debian packages first: ${missing[*]}"
    exit 69
  fi
  DEBIAN_FRONTEND=noninteractive apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
}

install_code_server() {
  mkdir -p "$home"
  cd "$home"
  # A package.json of its own, or npm walks up and installs into whatever project is above.
  [ -f package.json ] || echo '{"name":"dockerlsp-code-server","private":true}' > package.json
  npm install --ignore-scripts --no-audit --no-fund --loglevel=error "code-server@$version"
  npm_config_nodedir=/usr npm_config_build_from_source=true npm rebuild argon2 --loglevel=error
  cd node_modules/code-server/lib/vscode
  npm install --ignore-scripts --no-audit --no-fund --loglevel=error
  # node-pty's last postinstall step fetches node-gyp through npx and fails offline after pty.node
  # is built, so the exit status is ignored and the artefact checked instead.
  npm_config_nodedir=/usr npm rebuild kerberos @parcel/watcher @vscode/spdlog native-watchdog node-pty @vscode/deviceid \
    --loglevel=error >/dev/null 2>&1 || true
  [ -f node_modules/node-pty/build/Release/pty.node ] || { log "node-pty did not build"; exit 1; }
  mkdir -p node_modules/@vscode/ripgrep/bin && ln -sf /usr/bin/rg node_modules/@vscode/ripgrep/bin/rg
  # The symlinks code-server's own postinstall would have made.
  rm -rf node_modules.asar && ln -s node_modules node_modules.asar
  (cd bin/remote-cli && ln -sf code-linux.sh code-server)
  (cd bin/helpers && ln -sf browser-linux.sh browser.sh)
  (cd extensions && npm install --ignore-scripts --no-audit --no-fund --loglevel=error)
}

ensure_apt_packages
if [ -f "$marker" ] && [ -x "$cs" ] && "$cs" --version >/dev/null 2>&1; then
  log "code-server $version already provisioned in $home"
else
  start=$(date +%s)
  log "installing code-server $version into $home"
  rm -f "$home"/.provisioned-*
  install_code_server
  "$cs" --version >&2
  touch "$marker"
  log "code-server provisioned in $(( $(date +%s) - start )) s"
fi
echo "$cs"
