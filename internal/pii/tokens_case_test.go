package pii

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// caseInformativeFull is caseInformative as it was before it learned to
// stop early: it counts the shape of every word.
func caseInformativeFull(a *analysis) bool {
	upper, lower, title := 0, 0, 0
	for _, t := range a.toks {
		if !t.alpha || t.digit || len(t.text) < 2 {
			continue
		}
		switch a.shapeOf(t) {
		case shapeUpper:
			upper++
		case shapeLower:
			lower++
		case shapeTitle:
			title++
		}
	}
	return lower > 0 && title+upper > 0 && lower+title > upper
}

// checkCaseInformative fails t if caseInformative and the full count
// disagree on text.
func checkCaseInformative(t *testing.T, text string) {
	t.Helper()
	n := Normalize(text)
	want := caseInformativeFull(analyze(n))
	if got := analyze(n).caseInformative(); got != want {
		t.Fatalf("caseInformative(%q) = %v, want %v", text, got, want)
	}
}

// caseWords are words of every shape, with numbers, marks and characters
// outside ASCII, so that random texts of them sit on both sides of the
// threshold and often on it.
var caseWords = []string{"jane", "Jane", "JANE", "J", "a", "mc", "McDonald", "ÉLISE", "élise", "Élise", "x1", "12", "-", ".", "o'neil", "O'NEIL", "Ab", "aB", "AB", "ab"}

// TestCaseInformativeStopsExactly holds caseInformative to the full count
// on the oracle texts, their mutations, their upper- and lower-cased
// copies, and random texts of caseWords.
func TestCaseInformativeStopsExactly(t *testing.T) {
	texts := oracleTexts(t)
	r := rand.New(rand.NewPCG(47, 48))
	for _, s := range texts {
		checkCaseInformative(t, s)
		checkCaseInformative(t, strings.ToUpper(s))
		checkCaseInformative(t, strings.ToLower(s))
	}
	for range scaled(20000) {
		checkCaseInformative(t, mutate(r, pick(r, texts)))
	}
	for range scaled(100000) {
		var b strings.Builder
		for range r.IntN(30) {
			b.WriteString(pick(r, caseWords))
			b.WriteString(pick(r, []string{" ", " ", ", ", "\n"}))
		}
		checkCaseInformative(t, b.String())
	}
}

// FuzzCaseInformative holds caseInformative to the full count on
// arbitrary text.
func FuzzCaseInformative(f *testing.F) {
	for _, s := range []string{"Jane rang", "JANE RANG", "jane rang", "Seen by JD AB CD today", "Élise ÉLISE élise", "A b C d"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) { checkCaseInformative(t, s) })
}
