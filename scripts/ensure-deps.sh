#!/usr/bin/env bash
# Installs what the demo and the tests need on a fresh machine: npm packages, Debian's Chromium (for
# Playwright), and checks for Go (the control plane is built from Go modules by devcluster/scripts/build.sh).
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v go >/dev/null; then
  echo "stratus: Go is required to build the local control plane (https://go.dev/doc/install)" >&2
  exit 1
fi
for tool in openssl; do
  command -v "$tool" >/dev/null || { apt-get update -qq && apt-get install -y -qq "$tool"; }
done

# npm ci only when the lockfile changed since the last install.
stamp=node_modules/.stratus-lock-hash
want="$(sha256sum package-lock.json | cut -c1-64)"
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
  echo "stratus: installing npm packages" >&2
  # npm ci refuses a lockfile that lacks other platforms' optional packages (e.g. @next/swc-darwin-*),
  # which a registry that does not serve them leaves out; npm install honours the same lockfile and
  # leaves it unchanged.
  if ! npm ci --no-audit --no-fund --loglevel=silent; then
    echo "stratus: npm ci refused the lockfile; installing from it with npm install" >&2
    npm install --no-audit --no-fund --loglevel=error
  fi
  echo "$want" >"$stamp"
fi

if [ "${1:-}" = "--browser" ] && [ ! -x /usr/bin/chromium ]; then
  echo "stratus: installing Debian's chromium for Playwright" >&2
  if [ "$(id -u)" = 0 ]; then sudo=""; else sudo="sudo"; fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium >/dev/null
fi
