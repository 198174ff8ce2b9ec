#!/usr/bin/env bash
# Assembles the production app from a build, as the image's last stage does: Next's standalone output
# (server code and only the node_modules it traced), the static chunks with their .br/.gz, public/,
# and the custom server (server.mjs + the plain-ESM modules it loads).
# Usage: scripts/assemble-standalone.sh OUT_DIR   (STRATUS_DIST_DIR as for the build)
set -euo pipefail
cd "$(dirname "$0")/.."
dist="${STRATUS_DIST_DIR:-.next}"
out="${1:?usage: assemble-standalone.sh OUT_DIR}"
[ -f "$dist/standalone/server.js" ] || { echo "stratus: no standalone build in $dist (npm run build)" >&2; exit 1; }
rm -rf "$out"
mkdir -p "$out"
cp -a "$dist/standalone/." "$out/"
mkdir -p "$out/$dist"
cp -a "$dist/static" "$out/$dist/static"
cp -a public "$out/public"
# The custom server and what it imports outside Next's bundles.
cp server.mjs "$out/"
for f in lib/consoles/*.mjs lib/serving/*.mjs lib/security/*.mjs; do
  mkdir -p "$out/$(dirname "$f")"
  cp "$f" "$out/$f"
done
# Next traced ws through require(); server.mjs imports its ESM entry, which tracing left out.
rm -rf "$out/node_modules/ws"
cp -a node_modules/ws "$out/node_modules/ws"
# The default platform configuration (a mounted ConfigMap replaces it in a cluster).
mkdir -p "$out/deploy/platform"
cp deploy/platform/platform.yaml "$out/deploy/platform/"
# Next's standalone server.js is replaced by server.mjs; keep it out so nothing starts the wrong one.
rm -f "$out/server.js"
echo "$out"
