#!/usr/bin/env bash
# Builds the LiveKit server used by the local stack from its Go module, once.
# The binary lands in ${XDG_CACHE_HOME:-$HOME/.cache}/visio-devstack/bin/server.
set -euo pipefail

cache_dir="${XDG_CACHE_HOME:-$HOME/.cache}/visio-devstack"
bin_dir="$cache_dir/bin"
binary="$bin_dir/server"

if [ -x "$binary" ]; then
  echo "LiveKit server already installed: $binary ($("$binary" --version 2>/dev/null || echo 'version unknown'))"
  exit 0
fi

if ! command -v go >/dev/null 2>&1; then
  echo "Go is required to build the LiveKit server (apt-get install golang-go)." >&2
  exit 1
fi

mkdir -p "$bin_dir"
module="github.com/livekit/livekit-server/cmd/server"

try_install() {
  local version="$1"
  echo "Building LiveKit server $version..."
  if GOBIN="$bin_dir" go install "$module@$version"; then
    return 0
  fi
  echo "Retrying $version without the checksum database..."
  GOBIN="$bin_dir" GOSUMDB=off go install "$module@$version"
}

for version in v1.13.5 v1.11.0 v1.10.0 v1.9.11; do
  if try_install "$version"; then
    echo "LiveKit server installed: $binary ($("$binary" --version))"
    exit 0
  fi
done

echo "Could not build the LiveKit server." >&2
exit 1
