#!/usr/bin/env bash
# The production run: the standalone app assembled as the image would hold it, read-only and started
# as an unprivileged user, two replicas with production settings behind a round-robin proxy on the
# profile's app port (so OIDC redirects and cookies are the ones the profile registered).
# Usage: scripts/serve-replicas.sh [test|demo]   (after npm run build)
set -euo pipefail
cd "$(dirname "$0")/.."
profile="${1:-test}"
env_file=".devcluster/$profile/app.env"
[ -f "$env_file" ] || { echo "stratus: $env_file missing; start the cluster first" >&2; exit 1; }
set -a
# shellcheck disable=SC1090
. "$env_file"
set +a
port="$(sed -E 's#.*:([0-9]+)$#\1#' <<<"$NEXTAUTH_URL")"

run="$(mktemp -d /tmp/stratus-production.XXXXXX)"
chmod 0755 "$run"
app="$run/app"
bash scripts/assemble-standalone.sh "$app" >/dev/null
# The dashboard's credential and every file the settings name (CAs, tokens), readable by the app's
# user only (mounted Secrets in a cluster).
mkdir -p "$run/secrets"
for var in STRATUS_KUBECONFIG $(grep -oE '^[A-Z_]+_FILE' "$env_file"); do
  src="${!var:-}"
  [ -n "$src" ] || continue
  cp "$src" "$run/secrets/$var"
  export "$var=$run/secrets/$var"
done

as_app=()
if [ "$(id -u)" = 0 ]; then
  # Like the image: root owns the app, a nobody-like user runs it and can write nothing of it.
  chown -R root:root "$app"
  chmod -R a-w "$app"
  chown -R nobody:nogroup "$run/secrets"
  chmod 0500 "$run/secrets"
  chmod 0400 "$run/secrets"/*
  as_app=(setpriv --reuid=nobody --regid=nogroup --clear-groups --)
fi

pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  chmod -R u+w "$run" 2>/dev/null || true
  rm -rf "$run"
}
trap cleanup EXIT
trap 'exit 0' TERM INT

backends=()
for i in 1 2; do
  p=$((port + i))
  (cd "$app" && export HOME="$run" STRATUS_REPLICA_URL="http://127.0.0.1:$p" STRATUS_METRICS_PORT=$((port + 90 + i)) &&
    exec "${as_app[@]}" node server.mjs --hostname 127.0.0.1 --port "$p") \
    > >(tee -a ".devcluster/$profile/logs/app-replica-$i.log") 2>&1 &
  pids+=($!)
  backends+=("127.0.0.1:$p")
done
node scripts/round-robin-proxy.mjs --listen "127.0.0.1:$port" --to "$(IFS=,; echo "${backends[*]}")" &
pids+=($!)
wait -n "${pids[@]}"
echo "stratus: a replica or the proxy exited" >&2
exit 1
