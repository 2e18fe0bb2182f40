#!/usr/bin/env bash
# Reproduces the language-server benchmark of docs/performance.md ("Language server"): publishes dockerlsp as a
# self-contained composite ReadyToRun binary (trimmed, framework only: the default for self-contained publishes, see
# src/DockerLsp.Cli/DockerLsp.Cli.csproj), copies ../shared/lspbench to a writable folder, runs `npm ci` there, and runs
# lspbench for DockerLsp and the incumbent (dockerfile-language-server-nodejs, installed by that npm ci) on the same
# generated documents, one after the other for each size, after one discarded start of each.
#   usage: tests/e2e/lspbench.sh [OUT_DIR] [SIZES...]      (defaults: /tmp/dockerlsp-lspbench, 100 1000 10000)
set -euo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"
out="${1:-/tmp/dockerlsp-lspbench}"
shift || true
sizes=("${@:-100 1000 10000}")
bench="$out/lspbench"
server="$out/dockerlsp"
rid="linux-$(uname -m | sed 's/x86_64/x64/; s/aarch64/arm64/')"

mkdir -p "$out"
dotnet publish "$repo/src/DockerLsp.Cli" -c Release -r "$rid" --self-contained true \
  -p:PublishReadyToRun=true -p:PublishReadyToRunComposite=true -o "$server" >/dev/null
rm -rf "$bench" && cp -r "$repo/../shared/lspbench" "$bench" && chmod -R u+w "$bench"
(cd "$bench" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
mkdir -p "$bench/results"
# One discarded start of each server first: the first process started after the publish and `npm ci` was 30-45 ms slower
# to answer `initialize` than later starts of the same binary (both servers; measured 2026-11-28), and it was always ours,
# since each size runs DockerLsp first. Both servers get the same warm-up; nothing from it is kept.
for cmd in "$server/dockerlsp --stdio" "docker-langserver --stdio"; do
  (cd "$bench" && node lspbench.mjs --server "$cmd" --lines 100 --edits 2 --burst 0 --repeat 1 --out results/discarded-warm-up.json \
     --no-progress >/dev/null)
done
rm -f "$bench/results/discarded-warm-up.json"
for n in ${sizes[@]}; do
  (cd "$bench" && node lspbench.mjs --server "$server/dockerlsp --stdio" --lines "$n" --edits 50 \
     --label "dockerlsp (self-contained trimmed composite ReadyToRun)" --out "results/dockerlsp-$n.json" --no-progress)
  (cd "$bench" && node lspbench.mjs --server "docker-langserver --stdio" --lines "$n" --edits 50 \
     --label "dockerfile-language-server-nodejs 0.15.0" --out "results/incumbent-$n.json" --no-progress)
done
echo "results in $bench/results" >&2
