package pii

import (
	"regexp"
	"sort"
	"strings"
	"unicode/utf8"
)

// Running every pattern over a whole narrative costs more than all the
// other work together, and most patterns can only match near a cheap
// anchor: a month name, an '@', a street type. window and findIn run a
// pattern only over short stretches around such anchors, extended to
// whole tokens so that word boundaries behave exactly as they would on
// the full text.

// window is a byte range [start, end) of the matching copy.
type window struct{ start, end int }

// windowsAround returns merged windows reaching about before bytes before
// and after bytes after each anchor offset, widened to token boundaries.
func (a *analysis) windowsAround(anchors []int, before, after int) []window {
	if len(anchors) == 0 {
		return nil
	}
	sort.Ints(anchors)
	t := a.n.Text
	// The windows are appended to the analysis's window buffer; see
	// claimWindows.
	from := len(a.wins)
	ws := a.wins
	for _, p := range anchors {
		s, e := p-before, p+after
		if s < 0 {
			s = 0
		}
		if e > len(t) {
			e = len(t)
		}
		// Widen to whole tokens: start at the start of a token or a
		// non-word character, end after a token.
		for s > 0 && isAlnumBefore(t, s) {
			s--
		}
		for e < len(t) && isAlnumAt(t, e) {
			e++
		}
		for s > 0 && s < len(t) && t[s]&0xC0 == 0x80 {
			s--
		}
		if n := len(ws); n > from && s <= ws[n-1].end {
			if e > ws[n-1].end {
				ws[n-1].end = e
			}
			continue
		}
		ws = append(ws, window{s, e})
	}
	return a.claimWindows(ws, from)
}

// claimWindows records that buf, the analysis's window buffer with
// windows appended after its first from entries, now holds them, and
// returns the appended windows. The buffer only grows during an analysis,
// and each returned slice has no spare capacity, so windows handed out
// earlier are never overwritten.
func (a *analysis) claimWindows(buf []window, from int) []window {
	a.wins = buf
	return buf[from:len(buf):len(buf)]
}

// toSpace extends each window to the next space, for patterns such as
// URLs whose tail may run far past their anchor.
func (a *analysis) toSpace(ws []window) []window {
	t := a.n.Text
	for i := range ws {
		for ws[i].end < len(t) && t[ws[i].end] != ' ' {
			ws[i].end++
		}
	}
	// Extending can make neighbours overlap; merge them.
	out := ws[:0]
	for _, w := range ws {
		if n := len(out); n > 0 && w.start <= out[n-1].end {
			if w.end > out[n-1].end {
				out[n-1].end = w.end
			}
			continue
		}
		out = append(out, w)
	}
	return out
}

// windowsWith returns, in a slice of their own, the windows of ws whose
// text satisfies keep.
func (a *analysis) windowsWith(ws []window, keep func(w string) bool) []window {
	from := len(a.wins)
	out := a.wins
	for _, w := range ws {
		if keep(a.n.Text[w.start:w.end]) {
			out = append(out, w)
		}
	}
	if len(out) == from {
		return nil
	}
	return a.claimWindows(out, from)
}

// pattern is a regular expression that findIn tries only where a match
// can start. Searching a window with the unanchored expression makes the
// regexp engine attempt a match at every byte; almost all of them fail on
// the first character or two. canStart rules those positions out with a
// few byte comparisons, and the expression, anchored, is run only at the
// positions left.
//
// This finds exactly the matches FindAllStringSubmatchIndex would: that
// method reports the leftmost match, then the leftmost one starting at or
// after its end, and so on; with canStart true at every position where a
// match can start, trying the remaining positions in order finds the same
// leftmost match. The anchored expression run on the window's tail sees
// the same text to its right, and on its left the start of the text where
// the whole window had a character that is not a regexp word character
// (canStart requires that wherever the expression begins with \b), so
// \b decides the same way.
type pattern struct {
	re       *regexp.Regexp // the expression as written
	anchored *regexp.Regexp // re anchored at the start of the text
	// first holds the bytes a match can start with, and wordFirst says
	// that re starts with \b before a word character, so a match never
	// starts right after a word character. findIn tests both, without a
	// call, before it calls canStart.
	first     [256]bool
	wordFirst bool
	// canStart reports whether a match of re in window w can start at
	// byte i. It must never say no where a match starts.
	canStart func(w string, i int) bool
	// The regexp engine's cost grows with the length of the text it is
	// given, even for a match that fails at once (its backtracker clears
	// a bitmap for the whole text), so findIn cuts the text after the
	// longest possible match. maxLen, if positive, bounds the length of
	// a match in bytes; spaceFree says a match never holds a space.
	maxLen    int
	spaceFree bool
	// match, if set, does by hand what anchored.FindStringSubmatchIndex
	// does, returning the same indexes in a slice of its own; it stands
	// in for the expression on the patterns that most often match,
	// where the engine is at its slowest.
	match func(t string) []int
}

// newPattern returns the pattern for re, whose matches start with one of
// the bytes of first at a position where canStart is true.
func newPattern(re *regexp.Regexp, first string, canStart func(w string, i int) bool) *pattern {
	p := &pattern{re: re, anchored: regexp.MustCompile(`^(?:` + re.String() + `)`), canStart: canStart}
	p.wordFirst = strings.HasPrefix(re.String(), `\b`)
	for i := 0; i < len(first); i++ {
		p.first[first[i]] = true
		p.wordFirst = p.wordFirst && isRegexpWord(first[i])
	}
	return p
}

// bounded returns p with maxLen set to n.
func (p *pattern) bounded(n int) *pattern {
	p.maxLen = n
	return p
}

// matchedBy returns p with match set to f.
func (p *pattern) matchedBy(f func(t string) []int) *pattern {
	p.match = f
	return p
}

// withoutSpaces returns p with spaceFree set.
func (p *pattern) withoutSpaces() *pattern {
	p.spaceFree = true
	return p
}

// tail returns the text from byte i of w that a match starting there can
// need. A match lies wholly before the cut, and the byte at the cut is an
// ASCII character that is not a regexp word character, so \b right
// before it decides as it does at the end of the text: the cut leaves
// every match from i, and which one the expression prefers, unchanged.
func (p *pattern) tail(w string, i int) string {
	t := w[i:]
	if p.spaceFree {
		if k := strings.IndexByte(t, ' '); k >= 0 {
			t = t[:k]
		}
	}
	if p.maxLen > 0 && len(t) > p.maxLen {
		k := p.maxLen
		for k < len(t) && (t[k] >= utf8.RuneSelf || isRegexpWord(t[k])) {
			k++
		}
		t = t[:k]
	}
	return t
}

// findIn runs p over each window and returns submatch indexes relative
// to the whole matching copy, as FindAllStringSubmatchIndex would on each
// window.
func (a *analysis) findIn(p *pattern, ws []window) [][]int {
	var out [][]int
	for _, w := range ws {
		s := a.n.Text[w.start:w.end]
		for i := 0; i < len(s); i++ {
			if !p.first[s[i]] || p.wordFirst && i > 0 && isRegexpWord(s[i-1]) || !p.canStart(s, i) {
				continue
			}
			var m []int
			if p.match != nil {
				m = p.match(p.tail(s, i))
			} else {
				m = p.anchored.FindStringSubmatchIndex(p.tail(s, i))
			}
			if m == nil {
				continue
			}
			for k := range m {
				if m[k] >= 0 {
					m[k] += w.start + i
				}
			}
			out = append(out, m)
			// None of the patterns matches the empty string, so the next
			// match starts at or after this one's end.
			i = m[1] - w.start - 1
		}
	}
	return out
}

// Byte sets for newPattern.
const (
	digitBytes      = "0123456789"
	lowerDigitBytes = "abcdefghijklmnopqrstuvwxyz0123456789"
)

// firstBytes returns the first bytes of words.
func firstBytes(words []string) string {
	var b []byte
	for _, w := range words {
		if w != "" && !strings.Contains(string(b), w[:1]) {
			b = append(b, w[0])
		}
	}
	return string(b)
}

// hasAnyPrefix reports whether s starts with one of prefixes.
func hasAnyPrefix(s string, prefixes []string) bool {
	for _, p := range prefixes {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}

// isRegexpWord reports whether the byte c is a word character as \b in
// package regexp sees it: an ASCII letter, digit or underscore. A byte of
// a multi-byte character is not.
func isRegexpWord(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_'
}

// wordStart reports whether \b holds at byte i of w before a word
// character: i starts w or follows a non-word character.
func wordStart(w string, i int) bool {
	return i == 0 || !isRegexpWord(w[i-1])
}

// runEnd returns the end of the run of bytes from i for which in is true.
func runEnd(w string, i int, in func(c byte) bool) int {
	for i < len(w) && in(w[i]) {
		i++
	}
	return i
}

// Anchor offsets live only until windowsAround has turned them into
// windows, so the functions below collect them in one buffer per
// analysis, each call overwriting what the previous one returned.

// anchorBuf returns the analysis's anchor buffer, empty.
func (a *analysis) anchorBuf() []int { return a.anchors[:0] }

// keepAnchors keeps buf, filled from anchorBuf, for reuse and returns it.
func (a *analysis) keepAnchors(buf []int) []int {
	a.anchors = buf[:0]
	return buf
}

// tokenAnchors returns the start offsets of tokens for which keep is true.
// keep is given a pointer: copying each token to test one or two of its
// fields made this loop a visible share of the detectors' time.
func (a *analysis) tokenAnchors(keep func(t *token) bool) []int {
	out := a.anchorBuf()
	for i := range a.toks {
		if t := &a.toks[i]; keep(t) {
			out = append(out, t.start)
		}
	}
	return a.keepAnchors(out)
}

// byteAnchors returns the offsets of every occurrence of c in the
// matching copy.
func (a *analysis) byteAnchors(c byte) []int {
	t := a.n.Text
	out := a.anchorBuf()
	for i := 0; ; i++ {
		k := strings.IndexByte(t[i:], c)
		if k < 0 {
			return a.keepAnchors(out)
		}
		i += k
		out = append(out, i)
	}
}
