package schema

import (
	"bytes"

	"github.com/openaesthetics/casebook/complication"
	"github.com/openaesthetics/casebook/internal/jsonscan"
)

// Findings on a record the fast decoder accepted are the domain rules'
// warnings, and each needs its line. jsonscan.Line parses the whole
// document again for every pointer it is asked about (and lineOf may ask
// several times for one finding); on a document the fast decoder has
// accepted, which is known to be well-formed, strict JSON within limits
// far below jsonscan.Line's, the parse can only succeed, so the same walk
// to the value suffices. TestDecodedLinesMatchLineOf holds these
// functions to lineOf.

// decodedLines sets the line of every finding that has none, like
// [Validator.finish], for data the fast decoder accepted.
func decodedLines(fs complication.Findings, data []byte) complication.Findings {
	for i := range fs {
		if fs[i].Line == 0 {
			fs[i].Line = decodedLineOf(data, fs[i].Pointer)
		}
	}
	return fs
}

// decodedLineOf is lineOf for data the fast decoder accepted.
func decodedLineOf(data []byte, ptr string) int {
	for {
		if l := decodedLine(data, ptr); l > 0 {
			return l
		}
		if ptr == "" {
			return 0
		}
		i := bytes.LastIndexByte([]byte(ptr), '/')
		ptr = ptr[:i]
	}
}

// decodedLine is jsonscan.Line for data the fast decoder accepted.
func decodedLine(data []byte, ptr string) int {
	toks, err := jsonscan.Tokens(ptr)
	if err != nil {
		return 0
	}
	w := lineWalk{data: data}
	w.space()
	for _, tok := range toks {
		if !w.enter(tok) {
			return 0
		}
	}
	return 1 + bytes.Count(data[:w.pos], []byte{'\n'})
}

// lineWalk moves through well-formed JSON without checking it.
type lineWalk struct {
	data []byte
	pos  int
}

func (w *lineWalk) space() {
	for w.pos < len(w.data) {
		switch w.data[w.pos] {
		case ' ', '\t', '\n', '\r':
			w.pos++
		default:
			return
		}
	}
}

// enter moves from the start of a container to the start of its member
// or element named by tok, reporting whether there is one.
func (w *lineWalk) enter(tok string) bool {
	d := w.data
	switch d[w.pos] {
	case '{':
		w.pos++
		for {
			w.space()
			if d[w.pos] == '}' {
				return false
			}
			match := w.name(tok)
			w.space()
			w.pos++ // ':'
			w.space()
			if match {
				return true
			}
			w.skipValue()
			w.space()
			if d[w.pos] == ',' {
				w.pos++
			}
		}
	case '[':
		n, ok := arrayIndex(tok)
		if !ok {
			return false
		}
		w.pos++
		for i := 0; ; i++ {
			w.space()
			if d[w.pos] == ']' {
				return false
			}
			if i == n {
				return true
			}
			w.skipValue()
			w.space()
			if d[w.pos] == ',' {
				w.pos++
			}
		}
	}
	return false // a scalar has no members
}

// name moves past the member name at w.pos and reports whether it is tok.
func (w *lineWalk) name(tok string) bool {
	d := w.data
	q := w.pos
	i := q + 1
	escaped := false
	for d[i] != '"' {
		if d[i] == '\\' {
			escaped = true
			i++
		}
		i++
	}
	w.pos = i + 1
	if !escaped {
		return string(d[q+1:i]) == tok
	}
	v, err := jsonscan.Parse(d[q:i+1], jsonscan.Limits{})
	s, ok := v.(string)
	return err == nil && ok && s == tok
}

// arrayIndex parses an RFC 6901 array index as jsonscan.Line does: "0" or
// a decimal number without leading zeros, which fits an int.
func arrayIndex(tok string) (int, bool) {
	if tok == "" || len(tok) > 1 && tok[0] == '0' || len(tok) > 18 {
		return 0, false
	}
	n := 0
	for i := 0; i < len(tok); i++ {
		if !isDigit(tok[i]) {
			return 0, false
		}
		n = n*10 + int(tok[i]-'0')
	}
	return n, true
}

// skipValue moves past the value at w.pos.
func (w *lineWalk) skipValue() {
	d := w.data
	depth := 0
	for i := w.pos; i < len(d); i++ {
		switch d[i] {
		case '"':
			for i++; d[i] != '"'; i++ {
				if d[i] == '\\' {
					i++
				}
			}
		case '{', '[':
			depth++
		case '}', ']':
			depth--
			if depth < 0 {
				w.pos = i // the end of the enclosing container
				return
			}
		case ',', ' ', '\t', '\n', '\r':
			if depth == 0 {
				w.pos = i
				return
			}
		}
		if depth == 0 && (d[i] == '"' || d[i] == '}' || d[i] == ']') {
			w.pos = i + 1
			return
		}
	}
	w.pos = len(d)
}
