#!/usr/bin/env bash
# Starts what the benchmarks need (test cluster, build), then prints the figures: all, or those
# named (`npm run bench -- vm-list page-requests --factor 10`; names in bench/run.ts).
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1
export STRATUS_DIST_DIR=.next-bench
bash scripts/ensure-deps.sh --browser
cluster() { npx tsx devcluster/src/cli.ts "$@" --profile test; }
# Stop the test cluster afterwards only if this run started it.
if ! cluster status >/dev/null 2>&1; then trap 'cluster stop >/dev/null 2>&1 || true' EXIT; fi
cluster start
npm run --silent build >/dev/null
node --conditions=react-server --import tsx bench/run.ts "$@"
