//go:build race

package pii

// raceEnabled lets the heavier corpus tests shrink under the race
// detector, which slows this code tenfold; the full-size figures come
// from the ordinary run.
const raceEnabled = true
