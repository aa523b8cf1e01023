package pii

import (
	"testing"

	"github.com/openaesthetics/casebook/internal/synth"
)

// BenchmarkRecordStrings measures, per synthetic report, the text work
// de-identification cannot do without, on the strings the report keeps
// once its identity block is gone: analysing every string once (the
// normalisation, tokens and word classes every look starts from),
// running the detectors over every string once, compiling the record's
// Matcher, finding its identifiers in every string once, and scanning
// every string once with both. The anonymizer does
// more than each of these (free text is looked at again after
// redaction), so together they are a floor under its cost.
func BenchmarkRecordStrings(b *testing.B) {
	const n = 500
	g := synth.New(synth.Options{Seed: 5})
	var texts [][]string
	var knowns []Known
	var matchers []*Matcher
	for range n {
		r := g.Next().Report
		knowns = append(knowns, knownFromIdentity(r.Identity))
		matchers = append(matchers, NewMatcher(knowns[len(knowns)-1]))
		r.Identity = nil
		texts = append(texts, jsonStrings(b, nil, r))
	}
	// eachString runs one sub-benchmark of the work f does on string s of
	// record i, over every string of every record.
	eachString := func(name string, f func(i int, s string)) {
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				for i, ss := range texts {
					for _, s := range ss {
						f(i, s)
					}
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/1e3/float64(b.N*n), "µs/record")
		})
	}
	sc := new(scratch)
	eachString("analyse", func(_ int, s string) {
		sc.out = normalizeInto(&sc.n, s, sc.out)
		analyzeWith(&sc.n, sc).classes()
	})
	eachString("detect", func(_ int, s string) { Scan(s, nil) })
	b.Run("compile", func(b *testing.B) {
		b.ReportAllocs()
		var m *Matcher
		for b.Loop() {
			for _, k := range knowns {
				m = m.Recompile(k)
			}
		}
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/1e3/float64(b.N*n), "µs/record")
	})
	eachString("find", func(i int, s string) { matchers[i].Find(s) })
	eachString("scan", func(i int, s string) { Scan(s, matchers[i]) })
}
