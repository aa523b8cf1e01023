package pii

import (
	"strings"
	"testing"
)

// narrative500 builds a realistic narrative of about 500 words from the
// templates and clinical corpus.
func narrative500() (string, Known) {
	docs := generate(99, 60, 30)
	var b strings.Builder
	words := 0
	for _, d := range docs {
		if words >= 500 {
			break
		}
		b.WriteString(d.text)
		b.WriteString(" ")
		words += len(strings.Fields(d.text))
	}
	return b.String(), docs[0].known
}

func BenchmarkScanRedact500Words(b *testing.B) {
	text, k := narrative500()
	m := NewMatcher(k)
	b.ReportAllocs()
	b.SetBytes(int64(len(text)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		_ = Redact(text, Scan(text, m), Placeholders, nil)
	}
}

func BenchmarkLeaks500Words(b *testing.B) {
	text, k := narrative500()
	m := NewMatcher(k)
	out := Redact(text, Scan(text, m), Placeholders, nil)
	b.ReportAllocs()
	b.SetBytes(int64(len(out)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		_ = Leaks(out, m)
	}
}

func BenchmarkNormalize500Words(b *testing.B) {
	text, _ := narrative500()
	b.ReportAllocs()
	b.SetBytes(int64(len(text)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		_ = Normalize(text)
	}
}

func BenchmarkNewMatcher(b *testing.B) {
	_, k := narrative500()
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		_ = NewMatcher(k)
	}
}
