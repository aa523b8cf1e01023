package pii

import (
	"cmp"
	"slices"
	"sync"
)

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
	return scanText(text, nil, true)
}

// scratch holds the buffers of one scan, reused through scratchPool so
// that scanning a record's many short strings does not allocate them
// afresh each time. Nothing a scan returns refers to them.
type scratch struct {
	n    Normalized
	out  []byte
	toks []token
	pos  []int
	proj []byte
	// cls, wins, anchors and groups are the detectors' buffers, lent to
	// each analysis and taken back after it (see lend and keep).
	cls     []tokenClass
	wins    []window
	anchors []int
	groups  []digitGroup
	// a is the analysis of the plain copy (see analyzeWith), and j, jout,
	// jtoks and ja hold the copy with line breaks joined and its analysis
	// (see analyzeJoined).
	a     analysis
	j     Normalized
	jout  []byte
	jtoks []token
	ja    analysis
}

// lend gives a the detectors' buffers.
func (sc *scratch) lend(a *analysis) {
	a.cls, a.wins, a.anchors, a.groups = sc.cls[:0], sc.wins[:0], sc.anchors[:0], sc.groups[:0]
}

// keep takes back the detectors' buffers from a, which may have grown
// them, for the next analysis.
func (sc *scratch) keep(a *analysis) {
	sc.cls, sc.wins, sc.anchors, sc.groups = a.cls[:0], a.wins[:0], a.anchors[:0], a.groups[:0]
}

// scratchPool holds idle scratch buffers. It is the package's only
// mutable state, and holds no data between scans that matters: every
// buffer is overwritten before it is read.
var scratchPool = sync.Pool{New: func() any { return new(scratch) }}

// scanText normalises text into pooled buffers and scans it.
func scanText(text string, m *Matcher, detect bool) []Span {
	sc := scratchPool.Get().(*scratch)
	sc.out = normalizeInto(&sc.n, text, sc.out)
	out := scanWith(&sc.n, m, detect, sc)
	// Drop the references to the text and its copies, keeping the
	// buffers; the next scan resets their lengths before it reads them.
	sc.n.Text, sc.n.orig = "", ""
	sc.j.Text, sc.j.orig = "", ""
	sc.a, sc.ja = analysis{}, analysis{}
	scratchPool.Put(sc)
	return out
}

// scanWith runs the detectors (when detect is set) and the Matcher m
// (which may be nil) over a matching copy and, when line breaks split
// numbers in it, over the copy with those breaks removed as well. The
// buffers of sc, which may be nil, serve the analysis of the plain copy
// and the detectors on both.
func scanWith(n *Normalized, m *Matcher, detect bool, sc *scratch) []Span {
	var out []Span
	var joined *Normalized
	if sc != nil {
		joined, sc.jout = n.joinedInto(&sc.j, sc.jout)
	} else {
		joined = n.joined()
	}
	for i, copy := range [2]*Normalized{n, joined} {
		if copy == nil {
			continue
		}
		var a *analysis
		switch {
		case sc == nil:
			a = analyze(copy)
		case i == 0:
			a = analyzeWith(copy, sc)
		default:
			a = analyzeJoined(copy, sc)
		}
		if detect {
			// The spans are sorted and deduplicated below, with the
			// Matcher's, so detectAll's own pass would be wasted here.
			out = detectInto(a, out)
			if sc != nil {
				sc.keep(a)
			}
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
	return scanText(text, m, true)
}

// detectAll runs every detector over a and returns the spans found, sorted
// and without duplicates.
func detectAll(a *analysis) []Span {
	return dedupe(sortSpans(detectInto(a, make([]Span, 0, 8))))
}

// detectInto runs every detector over a and appends the spans found to
// out, in no particular order and possibly more than once.
func detectInto(a *analysis, out []Span) []Span {
	gs := digitGroupsInto(a.groups[:0], a.n.Text)
	a.groups = gs
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
	return out
}

// sortSpans orders spans by start, longest first, then by kind
// specificity, and drops exact duplicates, so output is deterministic.
func sortSpans(s []Span) []Span {
	// Spans the comparison calls equal are identical, as every Kind the
	// package reports has its own rank, so the order does not depend on
	// the sorting algorithm.
	slices.SortFunc(s, func(x, y Span) int {
		if c := cmp.Compare(x.Start, y.Start); c != 0 {
			return c
		}
		if c := cmp.Compare(y.End, x.End); c != 0 {
			return c
		}
		return cmp.Compare(x.Kind.rank(), y.Kind.rank())
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
