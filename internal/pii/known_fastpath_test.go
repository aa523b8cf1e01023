package pii

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// squash, onlyDigits and renormalize take a short cut for ASCII values
// that relies on normText folding each ASCII byte through asciiFold and
// collapsing runs of spaces. This test holds them to normText itself, so
// that a change to normalisation cannot leave the Matcher normalising
// values differently from text.
func TestASCIIFastPathsMatchNormText(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	var values []string
	for c := range 128 {
		values = append(values, string(rune(c)), "a"+string(rune(c))+"b", string(rune(c))+string(rune(c)))
	}
	values = append(values, packageTexts()...)
	values = append(values, testLiterals(t)...)
	for range 5000 {
		b := make([]byte, r.IntN(24))
		for i := range b {
			b[i] = byte(r.IntN(128))
		}
		values = append(values, string(b))
	}
	for _, v := range values {
		if !isASCII(v) {
			continue
		}
		n := normText(v)
		var want strings.Builder
		for i := 0; i < len(n); {
			sz, word, _ := wordRuneAt(n, i)
			if word {
				want.WriteString(n[i : i+sz])
			}
			i += sz
		}
		if got := squash(v); got != want.String() {
			t.Fatalf("squash(%q) = %q, want %q", v, got, want.String())
		}
		var digits strings.Builder
		for _, c := range n {
			if c >= '0' && c <= '9' {
				digits.WriteRune(c)
			}
		}
		if got := onlyDigits(v); got != digits.String() {
			t.Fatalf("onlyDigits(%q) = %q, want %q", v, got, digits.String())
		}
		if got := renormalize(v); got != normText(v) {
			t.Fatalf("renormalize(%q) = %q, want %q", v, got, normText(v))
		}
		if got := renormalize(n); got != normText(n) {
			t.Fatalf("renormalize(%q) = %q, want %q", n, got, normText(n))
		}
	}
}
