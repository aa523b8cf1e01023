package schema

import (
	"math/rand/v2"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// schemaPatterns returns every pattern in the embedded schemas.
func schemaPatterns(t testing.TB) []string {
	t.Helper()
	c, err := compileOnce()
	require.NoError(t, err)
	seen := map[string]bool{}
	var walk func(any)
	walk = func(v any) {
		switch v := v.(type) {
		case map[string]any:
			if p, ok := v["pattern"].(string); ok {
				seen[p] = true
			}
			for _, x := range v {
				walk(x)
			}
		case []any:
			for _, x := range v {
				walk(x)
			}
		}
	}
	for _, doc := range c.docs {
		walk(doc)
	}
	var out []string
	for p := range seen {
		out = append(out, p)
	}
	sort.Strings(out)
	return out
}

// extraPatterns exercise the matcher beyond the schemas' own patterns.
var extraPatterns = []string{
	`^a*a*b$`, `^(a|ab)(c|bcd)(d*)$`, `^x?y?$`, `^[a-c]{2,}$`, `^(ab|a)?b$`, `^$`, `^(a|)$`,
	`^[0-9]{2}`, `^(x(y(z)?)?)?$`, `^a{0,3}a{2}$`,
}

// patternSamples returns strings near what pattern matches: its own
// literals and class members, cut, doubled, mixed and replaced.
func patternSamples(rng *rand.Rand, pattern string, n int) []string {
	alphabet := []byte("09afAFzZ-_.:+() @xTt\u00e9")
	for i := 0; i < len(pattern); i++ {
		if pattern[i] < 0x80 {
			alphabet = append(alphabet, pattern[i])
		}
	}
	out := []string{"", "2026-09-02T14:10", "5d7f9b1c-3e5a-4c7e-9a1b-3c5e7a9b1d2f", "+44 7700 900123 ext. 12", "LS1", "ABCD1234"}
	for range n {
		var b strings.Builder
		for range rng.IntN(40) {
			b.WriteByte(alphabet[rng.IntN(len(alphabet))])
		}
		out = append(out, b.String())
	}
	return out
}

// TestQuickPatternsMatchRegexp compares the quick matcher with regexp on
// every schema pattern, which it must all handle, and on more.
func TestQuickPatternsMatchRegexp(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	patterns := schemaPatterns(t)
	require.NotEmpty(t, patterns)
	for i, p := range append(patterns, extraPatterns...) {
		q := compileQuickPattern(p)
		if i < len(patterns) {
			require.NotNil(t, q, "schema pattern %s has no quick matcher", p)
		}
		if q == nil {
			continue
		}
		re := regexp.MustCompile(p)
		matches := 0
		samples := patternSamples(rng, p, 20000)
		for range 300 {
			samples = append(samples, generate(rng, q.seq))
		}
		// Strings the pattern matches, mutated one byte at a time.
		for _, s := range samples {
			if re.MatchString(s) {
				for j := range len(s) {
					samples = append(samples, s[:j]+s[j+1:], s[:j]+"a"+s[j:], s[:j]+"0"+s[j+1:])
				}
			}
		}
		for _, s := range samples {
			got, sure := q.match(s)
			require.True(t, sure, "%s on %q", p, s)
			want := re.MatchString(s)
			require.Equal(t, want, got, "%s on %q", p, s)
			if want {
				matches++
			}
		}
		t.Logf("%s: %d of %d samples match", p, matches, len(samples))
	}
}

// generate returns a string the sequence describes, with random choices.
func generate(rng *rand.Rand, seq []*patternNode) string {
	var b strings.Builder
	for _, n := range seq {
		switch n.op {
		case patLiteral:
			b.WriteString(n.lit)
		case patClass:
			var members []byte
			for c := range byte(0x80) {
				if n.has(c) {
					members = append(members, c)
				}
			}
			count := n.min
			if n.max < 0 {
				count += rng.IntN(5)
			} else {
				count += rng.IntN(n.max - n.min + 1)
			}
			for range count {
				b.WriteByte(members[rng.IntN(len(members))])
			}
		case patAlt:
			b.WriteString(generate(rng, n.alts[rng.IntN(len(n.alts))]))
		case patQuest:
			if rng.IntN(2) == 0 {
				b.WriteString(generate(rng, n.alts[0]))
			}
		}
	}
	return b.String()
}

func TestQuickPatternRefuses(t *testing.T) {
	for _, p := range []string{`a`, `^(?i)a$`, `^.$`, `^(ab)*$`, `^\bx$`, `^é$`, `^[^a]$`, `(`} {
		assert.Nil(t, compileQuickPattern(p), p)
	}
}

// TestQuickPatternBudget checks that a match that would take too long
// says it is not sure, and regexp decides.
func TestQuickPatternBudget(t *testing.T) {
	q := compileQuickPattern(`^a*a*a*a*a*a*b$`)
	require.NotNil(t, q)
	_, sure := q.match(strings.Repeat("a", 200))
	assert.False(t, sure)
}

// FuzzQuickPatterns compares the quick matcher with regexp on arbitrary
// strings, for every schema pattern.
func FuzzQuickPatterns(f *testing.F) {
	patterns := schemaPatterns(f)
	for _, s := range patternSamples(rand.New(rand.NewPCG(3, 4)), "", 20) {
		f.Add(s)
	}
	var quick []*quickPattern
	var res []*regexp.Regexp
	for _, p := range append(patterns, extraPatterns...) {
		if q := compileQuickPattern(p); q != nil {
			quick = append(quick, q)
			res = append(res, regexp.MustCompile(p))
		}
	}
	f.Fuzz(func(t *testing.T, s string) {
		for i, q := range quick {
			if got, sure := q.match(s); sure && got != res[i].MatchString(s) {
				t.Fatalf("%s: quick matcher says %v", res[i], got)
			}
		}
	})
}
