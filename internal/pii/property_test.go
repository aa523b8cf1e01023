package pii

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"
)

// randomText builds adversarial text: fragments of clinical prose and
// identifiers mixed with multi-byte, combining, invisible and invalid
// characters.
func randomText(r *rand.Rand) string {
	pieces := []string{
		"Jane", "Doe", "O’Neill", " ", "\n", "\u00a0", "\u200b", "\u0301", "é", "€", "𝟗", "ＪＡＮＥ",
		"999", "000", "0018", "07700", "900123", "+44", "(0)", "@", ".", "-", "/", "[NAME]",
		"\xff", "\xe2\x82", "ﬁ", "İ", "ß", "Mrs", "Dr.", "NHS", "SW1A", "1AA", "14", "May", "1990",
		"ml", "units", "27G", "lot", "12345", "a", "the", "ǅ", "각", "\u1100\u1161",
	}
	var b strings.Builder
	for n := r.IntN(40); n > 0; n-- {
		if r.IntN(4) == 0 {
			b.WriteString(pick(r, clinicalCorpus))
		} else {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
	}
	return b.String()
}

func checkSpans(t *testing.T, text string, spans []Span, what string) {
	t.Helper()
	for _, s := range spans {
		if s.Start < 0 || s.End > len(text) || s.Start >= s.End {
			t.Fatalf("%s: span %v out of range for %d bytes", what, s, len(text))
		}
		if !boundary(text, s.Start) || !boundary(text, s.End) {
			t.Fatalf("%s: span %v splits a UTF-8 sequence in %q", what, s, text)
		}
	}
}

func TestPropertySpansNeverSplitUTF8(t *testing.T) {
	r := rand.New(rand.NewPCG(21, 22))
	m := NewMatcher(sampleKnown())
	texts := []string{}
	for i := 0; i < scaled(2000); i++ {
		texts = append(texts, randomText(r))
	}
	for _, d := range generate(23, scaled(300), 90) {
		texts = append(texts, d.text)
	}
	for _, text := range texts {
		checkSpans(t, text, Detect(text), "Detect")
		checkSpans(t, text, m.Find(text), "Find")
		checkSpans(t, text, Leaks(text, m), "Leaks")
		checkSpans(t, text, Merge(text, Scan(text, m)), "Merge")
	}
}

func TestPropertyRedactValidAndDeterministic(t *testing.T) {
	r := rand.New(rand.NewPCG(31, 32))
	m := NewMatcher(sampleKnown())
	for i := 0; i < scaled(2000); i++ {
		text := randomText(r)
		spans := Scan(text, m)
		out := Redact(text, spans, Placeholders, nil)
		if !utf8.ValidString(out) {
			t.Fatalf("invalid UTF-8 output for %q: %q", text, out)
		}
		// Same input, same output, whatever the order of the spans.
		shuffled := append([]Span(nil), spans...)
		r.Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
		if again := Redact(text, shuffled, Placeholders, nil); again != out {
			t.Fatalf("non-deterministic redaction of %q:\n%q\n%q", text, out, again)
		}
		if again := Redact(text, Scan(text, m), Placeholders, nil); again != out {
			t.Fatalf("non-deterministic scan of %q", text)
		}
	}
}

func TestPropertyKnownNeverSurvives(t *testing.T) {
	for _, d := range generate(41, scaled(1000), 90) {
		m := NewMatcher(d.known)
		out := Redact(d.text, m.Find(d.text), Placeholders, nil)
		if got := m.Find(out); len(got) > 0 {
			t.Fatalf("known identifier survived: %s\nin %q", describe(out, got), out)
		}
		if got := Leaks(Redact(d.text, Scan(d.text, m), Placeholders, nil), m); len(got) > 0 {
			t.Fatalf("leak gate failed: %s", describe(out, got))
		}
	}
}

// TestConcurrentUse exercises one Matcher, and the pooled scan buffers,
// from many goroutines, and checks that every result equals the one
// computed alone; run with -race.
func TestConcurrentUse(t *testing.T) {
	m := NewMatcher(sampleKnown())
	docs := generate(51, 64, 80)
	result := func(text string) string {
		red := Redact(text, Scan(text, m), Placeholders, nil)
		return fmt.Sprint(red, m.Find(text), Leaks(red, m), Detect(text))
	}
	want := make([]string, len(docs))
	for i, d := range docs {
		want[i] = result(d.text)
	}
	type got struct {
		i   int
		out string
	}
	done := make(chan got, len(docs))
	for i, d := range docs {
		go func() {
			done <- got{i, result(d.text)}
		}()
	}
	for range docs {
		g := <-done
		if g.out != want[g.i] {
			t.Errorf("document %d: concurrent result differs from the sequential one", g.i)
		}
	}
}
