package pii

import "sort"

// Detect runs every generic detector over text and returns the spans
// found, sorted by start offset. Spans may overlap (an e-mail address also
// contains a bare domain); Merge and Redact resolve overlaps.
//
// The detectors are tuned for UK clinical narratives. They report NHS
// numbers, phone numbers, e-mail addresses, URLs, handles, postcodes,
// dates, registration numbers, National Insurance numbers, street
// addresses and cue-based names, and leave clinical quantities, batch
// numbers, times, grades and abbreviations alone.
func Detect(text string) []Span {
	return scan(Normalize(text), nil, true)
}

// scan runs the detectors (when detect is set) and the Matcher m (which may
// be nil) over a matching copy and, when line breaks split numbers in it,
// over the copy with those breaks removed as well.
func scan(n *Normalized, m *Matcher, detect bool) []Span {
	var out []Span
	for _, copy := range []*Normalized{n, n.joined()} {
		if copy == nil {
			continue
		}
		a := analyze(copy)
		if detect {
			out = append(out, detectAll(a)...)
		}
		if m != nil {
			out = append(out, m.find(a)...)
		}
	}
	return dedupe(sortSpans(out))
}

// Scan runs the Matcher m (which may be nil) and every generic detector
// over text, sharing one normalisation pass. It is the usual entry point
// before Redact.
func Scan(text string, m *Matcher) []Span {
	return scan(Normalize(text), m, true)
}

func detectAll(a *analysis) []Span {
	gs := digitGroups(a.n.Text)
	out := make([]Span, 0, 8)
	out = detectNHS(a, gs, out)
	out = detectPhones(a, gs, out)
	out = detectRegistrations(a, out)
	out = detectNINumbers(a, out)
	out = detectEmails(a, out)
	out = detectURLs(a, out)
	out = detectHandles(a, out)
	out = detectPostcodes(a, out)
	out = detectDates(a, gs, out)
	out = detectAddresses(a, out)
	out = detectNames(a, out)
	return dedupe(sortSpans(out))
}

// sortSpans orders spans by start, longest first, then by kind
// specificity, and drops exact duplicates, so output is deterministic.
func sortSpans(s []Span) []Span {
	sort.Slice(s, func(i, j int) bool {
		if s[i].Start != s[j].Start {
			return s[i].Start < s[j].Start
		}
		if s[i].End != s[j].End {
			return s[i].End > s[j].End
		}
		return s[i].Kind.rank() < s[j].Kind.rank()
	})
	return s
}

// dedupe removes exact duplicates from sorted spans.
func dedupe(s []Span) []Span {
	if len(s) < 2 {
		return s
	}
	out := s[:1]
	for _, v := range s[1:] {
		if v != out[len(out)-1] {
			out = append(out, v)
		}
	}
	return out
}
