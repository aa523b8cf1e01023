package pii

import (
	"strings"
	"testing"

	"github.com/openaesthetics/casebook/internal/synth"
)

// synthNarratives returns the free text of synthetic reports and
// complaints, the texts a de-identification run scans.
func synthNarratives(b *testing.B, n int) []string {
	b.Helper()
	var out []string
	g := synth.New(synth.Options{Seed: 7})
	for len(out) < n {
		if r := g.Next(); r.Report != nil {
			for _, s := range jsonStrings(b, nil, r.Report) {
				if strings.Contains(s, " ") {
					out = append(out, s)
				}
			}
		}
	}
	return out
}

// BenchmarkDetectVsOracle runs the detectors and their oracles over the
// same texts in one run, so that their ratio is measured under the same
// machine load.
func BenchmarkDetectVsOracle(b *testing.B) {
	text, _ := narrative500()
	corpora := []struct {
		name  string
		texts []string
	}{
		{"500words", []string{text}},
		{"synth", synthNarratives(b, 200)},
	}
	for _, c := range corpora {
		size := 0
		var as []*analysis
		for _, t := range c.texts {
			size += len(t)
			as = append(as, analyze(Normalize(t)))
		}
		for _, impl := range []struct {
			name   string
			detect func(*analysis) []Span
			scan   func(string) []Span
		}{
			{"oracle", oracleDetectAll, oracleScan},
			{"new", detectAll, func(t string) []Span { return Scan(t, nil) }},
		} {
			b.Run("detectAll/"+c.name+"/"+impl.name, func(b *testing.B) {
				b.ReportAllocs()
				b.SetBytes(int64(size))
				for b.Loop() {
					for _, a := range as {
						// Start each pass afresh, as a new analysis would, with the
						// buffers a scan reuses.
						a.caseKnown, a.clsKnown, a.wins, a.anchors = false, false, a.wins[:0], a.anchors[:0]
						impl.detect(a)
					}
				}
			})
			b.Run("Scan/"+c.name+"/"+impl.name, func(b *testing.B) {
				b.ReportAllocs()
				b.SetBytes(int64(size))
				for b.Loop() {
					for _, t := range c.texts {
						impl.scan(t)
					}
				}
			})
		}
	}
}
