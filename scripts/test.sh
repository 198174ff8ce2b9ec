#!/usr/bin/env bash
# The whole test suite: lint, typecheck, unit, integration and end-to-end. Starts the `test` profile of
# the local management cluster (own ports and data dir, so a running demo is left alone) and stops it.
set -euo pipefail
export NEXT_TELEMETRY_DISABLED=1
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
echo "== build"; npx next build >/dev/null
echo "== end-to-end"; npx playwright test
