package pii

import (
	"bytes"
	"strings"
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
	p    *seqPattern
}

func (m *Matcher) find(a *analysis) []Span {
	if m == nil || m.empty {
		return nil
	}
	var out []Span
	var strong, pending []seqHit
	covered := make(map[int]bool) // tokens inside strong name matches
	for i := range a.toks {
		t := a.toks[i]
		alt := baseKey(t)
		for _, k := range [2]string{t.key, alt} {
			c, ok := m.seqs[k]
			for pi := c.head; ok && pi >= 0; pi = m.pats[pi].next {
				p := &m.pats[pi]
				j, ok := a.matchSeq(i, p)
				if !ok {
					continue
				}
				h := seqHit{i, j, p}
				switch {
				case p.initials:
					if a.initialsOK(i) {
						strong = append(strong, h)
					}
				case p.weak:
					pending = append(pending, h)
				default:
					strong = append(strong, h)
					if p.kind == KindName {
						for x := i; x <= j; x++ {
							covered[x] = true
						}
					}
				}
			}
			if alt == t.key {
				break
			}
		}
		// The parts of a hyphenated or apostrophised word: "Ann" in
		// "Ann-Marie", "Smith" in "Smith-Jones".
		if strings.ContainsAny(t.text, "'-") {
			off := t.start
			for _, part := range strings.FieldsFunc(t.text, func(r rune) bool { return r == '\'' || r == '-' }) {
				off = strings.Index(a.n.Text[off:t.end], part) + off
				c, ok := m.seqs[part]
				for pi := c.head; ok && pi >= 0; pi = m.pats[pi].next {
					p := &m.pats[pi]
					if len(p.toks) != 1 || p.kind != KindName || p.initials || p.weak && !a.caseShowsName(off, off+len(part)) {
						continue
					}
					out = append(out, a.n.span(off, off+len(part), KindName))
				}
				off += len(part)
			}
		}
	}
	// A weak name ("May", "Ed") stands if casing marks it as a name, or a
	// title or another part of the name is right next to it.
	for _, h := range pending {
		if a.weakNameOK(h.i, covered, m) {
			strong = append(strong, h)
		}
	}
	for _, h := range strong {
		out = append(out, a.n.span(a.toks[h.i].start, a.toks[h.j].end, h.p.kind))
	}
	out = m.findDigits(a, out)
	out = m.findAlnums(a, out)
	return out
}

// matchSeq reports whether pattern p matches the tokens starting at i, and
// the index of the last token matched.
func (a *analysis) matchSeq(i int, p *seqPattern) (int, bool) {
	for k := 1; k < len(p.toks); k++ {
		j := i + k
		if j >= len(a.toks) {
			return 0, false
		}
		tk := a.toks[j]
		if tk.key != p.toks[k] && (k != len(p.toks)-1 || baseKey(tk) != p.toks[k]) {
			return 0, false
		}
		if !sepOK(a.gap(j-1, j), p.sep) {
			return 0, false
		}
	}
	return i + len(p.toks) - 1, true
}

// sepOK checks the text between two tokens of a pattern.
func sepOK(g string, c sepClass) bool {
	if len(g) == 0 || len(g) > 3 {
		return false
	}
	allowed := ""
	switch c {
	case sepName:
		allowed = " .'-"
	case sepNameComma:
		allowed = " .'-,"
	case sepDotted:
		return strings.Contains(g, ".") && strings.Trim(g, ". ") == ""
	case sepDate:
		allowed = " /.-,'"
	case sepSlash:
		return g == "/"
	case sepLoose:
		return true
	}
	for i := 0; i < len(g); i++ {
		if strings.IndexByte(allowed, g[i]) < 0 {
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
// word is used as a name at token i.
func (a *analysis) weakNameOK(i int, covered map[int]bool, m *Matcher) bool {
	if covered[i-1] && nameGap(a.gap(i-1, i), true) || covered[i+1] && i+1 < len(a.toks) && nameGap(a.gap(i, i+1), true) {
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

// project builds the projection of the matching copy t keeping the bytes
// of word characters for which keep is true; runs of at most three bytes
// from joiners between kept characters are skipped, anything else breaks.
//
// The projection is built in the buffers of sc when sc is not nil, and is
// valid until the next projection in them.
func project(t string, keep func(t string, i int) (size int, ok bool), joiners string, sc *scratch) projection {
	var b []byte
	var pos []int
	if sc != nil {
		b, pos = sc.proj[:0], sc.pos[:0]
	} else {
		pos = make([]int, 0, len(t)/2)
	}
	last := -1 // end of the last kept character
	for i := 0; i < len(t); {
		sz, ok := keep(t, i)
		if !ok {
			i += sz
			continue
		}
		if last >= 0 && i > last {
			g := t[last:i]
			joined := len(g) <= 3
			for k := 0; joined && k < len(g); k++ {
				joined = strings.IndexByte(joiners, g[k]) >= 0
			}
			if !joined {
				b = append(b, '|')
				pos = append(pos, -1)
			}
		}
		for k := 0; k < sz; k++ {
			b = append(b, t[i+k])
			pos = append(pos, i+k)
		}
		i += sz
		last = i
	}
	if sc != nil {
		sc.proj, sc.pos = b, pos
	}
	return projection{s: b, pos: pos}
}

func keepDigit(t string, i int) (int, bool) {
	if isDigit(t[i]) {
		return 1, true
	}
	sz, _, _ := wordRuneAt(t, i)
	return sz, false
}

func keepWord(t string, i int) (int, bool) {
	sz, word, _ := wordRuneAt(t, i)
	return sz, word
}

// findDigits finds known numbers in the digit projection, anywhere: a
// known NHS number is a leak even inside a longer run of digits.
func (m *Matcher) findDigits(a *analysis, out []Span) []Span {
	if len(m.digits) == 0 {
		return out
	}
	t := a.n.Text
	p := project(t, keepDigit, " -./()", a.sc)
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
// numbers, handles) in the alphanumeric projection, on word boundaries,
// so "SW1A 1AA", "sw1a1aa" and "SW1A-1AA" all match but a value never
// matches inside a longer word.
func (m *Matcher) findAlnums(a *analysis, out []Span) []Span {
	if len(m.alnums) == 0 {
		return out
	}
	t := a.n.Text
	p := project(t, keepWord, " -./_", a.sc)
	for _, pat := range m.alnums {
		for from := 0; from <= len(p.s)-len(pat.value); {
			k := indexString(p.s[from:], pat.value)
			if k < 0 {
				break
			}
			k += from
			from = k + 1
			q := k + len(pat.value)
			if k > 0 && p.pos[k-1] >= 0 && p.pos[k-1] == p.pos[k]-1 {
				continue // starts inside a word
			}
			if q < len(p.pos) && p.pos[q] >= 0 && p.pos[q] == p.pos[q-1]+1 {
				continue // ends inside a word
			}
			start := p.pos[k]
			if pat.kind == KindHandle && start > 0 && t[start-1] == '@' {
				start--
			}
			out = append(out, a.n.span(start, p.pos[q-1]+1, pat.kind))
		}
	}
	return out
}
