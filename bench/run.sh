#!/usr/bin/env bash
# Starts what the benchmarks need (test cluster, build), then prints the figures.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1
bash scripts/ensure-deps.sh --browser
npx tsx devcluster/src/cli.ts start --profile test
npx next build >/dev/null
node --conditions=react-server --import tsx bench/run.ts
