package pii

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// checkWrittenDateMatchers fails t if a hand-written matcher of written
// dates and its expression report different matches on text.
func checkWrittenDateMatchers(t *testing.T, text string) {
	t.Helper()
	checkHandMatchers(t, text,
		handMatcher{"dmy", matchDateDMY, patDateDMY}, handMatcher{"mdy", matchDateMDY, patDateMDY},
		handMatcher{"my", matchDateMY, patDateMY}, handMatcher{"dm", matchDateDM, patDateDM})
}

// writtenDatePieces are what written dates are made of: every month name
// and abbreviation, read from the expression, whole, cut short and
// capitalised; the prepositions of reDateDM; digits, ordinals, " of",
// separators, apostrophes, commas and full stops; and word and non-word
// characters, with bytes of multi-byte and invalid characters.
func writtenDatePieces() []string {
	pieces := []string{
		"0", "1", "2", "3", "9", "12", "31", "2024", "1999", "24", "202", "20245",
		"st", "nd", "rd", "th", "s", "t", " of", " o", "of", " ", "  ", "-", "/", ".", ",", "'", ", ", "'2",
		"a", "x", "_", "Z", "é", "\xff", "\xc3", ":", "\n",
	}
	for _, mo := range monthAlts {
		pieces = append(pieces, mo, mo[:len(mo)-1], strings.ToUpper(mo[:1])+mo[1:])
	}
	for _, w := range strings.Split(dateDMWords, "|") {
		pieces = append(pieces, w+" ", w)
	}
	return pieces
}

// TestWrittenDateMatchersMatchRegexp checks the matchers on every tail of
// the oracle texts' matching copies that starts with a digit or a letter,
// on their mutations, and on random strings of writtenDatePieces.
func TestWrittenDateMatchersMatchRegexp(t *testing.T) {
	texts := oracleTexts(t)
	r := rand.New(rand.NewPCG(49, 50))
	checkOracleTails(r, texts, 48, nil, func(c byte) bool { return isDigit(c) || c >= 'a' && c <= 'z' },
		func(s string) { checkWrittenDateMatchers(t, s) })
	pieces := writtenDatePieces()
	starts := []string{"1", "12", "3", "may", "sept", "march", "on ", "till ", "dated ", ""}
	for range scaled(300000) {
		var b strings.Builder
		b.WriteString(pick(r, starts))
		for range r.IntN(8) {
			b.WriteString(pick(r, pieces))
		}
		checkWrittenDateMatchers(t, b.String())
	}
}

// FuzzWrittenDateMatchers checks the matchers of written dates against
// their expressions on arbitrary text.
func FuzzWrittenDateMatchers(f *testing.F) {
	for _, s := range []string{
		"3rd May 2024", "3 may", "3rd of may '24", "03-may-2024", "1 ofmay.", "12th sept., 2024x",
		"may 3rd", "may 3, 2024", "may. 3rd '24", "may 2024", "sep '24", "sept., 2024",
		"on 14/05", "till 1/2x", "from 12/123",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) { checkWrittenDateMatchers(t, s) })
}
