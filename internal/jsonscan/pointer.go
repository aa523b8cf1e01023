package jsonscan

import (
	"errors"
	"math"
	"strconv"
	"strings"
)

// AppendToken returns the RFC 6901 JSON Pointer ptr extended by the object
// member name token, escaping '~' as "~0" and '/' as "~1".
func AppendToken(ptr, token string) string {
	if !strings.ContainsAny(token, "~/") {
		return ptr + "/" + token
	}
	b := make([]byte, 0, len(ptr)+1+len(token)+4)
	b = append(b, ptr...)
	return string(appendToken(b, token))
}

// appendToken appends '/' and the escaped token to b.
func appendToken(b []byte, token string) []byte {
	b = append(b, '/')
	for {
		i := strings.IndexAny(token, "~/")
		if i < 0 {
			return append(b, token...)
		}
		b = append(b, token[:i]...)
		if token[i] == '~' {
			b = append(b, "~0"...)
		} else {
			b = append(b, "~1"...)
		}
		token = token[i+1:]
	}
}

// AppendIndex returns the RFC 6901 JSON Pointer ptr extended by the array
// index i. A negative i gives a token that refers to no array element.
func AppendIndex(ptr string, i int) string {
	return ptr + "/" + strconv.Itoa(i)
}

// errPointerStart and errPointerEscape are returned by Tokens for a
// malformed pointer. They do not quote the pointer, whose tokens may come
// from a document.
var (
	errPointerStart  = errors.New("jsonscan: JSON pointer does not start with '/'")
	errPointerEscape = errors.New("jsonscan: JSON pointer has '~' not followed by '0' or '1'")
)

// Tokens splits the RFC 6901 JSON Pointer ptr into its reference tokens
// and unescapes them. The pointer "" (the whole document) has no tokens,
// and "/" has one, the empty string. Tokens returns an error if ptr is not
// empty and does not start with '/', or has a '~' that is not followed by
// '0' or '1'.
func Tokens(ptr string) ([]string, error) {
	if ptr == "" {
		return nil, nil
	}
	if ptr[0] != '/' {
		return nil, errPointerStart
	}
	toks := make([]string, 0, strings.Count(ptr, "/"))
	for _, t := range strings.Split(ptr[1:], "/") {
		if strings.IndexByte(t, '~') < 0 {
			toks = append(toks, t)
			continue
		}
		var b strings.Builder
		b.Grow(len(t))
		for i := 0; i < len(t); i++ {
			if t[i] != '~' {
				b.WriteByte(t[i])
				continue
			}
			// "~01" is "~1", not "/": unescaping each escape
			// exactly once, left to right, is what RFC 6901 asks.
			i++
			switch {
			case i < len(t) && t[i] == '0':
				b.WriteByte('~')
			case i < len(t) && t[i] == '1':
				b.WriteByte('/')
			default:
				return nil, errPointerEscape
			}
		}
		toks = append(toks, b.String())
	}
	return toks, nil
}

// lineLimits are the limits under which Line accepts a document: Line is
// asked about documents that have already been accepted, possibly under
// limits larger than the defaults, so it checks syntax only. The depth
// limit stays finite because the parser recurses once per level; it
// matches the nesting limit of encoding/json.
var lineLimits = Limits{
	MaxDepth:     10000,
	MaxNumberLen: math.MaxInt,
	MaxStringLen: math.MaxInt,
	MaxMembers:   math.MaxInt,
	MaxExponent:  math.MaxInt,
}

// Line returns the 1-based line on which the value at the RFC 6901 JSON
// Pointer ptr starts in data, or 0 if ptr is malformed, data holds no such
// value, or Parse would reject data for any reason but its limits (Line
// accepts any size of number, string and container, and nesting up to
// 10000 levels).
//
// Line is meant for annotating validation findings after the fact, so it
// favours simplicity over speed: each call checks and scans data again.
func Line(data []byte, ptr string) int {
	toks, err := Tokens(ptr)
	if err != nil {
		return 0
	}
	p := getParser(data, lineLimits)
	defer putParser(p)
	if _, ok := p.document(); !ok {
		return 0
	}
	return p.line(toks)
}

// LineOfValid is Line for data known to be a document Parse accepts, such
// as one a validator has just decoded: it walks to the value without
// checking data again. For any other data its result is meaningless.
func LineOfValid(data []byte, ptr string) int {
	toks, err := Tokens(ptr)
	if err != nil {
		return 0
	}
	p := getParser(data, lineLimits)
	defer putParser(p)
	return p.line(toks)
}

// line walks well-formed data to the value at toks and returns its line,
// or 0 if there is no such value.
func (p *parser) line(toks []string) int {
	p.pos = 0
	p.skipSpace()
	for _, tok := range toks {
		if !p.enter(tok) {
			return 0
		}
	}
	line, _ := position(p.data, p.pos)
	return line
}

// enter moves from the start of a container to the start of its member
// or element named by tok, reporting whether there is one. data must be
// well-formed.
func (p *parser) enter(tok string) bool {
	d := p.data
	switch d[p.pos] {
	case '{':
		p.pos++
		for {
			p.skipSpace()
			if d[p.pos] == '}' {
				return false
			}
			match := p.memberIs(tok)
			p.skipSpace()
			p.pos++ // ':'
			p.skipSpace()
			if match {
				return true
			}
			p.skipValue()
			p.skipSpace()
			if d[p.pos] == ',' {
				p.pos++
			}
		}
	case '[':
		n, ok := arrayIndex(tok)
		if !ok {
			return false
		}
		p.pos++
		for i := 0; ; i++ {
			p.skipSpace()
			if d[p.pos] == ']' {
				return false
			}
			if i == n {
				return true
			}
			p.skipValue()
			p.skipSpace()
			if d[p.pos] == ',' {
				p.pos++
			}
		}
	}
	return false // a scalar has no members
}

// memberIs moves past the member name at p.pos, in well-formed data, and
// reports whether it is tok. A name without escapes is compared as it
// stands, with nothing copied.
func (p *parser) memberIs(tok string) bool {
	d := p.data
	q := p.pos
	i := q + 1
	escaped := false
	for d[i] != '"' {
		if d[i] == '\\' {
			escaped = true
			i++
		}
		i++
	}
	p.pos = i + 1
	if !escaped {
		return string(d[q+1:i]) == tok
	}
	name, err := Parse(d[q:i+1], Limits{MaxStringLen: math.MaxInt})
	return err == nil && name == tok
}

// arrayIndex parses an RFC 6901 array index: "0" or a decimal number
// without leading zeros. "-", which names the element after the last, is
// not an index of an existing element.
func arrayIndex(tok string) (int, bool) {
	if tok == "" || len(tok) > 1 && tok[0] == '0' {
		return 0, false
	}
	for i := 0; i < len(tok); i++ {
		if !isDigit(tok[i]) {
			return 0, false
		}
	}
	n, err := strconv.Atoi(tok)
	return n, err == nil
}

// skipValue moves p.pos past the value starting there. p.data must be
// well-formed, so brackets balance outside strings, and a scalar ends at
// the first delimiter.
func (p *parser) skipValue() {
	d := p.data
	depth := 0
	for i := p.pos; i < len(d); i++ {
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
				// The end of the enclosing container: the scalar
				// before it has been skipped.
				p.pos = i
				return
			}
		case ',', ' ', '\t', '\n', '\r':
			if depth == 0 {
				p.pos = i
				return
			}
		}
		if depth == 0 && (d[i] == '"' || d[i] == '}' || d[i] == ']') {
			p.pos = i + 1
			return
		}
	}
	p.pos = len(d)
}
