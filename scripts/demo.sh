#!/usr/bin/env bash
# One command for the demo: install what is missing, start the local management cluster with demo
# tenants, users and data, build the dashboard and serve it on http://127.0.0.1:3000.
set -euo pipefail
export NEXT_TELEMETRY_DISABLED=1
cd "$(dirname "$0")/.."
bash scripts/ensure-deps.sh
npx tsx devcluster/src/cli.ts start --profile demo
npm run --silent build
echo
echo "Stratus is running at http://127.0.0.1:3000 — sign in as alice@acme.example / alice-demo (see README)."
echo "Stop with Ctrl-C; the cluster keeps running until: npm run cluster -- stop"
exec bash scripts/serve-app.sh demo
