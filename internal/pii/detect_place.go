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
}).bounded(16).matchedBy(matchPostcode)

func detectPostcodes(a *analysis, out []Span) []Span {
	// A postcode's inward code starts with a digit, and both parts hold
	// one.
	if !a.anyDigitToken() {
		return out // no anchors
	}
	anchors := a.tokenAnchors(func(t *token) bool { return t.digit && len(t.text) <= 7 })
	for _, m := range a.findIn(patPostcode, a.windowsAround(anchors, 5, 8)) {
		out = append(out, a.n.span(m[0], m[1], KindPostcode))
	}
	return out
}

// Street address lines: a house number, one to three name words and a
// street type, as in "12 Acacia Avenue" or "4a Harley St". The name words
// are checked against the common and clinical vocabularies so that
// "2 weeks later dr …" is not an address.
var reAddress = regexp.MustCompile(`\b(\d{1,4}[a-z]?),? ((?:[a-z][a-z'\-]* ){1,3})(` + addressStreets + `)\b\.?`)

// addressStreets are the street types that end an address in reAddress.
const addressStreets = `street|st|road|rd|avenue|ave|lane|ln|close|drive|dr|way|crescent|cres|court|ct|place|pl|terrace|tce|gardens|gdns|grove|hill|mews|park|square|sq|walk|row|rise|green|parade|boulevard|wharf|meadows?|vale|croft|gate|yard|view|approach|chase`

// addressStreetList spells out the alternatives of addressStreets.
var addressStreetList = strings.Split(strings.ReplaceAll(addressStreets, "meadows?", "meadows|meadow"), "|")

// patAddress is reAddress as findIn runs it. An address starts with a
// house number of at most four digits, perhaps a letter and a comma, and
// a space; then come one to three name words, each a whole run of letters,
// apostrophes and hyphens followed by a space, and the street type. The
// runs fix where each word ends, so it is enough that a street type
// follows one of the first three.
var patAddress = newPattern(reAddress, digitBytes, func(w string, i int) bool {
	e := runEnd(w, i, isDigit)
	if e-i > 4 || !wordStart(w, i) {
		return false
	}
	if e < len(w) && w[e] >= 'a' && w[e] <= 'z' {
		e++
	}
	if e < len(w) && w[e] == ',' {
		e++
	}
	if e >= len(w) || w[e] != ' ' {
		return false
	}
	k := e + 1
	for range 3 {
		if k >= len(w) || w[k] < 'a' || w[k] > 'z' {
			return false
		}
		k = runEnd(w, k, func(c byte) bool { return c >= 'a' && c <= 'z' || c == '\'' || c == '-' })
		if k >= len(w) || w[k] != ' ' {
			return false
		}
		k++
		if streetTypeAt(w, k) {
			return true
		}
	}
	return false
})

// streetTypeAt reports whether one of addressStreets starts at byte k of
// w and is followed by a word boundary.
func streetTypeAt(w string, k int) bool {
	for _, st := range addressStreetList {
		if e := k + len(st); strings.HasPrefix(w[k:], st) && (e == len(w) || !isRegexpWord(w[e])) {
			return true
		}
	}
	return false
}

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
