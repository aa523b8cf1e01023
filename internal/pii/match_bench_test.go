package pii

import (
	"slices"
	"strings"
	"testing"
	"time"
)

// The benchmarks below run the oracle and the current Matcher on the same
// inputs in one run, so that their ratio means something on a noisy
// machine: compare oracle and new within one `go test -bench` run.

// benchRecords returns synthetic records' Known values and the texts a
// de-identification run searches with their matchers: every string of the
// record that holds a space (prose, names, addresses).
func benchRecords(tb testing.TB) []matchCase {
	cases := synthCases(tb, 7, 4, 50, 0)
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
	cases := benchRecords(b)
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

// BenchmarkMatcherFind searches every text of one record twice per
// operation, as de-identification does (the redaction scan and the leak
// gate), on analyses prepared beforehand, so that only the Matcher's own
// work is measured.
func BenchmarkMatcherFind(b *testing.B) {
	cases := benchRecords(b)
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
			for range 2 {
				for _, a := range r.as {
					_ = r.old.find(a)
				}
			}
			i++
		}
	})
	b.Run("new", func(b *testing.B) {
		b.ReportAllocs()
		i := 0
		for b.Loop() {
			r := recs[i%len(recs)]
			for range 2 {
				for _, a := range r.as {
					_ = r.new.find(a)
				}
			}
			i++
		}
	})
}

// paired times old and new on the same input in turn, alternating which
// goes first, so that both see the same load on a shared machine. It
// reports each one's median time per operation, which a descheduled or
// collected-in operation barely moves, and the ratio of the medians.
func paired(b *testing.B, n int, old, new func(i int)) {
	b.Helper()
	var tOld, tNew []time.Duration
	i := 0
	for b.Loop() {
		t0 := time.Now()
		if i%2 == 0 {
			old(i % n)
			t1 := time.Now()
			new(i % n)
			tOld, tNew = append(tOld, t1.Sub(t0)), append(tNew, time.Since(t1))
		} else {
			new(i % n)
			t1 := time.Now()
			old(i % n)
			tNew, tOld = append(tNew, t1.Sub(t0)), append(tOld, time.Since(t1))
		}
		i++
	}
	// Each input contributes its median, so that the figure is the same
	// mix of inputs for both.
	median := func(ds []time.Duration) float64 {
		var total float64
		for k := range min(n, len(ds)) {
			var mine []time.Duration
			for j := k; j < len(ds); j += n {
				mine = append(mine, ds[j])
			}
			slices.Sort(mine)
			total += float64(mine[len(mine)/2])
		}
		return total / float64(min(n, len(ds)))
	}
	mOld, mNew := median(tOld), median(tNew)
	b.ReportMetric(mOld, "oracle-ns/op")
	b.ReportMetric(mNew, "new-ns/op")
	b.ReportMetric(mOld/mNew, "speedup")
}

// BenchmarkMatcherPaired runs the oracle and the current code in turn on
// each record: the speed-up it reports is the figure to quote from a
// noisy machine.
func BenchmarkMatcherPaired(b *testing.B) {
	cases := benchRecords(b)
	b.Run("build", func(b *testing.B) {
		paired(b, len(cases),
			func(i int) { _ = oracleNewMatcher(cases[i].known) },
			func(i int) { _ = NewMatcher(cases[i].known) })
	})
	b.Run("find", func(b *testing.B) {
		type rec struct {
			old *oracleMatcher
			new *Matcher
			as  []*analysis
		}
		sc := new(scratch)
		var recs []rec
		for _, c := range cases {
			r := rec{old: oracleNewMatcher(c.known), new: NewMatcher(c.known)}
			for _, t := range c.texts {
				n := Normalize(t)
				r.as = append(r.as, &analysis{n: n, toks: tokenize(n.Text), sc: sc})
			}
			recs = append(recs, r)
		}
		paired(b, len(recs),
			func(i int) {
				for range 2 {
					for _, a := range recs[i].as {
						_ = recs[i].old.find(a)
					}
				}
			},
			func(i int) {
				for range 2 {
					for _, a := range recs[i].as {
						_ = recs[i].new.find(a)
					}
				}
			})
	})
}
