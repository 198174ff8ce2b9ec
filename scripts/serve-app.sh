#!/usr/bin/env bash
# Serves the built dashboard (server.mjs: Next plus the console proxy) against a devcluster profile
# (demo|test), with the settings start wrote.
set -euo pipefail
cd "$(dirname "$0")/.."
profile="${1:-demo}"
env_file=".devcluster/$profile/app.env"
[ -f "$env_file" ] || { echo "stratus: $env_file missing; start the cluster first (npm run cluster -- start --profile $profile)" >&2; exit 1; }
set -a
# shellcheck disable=SC1090
. "$env_file"
set +a
port="$(sed -E 's#.*:([0-9]+)$#\1#' <<<"$NEXTAUTH_URL")"
# Prometheus metrics on a port of their own beside the app's (demo 3090, test 3190).
export STRATUS_METRICS_PORT="${STRATUS_METRICS_PORT:-$((port + 90))}"
# Also into the profile's logs, which the test command checks for leaked credentials.
mkdir -p ".devcluster/$profile/logs"
exec node server.mjs --hostname 127.0.0.1 --port "$port" > >(tee -a ".devcluster/$profile/logs/app.log") 2>&1
