package pii

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// checkPostcodeMatcher fails t if matchPostcode and the anchored
// rePostcode report different matches on text.
func checkPostcodeMatcher(t *testing.T, text string) {
	t.Helper()
	checkHandMatchers(t, text, handMatcher{"postcode", matchPostcode, patPostcode})
}

// postcodeAlphabet holds every lower-case letter, so that each side of
// every class in rePostcode is drawn, with digits, spaces, capitals, an
// underscore, punctuation and bytes of multi-byte and invalid characters.
const postcodeAlphabet = "abcdefghijklmnopqrstuvwxyz0123456789012345678901234567890123456789    A_.-,\xc3\xa9\xff"

// TestPostcodeMatcherMatchesRegexp checks matchPostcode on every tail of
// the oracle texts' matching copies that starts with a letter, on their
// mutations, on random strings over postcodeAlphabet, and on random
// strings shaped like postcodes and like "gir 0aa".
func TestPostcodeMatcherMatchesRegexp(t *testing.T) {
	texts := oracleTexts(t)
	r := rand.New(rand.NewPCG(51, 52))
	checkOracleTails(r, texts, 16, nil, isLowerLetter, func(s string) { checkPostcodeMatcher(t, s) })
	letter := func() byte { return byte('a' + r.IntN(26)) }
	digit := func() byte { return byte('0' + r.IntN(10)) }
	for range scaled(400000) {
		var b []byte
		switch r.IntN(3) {
		case 0:
			for range 1 + r.IntN(10) {
				b = append(b, postcodeAlphabet[r.IntN(len(postcodeAlphabet))])
			}
		case 1:
			// An outward code of one or two letters and one or two
			// digits, perhaps a letter, perhaps a space, an inward code
			// and perhaps a trailing character.
			b = append(b, letter())
			if r.IntN(2) == 0 {
				b = append(b, letter())
			}
			b = append(b, digit())
			switch r.IntN(3) {
			case 0:
				b = append(b, digit())
			case 1:
				b = append(b, letter())
			}
			if r.IntN(2) == 0 {
				b = append(b, ' ')
			}
			b = append(b, digit(), letter(), letter())
			if r.IntN(2) == 0 {
				b = append(b, postcodeAlphabet[r.IntN(len(postcodeAlphabet))])
			}
		default:
			b = append(b, pick(r, []string{"gir", "gir ", "gi", "gir  "})...)
			b = append(b, pick(r, []string{"0aa", "0a", "0ab", "0aa1", "0aa ", "1aa", "0aA"})...)
		}
		checkPostcodeMatcher(t, string(b))
	}
	for _, s := range []string{"sw1a 1aa", "m1 1ae", "b33 8th", "cr2 6xh", "dn55 1pt", "w1a 0ax", "ec1a 1bb", "gir 0aa", "gir0aa", "qw1 1aa", "ls1 4ap", strings.Repeat("a1 1aa", 3)} {
		checkPostcodeMatcher(t, s)
	}
}

// FuzzPostcodeMatcher checks matchPostcode against rePostcode on
// arbitrary text.
func FuzzPostcodeMatcher(f *testing.F) {
	for _, s := range []string{"sw1a 1aa", "m1 1ae", "b33 8th", "cr2 6xh", "gir 0aa", "gir0aa", "a1b2cd", "ab12 3cde"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) { checkPostcodeMatcher(t, s) })
}
