//go:build tools

// Keeps the controller package in the module graph so `go mod tidy` keeps its requirements.
package tools

import _ "go.universe.tf/metallb/controller"
