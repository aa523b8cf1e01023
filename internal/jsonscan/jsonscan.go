package jsonscan

import (
	"bytes"
	"encoding/json"
	"strconv"
	"sync"
	"unicode/utf8"
)

// Default limits, used for zero (or negative) fields of Limits.
const (
	DefaultMaxDepth     = 64
	DefaultMaxNumberLen = 64
	DefaultMaxStringLen = 1 << 20
	DefaultMaxMembers   = 100000
	DefaultMaxExponent  = 400
)

// Limits bound the resources one document may use. Zero (or negative)
// fields take the defaults.
type Limits struct {
	// MaxDepth is the deepest nesting of objects and arrays; a top-level
	// object or array is at depth 1. The parser recurses once per level,
	// so this also bounds its stack use. Default 64.
	MaxDepth int
	// MaxNumberLen is the most bytes in one number token. A json.Number is
	// kept as text, and validators may turn it into a big.Rat or big.Float
	// whose cost grows with its length (think 1e999999999). Default 64.
	MaxNumberLen int
	// MaxStringLen is the most bytes in one decoded string or member name.
	// Default 1<<20.
	MaxStringLen int
	// MaxMembers is the most members in one object or elements in one
	// array. Default 100000.
	MaxMembers int
	// MaxExponent is the largest magnitude of a number's written exponent
	// (the digits after e or E). A short number such as 1e999999999 is
	// within MaxNumberLen, but math/big.Rat, which validators use for
	// bounds, integer and multipleOf checks, spends time and memory that
	// grow with the exponent, and fails outright on huge ones. Default
	// 400, beyond the range of float64.
	MaxExponent int
}

func (l Limits) withDefaults() Limits {
	if l.MaxDepth <= 0 {
		l.MaxDepth = DefaultMaxDepth
	}
	if l.MaxNumberLen <= 0 {
		l.MaxNumberLen = DefaultMaxNumberLen
	}
	if l.MaxStringLen <= 0 {
		l.MaxStringLen = DefaultMaxStringLen
	}
	if l.MaxMembers <= 0 {
		l.MaxMembers = DefaultMaxMembers
	}
	if l.MaxExponent <= 0 {
		l.MaxExponent = DefaultMaxExponent
	}
	return l
}

// Parse decodes exactly one JSON value from data; whitespace may surround
// it. Objects become map[string]any, arrays []any, numbers json.Number
// holding the number's text verbatim, strings string, true and false bool,
// and null nil. Empty objects and arrays are non-nil.
//
// If data is rejected, Parse returns a nil value and an *Error describing
// the first problem in document order; see Kind for what is rejected.
// Parse reads data once, from the start. A string or number that is too
// long is found at the byte that takes it over the limit and reported at
// its first byte, unless another problem in the token was found before.
//
// To save an allocation per string and number, Parse copies data once and
// the returned strings and numbers share that copy, so keeping any one of
// them keeps the whole copy alive. Parse does not retain data itself.
func Parse(data []byte, lim Limits) (any, error) {
	p := getParser(data, lim)
	v, ok := p.document()
	var err error
	if !ok {
		v, err = nil, p.error()
	}
	// Not deferred: should the parser ever panic, its half-used stacks
	// must not go back to the pool.
	putParser(p)
	return v, err
}

// utf8BOM is the encoding of U+FEFF at the start of a document.
var utf8BOM = []byte{0xEF, 0xBB, 0xBF}

// A parser holds the state of one Parse call. Parsers are pooled because
// their scratch stacks, grown on first use, are what makes exact-size maps
// and slices cheap.
type parser struct {
	data  []byte
	s     string // string(data): strings and numbers are substrings of it
	pos   int    // offset of the next byte to read
	depth int    // objects and arrays currently open
	lim   Limits

	// members and elems are stacks of the members and elements of the
	// objects and arrays being parsed, shared by all levels: each open
	// container owns the part above the length it saw when it opened.
	// Collecting members before building the container lets Parse
	// allocate every map and slice at its final size.
	members []member
	elems   []any
	buf     []byte // decoded bytes of the string being unescaped
	bufUsed int    // most bytes of buf written during this parse

	// Error state. Only the innermost failure sets errOff and errKind; as
	// the failure returns through each enclosing member or element, that
	// level appends its token to errPath, so the pointer costs nothing
	// unless there is an error.
	errOff  int
	errKind Kind
	errPath []pathToken
}

// A member is an object member parsed but not yet stored in a map.
type member struct {
	key string
	val any
	off int // offset of the opening quote of key, for duplicate_key
}

// A pathToken is one reference token of an error's pointer.
type pathToken struct {
	key   string
	index int
	isKey bool
}

var parserPool = sync.Pool{New: func() any { return new(parser) }}

// Scratch capacities above which a parser is not pooled, so that one huge
// document does not pin memory for the life of the process.
const (
	maxPooledStack = 1 << 12
	maxPooledBuf   = 1 << 16
)

func getParser(data []byte, lim Limits) *parser {
	p := parserPool.Get().(*parser)
	p.data = data
	p.pos = 0
	p.depth = 0
	p.lim = lim.withDefaults()
	return p
}

func putParser(p *parser) {
	// Every container clears its part of the stacks when it returns;
	// clearing the error path and the scratch bytes as well leaves the
	// pooled parser holding nothing of the document, which may be patient
	// data.
	p.data = nil
	p.s = ""
	clear(p.errPath)
	p.errPath = p.errPath[:0]
	clear(p.buf[:p.bufUsed])
	p.bufUsed = 0
	if cap(p.members) > maxPooledStack || cap(p.elems) > maxPooledStack ||
		cap(p.errPath) > maxPooledStack || cap(p.buf) > maxPooledBuf {
		return
	}
	parserPool.Put(p)
}

// document parses the whole of p.data as one JSON text.
func (p *parser) document() (any, bool) {
	if bytes.HasPrefix(p.data, utf8BOM) {
		return nil, p.fail(0, KindBOM)
	}
	p.skipSpace()
	if p.pos == len(p.data) {
		return nil, p.fail(p.pos, KindEmpty)
	}
	p.s = string(p.data)
	v, ok := p.value()
	if !ok {
		return nil, false
	}
	p.skipSpace()
	if p.pos < len(p.data) {
		return nil, p.unexpected(p.pos, KindTrailingData)
	}
	return v, true
}

// error builds the *Error for the recorded failure.
func (p *parser) error() *Error {
	e := &Error{Offset: int64(p.errOff), Kind: p.errKind}
	e.Line, e.Column = position(p.data, p.errOff)
	// errPath was appended innermost first. The pointer is built in one
	// buffer: appending token by token to a string would copy the prefix
	// each time, which is quadratic in a large MaxDepth.
	n := 0
	for _, t := range p.errPath {
		n += 1 + len(t.key) // escapes may add more; indexes usually fit
	}
	b := make([]byte, 0, n)
	for i := len(p.errPath) - 1; i >= 0; i-- {
		if t := p.errPath[i]; t.isKey {
			b = appendToken(b, t.key)
		} else {
			b = append(b, '/')
			b = strconv.AppendInt(b, int64(t.index), 10)
		}
	}
	e.Pointer = string(b)
	return e
}

// position returns the 1-based line and byte column of offset off.
func position(data []byte, off int) (line, col int) {
	before := data[:off]
	line = 1 + bytes.Count(before, newline)
	col = off - bytes.LastIndexByte(before, '\n')
	return line, col
}

var newline = []byte{'\n'}

// fail records a failure of kind k at offset off and returns false, so
// that callers can write "return nil, p.fail(...)".
func (p *parser) fail(off int, k Kind) bool {
	p.errOff = off
	p.errKind = k
	// A duplicate name found as a failure returns through its object
	// replaces that failure and the path it had gathered.
	clear(p.errPath)
	p.errPath = p.errPath[:0]
	return false
}

// unexpected records a failure at offset off, where the byte found cannot
// continue the document. It is reported as kind k unless the input ended
// there or the byte starts an invalid UTF-8 sequence, which are reported
// as such: "invalid UTF-8 anywhere" is a stronger statement about the
// document than "this byte does not belong here".
func (p *parser) unexpected(off int, k Kind) bool {
	switch {
	case off >= len(p.data):
		k = KindUnexpectedEOF
	case p.data[off] >= utf8.RuneSelf:
		if r, size := utf8.DecodeRune(p.data[off:]); r == utf8.RuneError && size == 1 {
			k = KindInvalidUTF8
		}
	}
	return p.fail(off, k)
}

// pushKey and pushIndex add the token of the member or element through
// which a failure is returning.
func (p *parser) pushKey(key string) {
	p.errPath = append(p.errPath, pathToken{key: key, isKey: true})
}

func (p *parser) pushIndex(i int) {
	p.errPath = append(p.errPath, pathToken{index: i})
}

// isSpace reports whether c is JSON whitespace. Unicode spaces, form feed
// and vertical tab are not.
func isSpace(c byte) bool {
	return c == ' ' || c == '\n' || c == '\r' || c == '\t'
}

func (p *parser) skipSpace() {
	i := p.pos
	for i < len(p.data) && isSpace(p.data[i]) {
		i++
	}
	p.pos = i
}

// value parses the value starting at p.pos, which is not whitespace.
func (p *parser) value() (any, bool) {
	if p.pos >= len(p.data) {
		return nil, p.fail(p.pos, KindUnexpectedEOF)
	}
	switch c := p.data[p.pos]; c {
	case '{':
		return p.object()
	case '[':
		return p.array()
	case '"':
		s, ok := p.str()
		if !ok {
			return nil, false
		}
		return s, true
	case 't':
		return p.literal("true", true)
	case 'f':
		return p.literal("false", false)
	case 'n':
		return p.literal("null", nil)
	case '-', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9':
		return p.number()
	case '+', '.':
		// Not a value in JSON, but plainly meant as a number.
		return nil, p.fail(p.pos, KindInvalidNumber)
	default:
		return nil, p.unexpected(p.pos, KindSyntax)
	}
}

// literal parses true, false or null, whose text is lit and value v.
func (p *parser) literal(lit string, v any) (any, bool) {
	for j := 0; j < len(lit); j++ {
		if i := p.pos + j; i >= len(p.data) || p.data[i] != lit[j] {
			return nil, p.unexpected(i, KindSyntax)
		}
	}
	p.pos += len(lit)
	return v, true
}

// open enters an object or array whose bracket is at p.pos.
func (p *parser) open() bool {
	if p.depth >= p.lim.MaxDepth {
		return p.fail(p.pos, KindTooDeep)
	}
	p.depth++
	p.pos++
	p.skipSpace()
	return true
}

// object parses the object starting at p.pos.
func (p *parser) object() (any, bool) {
	if !p.open() {
		return nil, false
	}
	d := p.data
	base := len(p.members)
	if p.pos < len(d) && d[p.pos] == '}' {
		p.pos++
		p.depth--
		return map[string]any{}, true
	}
	for {
		// A member name.
		if p.pos >= len(d) || d[p.pos] != '"' {
			p.unexpected(p.pos, KindSyntax)
			return nil, p.objectFailed(base)
		}
		if len(p.members)-base >= p.lim.MaxMembers {
			p.fail(p.pos, KindTooManyMembers)
			return nil, p.objectFailed(base)
		}
		off := p.pos
		key, ok := p.str()
		if !ok {
			return nil, p.objectFailed(base)
		}
		// Record the member now, before its value, so that a failure in
		// the value can be overridden by an earlier duplicate name.
		p.members = append(p.members, member{key: key, off: off})
		slot := len(p.members) - 1

		p.skipSpace()
		if p.pos >= len(d) || d[p.pos] != ':' {
			p.unexpected(p.pos, KindSyntax)
			p.pushKey(key)
			return nil, p.objectFailed(base)
		}
		p.pos++
		p.skipSpace()
		v, ok := p.value()
		if !ok {
			p.pushKey(key)
			return nil, p.objectFailed(base)
		}
		p.members[slot].val = v

		// A comma and the next member, or the end of the object.
		p.skipSpace()
		if p.pos < len(d) {
			switch d[p.pos] {
			case ',':
				p.pos++
				p.skipSpace()
				continue
			case '}':
				p.pos++
				p.depth--
				return p.endObject(base)
			}
		}
		p.unexpected(p.pos, KindSyntax)
		return nil, p.objectFailed(base)
	}
}

// endObject builds the map from the members above base and pops them.
func (p *parser) endObject(base int) (any, bool) {
	ms := p.members[base:]
	m := make(map[string]any, len(ms))
	for i := range ms {
		m[ms[i].key] = ms[i].val
		if len(m) == i {
			// The map did not grow: a repeated name, which
			// objectFailed reports.
			return nil, p.objectFailed(base)
		}
	}
	clear(ms)
	p.members = p.members[:base]
	return m, true
}

// objectFailed is called when the object whose members start at base
// fails. A duplicate name among the members read so far precedes the
// failure in the document, so it is reported instead. objectFailed pops
// the object's members and returns false.
func (p *parser) objectFailed(base int) bool {
	ms := p.members[base:]
	if len(ms) > 1 {
		seen := make(map[string]struct{}, len(ms))
		for _, m := range ms {
			if _, dup := seen[m.key]; dup {
				p.fail(m.off, KindDuplicateKey)
				p.pushKey(m.key)
				break
			}
			seen[m.key] = struct{}{}
		}
	}
	clear(ms)
	p.members = p.members[:base]
	return false
}

// array parses the array starting at p.pos.
func (p *parser) array() (any, bool) {
	if !p.open() {
		return nil, false
	}
	d := p.data
	base := len(p.elems)
	if p.pos < len(d) && d[p.pos] == ']' {
		p.pos++
		p.depth--
		return []any{}, true
	}
	for {
		n := len(p.elems) - base
		// An element over the limit is reported only if one starts here;
		// the end of the input, a ']' after a trailing comma or a byte
		// that starts no value is the problem at this offset, and value
		// reports it.
		if n >= p.lim.MaxMembers && p.pos < len(d) && startsValue(d[p.pos]) {
			p.fail(p.pos, KindTooManyMembers)
			return nil, p.arrayFailed(base)
		}
		v, ok := p.value()
		if !ok {
			p.pushIndex(n)
			return nil, p.arrayFailed(base)
		}
		p.elems = append(p.elems, v)

		p.skipSpace()
		if p.pos < len(d) {
			switch d[p.pos] {
			case ',':
				p.pos++
				p.skipSpace()
				continue
			case ']':
				p.pos++
				p.depth--
				es := p.elems[base:]
				a := make([]any, len(es))
				copy(a, es)
				clear(es)
				p.elems = p.elems[:base]
				return a, true
			}
		}
		p.unexpected(p.pos, KindSyntax)
		return nil, p.arrayFailed(base)
	}
}

// arrayFailed pops the elements of the failed array starting at base and
// returns false.
func (p *parser) arrayFailed(base int) bool {
	clear(p.elems[base:])
	p.elems = p.elems[:base]
	return false
}

// number parses the number starting at p.pos, which is '-' or a digit.
func (p *parser) number() (any, bool) {
	d := p.data
	start := p.pos
	i := start
	if d[i] == '-' {
		i++
	}
	switch {
	case i < len(d) && d[i] == '0':
		i++
	case i < len(d) && '1' <= d[i] && d[i] <= '9':
		i = skipDigits(d, i+1)
	default:
		return nil, p.numberFailed(start, i)
	}
	if i < len(d) && d[i] == '.' {
		i++
		if i >= len(d) || !isDigit(d[i]) {
			return nil, p.numberFailed(start, i)
		}
		i = skipDigits(d, i+1)
	}
	exp := -1 // offset of the exponent's first digit
	if i < len(d) && (d[i] == 'e' || d[i] == 'E') {
		i++
		if i < len(d) && (d[i] == '+' || d[i] == '-') {
			i++
		}
		exp = i
		if i >= len(d) || !isDigit(d[i]) {
			return nil, p.numberFailed(start, i)
		}
		i = skipDigits(d, i+1)
	}
	// The grammar cannot continue here, so a byte that could belong to a
	// number (01, 1.2.3, 1e5e5, 1-2) makes the token malformed rather than
	// merely misplaced.
	if i < len(d) && isNumberByte(d[i]) {
		return nil, p.numberFailed(start, i)
	}
	if i-start > p.lim.MaxNumberLen {
		return nil, p.fail(start, KindNumberTooLong)
	}
	if exp >= 0 && exponentAbove(d[exp:i], p.lim.MaxExponent) {
		return nil, p.fail(start, KindExponentTooLarge)
	}
	p.pos = i
	return json.Number(p.s[start:i]), true
}

// exponentAbove reports whether the decimal digits in digits, leading
// zeros allowed, make a number greater than max.
func exponentAbove(digits []byte, max int) bool {
	for len(digits) > 1 && digits[0] == '0' {
		digits = digits[1:]
	}
	if len(digits) > 18 {
		return true // more than any int the limit can hold, on 64 bits
	}
	n := 0
	for _, c := range digits {
		n = n*10 + int(c-'0')
	}
	return n > max
}

// numberFailed records a malformed number starting at start whose first
// bad byte is at i. If the token was already too long by then, that is
// reported instead, at start, which comes first in the document.
func (p *parser) numberFailed(start, i int) bool {
	if i-start > p.lim.MaxNumberLen {
		return p.fail(start, KindNumberTooLong)
	}
	return p.unexpected(i, KindInvalidNumber)
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// startsValue reports whether c can be the first byte of a JSON value.
func startsValue(c byte) bool {
	switch c {
	case '{', '[', '"', 't', 'f', 'n', '-':
		return true
	}
	return isDigit(c)
}

func isNumberByte(c byte) bool {
	return isDigit(c) || c == '.' || c == 'e' || c == 'E' || c == '+' || c == '-'
}

func skipDigits(d []byte, i int) int {
	for i < len(d) && isDigit(d[i]) {
		i++
	}
	return i
}

// plain[c] reports whether byte c may appear verbatim in a string and needs
// no further attention: printable ASCII other than '"' and '\\'. The table
// keeps the common case of the string loop to one load and one branch.
var plain = func() (t [256]bool) {
	for c := 0x20; c < utf8.RuneSelf; c++ {
		t[c] = c != '"' && c != '\\'
	}
	return t
}()

// str parses the string starting at p.pos, which is '"'.
func (p *parser) str() (string, bool) {
	d := p.data
	q := p.pos
	i := q + 1
	for {
		for i < len(d) && plain[d[i]] {
			i++
		}
		if i >= len(d) {
			return "", p.stringFailed(q, i-q-1, i, KindUnexpectedEOF)
		}
		switch c := d[i]; {
		case c == '"':
			if i-q-1 > p.lim.MaxStringLen {
				return "", p.fail(q, KindStringTooLong)
			}
			p.pos = i + 1
			return p.s[q+1 : i], true
		case c == '\\':
			return p.unescape(q, i)
		case c < 0x20:
			return "", p.stringFailed(q, i-q-1, i, KindControlChar)
		default:
			r, size := utf8.DecodeRune(d[i:])
			if r == utf8.RuneError && size == 1 {
				return "", p.stringFailed(q, i-q-1, i, KindInvalidUTF8)
			}
			i += size
		}
	}
}

// stringFailed records a failure of kind k at offset i in the string whose
// opening quote is at q and which had decoded to n bytes before i. A string
// that is already too long is reported as such, at q, which comes first in
// the document.
func (p *parser) stringFailed(q, n, i int, k Kind) bool {
	if n > p.lim.MaxStringLen {
		return p.fail(q, KindStringTooLong)
	}
	return p.fail(i, k)
}

// unescape continues str for a string that has escapes: q is the offset of
// its opening quote and i that of its first backslash. The decoded bytes
// are collected in p.buf so that the result takes a single allocation.
func (p *parser) unescape(q, i int) (string, bool) {
	b, ok := p.decode(p.buf[:0], q, i)
	// Keep the grown buffer for the next string, and note how much of it
	// holds document bytes for putParser to clear.
	p.buf = b[:0]
	p.bufUsed = max(p.bufUsed, len(b))
	if !ok {
		return "", false
	}
	return string(b), true
}

// decode appends to b the decoded bytes of the string whose opening quote
// is at q, from its first backslash at i, and moves p.pos past its closing
// quote. It returns the grown b and whether the string is well-formed.
func (p *parser) decode(b []byte, q, i int) ([]byte, bool) {
	d := p.data
	limit := p.lim.MaxStringLen
	b = append(b, d[q+1:i]...)
	for {
		seg := i
		for i < len(d) && plain[d[i]] {
			i++
		}
		b = append(b, d[seg:i]...)
		if len(b) > limit {
			// Checked as the string grows, so that a long string
			// cannot make b larger than the limit by much.
			return b, p.fail(q, KindStringTooLong)
		}
		if i >= len(d) {
			return b, p.stringFailed(q, len(b), i, KindUnexpectedEOF)
		}
		switch c := d[i]; {
		case c == '"':
			p.pos = i + 1
			return b, true
		case c == '\\':
			if i+1 >= len(d) {
				return b, p.stringFailed(q, len(b), i+1, KindUnexpectedEOF)
			}
			switch d[i+1] {
			case '"', '\\', '/':
				b = append(b, d[i+1])
			case 'b':
				b = append(b, '\b')
			case 'f':
				b = append(b, '\f')
			case 'n':
				b = append(b, '\n')
			case 'r':
				b = append(b, '\r')
			case 't':
				b = append(b, '\t')
			case 'u':
				r, next, ok := p.unicodeEscape(q, len(b), i)
				if !ok {
					return b, false
				}
				b = utf8.AppendRune(b, r)
				i = next
				continue
			default:
				return b, p.stringFailed(q, len(b), i, KindInvalidEscape)
			}
			i += 2
		case c < 0x20:
			return b, p.stringFailed(q, len(b), i, KindControlChar)
		default:
			r, size := utf8.DecodeRune(d[i:])
			if r == utf8.RuneError && size == 1 {
				return b, p.stringFailed(q, len(b), i, KindInvalidUTF8)
			}
			b = append(b, d[i:i+size]...)
			i += size
		}
	}
}

// unicodeEscape decodes the \u escape at offset i, in the string whose
// opening quote is at q and which has decoded to n bytes so far, together
// with the low surrogate that must follow a high one. It returns the
// character and the offset after the escape or pair.
func (p *parser) unicodeEscape(q, n, i int) (r rune, next int, ok bool) {
	d := p.data
	for j := i + 2; j < i+6; j++ {
		if j >= len(d) {
			return 0, 0, p.stringFailed(q, n, j, KindUnexpectedEOF)
		}
		h := unhex(d[j])
		if h < 0 {
			return 0, 0, p.stringFailed(q, n, i, KindInvalidEscape)
		}
		r = r<<4 | h
	}
	switch {
	case r < 0xD800 || r > 0xDFFF:
		return r, i + 6, true
	case r <= 0xDBFF && i+12 <= len(d) && d[i+6] == '\\' && d[i+7] == 'u':
		// A high surrogate is only a character together with the low
		// surrogate escaped right after it. Anything else, including
		// a malformed escape or the end of the input, leaves it lone,
		// and the lone surrogate is the earlier problem.
		if lo, ok := hex4(d[i+8 : i+12]); ok && 0xDC00 <= lo && lo <= 0xDFFF {
			return utf16Pair(r, lo), i + 12, true
		}
	}
	return 0, 0, p.stringFailed(q, n, i, KindLoneSurrogate)
}

// utf16Pair combines a high and a low surrogate into one character.
func utf16Pair(hi, lo rune) rune {
	return 0x10000 + (hi-0xD800)<<10 + (lo - 0xDC00)
}

// hex4 decodes four hexadecimal digits.
func hex4(h []byte) (r rune, ok bool) {
	for _, c := range h {
		v := unhex(c)
		if v < 0 {
			return 0, false
		}
		r = r<<4 | v
	}
	return r, true
}

// unhex returns the value of hexadecimal digit c, or -1.
func unhex(c byte) rune {
	switch {
	case '0' <= c && c <= '9':
		return rune(c - '0')
	case 'a' <= c && c <= 'f':
		return rune(c - 'a' + 10)
	case 'A' <= c && c <= 'F':
		return rune(c - 'A' + 10)
	}
	return -1
}
