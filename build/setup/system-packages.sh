#!/usr/bin/env bash
# The Debian packages the project needs beyond git, Node.js and Go. Run as root (build/setup.sh
# calls it through sudo when needed). Idempotent: it installs only what is missing, and does
# nothing, quickly, when everything is there.
set -euo pipefail

# package: why the project needs it
needed=(
  "chromium: the browser the end-to-end tests and the browser variant of the app run in (Debian's build; no browser is ever downloaded)"
  "libsecret-1-dev: headers keytar builds against, to keep credentials in the system keychain"
  "gnome-keyring: a real Secret Service for the keychain tests"
  "dbus-bin: dbus-run-session, which gives the keychain tests a private session bus"
  "dbus-daemon: the bus daemon behind dbus-run-session"
  "redis-server: shared state of a multi-node LiveKit cluster in the local stack"
  "python3: node-gyp, which builds keytar"
  "make: node-gyp's build tool"
  "g++: compiles keytar's native module"
)

missing=()
for entry in "${needed[@]}"; do
  package="${entry%%:*}"
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$package")
    echo "  - $entry"
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "Debian packages: all present."
  exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
  echo "Installing Debian packages needs root: run 'sudo $0'." >&2
  exit 1
fi

echo "Installing Debian packages: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -q
apt-get install -y -q --no-install-recommends "${missing[@]}"
