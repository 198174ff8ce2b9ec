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
  # The committed lockfile lists every platform's optional packages, so npm ci accepts it everywhere
  # and never rewrites it.
  npm ci --no-audit --no-fund --loglevel=error
  echo "$want" >"$stamp"
fi

if [ "${1:-}" = "--browser" ] && [ ! -x /usr/bin/chromium ]; then
  echo "stratus: installing Debian's chromium for Playwright" >&2
  if [ "$(id -u)" = 0 ]; then sudo=""; else sudo="sudo"; fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium >/dev/null
fi
