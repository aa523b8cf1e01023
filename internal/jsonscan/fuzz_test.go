package jsonscan_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"math"
	"math/big"
	"sort"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/openaesthetics/casebook/internal/jsonscan"
)

// fuzzLimits are small enough for short fuzz inputs to reach every limit.
var fuzzLimits = jsonscan.Limits{MaxDepth: 5, MaxNumberLen: 10, MaxStringLen: 12, MaxMembers: 4, MaxExponent: 3}

// bigLimits accept anything Line accepts.
var bigLimits = jsonscan.Limits{MaxDepth: 10000, MaxNumberLen: math.MaxInt, MaxStringLen: math.MaxInt, MaxMembers: math.MaxInt, MaxExponent: math.MaxInt}

func seed(f *testing.F) {
	f.Helper()
	for _, tc := range errorCases {
		f.Add([]byte(tc.in))
	}
	for _, in := range yCases {
		f.Add([]byte(in))
	}
	for _, in := range nCases {
		if len(in) < 1000 {
			f.Add([]byte(in))
		}
	}
	for _, b := range validFiles(f) {
		f.Add(b)
	}
	f.Add([]byte(rfc6901))
	f.Add([]byte(record))
}

// FuzzParse checks Parse against encoding/json, which serves as the
// reference for the grammar, and against the checks encoding/json does
// not make.
func FuzzParse(f *testing.F) {
	seed(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, lim := range []jsonscan.Limits{{}, fuzzLimits} {
			checkParse(t, data, lim)
		}
	})
}

func checkParse(t *testing.T, data []byte, lim jsonscan.Limits) {
	orig := bytes.Clone(data)
	got, err := jsonscan.Parse(data, lim)
	if !bytes.Equal(orig, data) {
		t.Fatalf("Parse modified its input")
	}
	want, kinds, refErr := reference(data, lim)

	if err != nil {
		var e *jsonscan.Error
		if !errors.As(err, &e) {
			t.Fatalf("error is %T, not *jsonscan.Error", err)
		}
		if got != nil {
			t.Fatalf("Parse returned a value with an error")
		}
		checkError(t, data, e)
		if refErr == nil {
			// Parse rejected what encoding/json accepts, which is
			// valid UTF-8 free of lone surrogates and duplicate
			// names, within the limits.
			t.Fatalf("Parse(%q, %+v): %v; the reference accepts it", data, lim, err)
		}
		if len(kinds) == 1 && kinds[0] != e.Kind {
			t.Fatalf("Parse(%q, %+v): %v; the only problem is %s", data, lim, err, kinds[0])
		}
		if len(kinds) > 0 {
			// encoding/json accepts the grammar, so its token stream
			// locates the values, and from them the pointer.
			if want := errorPointer(t, data, e); want != e.Pointer {
				t.Fatalf("Parse(%q, %+v): %v; want pointer %q", data, lim, err, want)
			}
		}
		// Parse is deterministic, whatever the pooled parser held.
		_, err2 := jsonscan.Parse(data, lim)
		if e2, ok := err2.(*jsonscan.Error); !ok || *e2 != *e {
			t.Fatalf("Parse(%q) is not deterministic: %v, then %v", data, err, err2)
		}
		return
	}
	if refErr != nil {
		t.Fatalf("Parse(%q, %+v) accepted what the reference rejects: %v", data, lim, refErr)
	}
	if !equal(want, got) {
		t.Fatalf("Parse(%q) = %#v; encoding/json gives %#v", data, got, want)
	}
}

func checkError(t *testing.T, data []byte, e *jsonscan.Error) {
	t.Helper()
	if e.Offset < 0 || e.Offset > int64(len(data)) {
		t.Fatalf("Offset %d outside [0, %d]", e.Offset, len(data))
	}
	if e.Line < 1 || e.Column < 1 {
		t.Fatalf("Line %d, Column %d", e.Line, e.Column)
	}
	if line, col := position(data, int(e.Offset)); line != e.Line || col != e.Column {
		t.Fatalf("offset %d is line %d, column %d; the error says %d, %d", e.Offset, line, col, e.Line, e.Column)
	}
	if _, err := jsonscan.Tokens(e.Pointer); err != nil {
		t.Fatalf("malformed Pointer %q", e.Pointer)
	}
	if e.Kind == "" {
		t.Fatalf("no Kind")
	}
	_ = e.Error()
}

// equal is reflect.DeepEqual for decoded JSON, written out to give the
// fuzzer a cheap comparison.
func equal(a, b any) bool {
	switch a := a.(type) {
	case map[string]any:
		b, ok := b.(map[string]any)
		if !ok || len(a) != len(b) || b == nil {
			return false
		}
		for k, v := range a {
			w, ok := b[k]
			if !ok || !equal(v, w) {
				return false
			}
		}
		return true
	case []any:
		b, ok := b.([]any)
		if !ok || len(a) != len(b) || b == nil {
			return false
		}
		for i := range a {
			if !equal(a[i], b[i]) {
				return false
			}
		}
		return true
	default:
		return a == b
	}
}

// reference decides data independently of Parse: encoding/json checks the
// grammar and decodes, and the checks it does not make are done on its
// token stream. It returns the decoded value, or the kinds of every
// problem found (at most one of each, in no particular order) and an
// error.
func reference(data []byte, lim jsonscan.Limits) (any, []jsonscan.Kind, error) {
	if !json.Valid(data) {
		return nil, nil, errors.New("encoding/json rejects it")
	}
	lim = withDefaults(lim)
	found := map[jsonscan.Kind]bool{}
	if !utf8.Valid(data) {
		found[jsonscan.KindInvalidUTF8] = true
	}
	if hasLoneSurrogate(data) {
		found[jsonscan.KindLoneSurrogate] = true
	}

	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	type frame struct {
		keys    map[string]bool // nil for an array
		n       int
		wantKey bool
	}
	var stack []frame
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, nil, err
		}
		isKey := false
		if len(stack) > 0 {
			top := &stack[len(stack)-1]
			if d, ok := tok.(json.Delim); !ok || d == '{' || d == '[' {
				if top.keys == nil || top.wantKey {
					top.n++
					if top.n > lim.MaxMembers {
						found[jsonscan.KindTooManyMembers] = true
					}
				}
				if top.keys != nil {
					isKey = top.wantKey
					top.wantKey = !top.wantKey
				}
			}
		}
		switch tok := tok.(type) {
		case json.Delim:
			switch tok {
			case '{', '[':
				if len(stack) >= lim.MaxDepth {
					found[jsonscan.KindTooDeep] = true
				}
				f := frame{}
				if tok == '{' {
					f.keys = map[string]bool{}
					f.wantKey = true
				}
				stack = append(stack, f)
			default:
				stack = stack[:len(stack)-1]
			}
		case string:
			if len(tok) > lim.MaxStringLen {
				found[jsonscan.KindStringTooLong] = true
			}
			if isKey {
				keys := stack[len(stack)-1].keys
				if keys[tok] {
					found[jsonscan.KindDuplicateKey] = true
				}
				keys[tok] = true
			}
		case json.Number:
			if len(tok) > lim.MaxNumberLen {
				found[jsonscan.KindNumberTooLong] = true
			}
			if exponentOver(string(tok), lim.MaxExponent) {
				found[jsonscan.KindExponentTooLarge] = true
			}
		}
	}
	if len(found) > 0 {
		kinds := make([]jsonscan.Kind, 0, len(found))
		for k := range found {
			kinds = append(kinds, k)
		}
		sort.Slice(kinds, func(i, j int) bool { return kinds[i] < kinds[j] })
		return nil, kinds, errors.New("not acceptable")
	}
	v, err := decodeStd(data)
	return v, nil, err
}

func withDefaults(l jsonscan.Limits) jsonscan.Limits {
	if l.MaxDepth <= 0 {
		l.MaxDepth = jsonscan.DefaultMaxDepth
	}
	if l.MaxNumberLen <= 0 {
		l.MaxNumberLen = jsonscan.DefaultMaxNumberLen
	}
	if l.MaxStringLen <= 0 {
		l.MaxStringLen = jsonscan.DefaultMaxStringLen
	}
	if l.MaxMembers <= 0 {
		l.MaxMembers = jsonscan.DefaultMaxMembers
	}
	if l.MaxExponent <= 0 {
		l.MaxExponent = jsonscan.DefaultMaxExponent
	}
	return l
}

// exponentOver reports whether the valid JSON number num has an exponent
// of magnitude above max, computed independently of the parser with
// math/big.
func exponentOver(num string, max int) bool {
	i := strings.IndexAny(num, "eE")
	if i < 0 {
		return false
	}
	e, ok := new(big.Int).SetString(strings.TrimLeft(num[i+1:], "+-"), 10)
	return ok && e.Cmp(big.NewInt(int64(max))) > 0
}

// hasLoneSurrogate reports whether the valid JSON text data has a \u
// escape of a surrogate that is not part of a high-low pair. In valid JSON
// every backslash starts an escape inside a string, so the escapes can be
// found without tracking strings.
func hasLoneSurrogate(data []byte) bool {
	hex := func(i int) (rune, bool) {
		if i+6 > len(data) || data[i] != '\\' || data[i+1] != 'u' {
			return 0, false
		}
		var r rune
		for _, c := range data[i+2 : i+6] {
			var v byte
			switch {
			case '0' <= c && c <= '9':
				v = c - '0'
			case 'a' <= c && c <= 'f':
				v = c - 'a' + 10
			case 'A' <= c && c <= 'F':
				v = c - 'A' + 10
			default:
				return 0, false
			}
			r = r<<4 | rune(v)
		}
		return r, true
	}
	for i := 0; i < len(data); i++ {
		if data[i] != '\\' {
			continue
		}
		r, ok := hex(i)
		if !ok {
			i++ // a two-byte escape
			continue
		}
		switch {
		case 0xD800 <= r && r < 0xDC00:
			lo, ok := hex(i + 6)
			if !ok || lo < 0xDC00 || lo > 0xDFFF {
				return true
			}
			i += 11
		case 0xDC00 <= r && r <= 0xDFFF:
			return true
		default:
			i += 5
		}
	}
	return false
}

// FuzzLine checks that Line never panics and that every value of a
// document Line accepts has a line, the one where the value starts.
func FuzzLine(f *testing.F) {
	f.Add([]byte(rfc6901), "/m~0n")
	f.Add([]byte(record), "/events/0/sites/1")
	f.Add([]byte(`{"a/b":[1,{"~":2}]}`), "/a~1b/1/~0")
	f.Add([]byte("[\n1,\n2]"), "/1")
	f.Add([]byte(`{"a":1,"a":2}`), "/a")
	f.Add([]byte(`[1,`), "/0")
	f.Add([]byte(`"x"`), "")
	f.Add([]byte(`{"":{"":[]}}`), "///0")
	f.Fuzz(func(t *testing.T, data []byte, ptr string) {
		lines := 1 + bytes.Count(data, []byte{'\n'})
		if l := jsonscan.Line(data, ptr); l < 0 || l > lines {
			t.Fatalf("Line(%q, %q) = %d, outside [0, %d]", data, ptr, l, lines)
		}
		doc, err := jsonscan.Parse(data, bigLimits)
		if err != nil {
			if l := jsonscan.Line(data, ptr); l != 0 {
				t.Fatalf("Line(%q, %q) = %d for a rejected document", data, ptr, l)
			}
			return
		}
		if jsonscan.Line(data, "") != 0 {
			if got, want := jsonscan.LineOfValid(data, ptr), jsonscan.Line(data, ptr); got != want {
				t.Fatalf("LineOfValid(%q, %q) = %d, Line says %d", data, ptr, got, want)
			}
		}
		want := valueLines(t, data)
		n := 0
		walk(doc, "", func(p string) {
			n++
			w, ok := want[p]
			if !ok {
				t.Fatalf("%q: encoding/json has no value at %q", data, p)
			}
			if got := jsonscan.Line(data, p); got != w {
				t.Fatalf("Line(%q, %q) = %d, want %d", data, p, got, w)
			}
			if got := jsonscan.LineOfValid(data, p); got != w {
				t.Fatalf("LineOfValid(%q, %q) = %d, want %d", data, p, got, w)
			}
		})
		if n != len(want) {
			t.Fatalf("%q: walked %d values, encoding/json has %d", data, n, len(want))
		}
	})
}

// walk calls fn with the pointer of every value in doc.
func walk(doc any, ptr string, fn func(string)) {
	fn(ptr)
	switch v := doc.(type) {
	case map[string]any:
		for k, w := range v {
			walk(w, jsonscan.AppendToken(ptr, k), fn)
		}
	case []any:
		for i, w := range v {
			walk(w, jsonscan.AppendIndex(ptr, i), fn)
		}
	}
}

// errorPointer returns the pointer Error.Pointer documents for e, an error
// in the valid JSON text data: that of the innermost value around
// e.Offset, or around the member name there, except that too_many_members
// names the container of the member or element at e.Offset, and
// duplicate_key the member whose name starts at e.Offset.
func errorPointer(t *testing.T, data []byte, e *jsonscan.Error) string {
	t.Helper()
	off := int(e.Offset)
	var inner span
	for _, s := range valueSpans(t, data) {
		// Spans come in document order, containers before what they
		// contain, so the last match is the innermost.
		if s.start <= off && off < s.end {
			if s.start == off && e.Kind == jsonscan.KindTooManyMembers {
				break
			}
			inner = s
		}
	}
	if e.Kind == jsonscan.KindDuplicateKey {
		dec := json.NewDecoder(bytes.NewReader(data[off:]))
		tok, err := dec.Token()
		key, ok := tok.(string)
		if err != nil || !ok {
			t.Fatalf("duplicate_key at offset %d, which starts no member name", off)
		}
		return jsonscan.AppendToken(inner.ptr, key)
	}
	return inner.ptr
}

// A span is the pointer of a value and the offsets of its first byte and
// of the byte after its last.
type span struct {
	ptr        string
	start, end int
}

// valueSpans returns the span of every value in the valid JSON text data,
// in document order, found with encoding/json's token stream and input
// offsets.
func valueSpans(t *testing.T, data []byte) []span {
	t.Helper()
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber() // numbers too large for a float64 are valid JSON
	var spans []span
	// start returns the offset of the next token: after whitespace and
	// at most one ':' or ',' from the end of the last one.
	start := func() int {
		i := int(dec.InputOffset())
		for i < len(data) && isJSONSpace(data[i]) {
			i++
		}
		if i < len(data) && (data[i] == ':' || data[i] == ',') {
			i++
		}
		for i < len(data) && isJSONSpace(data[i]) {
			i++
		}
		return i
	}
	next := func() json.Token {
		tok, err := dec.Token()
		if err != nil {
			t.Fatalf("encoding/json: %v", err)
		}
		return tok
	}
	var value func(ptr string)
	value = func(ptr string) {
		i := len(spans)
		spans = append(spans, span{ptr: ptr, start: start()})
		switch next() {
		case json.Delim('{'):
			for dec.More() {
				value(jsonscan.AppendToken(ptr, next().(string)))
			}
			next()
		case json.Delim('['):
			for j := 0; dec.More(); j++ {
				value(jsonscan.AppendIndex(ptr, j))
			}
			next()
		}
		spans[i].end = int(dec.InputOffset())
	}
	value("")
	return spans
}

// valueLines maps the pointer of every value in the valid JSON text data to
// the line where the value starts.
func valueLines(t *testing.T, data []byte) map[string]int {
	t.Helper()
	lines := map[string]int{}
	for _, s := range valueSpans(t, data) {
		lines[s.ptr], _ = position(data, s.start)
	}
	return lines
}

func isJSONSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\r' || c == '\n' }
