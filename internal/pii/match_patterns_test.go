package pii

import (
	"fmt"
	"slices"
)

// patternSet describes the compiled patterns in the form of
// (*oracleMatcher).patternSet.
func (m *Matcher) patternSet() []string {
	var out []string
	heads := 0
	for _, s := range m.first.slots {
		if s == 0 {
			continue
		}
		heads++
		head := int32(uint32(s)) - 1
		first := m.tokens(&m.pats[head])[0]
		if m.first.get(m, first) != head {
			out = append(out, "index error: "+first)
		}
		for i := head; i >= 0; i = m.pats[i].next {
			p := &m.pats[i]
			toks := m.tokens(p)
			if toks[0] != first {
				out = append(out, "chain error: "+first)
			}
			out = append(out, seqLine(toks, p.kind.Kind(), int(p.sep), p.weak, p.initials))
		}
	}
	if heads != m.first.n {
		out = append(out, fmt.Sprintf("index holds %d keys, counts %d", heads, m.first.n))
	}
	if len(out) != len(m.pats) {
		out = append(out, fmt.Sprintf("chains hold %d of %d patterns", len(out), len(m.pats)))
	}
	for i, p := range m.digits {
		out = append(out, fmt.Sprintf("digits %03d %q %s phone=%v", i, p.value, p.kind, p.phone))
	}
	for i, p := range m.alnums {
		out = append(out, fmt.Sprintf("alnums %03d %q %s", i, p.value, p.kind))
	}
	for k := range m.titles {
		out = append(out, "title "+k)
	}
	out = append(out, fmt.Sprintf("empty %v", m.empty))
	slices.Sort(out)
	return out
}

// tokens returns the tokens of p.
func (m *Matcher) tokens(p *seqPattern) []string {
	var out []string
	for i := int(p.tok); i < int(p.tok+p.n); i++ {
		out = append(out, string(m.text[m.bounds[i]:m.bounds[i+1]]))
	}
	return out
}
