#!/usr/bin/env bash
# The whole test suite: lint, typecheck, unit, integration and end-to-end. Starts the `test` profile of
# the local management cluster (own ports and data dir, so a running demo is left alone) and stops it.
set -euo pipefail
export NEXT_TELEMETRY_DISABLED=1
# Its own build output, so a demo served from .next beside this run keeps working.
export STRATUS_DIST_DIR=.next-test
cd "$(dirname "$0")/.."
bash scripts/ensure-deps.sh --browser

echo "== lint"; npm run --silent lint
echo "== typecheck"; npm run --silent typecheck
echo "== unit"; npx vitest run --project unit

export STRATUS_PROFILE=test
cluster() { npx tsx devcluster/src/cli.ts "$@" --profile test; }
# A fresh seed each run: tests must not depend on what an earlier run left behind.
cluster reset >/dev/null
trap 'cluster stop >/dev/null 2>&1 || true' EXIT
echo "== start the test cluster"; cluster start

echo "== integration"; npx vitest run --project integration
echo "== build"; npm run --silent build >/dev/null
echo "== end-to-end"; npx playwright test
# The same build as the image runs it: standalone, read-only, unprivileged, two replicas behind a
# round-robin proxy (scripts/serve-replicas.sh).
echo "== production run"; npx playwright test -c playwright.production.config.ts
echo "== logs hold no credential"; npx tsx scripts/check-logs.ts test

# The run must leave the checkout as it found it (lockfile, tsconfig, generated files).
echo "== clean tree"
dirty="$(git status --porcelain 2>/dev/null || true)"
if [ -n "$dirty" ]; then
  echo "stratus: the test run changed tracked or unignored files:" >&2
  echo "$dirty" >&2
  exit 1
fi
