package pii

import (
	"strings"
	"testing"
)

// The benchmarks below run the oracle and the current Matcher on the same
// inputs in one run, so that their ratio means something on a noisy
// machine: compare oracle and new within one `go test -bench` run.

// benchRecords returns synthetic records' Known values and the texts a
// de-identification run searches with their matchers: every string of the
// record that holds a space (prose, names, addresses).
func benchRecords() []matchCase {
	cases := synthCases(7, 4, 50, 0)
	for i := range cases {
		var texts []string
		for _, s := range cases[i].texts[:len(cases[i].texts)-1] {
			if strings.Contains(s, " ") {
				texts = append(texts, s)
			}
		}
		cases[i].texts = texts
	}
	return cases
}

func BenchmarkMatcherBuild(b *testing.B) {
	cases := benchRecords()
	b.Run("oracle", func(b *testing.B) {
		b.ReportAllocs()
		i := 0
		for b.Loop() {
			_ = oracleNewMatcher(cases[i%len(cases)].known)
			i++
		}
	})
	b.Run("new", func(b *testing.B) {
		b.ReportAllocs()
		i := 0
		for b.Loop() {
			_ = NewMatcher(cases[i%len(cases)].known)
			i++
		}
	})
}

// BenchmarkMatcherFind searches every text of one record per operation,
// on analyses prepared beforehand, so that only the Matcher's own work is
// measured.
func BenchmarkMatcherFind(b *testing.B) {
	cases := benchRecords()
	type rec struct {
		old *oracleMatcher
		new *Matcher
		as  []*analysis
	}
	sc := new(scratch)
	var recs []rec
	bytes := 0
	for _, c := range cases {
		r := rec{old: oracleNewMatcher(c.known), new: NewMatcher(c.known)}
		for _, t := range c.texts {
			n := Normalize(t)
			r.as = append(r.as, &analysis{n: n, toks: tokenize(n.Text), sc: sc})
			bytes += len(t)
		}
		recs = append(recs, r)
	}
	b.Logf("%d records, %.0f texts and %.0f bytes each", len(recs), float64(func() int {
		n := 0
		for _, r := range recs {
			n += len(r.as)
		}
		return n
	}())/float64(len(recs)), float64(bytes)/float64(len(recs)))
	b.Run("oracle", func(b *testing.B) {
		b.ReportAllocs()
		i := 0
		for b.Loop() {
			r := recs[i%len(recs)]
			for _, a := range r.as {
				_ = r.old.find(a)
			}
			i++
		}
	})
	b.Run("new", func(b *testing.B) {
		b.ReportAllocs()
		i := 0
		for b.Loop() {
			r := recs[i%len(recs)]
			for _, a := range r.as {
				_ = r.new.find(a)
			}
			i++
		}
	})
}
