package pii

import (
	"regexp"
	"strings"
)

// UK postcodes, with the BS 7666 letter rules: the first letter is never
// Q, V or X; the second never I, J or Z; a letter in the third position
// (A9A) is one of ABCDEFGHJKPSTUW; a letter in the fourth position (AA9A)
// is one of ABEHMNPRVWXY; the inward letters are never C, I, K, M, O or V.
// The space between outward and inward code is optional. GIR 0AA is the
// one non-conforming code still in use.
var rePostcode = regexp.MustCompile(`\b(?:gir ?0aa|[a-pr-uwyz](?:\d[a-hjkpstuw]|\d\d?|[a-hk-y]\d[abehmnprv-y]|[a-hk-y]\d\d?) ?\d[abd-hjlnp-uw-z]{2})\b`)

// patPostcode is rePostcode as findIn runs it: it starts with "gir", or
// with one of the letters an outward code can start with followed by a
// digit, or by a second letter and a digit.
var patPostcode = newPattern(rePostcode, "abcdefghijklmnoprstuwyz", func(w string, i int) bool {
	c := w[i]
	if c < 'a' || c > 'z' || strings.IndexByte("qvx", c) >= 0 || i+1 >= len(w) || !wordStart(w, i) {
		return false
	}
	switch d := w[i+1]; {
	case isDigit(d):
		return true
	case d >= 'a' && d <= 'y' && d != 'i' && d != 'j':
		return i+2 < len(w) && isDigit(w[i+2])
	}
	return strings.HasPrefix(w[i:], "gir")
}).bounded(16)

func detectPostcodes(a *analysis, out []Span) []Span {
	// A postcode's inward code starts with a digit, and both parts hold
	// one.
	anchors := a.tokenAnchors(func(t token) bool { return t.digit && len(t.text) <= 7 })
	for _, m := range a.findIn(patPostcode, a.windowsAround(anchors, 5, 8)) {
		out = append(out, a.n.span(m[0], m[1], KindPostcode))
	}
	return out
}

// Street address lines: a house number, one to three name words and a
// street type, as in "12 Acacia Avenue" or "4a Harley St". The name words
// are checked against the common and clinical vocabularies so that
// "2 weeks later dr …" is not an address.
var reAddress = regexp.MustCompile(`\b(\d{1,4}[a-z]?),? ((?:[a-z][a-z'\-]* ){1,3})(street|st|road|rd|avenue|ave|lane|ln|close|drive|dr|way|crescent|cres|court|ct|place|pl|terrace|tce|gardens|gdns|grove|hill|mews|park|square|sq|walk|row|rise|green|parade|boulevard|wharf|meadows?|vale|croft|gate|yard|view|approach|chase)\b\.?`)

// patAddress is reAddress as findIn runs it: it starts with a house
// number of at most four digits.
var patAddress = newPattern(reAddress, digitBytes, func(w string, i int) bool {
	return isDigit(w[i]) && wordStart(w, i) && runEnd(w, i, isDigit)-i <= 4
})

func detectAddresses(a *analysis, out []Span) []Span {
	t := a.n.Text
	streets := a.classAnchors(wcStreet)
	for _, m := range a.findIn(patAddress, a.windowsAround(streets, 80, 8)) {
		ok := true
		for _, w := range strings.Fields(t[m[4]:m[5]]) {
			if isCommonWord(w) || shortWords[w] && len(w) < 3 {
				ok = false
				break
			}
		}
		if !ok {
			continue
		}
		end := m[7]
		out = append(out, a.n.span(m[0], end, KindAddress))
	}
	return out
}
