package pii

import (
	"math/rand/v2"
	"strings"
	"testing"
	"time"
)

// leakTarget is one known identifier the leak-gate fuzzer can inject, in
// the written forms a document might use.
type leakTarget struct {
	kind  Kind
	forms []string
}

var leakKnown = Known{
	Names:         []Name{{Given: []string{"Siobhan"}, Family: []string{"Fairbairn-Okafor"}}},
	DatesOfBirth:  []time.Time{time.Date(1987, 11, 23, 0, 0, 0, 0, time.UTC)},
	NHSNumbers:    []string{"9990000018"},
	Phones:        []string{"07700 900456"},
	Emails:        []string{"s.fairbairn@example.org"},
	Handles:       []string{"@siobhan.glow.aesthetics"},
	Postcodes:     []string{"BS8 4QT"},
	Addresses:     []string{"41 Larkspur Drive"},
	Registrations: []string{"7654321", "05C1234E"},
}

var leakTargets = []leakTarget{
	{KindName, []string{"Siobhan", "Fairbairn-Okafor", "Siobhan Fairbairn-Okafor", "Fairbairn", "Okafor", "Siobhan's"}},
	{KindNHSNumber, []string{"9990000018", "999 000 0018", "999-000-0018"}},
	{KindPhone, []string{"07700 900456", "07700900456", "+44 7700 900456", "+44 (0)7700 900456", "0044 7700 900 456", "07700-900-456"}},
	{KindEmail, []string{"s.fairbairn@example.org", "s.fairbairn [at] example [dot] org"}},
	{KindHandle, []string{"@siobhan.glow.aesthetics", "siobhan.glow.aesthetics", "siobhan_glow_aesthetics"}},
	{KindPostcode, []string{"BS8 4QT", "bs84qt"}},
	{KindDate, []string{"23/11/1987", "23.11.87", "1987-11-23", "23rd November 1987", "November 23, 1987", "23 Nov '87"}},
	{KindAddress, []string{"41 Larkspur Drive", "41 Larkspur Dr"}},
	{KindRegistration, []string{"7654321", "05C1234E"}},
}

// absentAtBoundary reports whether needle does not occur in hay as a
// whole word (bounded by non-alphanumerics).
func absentAtBoundary(hay, needle string) bool {
	if needle == "" {
		return true
	}
	for from := 0; ; {
		i := strings.Index(hay[from:], needle)
		if i < 0 {
			return true
		}
		i += from
		if !isAlnumBefore(hay, i) && !isAlnumAt(hay, i+len(needle)) {
			return false
		}
		from = i + 1
	}
}

// FuzzLeakGate injects a known identifier, obfuscated at random, into
// random text, redacts with Scan, and checks that the leak gate passes
// and that the identifier's normalised form is gone.
func FuzzLeakGate(f *testing.F) {
	f.Add("Patient reported swelling", "after 1 ml of filler.", uint8(0), uint8(0), uint64(1))
	f.Add("NHS", "", uint8(1), uint8(3), uint64(2))
	f.Add("call", "or email", uint8(2), uint8(5), uint64(3))
	f.Add("", "\u200b\xff", uint8(3), uint8(7), uint64(4))
	f.Add("Mrs", "'s lips", uint8(0), uint8(1), uint64(5))
	f.Add("born", ".", uint8(6), uint8(2), uint64(6))
	f.Fuzz(leakGateCheck)
}

// leakGateCheck is the body of FuzzLeakGate, shared with a seeded test so
// that plain `go test` exercises it on thousands of inputs too.
func leakGateCheck(t *testing.T, prefix, suffix string, which, ob uint8, seed uint64) {
	if len(prefix)+len(suffix) > 4096 {
		return
	}
	r := rand.New(rand.NewPCG(seed, uint64(ob)))
	target := leakTargets[int(which)%len(leakTargets)]
	clean := target.forms[r.IntN(len(target.forms))]
	injected := clean
	obs := obfuscationsFor(target.kind)
	for n := int(ob % 3); n > 0; n-- {
		injected = obs[r.IntN(len(obs))](r, injected)
	}
	text := prefix + " " + injected + " " + suffix
	m := NewMatcher(leakKnown)
	out := Redact(text, Scan(text, m), Placeholders, nil)
	// One pass removes every variant of the known identifier: the
	// matcher finds nothing and, independently of the matcher, the
	// normalised identifier is gone as a whole word.
	if got := m.Find(out); len(got) > 0 {
		t.Fatalf("known identifier survived: %s\ntext: %q\nout:  %q", describe(out, got), text, out)
	}
	needle := strings.TrimSuffix(Normalize(injected).Text, "'s")
	if !absentAtBoundary(Normalize(out).Text, needle) {
		t.Fatalf("identifier %q survived in %q (from %q)", needle, out, text)
	}
	// The full gate also re-runs the generic detectors. Removing text
	// can change what they see (document casing statistics, a word
	// run now ending differently), so a generic pattern in the random
	// text may only be reported on a later pass; a caller that gets a
	// leak re-redacts. The gate must be clean within three passes.
	for pass := 0; pass < 3; pass++ {
		leaks := Leaks(out, m)
		if len(leaks) == 0 {
			return
		}
		out = Redact(out, leaks, Placeholders, nil)
	}
	if leaks := Leaks(out, m); len(leaks) > 0 {
		t.Fatalf("leak gate never clean: %s\ntext: %q\nout:  %q", describe(out, leaks), text, out)
	}
}

func TestLeakGateRandom(t *testing.T) {
	r := rand.New(rand.NewPCG(61, 62))
	for i := 0; i < scaled(3000); i++ {
		leakGateCheck(t, randomText(r), randomText(r), uint8(r.IntN(256)), uint8(r.IntN(256)), r.Uint64())
	}
}
