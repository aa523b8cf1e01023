package pii

import (
	"regexp"
	"sort"
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
	var ws []window
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
		if n := len(ws); n > 0 && s <= ws[n-1].end {
			if e > ws[n-1].end {
				ws[n-1].end = e
			}
			continue
		}
		ws = append(ws, window{s, e})
	}
	return ws
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

// windowsWith returns, in a new slice, the windows of ws whose text
// satisfies keep.
func (a *analysis) windowsWith(ws []window, keep func(w string) bool) []window {
	var out []window
	for _, w := range ws {
		if keep(a.n.Text[w.start:w.end]) {
			out = append(out, w)
		}
	}
	return out
}

// findIn runs re over each window and returns submatch indexes relative
// to the whole matching copy.
func (a *analysis) findIn(re *regexp.Regexp, ws []window) [][]int {
	var out [][]int
	for _, w := range ws {
		for _, m := range re.FindAllStringSubmatchIndex(a.n.Text[w.start:w.end], -1) {
			for i := range m {
				if m[i] >= 0 {
					m[i] += w.start
				}
			}
			out = append(out, m)
		}
	}
	return out
}

// tokenAnchors returns the start offsets of tokens for which keep is true.
func (a *analysis) tokenAnchors(keep func(t token) bool) []int {
	var out []int
	for _, t := range a.toks {
		if keep(t) {
			out = append(out, t.start)
		}
	}
	return out
}

// byteAnchors returns the offsets of every occurrence of c.
func byteAnchors(t string, c byte) []int {
	var out []int
	for i := 0; i < len(t); i++ {
		if t[i] == c {
			out = append(out, i)
		}
	}
	return out
}
