#!/usr/bin/env bash
# Prepares MetalLB's controller sources for build.sh and prints the extra `go build` flags.
# Upstream's webhook server (internal/k8s/k8s.go webhookServer) binds 9443 and reads its certificate
# from controller-runtime's default /tmp/k8s-webhook-server/serving-certs, both fixed (--cert-dir only
# reaches the cert rotator). A dev machine runs several clusters side by side, each with its own
# controller and CA, so that one line changes: "Port: 9443," → "Port: webhookPort(), CertDir:
# cfg.CertDir," (overlay/webhook_port.go reads METALLB_WEBHOOK_PORT). `go build -overlay` may not
# replace files in the module cache, so the module is copied into $1 and a -modfile points there.
# Fails if upstream moved that line, so a version bump can't silently drop the change.
set -euo pipefail
out="$1"
here="$(cd "$(dirname "$0")" && pwd)"
mod="$(cd "$here" && go mod download -json go.universe.tf/metallb | sed -n 's/^\t"Dir": "\(.*\)",$/\1/p')"
[ -d "$mod" ] || { echo "prepare.sh: go.universe.tf/metallb is not in the module cache" >&2; exit 1; }
rm -rf "$out" && mkdir -p "$out"
cp -r "$mod" "$out/src" && chmod -R u+w "$out/src"
k8s="$out/src/internal/k8s/k8s.go"
grep -q 'Port:    9443,' "$k8s" || { echo "prepare.sh: no 'Port: 9443,' in $k8s" >&2; exit 1; }
sed -i 's/Port:    9443,/Port:    webhookPort(), CertDir: cfg.CertDir,/' "$k8s"
cp "$here/overlay/webhook_port.go" "$out/src/internal/k8s/zz_stratus_webhook_port.go"
cp "$here/go.mod" "$out/build.mod" && cp "$here/go.sum" "$out/build.sum"
echo "replace go.universe.tf/metallb => $out/src" >>"$out/build.mod"
echo "-modfile=$out/build.mod"
