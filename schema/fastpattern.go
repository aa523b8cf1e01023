package schema

import (
	"regexp/syntax"
	"strings"
)

// The schemas' patterns are short anchored expressions over ASCII
// (UUIDs, partial dates, identifiers, telephone numbers), and running
// them through package regexp is a large part of the fast path's cost.
// quickPattern matches the same language by backtracking over the parsed
// expression, for the patterns that use only ASCII literals, ASCII
// character classes, concatenation, alternation, groups, optional parts
// and repeated single characters. Each of those matches only ASCII bytes,
// one byte per character, so matching bytes is matching runes; a string
// with any other byte simply does not match, as with regexp (which reads
// invalid UTF-8 as U+FFFD, not ASCII either). The backtracking is bounded
// by a step budget: beyond it the matcher is unsure and regexp decides.
// TestQuickPatternsMatchRegexp and FuzzQuickPatterns hold it to regexp.

// patternOp is the kind of a patternNode.
type patternOp uint8

const (
	patBegin   patternOp = iota // ^: the start of the text
	patEnd                      // $: the end of the text
	patLiteral                  // lit, once
	patClass                    // a byte of class, min to max times (max < 0: no limit)
	patAlt                      // one of alts
	patQuest                    // alts[0], or nothing
)

type patternNode struct {
	op       patternOp
	lit      string
	class    [2]uint64 // bytes 0–127
	min, max int
	alts     [][]*patternNode // sequences
}

// quickPattern is a compiled pattern; see compileQuickPattern.
type quickPattern struct {
	seq []*patternNode
}

// patternBudget bounds the steps of one match: far above what the
// schemas' patterns take on strings within their maxLength, far below
// anything slow.
const patternBudget = 4096

// compileQuickPattern returns the quick matcher for pattern, or nil if
// it uses anything beyond the supported subset.
func compileQuickPattern(pattern string) *quickPattern {
	re, err := syntax.Parse(pattern, syntax.Perl)
	if err != nil {
		return nil
	}
	seq, ok := patternSeq(re)
	// Only anchored patterns: an unanchored one may match anywhere.
	if !ok || len(seq) == 0 || seq[0].op != patBegin {
		return nil
	}
	return &quickPattern{seq: seq}
}

// patternSeq translates re into a sequence of nodes.
func patternSeq(re *syntax.Regexp) ([]*patternNode, bool) {
	if re.Flags&syntax.FoldCase != 0 {
		return nil, false
	}
	switch re.Op {
	case syntax.OpEmptyMatch:
		return nil, true
	case syntax.OpBeginText:
		return []*patternNode{{op: patBegin}}, true
	case syntax.OpEndText:
		return []*patternNode{{op: patEnd}}, true
	case syntax.OpLiteral:
		var b strings.Builder
		for _, r := range re.Rune {
			if r >= 0x80 {
				return nil, false
			}
			b.WriteByte(byte(r))
		}
		return []*patternNode{{op: patLiteral, lit: b.String()}}, true
	case syntax.OpCharClass:
		n := &patternNode{op: patClass, min: 1, max: 1}
		if !setClass(n, re) {
			return nil, false
		}
		return []*patternNode{n}, true
	case syntax.OpCapture:
		return patternSeq(re.Sub[0])
	case syntax.OpConcat:
		var seq []*patternNode
		for _, sub := range re.Sub {
			s, ok := patternSeq(sub)
			if !ok {
				return nil, false
			}
			seq = append(seq, s...)
		}
		return seq, true
	case syntax.OpAlternate:
		n := &patternNode{op: patAlt}
		for _, sub := range re.Sub {
			s, ok := patternSeq(sub)
			if !ok {
				return nil, false
			}
			n.alts = append(n.alts, s)
		}
		return []*patternNode{n}, true
	case syntax.OpQuest:
		s, ok := patternSeq(re.Sub[0])
		if !ok {
			return nil, false
		}
		return []*patternNode{{op: patQuest, alts: [][]*patternNode{s}}}, true
	case syntax.OpStar, syntax.OpPlus, syntax.OpRepeat:
		// Repeats of one character only: a repeated group could make the
		// backtracking exponential.
		n := &patternNode{op: patClass}
		if !setClass(n, re.Sub[0]) {
			return nil, false
		}
		switch re.Op {
		case syntax.OpStar:
			n.min, n.max = 0, -1
		case syntax.OpPlus:
			n.min, n.max = 1, -1
		default:
			n.min, n.max = re.Min, re.Max
		}
		return []*patternNode{n}, true
	}
	return nil, false
}

// setClass sets n's class to the bytes re matches, if re is one ASCII
// character or an ASCII character class.
func setClass(n *patternNode, re *syntax.Regexp) bool {
	if re.Flags&syntax.FoldCase != 0 {
		return false
	}
	switch re.Op {
	case syntax.OpLiteral:
		if len(re.Rune) != 1 || re.Rune[0] >= 0x80 {
			return false
		}
		c := re.Rune[0]
		n.class[c/64] |= 1 << (c % 64)
		return true
	case syntax.OpCharClass:
		for i := 0; i+1 < len(re.Rune); i += 2 {
			lo, hi := re.Rune[i], re.Rune[i+1]
			if hi >= 0x80 {
				return false
			}
			for c := lo; c <= hi; c++ {
				n.class[c/64] |= 1 << (c % 64)
			}
		}
		return true
	}
	return false
}

func (n *patternNode) has(c byte) bool {
	return c < 0x80 && n.class[c/64]&(1<<(c%64)) != 0
}

// patternCont is what remains to match after a sequence: the rest of
// the enclosing sequence, then the continuation at index next (-1: none).
type patternCont struct {
	seq  []*patternNode
	next int
}

// patternMatch is the state of one match. The continuations live in a
// fixed array, used as a stack, so that matching does not allocate.
type patternMatch struct {
	s      string
	budget int
	conts  [16]patternCont
	nconts int
}

// match reports whether s matches, and whether it is sure: when the step
// budget or the nesting runs out, it is not.
func (q *quickPattern) match(s string) (matched, sure bool) {
	m := patternMatch{s: s, budget: patternBudget}
	matched = m.seq(q.seq, 0, -1)
	return matched, m.budget >= 0
}

// seq matches seq at s[i:] and then k. The text's end is required only
// by $: without it, whatever follows a match is allowed, as in regexp.
func (m *patternMatch) seq(seq []*patternNode, i, k int) bool {
	for {
		if m.budget--; m.budget < 0 {
			return false
		}
		if len(seq) == 0 {
			if k < 0 {
				return true
			}
			seq, k = m.conts[k].seq, m.conts[k].next
			continue
		}
		n, rest := seq[0], seq[1:]
		switch n.op {
		case patBegin:
			if i != 0 {
				return false
			}
		case patEnd:
			if i != len(m.s) {
				return false
			}
		case patLiteral:
			if !strings.HasPrefix(m.s[i:], n.lit) {
				return false
			}
			i += len(n.lit)
		case patClass:
			j := i
			for (n.max < 0 || j-i < n.max) && j < len(m.s) && n.has(m.s[j]) {
				j++
			}
			if j-i < n.min {
				return false
			}
			if j-i == n.min {
				i = j
				break
			}
			// Try the longest run first, then shorter ones.
			for ; j-i >= n.min; j-- {
				if m.seq(rest, j, k) {
					return true
				}
				if m.budget < 0 {
					return false
				}
			}
			return false
		case patAlt, patQuest:
			if m.nconts == len(m.conts) {
				m.budget = -1 // too deep: not sure
				return false
			}
			after := m.nconts
			m.conts[after] = patternCont{seq: rest, next: k}
			m.nconts++
			for _, alt := range n.alts {
				if m.seq(alt, i, after) {
					return true
				}
				if m.budget < 0 {
					return false
				}
			}
			m.nconts = after
			if n.op == patAlt {
				return false
			}
			// The optional part left out.
		}
		seq = rest
	}
}
