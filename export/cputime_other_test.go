//go:build !unix

package export

import "time"

// processCPU reports that this platform gives no CPU time.
func processCPU() (time.Duration, bool) { return 0, false }
