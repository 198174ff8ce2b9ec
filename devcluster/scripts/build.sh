#!/usr/bin/env bash
# Builds the pinned control-plane binaries from Go modules into a cache outside git.
# Each wrapper module (go/<dir>) has its own cache key, a hash of its go.mod and go.sum: a version bump
# rebuilds only that module's binaries, adding a module builds only it, and a warm start skips this entirely.
# The directory printed last holds links to every binary, keyed by all modules together.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
cache="${STRATUS_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/stratus}"
# A module may prepare its sources (go/<dir>/prepare.sh, printing extra build flags, and overlay/):
# part of its key.
modfiles() { cat "$1/go.mod" "$1/go.sum"; if [ -e "$1/prepare.sh" ]; then cat "$1/prepare.sh" "$1"/overlay/*; fi; }
key="$(for d in "$here"/go/*/; do modfiles "$d"; done | sha256sum | cut -c1-16)"
bin="$cache/bin/$key"
log="$cache/build-$key.log"
want=(kube-apiserver kube-controller-manager kubectl etcd kwok helm metallb-controller node-healthcheck-manager)

missing=()
for b in "${want[@]}"; do [ -x "$bin/$b" ] || missing+=("$b"); done
if [ ${#missing[@]} -eq 0 ]; then echo "$bin"; exit 0; fi

mkdir -p "$cache"
: >"$log"
command -v go >/dev/null || { echo "devcluster: Go is not installed; it is needed to build the control plane" >&2; exit 1; }

k8s_version="$(awk '$1 == "k8s.io/kubernetes" && $2 ~ /^v1\./ {print $2; exit}' "$here/go/k8s/go.mod")"
[ -n "$k8s_version" ] || { echo "devcluster: cannot read the k8s.io/kubernetes version from go/k8s/go.mod" >&2; exit 1; }
minor="$(echo "$k8s_version" | cut -d. -f2)"
ld="-s -w"
for p in k8s.io/component-base/version k8s.io/client-go/pkg/version; do
  ld="$ld -X $p.gitVersion=$k8s_version -X $p.gitMajor=1 -X $p.gitMinor=$minor -X $p.gitTreeState=clean -X $p.buildDate=1970-01-01T00:00:00Z"
done

module_out() { echo "$cache/modules/$1-$(modfiles "$here/go/$1" | sha256sum | cut -c1-16)"; }

step() { # step NAME MODULE_DIR PACKAGE [LDFLAGS] [BUILD_DIR]
  local name="$1" dir="$2" pkg="$3" flags="${4:--s -w}" build_dir="${5:-$here/go/$2}" t0=$SECONDS
  local out
  out="$(module_out "$dir")"
  if [ ! -x "$out/$name" ]; then
    echo "devcluster: building $name (first time only; log: $log)" >&2
    mkdir -p "$out"
    local extra=()
    if [ -x "$here/go/$dir/prepare.sh" ]; then
      extra=("$("$here/go/$dir/prepare.sh" "$out/src")") || { echo "devcluster: preparing $name failed" >&2; exit 1; }
    fi
    if ! (cd "$build_dir" && CGO_ENABLED=0 go build -trimpath -tags selinux,notest "${extra[@]}" -ldflags "$flags" -o "$out/$name.tmp" "$pkg") >>"$log" 2>&1; then
      echo "devcluster: building $name failed; see $log" >&2
      tail -20 "$log" >&2
      exit 1
    fi
    mv "$out/$name.tmp" "$out/$name"
    echo "devcluster: built $name in $((SECONDS - t0))s" >&2
  fi
  ln -sfn "$out/$name" "$bin/$name"
}
# node-healthcheck-operator's manager serves its webhook on a fixed port (9443, cmd/main.go); two
# local clusters side by side would collide there. The one change to upstream: the port comes from
# NHC_WEBHOOK_PORT (9443 when unset). Go refuses overlays of module-cache files, so the module is
# copied, that line patched, and built through a copy of go/nhc whose go.mod replaces the module with it.
nhc_patched() { # nhc_patched DIR → prints the module dir to build in
  local out="$1" src
  src="$(cd "$here/go/nhc" && go mod download github.com/medik8s/node-healthcheck-operator && go list -m -f '{{.Dir}}' github.com/medik8s/node-healthcheck-operator)"
  rm -rf "$out" && mkdir -p "$out"
  cp -r "$src" "$out/operator" && chmod -R u+w "$out/operator"
  grep -q 'Port:    9443,' "$out/operator/cmd/main.go" || { echo "devcluster: $src/cmd/main.go no longer sets Port: 9443; update nhc_patched" >&2; exit 1; }
  sed -i 's/Port:    9443,/Port:    func() int { p := 9443; _, _ = fmt.Sscan(os.Getenv("NHC_WEBHOOK_PORT"), \&p); return p }(),/' "$out/operator/cmd/main.go"
  mkdir -p "$out/wrapper"
  cp "$here/go/nhc/go.mod" "$here/go/nhc/go.sum" "$out/wrapper/"
  printf '\nreplace github.com/medik8s/node-healthcheck-operator => %s\n' "$out/operator" >>"$out/wrapper/go.mod"
  echo "$out/wrapper"
}
mkdir -p "$bin"
step etcd etcd go.etcd.io/etcd/server/v3
step kwok kwok sigs.k8s.io/kwok/cmd/kwok
step kube-apiserver k8s k8s.io/kubernetes/cmd/kube-apiserver "$ld"
step kube-controller-manager k8s k8s.io/kubernetes/cmd/kube-controller-manager "$ld"
step kubectl k8s k8s.io/kubernetes/cmd/kubectl "$ld"
helm_version="$(awk '$1 == "helm.sh/helm/v3" {print $2; exit}' "$here/go/helm/go.mod")"
step helm helm helm.sh/helm/v3/cmd/helm "-s -w -X helm.sh/helm/v3/internal/version.version=$helm_version"
# MetalLB's controller: IP allocation, pool status and its validating webhook (see go/metallb/prepare.sh).
step metallb-controller metallb go.universe.tf/metallb/controller
# The patched copy is needed only to build; a cached binary is linked as it is.
nhc_dir="$here/go/nhc"
[ -x "$(module_out nhc)/node-healthcheck-manager" ] || nhc_dir="$(nhc_patched "$cache/modules/nhc-src")"
step node-healthcheck-manager nhc github.com/medik8s/node-healthcheck-operator/cmd \
  "-s -w -X github.com/medik8s/node-healthcheck-operator/version.Version=v0.12.0" "$nhc_dir"
echo "$bin"
