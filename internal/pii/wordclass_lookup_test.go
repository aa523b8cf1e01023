package pii

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// checkClassesOf fails t if classesOf and a plain lookup in wordClasses
// disagree on w.
func checkClassesOf(t *testing.T, w string) {
	t.Helper()
	if got, want := classesOf(w), wordClasses[w]; got != want {
		t.Fatalf("classesOf(%q) = %b, want %b", w, got, want)
	}
}

// TestClassesOfMatchesMap holds classesOf to wordClasses on every word of
// the table, the same cut short, lengthened and changed in its first
// byte, on every token of the oracle texts and their mutations, and on
// random strings.
func TestClassesOfMatchesMap(t *testing.T) {
	for w := range wordClasses {
		for _, v := range []string{w, w[:len(w)-1], w + "s", w + strings.Repeat("x", 31), "x" + w[1:], w[1:], strings.ToUpper(w)} {
			checkClassesOf(t, v)
		}
	}
	checkClassesOf(t, "")
	texts := oracleTexts(t)
	r := rand.New(rand.NewPCG(55, 56))
	check := func(s string) {
		a := analyze(Normalize(s))
		for _, tk := range a.toks {
			checkClassesOf(t, tk.key)
			checkClassesOf(t, tk.text)
			checkClassesOf(t, strings.TrimSuffix(tk.text, "'s"))
		}
	}
	for _, s := range texts {
		check(s)
	}
	for range scaled(20000) {
		check(mutate(r, pick(r, texts)))
	}
	const alphabet = "abcdefghijklmnopqrstuvwxyz0123456789'-&\xc3\xa9"
	for range scaled(200000) {
		b := make([]byte, r.IntN(40))
		for k := range b {
			b[k] = alphabet[r.IntN(len(alphabet))]
		}
		checkClassesOf(t, string(b))
	}
}

// FuzzClassesOf holds classesOf to wordClasses on arbitrary strings.
func FuzzClassesOf(f *testing.F) {
	for _, s := range []string{"", "may", "nhs", "999", "follow-up", "jade-marie", "a&e", "mr", strings.Repeat("a", 40)} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) { checkClassesOf(t, s) })
}
