//go:build race

package schema

// raceEnabled lets TestFastPathAgrees mutate fewer documents under the race
// detector, which slows validation tenfold; the full-size run is the
// ordinary one.
const raceEnabled = true
