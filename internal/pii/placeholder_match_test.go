package pii

import (
	"math/rand/v2"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// rePlaceholder matches the placeholders Redact writes. It is the
// expression maskPlaceholders and HasPlaceholder ran before
// nextPlaceholder replaced it, kept as the matcher's oracle.
var rePlaceholder = regexp.MustCompile(`\[(?:NAME|NHS_NUMBER|PHONE|EMAIL|URL|HANDLE|POSTCODE|DATE|REGISTRATION|NI_NUMBER|ADDRESS|OTHER|REDACTED)\]`)

// allPlaceholders returns every placeholder nextPlaceholder finds in text,
// as FindAllStringIndex does.
func allPlaceholders(text string) [][]int {
	var out [][]int
	for s, e := nextPlaceholder(text, 0); s >= 0; s, e = nextPlaceholder(text, e) {
		out = append(out, []int{s, e})
	}
	return out
}

// checkPlaceholders fails t if nextPlaceholder and rePlaceholder disagree
// on text, and if HasPlaceholder and maskPlaceholders disagree with what
// the expression would have them do.
func checkPlaceholders(t *testing.T, text string) {
	t.Helper()
	want := rePlaceholder.FindAllStringIndex(text, -1)
	got := allPlaceholders(text)
	if !slices.EqualFunc(got, want, slices.Equal) {
		t.Fatalf("placeholders in %q: got %v, want %v", text, got, want)
	}
	if got, want := HasPlaceholder(text), strings.IndexByte(text, '[') >= 0 && rePlaceholder.MatchString(text); got != want {
		t.Fatalf("HasPlaceholder(%q) = %v, want %v", text, got, want)
	}
	masked := []byte(text)
	for _, l := range want {
		for i := l[0]; i < l[1]; i++ {
			masked[i] = '#'
		}
	}
	if got := maskPlaceholders(text); got != string(masked) {
		t.Fatalf("maskPlaceholders(%q) = %q, want %q", text, got, masked)
	}
}

// placeholderAlternatives returns the names rePlaceholder accepts between
// the brackets, read from the expression itself, so that pieces built from
// them do not depend on placeholderNames.
func placeholderAlternatives() []string {
	src := rePlaceholder.String()
	src = src[strings.Index(src, "(?:")+3 : strings.LastIndex(src, ")")]
	return strings.Split(src, "|")
}

// placeholderPieces are what placeholders are made of: every placeholder,
// each with its last or first letter dropped or changed, brackets, case
// changes, and bytes of multi-byte and invalid characters.
func placeholderPieces() []string {
	pieces := []string{"[", "]", "[[", "]]", "[]", " ", "#", "_", "a", "N", "é", "\xff", "\xc3", "name", "[name]", "Mrs "}
	for _, k := range kindOrder {
		pieces = append(pieces, k.Placeholder())
	}
	for _, n := range placeholderAlternatives() {
		pieces = append(pieces, "["+n+"]", "["+n, n+"]", n, "["+n[:len(n)-1]+"]", "["+n[1:]+"]", "["+n+"_]", "["+strings.ToLower(n)+"]", "[["+n+"]]")
	}
	return pieces
}

// TestPlaceholdersMatchRegexp holds nextPlaceholder, HasPlaceholder and
// maskPlaceholders to rePlaceholder on the oracle texts, on redactions of
// them, on their mutations, and on random strings of placeholderPieces.
func TestPlaceholdersMatchRegexp(t *testing.T) {
	// Every placeholder Redact writes is one of the expression's.
	for _, k := range kindOrder {
		checkPlaceholders(t, k.Placeholder())
	}
	texts := oracleTexts(t)
	r := rand.New(rand.NewPCG(45, 46))
	pieces := placeholderPieces()
	for _, s := range texts {
		checkPlaceholders(t, s)
		checkPlaceholders(t, Redact(s, Scan(s, nil), Placeholders, nil))
	}
	for range scaled(20000) {
		s := mutate(r, pick(r, texts))
		checkPlaceholders(t, s)
		checkPlaceholders(t, Redact(s, Scan(s, nil), Placeholders, nil))
	}
	for range scaled(200000) {
		var b strings.Builder
		for range 1 + r.IntN(8) {
			b.WriteString(pick(r, pieces))
		}
		checkPlaceholders(t, b.String())
	}
}

// FuzzPlaceholders holds nextPlaceholder, HasPlaceholder and
// maskPlaceholders to rePlaceholder on arbitrary text.
func FuzzPlaceholders(f *testing.F) {
	for _, s := range []string{"Mrs [NAME] rang", "[[NAME]]", "[NAME", "[NHS_NUMBER][PHONE]", "[NI_NUMBER]", "[REDACTED]x[", "[name]", "[\xffNAME]"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) { checkPlaceholders(t, s) })
}
