package pii

import (
	"bytes"
	"strings"
	"unicode/utf8"
)

// Find returns every span of text that holds a variant of a known
// identifier, sorted by start offset. Matching is on the normalised copy
// and respects word boundaries, so "Ann" is found in "ANN's" and
// "A\u200bnn" but never inside "annual". A nil Matcher finds nothing.
func (m *Matcher) Find(text string) []Span {
	if m == nil || m.empty {
		return nil
	}
	return scanText(text, m, false)
}

// seqHit is a token-sequence match covering tokens [i, j].
type seqHit struct {
	i, j int
	kind seqKind
}

func (m *Matcher) find(a *analysis) []Span {
	if m == nil || m.empty {
		return nil
	}
	var out []Span
	if len(m.pats) > 0 {
		out = m.findSeqs(a, out)
	}
	out = m.findDigits(a, out)
	out = m.findAlnums(a, out)
	return out
}

// findSeqs finds the token-sequence patterns.
func (m *Matcher) findSeqs(a *analysis, out []Span) []Span {
	// pending are the weak name matches, which need corroboration;
	// names are the strong name matches, which corroborate a weak name
	// next to them.
	var pendingBuf, namesBuf [8]seqHit
	pending, names := pendingBuf[:0], namesBuf[:0]
	for i := range a.toks {
		t := &a.toks[i]
		// The token's key and, if it differs, the key without a
		// possessive "'s".
		keys := [2]string{t.key, baseKey(*t)}
		nk := 2
		if keys[1] == keys[0] {
			nk = 1
		}
		for _, k := range keys[:nk] {
			if !m.mayStart(k) {
				continue
			}
			for pi := m.first.get(m, k); pi >= 0; pi = m.pats[pi].next {
				p := &m.pats[pi]
				j, ok := m.matchSeq(a, i, p)
				if !ok {
					continue
				}
				switch {
				case p.initials:
					if a.initialsOK(i) {
						out = append(out, a.n.span(t.start, a.toks[j].end, p.kind.Kind()))
					}
				case p.weak:
					pending = append(pending, seqHit{i, j, p.kind})
				default:
					out = append(out, a.n.span(t.start, a.toks[j].end, p.kind.Kind()))
					if p.kind == seqName {
						names = append(names, seqHit{i, j, p.kind})
					}
				}
			}
		}
		// The parts of a hyphenated or apostrophised word: "Ann" in
		// "Ann-Marie", "Smith" in "Smith-Jones".
		if hasJoiner(t.text) {
			out = m.findParts(a, t, out)
		}
	}
	// A weak name ("May", "Ed") stands if casing marks it as a name, or a
	// title or another part of the name is right next to it.
	for _, h := range pending {
		if a.weakNameOK(h.i, names, m) {
			out = append(out, a.n.span(a.toks[h.i].start, a.toks[h.j].end, h.kind.Kind()))
		}
	}
	return out
}

// hasJoiner reports whether a token's text holds an apostrophe or hyphen.
func hasJoiner(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] == '\'' || s[i] == '-' {
			return true
		}
	}
	return false
}

// findParts finds single-name patterns among the parts of the token t
// between its apostrophes and hyphens.
func (m *Matcher) findParts(a *analysis, t *token, out []Span) []Span {
	s := t.text
	for i := 0; i < len(s); {
		if s[i] == '\'' || s[i] == '-' {
			i++
			continue
		}
		e := i
		for e < len(s) && s[e] != '\'' && s[e] != '-' {
			e++
		}
		part, off := s[i:e], t.start+i
		if !m.mayStart(part) {
			i = e
			continue
		}
		for pi := m.first.get(m, part); pi >= 0; pi = m.pats[pi].next {
			p := &m.pats[pi]
			if p.n != 1 || p.kind != seqName || p.initials || p.weak && !a.caseShowsName(off, off+len(part)) {
				continue
			}
			out = append(out, a.n.span(off, off+len(part), KindName))
		}
		i = e
	}
	return out
}

// matchSeq reports whether pattern p matches the tokens starting at i, and
// the index of the last token matched.
func (m *Matcher) matchSeq(a *analysis, i int, p *seqPattern) (int, bool) {
	n := int(p.n)
	for k := 1; k < n; k++ {
		j := i + k
		if j >= len(a.toks) {
			return 0, false
		}
		tk := &a.toks[j]
		if t := int(p.tok) + k; !m.tokIs(t, tk.key) && (k != n-1 || !m.tokIs(t, baseKey(*tk))) {
			return 0, false
		}
		if !sepOK(a.gap(j-1, j), p.sep) {
			return 0, false
		}
	}
	return i + n - 1, true
}

// sepBytes[c] has bit 1<<class set when byte c may separate the tokens of
// a pattern of that class; sepOK handles the classes not listed.
var sepBytes = func() (t [256]uint8) {
	for class, allowed := range map[sepClass]string{
		sepName:      " .'-",
		sepNameComma: " .'-,",
		sepDate:      " /.-,'",
	} {
		for i := 0; i < len(allowed); i++ {
			t[allowed[i]] |= 1 << class
		}
	}
	return t
}()

// sepOK checks the text between two tokens of a pattern.
func sepOK(g string, c sepClass) bool {
	if len(g) == 0 || len(g) > 3 {
		return false
	}
	switch c {
	case sepDotted:
		// Full stops and spaces, at least one full stop.
		dot := false
		for i := 0; i < len(g); i++ {
			switch g[i] {
			case '.':
				dot = true
			case ' ':
			default:
				return false
			}
		}
		return dot
	case sepSlash:
		return g == "/"
	case sepLoose:
		return true
	}
	bit := uint8(1) << c
	for i := 0; i < len(g); i++ {
		if sepBytes[g[i]]&bit == 0 {
			return false
		}
	}
	return true
}

// initialsOK decides whether an undotted run of initials such as "JD" is
// meant as initials: written in capitals (or in text without meaningful
// casing) and not an ordinary word or clinical abbreviation.
func (a *analysis) initialsOK(i int) bool {
	k := a.toks[i].key
	if shortWords[k] || isCommonWord(k) || functionWords[k] {
		return false
	}
	return !a.caseInformative() || a.shapeOf(a.toks[i]) == shapeUpper
}

// weakNameOK decides whether a name that is also a common or very short
// word is used as a name at token i. names are the strong name matches.
func (a *analysis) weakNameOK(i int, names []seqHit, m *Matcher) bool {
	if covers(names, i-1) && nameGap(a.gap(i-1, i), true) || covers(names, i+1) && i+1 < len(a.toks) && nameGap(a.gap(i, i+1), true) {
		return true
	}
	if i > 0 && m.isTitle(a.toks[i-1].key) && nameGap(a.gap(i-1, i), false) {
		return true
	}
	if !a.caseInformative() {
		// No casing to go on: err towards redaction ("MAY" in capitals
		// may be the patient), except for one- and two-letter words that
		// are also abbreviations ("ED", "GP"), which would otherwise be
		// redacted throughout an all-capitals note.
		k := a.toks[i].key
		return len(k) > 2 || !shortWords[k]
	}
	return a.shapeOf(a.toks[i]) == shapeTitle
}

// covers reports whether one of the hits covers token i.
func covers(hits []seqHit, i int) bool {
	for _, h := range hits {
		if h.i <= i && i <= h.j {
			return true
		}
	}
	return false
}

// caseShowsName reports whether the original text at [start, end) of the
// copy is written as a name (capital initial), or casing is uninformative.
func (a *analysis) caseShowsName(start, end int) bool {
	if !a.caseInformative() {
		return true
	}
	return a.shapeOf(token{start: start, end: end}) == shapeTitle
}

// projection is the text reduced to one class of characters, with '|'
// where a separator too long or of the wrong kind breaks a value. pos maps
// each projected byte back to the matching copy.
type projection struct {
	s   []byte
	pos []int
}

// digitJoiners are the separators allowed, up to three bytes of them,
// between the digits of a known number.
var digitJoiners = byteSetOf(" -./()")

// alnumJoiners are the separators allowed, up to three bytes of them,
// between the letters and digits of a known code.
var alnumJoiners = byteSetOf(" -./_")

func byteSetOf(s string) (set byteSet) {
	for i := 0; i < len(s); i++ {
		set.add(s[i])
	}
	return set
}

// joins reports whether the gap g between two kept characters is short
// and made only of joiners, so that it does not break a value.
func joins(g string, joiners *byteSet) bool {
	if len(g) > 3 {
		return false
	}
	for i := 0; i < len(g); i++ {
		if !joiners.has(g[i]) {
			return false
		}
	}
	return true
}

// projectDigits builds the digit projection of the matching copy t: its
// ASCII digits, with '|' where the text between two digits is not a short
// run of digitJoiners. A multi-byte character never holds an ASCII byte,
// so the digits can be found byte by byte.
//
// The projection is built in the buffers of sc when sc is not nil, and is
// valid until the next projection in them.
func projectDigits(t string, sc *scratch) projection {
	var b []byte
	var pos []int
	if sc != nil {
		b, pos = sc.proj[:0], sc.pos[:0]
	}
	last := -1 // end of the last digit
	for i := 0; i < len(t); i++ {
		if !isDigit(t[i]) {
			continue
		}
		if last >= 0 && i > last && !joins(t[last:i], &digitJoiners) {
			b = append(b, '|')
			pos = append(pos, -1)
		}
		b = append(b, t[i])
		pos = append(pos, i)
		last = i + 1
	}
	if sc != nil {
		sc.proj, sc.pos = b, pos
	}
	return projection{s: b, pos: pos}
}

// countDigits returns the number of ASCII digits in t.
func countDigits(t string) int {
	n := 0
	for i := 0; i < len(t); i++ {
		if isDigit(t[i]) {
			n++
		}
	}
	return n
}

// findDigits finds known numbers in the digit projection, anywhere: a
// known NHS number is a leak even inside a longer run of digits.
func (m *Matcher) findDigits(a *analysis, out []Span) []Span {
	if len(m.digits) == 0 {
		return out
	}
	t := a.n.Text
	if countDigits(t) < m.minDigits {
		return out
	}
	p := projectDigits(t, a.sc)
	for _, pat := range m.digits {
		for from := 0; from <= len(p.s)-len(pat.value); {
			k := indexString(p.s[from:], pat.value)
			if k < 0 {
				break
			}
			k += from
			first, last := k, k+len(pat.value)-1
			if pat.phone {
				first = phonePrefix(p.s, first)
			}
			start := p.pos[first]
			if pat.phone && start > 0 {
				if t[start-1] == '+' {
					start--
				} else if t[start-1] == '(' && strings.Contains(t[start:p.pos[last]], ")") {
					start--
				}
			}
			out = append(out, a.n.span(start, p.pos[last]+1, pat.kind))
			from = k + 1
		}
	}
	return out
}

// phonePrefix walks back from a national significant number over the
// trunk 0 and the 44 or 0044 country prefix.
func phonePrefix(s []byte, k int) int {
	if k >= 1 && s[k-1] == '0' {
		k--
	}
	if k >= 2 && string(s[k-2:k]) == "44" {
		k -= 2
		if k >= 2 && string(s[k-2:k]) == "00" {
			k -= 2
		}
	}
	return k
}

// indexString is strings.Index for a byte slice.
func indexString(s []byte, sub string) int {
	if len(sub) == 0 {
		return 0
	}
	for i := 0; i+len(sub) <= len(s); {
		j := bytes.IndexByte(s[i:len(s)-len(sub)+1], sub[0])
		if j < 0 {
			return -1
		}
		i += j
		if string(s[i:i+len(sub)]) == sub {
			return i
		}
		i++
	}
	return -1
}

// findAlnums finds code-like known values (postcodes, registration
// numbers, handles) in the alphanumeric projection of the text, on word
// boundaries, so "SW1A 1AA", "sw1a1aa" and "SW1A-1AA" all match but a
// value never matches inside a longer word.
//
// The projection keeps the word characters of the text, with '|' where
// the text between two of them is not a short run of alnumJoiners. A
// value starting on a word boundary of the projection starts at the first
// character of a run of word characters of the text, so rather than build
// the projection, findAlnums reads it from each such start whose byte
// begins a value.
func (m *Matcher) findAlnums(a *analysis, out []Span) []Span {
	if len(m.alnums) == 0 {
		return out
	}
	t := a.n.Text
	prevWord := false
	for i := 0; i < len(t); {
		sz, word := 1, false
		if c := t[i]; c < utf8.RuneSelf {
			word = isWordByte(c)
		} else {
			sz, word, _ = wordRuneAt(t, i)
		}
		if word && !prevWord && m.alnumStart.has(t[i]) {
			for x, first := range m.alnumFirst {
				if first != t[i] {
					continue
				}
				pat := &m.alnums[x]
				end, ok := alnumAt(t, i, pat.value)
				if !ok {
					continue
				}
				start := i
				if pat.kind == KindHandle && start > 0 && t[start-1] == '@' {
					start--
				}
				out = append(out, a.n.span(start, end, pat.kind))
			}
		}
		prevWord = word
		i += sz
	}
	return out
}

// alnumAt reports whether the alphanumeric projection of t, read from the
// word character at s, spells v and ends there on a word boundary, and
// returns the end of the match in t.
func alnumAt(t string, s int, v string) (end int, ok bool) {
	if t[s] != v[0] {
		return 0, false
	}
	i, j := s, 0
	for {
		// t[i] starts a word character: it must be the next of v, whole.
		sz, _, _ := wordRuneAt(t, i)
		if sz > len(v)-j || t[i:i+sz] != v[j:j+sz] {
			return 0, false
		}
		i += sz
		j += sz
		// Find the next word character.
		g := i
		for i < len(t) {
			sz, word, _ := wordRuneAt(t, i)
			if word {
				break
			}
			i += sz
		}
		if j == len(v) {
			// The value ends on a word boundary when another word
			// character does not follow at once.
			if i > g || i == len(t) {
				return g, true
			}
			return 0, false
		}
		if i == len(t) || !joins(t[g:i], &alnumJoiners) {
			return 0, false
		}
	}
}
