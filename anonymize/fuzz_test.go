package anonymize_test

import (
	"errors"
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/require"

	"github.com/openaesthetics/casebook/anonymize"
	"github.com/openaesthetics/casebook/internal/pii"
)

// obfuscate disguises an identifier the way people and copy-paste do:
// zero-width characters, look-alike letters, fullwidth digits, odd spaces,
// line breaks inside numbers, changed case.
func obfuscate(s string, rng *rand.Rand) string {
	homoglyph := map[rune]rune{'a': 'а', 'e': 'е', 'o': 'о', 'p': 'р', 'c': 'с', 'x': 'х', 'A': 'А', 'E': 'Е', 'O': 'О', 'J': 'Ј'}
	var b strings.Builder
	for _, r := range s {
		switch op := rng.IntN(10); {
		case op == 0:
			b.WriteRune(r)
			b.WriteString("\u200b")
		case op == 1 && homoglyph[r] != 0:
			b.WriteRune(homoglyph[r])
		case op == 2 && r >= '0' && r <= '9':
			b.WriteRune('０' + (r - '0'))
		case op == 3 && r == ' ':
			b.WriteString("\u00a0")
		case op == 4 && r >= '0' && r <= '9':
			b.WriteRune(r)
			b.WriteString("\n")
		case op == 5:
			b.WriteString(strings.ToUpper(string(r)))
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// skeleton reduces text to lower-case ASCII letters and digits, after the
// same normalisation the detectors use, so a surviving identifier shows up
// however it was disguised.
func skeleton(s string) string {
	n := strings.ToLower(pii.Normalize(s).Text)
	var b strings.Builder
	for _, r := range n {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			b.WriteRune(r)
		}
	}
	return b.String()
}

var planted = []string{
	"Jane Doe", "Doe", "9990000018", "999 000 0018", "07700 900123", "+44 7700 900123", "jane.doe@example.com",
	"@jane.doe.example", "LS1 4AP", "LS14AP", "02/03/1997", "2nd March 1997", "12 Example Street",
}

// FuzzLeakGate injects a known identifier, disguised, into a narrative and
// asserts that the identifier never reaches the output: either redaction
// removes it or the gate refuses the record.
func FuzzLeakGate(f *testing.F) {
	for i := range planted {
		f.Add(uint8(i), uint64(i), "Seen today with lumps after filler.")
	}
	f.Add(uint8(2), uint64(99), "NHS number")
	a, err := anonymize.New(anonymize.Registry(), testKey(f))
	require.NoError(f, err)
	f.Fuzz(func(t *testing.T, which uint8, seed uint64, filler string) {
		if !utf8.ValidString(filler) || len(filler) > 2000 {
			return
		}
		id := planted[int(which)%len(planted)]
		rng := rand.New(rand.NewPCG(seed, 7))
		r := corpusReport(t, "report-lip-filler-nodule")
		r.Narrative = filler + " " + obfuscate(id, rng) + " " + filler
		out, err := a.Report(r)
		if err != nil {
			var leak *anonymize.LeakError
			if !errors.As(err, &leak) {
				t.Fatalf("unexpected error: %v", err)
			}
			return
		}
		if !utf8.ValidString(out.Narrative) {
			t.Fatalf("output is not valid UTF-8")
		}
		if sk := skeleton(id); len(sk) >= 4 && strings.Contains(skeleton(out.Narrative), sk) && !strings.Contains(skeleton(filler), sk) {
			t.Fatalf("planted identifier %d survived", which)
		}
	})
}
