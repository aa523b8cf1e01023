package pii

// Leaks re-scans redacted text with the Matcher (which may be nil) and
// with every generic detector, and returns whatever they still find. An
// empty result means the gate passes; anything else should stop the
// export (fail closed).
//
// The package's own placeholders are masked before scanning, so they are
// never reported and never lend context to a neighbour: "Mrs [NAME]" does
// not make "[NAME]" a name, and "[NHS_NUMBER]" does not make a nearby
// number an NHS number. Leaks is meant for Placeholders output; on
// Surrogates output the generic detectors will, by design, report the
// realistic surrogates, so gate such output with m.Find instead.
func Leaks(text string, m *Matcher) []Span {
	return scanText(maskPlaceholders(text), m, true)
}

// HasPlaceholder reports whether text holds one of the placeholders
// Redact writes. Leaks(text, m) and Scan(text, m) are the same function
// of a text without placeholders.
func HasPlaceholder(text string) bool {
	start, _ := nextPlaceholder(text, 0)
	return start >= 0
}

// maskPlaceholders overwrites each placeholder with '#' characters of the
// same byte length, keeping every offset valid for the original text.
func maskPlaceholders(text string) string {
	start, end := nextPlaceholder(text, 0)
	if start < 0 {
		return text
	}
	b := []byte(text)
	for start >= 0 {
		for i := start; i < end; i++ {
			b[i] = '#'
		}
		start, end = nextPlaceholder(text, end)
	}
	return string(b)
}
