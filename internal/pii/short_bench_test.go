package pii

import (
	"strings"
	"testing"

	"github.com/openaesthetics/casebook/internal/synth"
)

// synthShortAndFree returns the strings of synthetic reports split as a
// de-identification run meets them: short values (product names, lot
// numbers, codes, policy ids), which the leak gate sweeps with the
// Matcher alone, and free text of several words, which the detectors scan.
func synthShortAndFree(b *testing.B, records int) (short, free []string) {
	b.Helper()
	g := synth.New(synth.Options{Seed: 11})
	for n := 0; n < records; {
		r := g.Next()
		if r.Report == nil {
			continue
		}
		n++
		for _, s := range jsonStrings(b, nil, r.Report) {
			switch {
			case strings.Count(s, " ") >= 5:
				free = append(free, s)
			case len(s) <= 40:
				short = append(short, s)
			}
		}
	}
	return short, free
}

// BenchmarkScanShort measures the per-call cost of scanning the short
// strings and the free text of synthetic records: Matcher.Find and Scan
// over the short values, Scan and Leaks over the free text.
func BenchmarkScanShort(b *testing.B) {
	short, free := synthShortAndFree(b, 50)
	_, k := narrative500()
	m := NewMatcher(k)
	for _, c := range []struct {
		name  string
		texts []string
		scan  func(string) []Span
	}{
		{"Find/short", short, m.Find},
		{"Scan/short", short, func(t string) []Span { return Scan(t, nil) }},
		{"Scan/free", free, func(t string) []Span { return Scan(t, m) }},
		{"Leaks/free", free, func(t string) []Span { return Leaks(t, m) }},
	} {
		size := 0
		for _, t := range c.texts {
			size += len(t)
		}
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(size))
			for b.Loop() {
				for _, t := range c.texts {
					c.scan(t)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(c.texts)), "ns/call")
		})
	}
}
