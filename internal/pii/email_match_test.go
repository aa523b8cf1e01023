package pii

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// checkEmailMatchers fails t if matchEmail or matchEmailWord and its
// expression report different matches on text.
func checkEmailMatchers(t *testing.T, text string) {
	t.Helper()
	checkHandMatchers(t, text, handMatcher{"email", matchEmail, patEmail}, handMatcher{"emailWord", matchEmailWord, patEmailWord})
}

// emailPieces are what addresses, spelled out or not, are made of: local
// parts and labels, every byte of their classes and others, the '@' and
// "at" and "dot" in each kind of bracket, with and without spaces, top-level
// domains of every length round the limits, and bytes of multi-byte and
// invalid characters.
var emailPieces = []string{
	"jane", "j", "a.b", "x_y", "o'neil", "a+b", "a%b", "9", "-", "_", ".", "..", "'", "+", "%", "\\",
	"@", " @", "@ ", " @ ", "at", " at ", "[at]", " [at] ", "(at)", "{ at }", "<at>", "[ at ]", "[at)", "[at",
	"dot", " dot ", "[dot]", " [dot] ", "(dot)", "{ dot }", "<dot>", "[dot", " dot",
	"example", "ex-ample", "a-", "-a", "com", "co", "c", "uk", "invalid", strings.Repeat("k", 24), strings.Repeat("k", 25),
	strings.Repeat("l", 62), strings.Repeat("l", 63), strings.Repeat("m-", 32),
	" ", "  ", ",", ";", ":", "/", "A", "Z", "é", "\xff", "\xc3", "\n",
}

// TestEmailMatchersMatchRegexp checks the matchers on every tail of the
// oracle texts' matching copies that starts with a letter or digit near
// an '@' or "at", on their mutations, and on random strings of
// emailPieces.
func TestEmailMatchersMatchRegexp(t *testing.T) {
	texts := oracleTexts(t)
	r := rand.New(rand.NewPCG(57, 58))
	nearAt := func(n string) bool { return strings.Contains(n, "@") || strings.Contains(n, "at") }
	checkOracleTails(r, texts, 160, nearAt, isLowerAlnum, func(s string) { checkEmailMatchers(t, s) })
	starts := []string{"jane", "j", "jane.doe", "a_", "x'y", "9"}
	for range scaled(300000) {
		var b strings.Builder
		b.WriteString(pick(r, starts))
		for range r.IntN(10) {
			b.WriteString(pick(r, emailPieces))
		}
		checkEmailMatchers(t, b.String())
	}
	// Shaped like addresses: a local part, an '@' in one of its forms,
	// labels and dots in their forms, and a top-level domain, with now
	// and then a piece of any kind in place of a part.
	for range scaled(300000) {
		var b strings.Builder
		part := func(xs []string) {
			if r.IntN(10) == 0 {
				b.WriteString(pick(r, emailPieces))
				return
			}
			b.WriteString(pick(r, xs))
		}
		part([]string{"jane", "j", "jane.doe", "a_b", "o'neil", "x+y"})
		part([]string{"@", " @ ", "[at]", " (at) ", " at ", "{at}", "<at> "})
		for range 1 + r.IntN(3) {
			part([]string{"example", "ex-ample", "a", "mail1", "clinic"})
			part([]string{".", " dot ", "[dot]", " (dot) ", "<dot>", "."})
		}
		part([]string{"com", "co", "uk", "invalid", "c", strings.Repeat("k", 24), strings.Repeat("k", 25), "com9", "com-"})
		part([]string{"", "", ".", " ", ",", "x", "_", "/"})
		checkEmailMatchers(t, b.String())
	}
}

// FuzzEmailMatchers checks matchEmail and matchEmailWord against their
// expressions on arbitrary text.
func FuzzEmailMatchers(f *testing.F) {
	for _, s := range []string{
		"jane.doe@example.com", "jane [at] example [dot] com", "jane(at)example(dot)com", "jane at example dot com",
		"a@b.c", "a @ b.co.uk.", "x_@y-.com", "j@" + strings.Repeat("l", 63) + ".com", "j@e." + strings.Repeat("k", 25),
		"jane.doe@mail.example.invalid-x", "jane@@example.com", "jane@ex..com",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) { checkEmailMatchers(t, s) })
}
