package pii

import (
	"math/rand/v2"
	"testing"
)

// checkNINOMatcher fails t if matchNINO and the anchored reNINO report
// different matches on text.
func checkNINOMatcher(t *testing.T, text string) {
	t.Helper()
	checkHandMatchers(t, text, handMatcher{"nino", matchNINO, patNINO})
}

// ninoAlphabet holds every lower-case letter, so that each side of every
// class in reNINO is drawn, with digits, spaces, hyphens, capitals, an
// underscore, punctuation and bytes of multi-byte and invalid characters.
const ninoAlphabet = "abcdefghijklmnopqrstuvwxyz01234567890123456789  --A_.,\xc3\xa9\xff"

// TestNINOMatcherMatchesRegexp checks matchNINO on every tail of the
// oracle texts' matching copies that starts with a letter, on their
// mutations, on random strings over ninoAlphabet and on random strings
// shaped like National Insurance numbers.
func TestNINOMatcherMatchesRegexp(t *testing.T) {
	texts := oracleTexts(t)
	r := rand.New(rand.NewPCG(53, 54))
	checkOracleTails(r, texts, 24, nil, isLowerLetter, func(s string) { checkNINOMatcher(t, s) })
	any := func() byte { return ninoAlphabet[r.IntN(len(ninoAlphabet))] }
	for range scaled(300000) {
		var b []byte
		if r.IntN(4) == 0 {
			for range 1 + r.IntN(14) {
				b = append(b, any())
			}
			checkNINOMatcher(t, string(b))
			continue
		}
		// Two letters, three pairs of digits each perhaps after a space
		// or hyphen, perhaps a suffix, and perhaps a byte after it, with
		// now and then one byte of any kind in place of a part.
		part := func(s string) {
			if r.IntN(12) == 0 {
				b = append(b, any())
				return
			}
			b = append(b, s...)
		}
		part(string([]byte{byte('a' + r.IntN(26)), byte('a' + r.IntN(26))}))
		for range 3 {
			part(pick(r, []string{"", "", " ", "-", "  "}))
			part(string([]byte{byte('0' + r.IntN(10)), byte('0' + r.IntN(10))}))
		}
		part(pick(r, []string{"", "", " ", "-"}))
		part(pick(r, []string{"", "a", "b", "c", "d", "e", "z"}))
		if r.IntN(2) == 0 {
			b = append(b, any())
		}
		checkNINOMatcher(t, string(b))
	}
}

// FuzzNINOMatcher checks matchNINO against reNINO on arbitrary text.
func FuzzNINOMatcher(f *testing.F) {
	for _, s := range []string{"ab123456c", "ab 12 34 56 c", "ab-12-34-56-c", "ab123456 cx", "ab123456e", "qq123456c", "ab12345", "ab 123456 d."} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) { checkNINOMatcher(t, s) })
}
