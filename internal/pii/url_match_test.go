package pii

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// checkURLBareMatcher fails t if matchURLBare and the anchored reURLBare
// report different matches on text.
func checkURLBareMatcher(t *testing.T, text string) {
	t.Helper()
	checkHandMatchers(t, text, handMatcher{"urlBare", matchURLBare, patURLBare})
}

// urlPieces are what bare web addresses are made of: labels of every
// length round the limit, dots, every top-level domain of the expression,
// read from it, whole, cut short and run on, paths, and the characters
// that end them, with bytes of multi-byte and invalid characters.
func urlPieces() []string {
	pieces := []string{
		"glow", "a", "x-y", "a-", "-a", "9", "clinic1", strings.Repeat("l", 62), strings.Repeat("l", 63), strings.Repeat("m-", 32),
		".", ".", "..", "/", "/jane", "/@jane?x=1#y", "-", "_", " ", "\t", "<", ">", "\"", "{", "}", "|", "\\", "^", "[", "]", "`",
		"A", "é", "\xff", "\xc3", ",", ":", "@",
	}
	for _, tld := range urlTLDList {
		pieces = append(pieces, tld, tld[:len(tld)-1], tld+"x", tld+"1")
	}
	return pieces
}

// TestURLBareMatcherMatchesRegexp checks matchURLBare on every tail of
// the oracle texts' matching copies that starts with a letter or digit,
// on their mutations, and on random strings of urlPieces.
func TestURLBareMatcherMatchesRegexp(t *testing.T) {
	texts := oracleTexts(t)
	r := rand.New(rand.NewPCG(59, 60))
	checkOracleTails(r, texts, 160, nil, isLowerAlnum, func(s string) { checkURLBareMatcher(t, s) })
	pieces := urlPieces()
	for range scaled(300000) {
		var b strings.Builder
		if r.IntN(2) == 0 {
			// A label and a dot, then labels, dots and domains.
			b.WriteString(pick(r, []string{"glow.", "a.", "x-y.", "www.", "instagram."}))
		}
		for range r.IntN(8) {
			b.WriteString(pick(r, pieces))
		}
		checkURLBareMatcher(t, b.String())
	}
}

// FuzzURLBareMatcher checks matchURLBare against reURLBare on arbitrary
// text.
func FuzzURLBareMatcher(f *testing.F) {
	for _, s := range []string{
		"glowclinic.co.uk", "instagram.com/jane", "linktr.ee/jane", "tiktok.com/@jane", "a.b.c.com.", "x.comx",
		"x.co.ukx", "example.invalid/\xff", "a-.com", strings.Repeat("l", 64) + ".com", "a..com",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) { checkURLBareMatcher(t, s) })
}
