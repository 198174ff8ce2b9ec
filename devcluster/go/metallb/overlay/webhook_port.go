// Added to go.universe.tf/metallb/internal/k8s by devcluster/go/metallb/prepare.sh.
// Upstream binds its webhook to 9443, fixed; a dev machine runs several clusters side by side, each
// with its own MetalLB controller, so the port comes from the environment (see prepare.sh).

package k8s

import (
	"os"
	"strconv"
)

func webhookPort() int {
	if p, err := strconv.Atoi(os.Getenv("METALLB_WEBHOOK_PORT")); err == nil && p > 0 {
		return p
	}
	return 9443
}
