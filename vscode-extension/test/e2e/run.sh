#!/usr/bin/env bash
# End-to-end test of the DockerLsp extension in a real VS Code: provisions code-server and
# chromium if needed (provision.sh), packages the .vsix for this machine unless a fresh one exists,
# installs it into a throw-away code-server profile, opens test/e2e/fixtures/workspace and lets
# drive.mjs use it from headless Chromium. Exit 0 when every check passed.
#
#   test/e2e/run.sh
#   DOCKERLSP_VSIX=out/x.vsix test/e2e/run.sh      # test this package, do not build one
#   DOCKERLSP_E2E_UPDATE_IMAGES=1 test/e2e/run.sh  # also copy the screenshots the README uses to images/
#
# Artifacts (screenshots, report.json, code-server and extension-host logs): test/e2e/artifacts/.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
ext=$(cd "$here/../.." && pwd)
repo=$(cd "$ext/.." && pwd)
artifacts=${DOCKERLSP_E2E_ARTIFACTS:-$here/artifacts}
start=$(date +%s)
log() { echo "e2e: $*" >&2; }

cs=$("$here/provision.sh")
cd "$ext"
if [ ! -d node_modules/playwright-core ] || [ ! -d node_modules/@vscode/vsce ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi

vsix=${DOCKERLSP_VSIX:-}
if [ -z "$vsix" ]; then
  target=$(node --input-type=module -e "import { hostTarget } from './scripts/targets.mjs'; import { existsSync } from 'node:fs'; console.log(hostTarget(process.platform, process.arch, existsSync('/lib/ld-musl-x86_64.so.1')))")
  version=$(node -p "require('./package.json').version")
  vsix="$ext/out/dockerlsp-$target-$version.vsix"
  # Reuse the package scripts/test-unit.sh just built unless a source of the extension or the server changed since.
  newer=""
  if [ -f "$vsix" ]; then
    newer=$(find "$ext/src" "$ext/package.json" "$ext/scripts" "$repo/src" "$repo/Directory.Build.props" "$repo/Directory.Packages.props" \
      -type f -newer "$vsix" -not -path '*/bin/*' -not -path '*/obj/*' -print -quit 2>/dev/null || true)
  fi
  if [ ! -f "$vsix" ] || [ -n "$newer" ]; then
    log "packaging $target${newer:+ (changed: $newer)}"
    node scripts/package.mjs --target "$target" >&2
  else
    log "reusing $vsix"
  fi
fi
[ -f "$vsix" ] || { log "no package at $vsix"; exit 1; }

state=$(mktemp -d /tmp/dockerlsp-e2e.XXXXXX)
pid=""
stop_code_server() {
  [ -n "$pid" ] || return 0
  # setsid made code-server a process-group leader: end the group (extension hosts and language servers too).
  kill -- "-$pid" 2>/dev/null || true
  for _ in $(seq 1 50); do kill -0 -- "-$pid" 2>/dev/null || break; sleep 0.1; done
  kill -9 -- "-$pid" 2>/dev/null || true
  pid=""
}
# shellcheck disable=SC2317  # invoked by the EXIT trap
cleanup() {
  stop_code_server
  mkdir -p "$artifacts/logs"
  cp "$state"/*.log "$artifacts/logs/" 2>/dev/null || true
  cp -r "$state/ud/logs" "$artifacts/logs/user-data" 2>/dev/null || true
  rm -rf "$state"
}
trap cleanup EXIT
rm -rf "$artifacts" && mkdir -p "$artifacts"

mkdir -p "$state/ud/User" "$state/ext" "$state/xdg-config" "$state/xdg-data"
printf 'bind-addr: 127.0.0.1:0\nauth: none\ncert: false\n' > "$state/config.yaml"
export XDG_CONFIG_HOME="$state/xdg-config" XDG_DATA_HOME="$state/xdg-data"
csargs=(--config "$state/config.yaml" --user-data-dir "$state/ud" --extensions-dir "$state/ext")

t=$(date +%s)
"$cs" "${csargs[@]}" --install-extension "$vsix" --force >"$state/install.log" 2>&1 || { cat "$state/install.log" >&2; exit 1; }
log "installed $(basename "$vsix") in $(( $(date +%s) - t )) s"

# user_settings <extra JSON members>: the profile's settings.json (quiet workbench, protocol trace on).
user_settings() {
  cat > "$state/ud/User/settings.json" <<JSON
{
  "workbench.startupEditor": "none",
  "workbench.tips.enabled": false,
  "workbench.welcomePage.walkthroughs.openOnInstall": false,
  "telemetry.telemetryLevel": "off",
  "extensions.autoCheckUpdates": false,
  "extensions.autoUpdate": false,
  "update.mode": "none",
  "security.workspace.trust.enabled": false,
  "editor.hover.delay": 200,
  "editor.minimap.enabled": false,
  "files.exclude": { "**/.vscode": true },
  "dockerlsp.trace.server": "verbose"$1
}
JSON
}

# start_code_server <workspace dir>: sets url (the URL that opens the folder) and pid (the process group stop_code_server ends).
# Not called through $(...): pid must be set in this shell, or stop_code_server would find nothing to stop.
start_code_server() {
  local port
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
  setsid "$cs" "${csargs[@]}" --bind-addr "127.0.0.1:$port" --auth none --disable-telemetry --disable-update-check \
    --disable-workspace-trust "$1" >>"$state/code-server.log" 2>&1 </dev/null &
  pid=$!
  for _ in $(seq 1 300); do
    curl -fs -o /dev/null "http://127.0.0.1:$port/healthz" && break
    kill -0 "$pid" 2>/dev/null || { cat "$state/code-server.log" >&2; exit 1; }
    sleep 0.1
  done
  url="http://127.0.0.1:$port/?folder=$1"
}

status=0
# Scenario 1: the bundled server, checks (a)-(f) in drive.mjs.
cp -r "$here/fixtures/workspace" "$state/ws"
mkdir -p "$state/ws/.vscode" && echo "{}" > "$state/ws/.vscode/settings.json"
user_settings ""
start_code_server "$state/ws"
log "code-server up at $url"
timeout 300 node "$here/drive.mjs" main "$url" "$state/ws/.vscode/settings.json" "$artifacts" || status=$?
stop_code_server
trace=$(find "$state/ud/logs" -name 'DockerLsp Language Server Trace.log' -print -quit)
if [ "$status" = 0 ]; then
  if grep -q "Sending request 'initialize" "$trace" 2>/dev/null; then log "PASS dockerlsp.trace.server writes the protocol trace"
  else log "FAIL dockerlsp.trace.server=verbose wrote no protocol trace ($trace)"; status=1; fi
fi

# Scenario 2: dockerlsp.server.path names a missing file: a visible, actionable error, not silence.
if [ "$status" = 0 ]; then
  cp -r "$here/fixtures/workspace" "$state/ws2"
  # ...then, typed into the Settings UI, a server that exits at once: "failed to start"/"crashed".
  printf '#!/bin/sh\necho "dockerlsp stand-in: simulated crash" >&2\nexit 3\n' > "$state/crash-server.sh"
  chmod +x "$state/crash-server.sh"
  user_settings ', "dockerlsp.server.path": "/nonexistent/dockerlsp"'
  start_code_server "$state/ws2"
  DOCKERLSP_E2E_CRASH_SERVER="$state/crash-server.sh" timeout 180 node "$here/drive.mjs" missing-server "$url" "" "$artifacts" || status=$?
  stop_code_server
fi

if [ "$status" = 0 ] && [ "${DOCKERLSP_E2E_UPDATE_IMAGES:-}" = 1 ]; then
  cp "$artifacts/problems.png" "$artifacts/hover.png" "$artifacts/quickfix.png" "$ext/images/"
  log "copied problems.png, hover.png, quickfix.png to images/"
fi
log "$([ "$status" = 0 ] && echo PASSED || echo "FAILED ($status)") in $(( $(date +%s) - start )) s; artifacts in $artifacts"
exit "$status"
