package anonymize

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// postcode is a UK postcode split into its parts: area letters, district
// (outward code) and inward code.
type postcode struct {
	area, district, inward string
}

func (p postcode) full() string { return p.district + " " + p.inward }

// parsePostcode recognises a UK postcode written with any case and
// spacing (BS 7666 letter rules, plus GIR 0AA). ok is false for anything
// else, including overseas codes, which are then not generalised but
// dropped.
func parsePostcode(s string) (postcode, bool) {
	var b strings.Builder
	for _, r := range norm.NFKC.String(s) {
		if unicode.IsSpace(r) || unicode.Is(unicode.Zs, r) || unicode.Is(unicode.Cf, r) {
			continue
		}
		b.WriteRune(unicode.ToUpper(r))
	}
	c := b.String()
	if c == "GIR0AA" {
		return postcode{area: "GIR", district: "GIR", inward: "0AA"}, true
	}
	if len(c) < 5 || len(c) > 7 {
		return postcode{}, false
	}
	out, in := c[:len(c)-3], c[len(c)-3:]
	isL := func(b byte) bool { return b >= 'A' && b <= 'Z' }
	isD := func(b byte) bool { return b >= '0' && b <= '9' }
	if !isD(in[0]) || !isL(in[1]) || !isL(in[2]) || strings.ContainsAny(in[1:], "CIKMOV") {
		return postcode{}, false
	}
	// Outward: A9, A99, A9A, AA9, AA99, AA9A.
	if !isL(out[0]) || strings.ContainsRune("QVX", rune(out[0])) {
		return postcode{}, false
	}
	area := out[:1]
	rest := out[1:]
	if len(rest) > 0 && isL(rest[0]) {
		if strings.ContainsRune("IJZ", rune(rest[0])) {
			return postcode{}, false
		}
		area = out[:2]
		rest = rest[1:]
	}
	switch {
	case len(rest) == 1 && isD(rest[0]):
	case len(rest) == 2 && isD(rest[0]) && isD(rest[1]):
	case len(rest) == 2 && isD(rest[0]) && isL(rest[1]):
		allowed := "ABCDEFGHJKPSTUW" // A9A
		if len(area) == 2 {
			allowed = "ABEHMNPRVWXY" // AA9A
		}
		if !strings.ContainsRune(allowed, rune(rest[1])) {
			return postcode{}, false
		}
	default:
		return postcode{}, false
	}
	return postcode{area: area, district: out, inward: in}, true
}
