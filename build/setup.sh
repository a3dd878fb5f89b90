#!/usr/bin/env bash
# Everything a fresh Debian 12 machine with git, Node.js and Go needs before `npm start` or
# `npm test`, and nothing when it is all there:
#   1. the Debian packages (build/setup/system-packages.sh, through sudo when not root);
#   2. the real LiveKit server, built once from the Go module proxy (devstack/install-livekit.sh);
#   3. the Node.js the project runs on (package.json's `node` dependency), so that npm installs
#      with the version every dependency supports, whatever Node.js the machine came with;
#   4. the npm dependencies, again only when package-lock.json changed.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

echo "━━ setup: Debian packages ━━"
if [ "$(id -u)" -eq 0 ]; then
  bash build/setup/system-packages.sh
elif bash build/setup/system-packages.sh >/dev/null 2>&1; then
  echo "Debian packages: all present."
else
  sudo bash build/setup/system-packages.sh
fi

echo "━━ setup: LiveKit server ━━"
bash devstack/install-livekit.sh

echo "━━ setup: Node.js ━━"
node_version="$(node -p "require('./package.json').devDependencies.node")"
toolchain="$root/.toolchain"
toolchain_node="$toolchain/node_modules/.bin/node"
if [ ! -x "$toolchain_node" ] || [ "$("$toolchain_node" --version)" != "v$node_version" ]; then
  echo "Installing Node.js $node_version from the npm registry into .toolchain/"
  rm -rf "$toolchain"
  mkdir -p "$toolchain"
  npm install --prefix "$toolchain" --no-save --no-package-lock --no-audit --no-fund --loglevel=error "node@$node_version"
fi
echo "Node.js $("$toolchain_node" --version)"
export PATH="$toolchain/node_modules/.bin:$PATH"
# Native modules (keytar) build against this Node.js's own headers, shipped in the same npm
# package, so node-gyp never fetches headers from elsewhere.
for headers in "$toolchain"/node_modules/node/node_modules/node-*/include/node; do
  [ -d "$headers" ] && export npm_config_nodedir="${headers%/include/node}"
done

echo "━━ setup: npm dependencies ━━"
stamp="node_modules/.setup-stamp"
wanted="$(node -e "const {createHash}=require('node:crypto');const {readFileSync}=require('node:fs');console.log(createHash('sha256').update(readFileSync('package-lock.json')).update(process.version).digest('hex'))")"
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$wanted" ]; then
  echo "npm dependencies: up to date."
else
  # The Electron binary comes from a host outside the npm registry; `npm start` fetches it when
  # it can, and otherwise says how to run the browser variant.
  ELECTRON_SKIP_BINARY_DOWNLOAD=1 npm ci --no-audit --no-fund
  echo "$wanted" >"$stamp"
fi
echo "Set-up done."
