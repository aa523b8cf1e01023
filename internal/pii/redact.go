package pii

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Mode selects what Redact writes in place of an identifier.
type Mode int

const (
	// Placeholders replaces each identifier with its typed placeholder,
	// such as "[NAME]" or "[NHS_NUMBER]". This is what a regulator who
	// needs to see what was removed should receive.
	Placeholders Mode = iota
	// Surrogates replaces each identifier with the value returned by the
	// caller's surrogate function, so residual misses hide among
	// realistic fakes. The function receives the kind and the original
	// text of the merged span and should return the same surrogate for
	// the same input to keep a document consistent.
	Surrogates
)

// Merge normalises a set of spans over text: it clamps them to the text,
// widens them to whole UTF-8 characters, drops empty ones, and merges
// overlapping spans into one whose kind is that of its longest member
// (ties go to the more specific kind, e.g. NHS_NUMBER over PHONE). Name
// and address spans separated only by spaces or tabs are joined, so
// "Jane Doe" becomes one [NAME] rather than two. The result is sorted and
// non-overlapping, and the same input always gives the same output.
func Merge(text string, spans []Span) []Span {
	in := make([]Span, 0, len(spans))
	for _, s := range spans {
		if s.Start < 0 {
			s.Start = 0
		}
		if s.End > len(text) {
			s.End = len(text)
		}
		for s.Start > 0 && s.Start < len(text) && !utf8.RuneStart(text[s.Start]) {
			s.Start--
		}
		for s.End < len(text) && s.End > 0 && !utf8.RuneStart(text[s.End]) {
			s.End++
		}
		if s.End > s.Start {
			in = append(in, s)
		}
	}
	sort.Slice(in, func(i, j int) bool {
		if in[i].Start != in[j].Start {
			return in[i].Start < in[j].Start
		}
		if in[i].End != in[j].End {
			return in[i].End > in[j].End
		}
		return in[i].Kind.rank() < in[j].Kind.rank() ||
			in[i].Kind.rank() == in[j].Kind.rank() && in[i].Kind < in[j].Kind
	})
	var out []Span
	for i := 0; i < len(in); {
		group := Span{Start: in[i].Start, End: in[i].End}
		best := in[i]
		j := i + 1
		for ; j < len(in) && in[j].Start < group.End; j++ {
			if in[j].End > group.End {
				group.End = in[j].End
			}
			if better(in[j], best) {
				best = in[j]
			}
		}
		group.Kind = best.Kind
		if n := len(out); n > 0 && out[n-1].Kind == group.Kind &&
			(group.Kind == KindName || group.Kind == KindAddress) &&
			onlyInlineSpace(text[out[n-1].End:group.Start]) {
			out[n-1].End = group.End
		} else {
			out = append(out, group)
		}
		i = j
	}
	return out
}

// better reports whether span a should give its kind to a merged group in
// preference to span b.
func better(a, b Span) bool {
	if a.Len() != b.Len() {
		return a.Len() > b.Len()
	}
	if a.Kind.rank() != b.Kind.rank() {
		return a.Kind.rank() < b.Kind.rank()
	}
	return a.Kind < b.Kind
}

// onlyInlineSpace reports whether s is non-empty and holds nothing but
// spaces and tabs (any Unicode space separator) and invisible characters.
func onlyInlineSpace(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if r == '\n' || r == '\r' || r == '\u2028' || r == '\u2029' {
			return false
		}
		if !unicode.IsSpace(r) && !unicode.Is(unicode.Zs, r) && !isInvisible(r) {
			return false
		}
	}
	return true
}

// Redact returns text with every span replaced. Spans are merged first
// (see Merge), so callers may pass overlapping spans from Scan, Detect and
// Find together. In Placeholders mode, or when surrogate is nil, each span
// becomes its kind's placeholder; in Surrogates mode it becomes
// surrogate(kind, original). Invalid UTF-8 in the text and in surrogates
// is replaced by U+FFFD, so the result is always valid UTF-8. A surrogate
// function that panics is treated as having returned the placeholder: the
// identifier is removed either way.
func Redact(text string, spans []Span, mode Mode, surrogate func(Kind, string) string) string {
	merged := Merge(text, spans)
	var b strings.Builder
	b.Grow(len(text))
	last := 0
	for _, s := range merged {
		b.WriteString(strings.ToValidUTF8(text[last:s.Start], "\uFFFD"))
		repl := s.Kind.Placeholder()
		if mode == Surrogates && surrogate != nil {
			repl = callSurrogate(surrogate, s.Kind, text[s.Start:s.End])
		}
		b.WriteString(strings.ToValidUTF8(repl, "\uFFFD"))
		last = s.End
	}
	b.WriteString(strings.ToValidUTF8(text[last:], "\uFFFD"))
	return b.String()
}

// callSurrogate isolates the caller's function: a panic inside it falls
// back to the placeholder and is not re-raised, because the panic value
// could carry the identifier into logs.
func callSurrogate(f func(Kind, string) string, k Kind, orig string) (out string) {
	defer func() {
		if recover() != nil {
			out = k.Placeholder()
		}
	}()
	return f(k, orig)
}
