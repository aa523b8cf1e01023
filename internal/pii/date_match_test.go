package pii

import (
	"math/rand/v2"
	"testing"
)

// checkDateMatchers fails t if a hand-written date matcher and its
// expression report different matches on text.
func checkDateMatchers(t *testing.T, text string) {
	t.Helper()
	checkHandMatchers(t, text, handMatcher{"numeric", matchDateNumeric, patDateNumeric}, handMatcher{"iso", matchDateISO, patDateISO})
}

// dateAlphabet holds the bytes the date expressions look at, and others
// next to them: digits, separators, spaces, word and non-word characters
// and a byte of a multi-byte character.
const dateAlphabet = "0123456789/.- -/ a_Z,:\xc3\xa9"

// TestDateMatchersMatchRegexp checks the matchers on every tail of the
// oracle texts' matching copies that starts with a digit, on their
// mutations, and on random strings over the bytes dates are made of.
func TestDateMatchersMatchRegexp(t *testing.T) {
	texts := oracleTexts(t)
	r := rand.New(rand.NewPCG(41, 42))
	checkOracleTails(r, texts, 40, nil, isDigit, func(s string) { checkDateMatchers(t, s) })
	for range scaled(200000) {
		b := make([]byte, 1+r.IntN(16))
		for k := range b {
			b[k] = dateAlphabet[r.IntN(len(dateAlphabet))]
		}
		checkDateMatchers(t, string(b))
	}
}

// FuzzDateMatchers checks the matchers against their expressions on
// arbitrary text.
func FuzzDateMatchers(f *testing.F) {
	for _, s := range []string{"14/05/2024", "2024-05-03", "1.2.99", "3 4 1990", "12/ 3- 2024x", "2024 1 2", "1/2/345"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) { checkDateMatchers(t, s) })
}
