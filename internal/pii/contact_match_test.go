package pii

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// checkContactMatchers fails t if a hand-written contact matcher and its
// expression report different matches on text.
func checkContactMatchers(t *testing.T, text string) {
	t.Helper()
	checkHandMatchers(t, text, handMatcher{"handle", matchHandle, patHandle}, handMatcher{"urlScheme", matchURLScheme, patURLScheme})
}

// contactPieces are what handles and web addresses are made of, with the
// characters that end them and bytes of multi-byte and invalid characters.
var contactPieces = []string{
	"@", "http://", "https://", "www.", "http", "https:/", "ww", "a", "z", "0", "9", "_", ".", "..", "-", "/", ":",
	" ", "\t", "\n", "\v", "\f", "\r", "<", ">", "\"", "{", "}", "|", "\\", "^", "[", "]", "`", "'", "#", "?", "=",
	"é", "\xff", "\xc3", "A", strings.Repeat("a", 27), strings.Repeat("b.", 15),
}

// TestContactMatchersMatchRegexp checks the matchers on every tail of the
// oracle texts' matching copies that starts where a match can, on their
// mutations, and on random strings of contactPieces.
func TestContactMatchersMatchRegexp(t *testing.T) {
	texts := oracleTexts(t)
	r := rand.New(rand.NewPCG(43, 44))
	checkOracleTails(r, texts, 300, nil, func(c byte) bool { return c == '@' || c == 'h' || c == 'w' },
		func(s string) { checkContactMatchers(t, s) })
	for range scaled(200000) {
		var b strings.Builder
		b.WriteString(pick(r, []string{"@", "http://", "https://", "www.", ""}))
		for range r.IntN(12) {
			b.WriteString(pick(r, contactPieces))
		}
		checkContactMatchers(t, b.String())
	}
}

// FuzzContactMatchers checks the matchers against their expressions on
// arbitrary text.
func FuzzContactMatchers(f *testing.F) {
	for _, s := range []string{"@jane_doe.", "@a.b", "@" + strings.Repeat("a.", 20), "https://x.y/z?q", "www.", "http://\xff", "@_"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) { checkContactMatchers(t, s) })
}
