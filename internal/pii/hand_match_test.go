package pii

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// handMatcher is a hand-written matcher and the pattern whose anchored
// expression it stands for.
type handMatcher struct {
	name  string
	match func(string) []int
	p     *pattern
}

// checkHandMatchers fails t if a matcher of ms and its expression report
// different matches on text.
func checkHandMatchers(t *testing.T, text string, ms ...handMatcher) {
	t.Helper()
	for _, m := range ms {
		if got, want := m.match(text), m.p.anchored.FindStringSubmatchIndex(text); !slices.Equal(got, want) {
			t.Fatalf("%s on %q: got %v, want %v", m.name, text, got, want)
		}
	}
}

// checkOracleTails calls check on every tail, cut to width bytes, of the
// matching copy of each oracle text and of scaled(20000) mutations of
// them, that starts with a byte start accepts. keep, when not nil, passes
// over the copies it refuses.
func checkOracleTails(r *rand.Rand, texts []string, width int, keep func(string) bool, start func(byte) bool, check func(string)) {
	tails := func(s string) {
		n := Normalize(s).Text
		if keep != nil && !keep(n) {
			return
		}
		for i := 0; i < len(n); i++ {
			if start(n[i]) {
				check(n[i:min(len(n), i+width)])
			}
		}
	}
	for _, s := range texts {
		tails(s)
	}
	for range scaled(20000) {
		tails(mutate(r, pick(r, texts)))
	}
}

func isLowerLetter(c byte) bool { return c >= 'a' && c <= 'z' }
