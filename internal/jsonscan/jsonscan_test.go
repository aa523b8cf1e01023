package jsonscan_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/openaesthetics/casebook/internal/jsonscan"
)

// decodeStd decodes data the way Parse is meant to: encoding/json into an
// any, with UseNumber, rejecting trailing data.
func decodeStd(data []byte) (any, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return nil, err
	}
	if _, err := dec.Token(); err == nil {
		return nil, errors.New("trailing data")
	}
	return v, nil
}

// parseErr parses data and returns its *Error, failing the test if Parse
// accepts data or returns another type of error.
func parseErr(t *testing.T, data []byte, lim jsonscan.Limits) *jsonscan.Error {
	t.Helper()
	v, err := jsonscan.Parse(data, lim)
	require.Error(t, err, "Parse accepted %q", data)
	assert.Nil(t, v, "Parse returned a value with an error")
	var e *jsonscan.Error
	require.True(t, errors.As(err, &e), "error is %T, not *jsonscan.Error", err)
	return e
}

func nest(open, close string, n int) string {
	return strings.Repeat(open, n) + strings.Repeat(close, n)
}

func repeatPointer(tok string, n int) string {
	return strings.Repeat("/"+tok, n)
}

var (
	smallDepth   = jsonscan.Limits{MaxDepth: 2}
	smallNumber  = jsonscan.Limits{MaxNumberLen: 4}
	smallString  = jsonscan.Limits{MaxStringLen: 3}
	smallMembers = jsonscan.Limits{MaxMembers: 2}
)

// errorCases covers every Kind. off is the 0-based byte offset; line and
// col are checked against it separately.
var errorCases = []struct {
	name string
	in   string
	lim  jsonscan.Limits
	kind jsonscan.Kind
	off  int64
	line int
	col  int
	ptr  string
}{
	// empty
	{name: "empty", in: "", kind: jsonscan.KindEmpty, off: 0, line: 1, col: 1},
	{name: "whitespace only", in: " \n\t", kind: jsonscan.KindEmpty, off: 3, line: 2, col: 2},
	{name: "CRLF only", in: "\r\n\r\n", kind: jsonscan.KindEmpty, off: 4, line: 3, col: 1},

	// bom
	{name: "BOM before object", in: "\xEF\xBB\xBF{}", kind: jsonscan.KindBOM, off: 0, line: 1, col: 1},
	{name: "BOM alone", in: "\xEF\xBB\xBF", kind: jsonscan.KindBOM, off: 0, line: 1, col: 1},
	{name: "BOM after space", in: " \xEF\xBB\xBF{}", kind: jsonscan.KindSyntax, off: 1, line: 1, col: 2},

	// syntax
	{name: "trailing comma in array", in: "[1,]", kind: jsonscan.KindSyntax, off: 3, line: 1, col: 4, ptr: "/1"},
	{name: "trailing comma in object", in: `{"a":1,}`, kind: jsonscan.KindSyntax, off: 7, line: 1, col: 8},
	{name: "missing colon", in: `{"a" 1}`, kind: jsonscan.KindSyntax, off: 5, line: 1, col: 6, ptr: "/a"},
	{name: "missing comma in array", in: `[1 true]`, kind: jsonscan.KindSyntax, off: 3, line: 1, col: 4},
	{name: "missing comma in object", in: `{"a":1 "b":2}`, kind: jsonscan.KindSyntax, off: 7, line: 1, col: 8},
	{name: "leading comma", in: `[,1]`, kind: jsonscan.KindSyntax, off: 1, line: 1, col: 2, ptr: "/0"},
	{name: "double comma", in: `[1,,2]`, kind: jsonscan.KindSyntax, off: 3, line: 1, col: 4, ptr: "/1"},
	{name: "line comment", in: "// c\n1", kind: jsonscan.KindSyntax, off: 0, line: 1, col: 1},
	{name: "block comment in array", in: `[1 /* c */]`, kind: jsonscan.KindSyntax, off: 3, line: 1, col: 4},
	{name: "unquoted key", in: `{a:1}`, kind: jsonscan.KindSyntax, off: 1, line: 1, col: 2},
	{name: "single quotes", in: `['a']`, kind: jsonscan.KindSyntax, off: 1, line: 1, col: 2, ptr: "/0"},
	{name: "bad literal", in: `[tru]`, kind: jsonscan.KindSyntax, off: 4, line: 1, col: 5, ptr: "/0"},
	{name: "capitalised literal", in: `True`, kind: jsonscan.KindSyntax, off: 0, line: 1, col: 1},
	{name: "NaN", in: `[NaN]`, kind: jsonscan.KindSyntax, off: 1, line: 1, col: 2, ptr: "/0"},
	{name: "Infinity", in: `{"x":Infinity}`, kind: jsonscan.KindSyntax, off: 5, line: 1, col: 6, ptr: "/x"},
	{name: "hex number", in: `[0x10]`, kind: jsonscan.KindSyntax, off: 2, line: 1, col: 3},
	{name: "colon in array", in: `["a":1]`, kind: jsonscan.KindSyntax, off: 4, line: 1, col: 5},
	{name: "mismatched bracket", in: `[1}`, kind: jsonscan.KindSyntax, off: 2, line: 1, col: 3},
	{name: "close only", in: `]`, kind: jsonscan.KindSyntax, off: 0, line: 1, col: 1},
	{name: "form feed is not space", in: "[\f1]", kind: jsonscan.KindSyntax, off: 1, line: 1, col: 2, ptr: "/0"},
	{name: "non-ASCII letter", in: `[é]`, kind: jsonscan.KindSyntax, off: 1, line: 1, col: 2, ptr: "/0"},
	{name: "nested pointer", in: `{"a":[{"b":x}]}`, kind: jsonscan.KindSyntax, off: 11, line: 1, col: 12, ptr: "/a/0/b"},
	{name: "escaped pointer tokens", in: `{"a/b":{"m~n":[0,?]}}`, kind: jsonscan.KindSyntax, off: 17, line: 1, col: 18, ptr: "/a~1b/m~0n/1"},
	{name: "escaped key pointer", in: `{"a\/b\u007e":x}`, kind: jsonscan.KindSyntax, off: 14, line: 1, col: 15, ptr: "/a~1b~0"},
	{name: "empty key pointer", in: `{"":[x]}`, kind: jsonscan.KindSyntax, off: 5, line: 1, col: 6, ptr: "//0"},
	{name: "multi-line", in: "{\n  \"a\": [\n    1,\n    ]\n}", kind: jsonscan.KindSyntax, off: 22, line: 4, col: 5, ptr: "/a/1"},
	{name: "CRLF lines", in: "{\r\n\"a\":\r\n x}", kind: jsonscan.KindSyntax, off: 10, line: 3, col: 2, ptr: "/a"},

	// unexpected_eof
	{name: "open array", in: `[`, kind: jsonscan.KindUnexpectedEOF, off: 1, line: 1, col: 2, ptr: "/0"},
	{name: "open object", in: `{`, kind: jsonscan.KindUnexpectedEOF, off: 1, line: 1, col: 2},
	{name: "after key", in: `{"a"`, kind: jsonscan.KindUnexpectedEOF, off: 4, line: 1, col: 5, ptr: "/a"},
	{name: "after colon", in: `{"a":`, kind: jsonscan.KindUnexpectedEOF, off: 5, line: 1, col: 6, ptr: "/a"},
	{name: "after member", in: `{"a":1`, kind: jsonscan.KindUnexpectedEOF, off: 6, line: 1, col: 7},
	{name: "after comma", in: "[1,\n", kind: jsonscan.KindUnexpectedEOF, off: 4, line: 2, col: 1, ptr: "/1"},
	{name: "after element", in: `[1,2`, kind: jsonscan.KindUnexpectedEOF, off: 4, line: 1, col: 5},
	{name: "in string", in: `"abc`, kind: jsonscan.KindUnexpectedEOF, off: 4, line: 1, col: 5},
	{name: "in escaped string", in: `"\n abc`, kind: jsonscan.KindUnexpectedEOF, off: 7, line: 1, col: 8},
	{name: "after backslash", in: `"ab\`, kind: jsonscan.KindUnexpectedEOF, off: 4, line: 1, col: 5},
	{name: "in unicode escape", in: `"\u12`, kind: jsonscan.KindUnexpectedEOF, off: 5, line: 1, col: 6},
	{name: "in key", in: `{"ab`, kind: jsonscan.KindUnexpectedEOF, off: 4, line: 1, col: 5},
	{name: "minus only", in: `-`, kind: jsonscan.KindUnexpectedEOF, off: 1, line: 1, col: 2},
	{name: "after point", in: `1.`, kind: jsonscan.KindUnexpectedEOF, off: 2, line: 1, col: 3},
	{name: "after exponent sign", in: `1e+`, kind: jsonscan.KindUnexpectedEOF, off: 3, line: 1, col: 4},
	{name: "in literal", in: `[tr`, kind: jsonscan.KindUnexpectedEOF, off: 3, line: 1, col: 4, ptr: "/0"},

	// trailing_data
	{name: "two objects", in: `{} {}`, kind: jsonscan.KindTrailingData, off: 3, line: 1, col: 4},
	{name: "two numbers", in: `1 2`, kind: jsonscan.KindTrailingData, off: 2, line: 1, col: 3},
	{name: "garbage after array", in: `[]x`, kind: jsonscan.KindTrailingData, off: 2, line: 1, col: 3},
	{name: "second line", in: "\"a\"\n\"b\"", kind: jsonscan.KindTrailingData, off: 4, line: 2, col: 1},
	{name: "extra bracket", in: `[1]]`, kind: jsonscan.KindTrailingData, off: 3, line: 1, col: 4},
	{name: "NUL after value", in: "{}\x00", kind: jsonscan.KindTrailingData, off: 2, line: 1, col: 3},

	// invalid_utf8
	{name: "in string", in: "[\"a\xffb\"]", kind: jsonscan.KindInvalidUTF8, off: 3, line: 1, col: 4, ptr: "/0"},
	{name: "in key", in: "{\"k\xff\":1}", kind: jsonscan.KindInvalidUTF8, off: 3, line: 1, col: 4},
	{name: "outside strings", in: "[\xff]", kind: jsonscan.KindInvalidUTF8, off: 1, line: 1, col: 2, ptr: "/0"},
	{name: "after value", in: "1 \xff", kind: jsonscan.KindInvalidUTF8, off: 2, line: 1, col: 3},
	{name: "after number", in: "[-\xc3]", kind: jsonscan.KindInvalidUTF8, off: 2, line: 1, col: 3, ptr: "/0"},
	{name: "truncated sequence", in: "\"\xe2\x82\"", kind: jsonscan.KindInvalidUTF8, off: 1, line: 1, col: 2},
	{name: "truncated at EOF", in: "\"\xe2\x82", kind: jsonscan.KindInvalidUTF8, off: 1, line: 1, col: 2},
	{name: "UTF-8 surrogate", in: "\"\xed\xa0\x80\"", kind: jsonscan.KindInvalidUTF8, off: 1, line: 1, col: 2},
	{name: "overlong", in: "\"\xc0\xaf\"", kind: jsonscan.KindInvalidUTF8, off: 1, line: 1, col: 2},
	{name: "after escape", in: "\"\\n\xff\"", kind: jsonscan.KindInvalidUTF8, off: 3, line: 1, col: 4},
	{name: "column counts bytes", in: "\"é\xff\"", kind: jsonscan.KindInvalidUTF8, off: 3, line: 1, col: 4},

	// control_char
	{name: "tab", in: "\"a\tb\"", kind: jsonscan.KindControlChar, off: 2, line: 1, col: 3},
	{name: "newline in key", in: "{\"a\nb\":1}", kind: jsonscan.KindControlChar, off: 3, line: 1, col: 4},
	{name: "NUL", in: "[\"\x00\"]", kind: jsonscan.KindControlChar, off: 2, line: 1, col: 3, ptr: "/0"},
	{name: "after escape", in: "\"\\n\x1f\"", kind: jsonscan.KindControlChar, off: 3, line: 1, col: 4},

	// invalid_escape
	{name: "\\x", in: `["\x"]`, kind: jsonscan.KindInvalidEscape, off: 2, line: 1, col: 3, ptr: "/0"},
	{name: "short \\u", in: `["\u00"]`, kind: jsonscan.KindInvalidEscape, off: 2, line: 1, col: 3, ptr: "/0"},
	{name: "\\U", in: `"\U0041"`, kind: jsonscan.KindInvalidEscape, off: 1, line: 1, col: 2},
	{name: "bad hex", in: `"\u12G4"`, kind: jsonscan.KindInvalidEscape, off: 1, line: 1, col: 2},
	{name: "escaped quote", in: `"\'"`, kind: jsonscan.KindInvalidEscape, off: 1, line: 1, col: 2},
	{name: "after valid escape", in: `"\t\a"`, kind: jsonscan.KindInvalidEscape, off: 3, line: 1, col: 4},
	{name: "in key", in: `{"\x":1}`, kind: jsonscan.KindInvalidEscape, off: 2, line: 1, col: 3},

	// lone_surrogate
	{name: "high", in: `"\ud800"`, kind: jsonscan.KindLoneSurrogate, off: 1, line: 1, col: 2},
	{name: "low", in: `"\udc00"`, kind: jsonscan.KindLoneSurrogate, off: 1, line: 1, col: 2},
	{name: "two highs", in: `"\ud800\ud800"`, kind: jsonscan.KindLoneSurrogate, off: 1, line: 1, col: 2},
	{name: "high then BMP", in: `"\uD800\u0041"`, kind: jsonscan.KindLoneSurrogate, off: 1, line: 1, col: 2},
	{name: "high then bad escape", in: `"\ud800\uzzzz"`, kind: jsonscan.KindLoneSurrogate, off: 1, line: 1, col: 2},
	{name: "high then text", in: `"a\ud800x"`, kind: jsonscan.KindLoneSurrogate, off: 2, line: 1, col: 3},
	{name: "high at EOF", in: `"\ud800`, kind: jsonscan.KindLoneSurrogate, off: 1, line: 1, col: 2},
	{name: "low then high", in: `["\udc00\ud800"]`, kind: jsonscan.KindLoneSurrogate, off: 2, line: 1, col: 3, ptr: "/0"},
	{name: "in key", in: `{"\udfff":1}`, kind: jsonscan.KindLoneSurrogate, off: 2, line: 1, col: 3},

	// invalid_number
	{name: "leading point", in: `[.1]`, kind: jsonscan.KindInvalidNumber, off: 1, line: 1, col: 2, ptr: "/0"},
	{name: "leading zero", in: `[-01]`, kind: jsonscan.KindInvalidNumber, off: 3, line: 1, col: 4, ptr: "/0"},
	{name: "leading zeros", in: `00`, kind: jsonscan.KindInvalidNumber, off: 1, line: 1, col: 2},
	{name: "empty exponent", in: `[1e]`, kind: jsonscan.KindInvalidNumber, off: 3, line: 1, col: 4, ptr: "/0"},
	{name: "minus alone", in: `[-]`, kind: jsonscan.KindInvalidNumber, off: 2, line: 1, col: 3, ptr: "/0"},
	{name: "plus", in: `+1`, kind: jsonscan.KindInvalidNumber, off: 0, line: 1, col: 1},
	{name: "point first", in: `.5`, kind: jsonscan.KindInvalidNumber, off: 0, line: 1, col: 1},
	{name: "trailing point", in: `[1.]`, kind: jsonscan.KindInvalidNumber, off: 3, line: 1, col: 4, ptr: "/0"},
	{name: "point exponent", in: `[1.e5]`, kind: jsonscan.KindInvalidNumber, off: 3, line: 1, col: 4, ptr: "/0"},
	{name: "two points", in: `1.2.3`, kind: jsonscan.KindInvalidNumber, off: 3, line: 1, col: 4},
	{name: "two exponents", in: `1e5e5`, kind: jsonscan.KindInvalidNumber, off: 3, line: 1, col: 4},
	{name: "inner minus", in: `[1-2]`, kind: jsonscan.KindInvalidNumber, off: 2, line: 1, col: 3, ptr: "/0"},
	{name: "minus Infinity", in: `-Infinity`, kind: jsonscan.KindInvalidNumber, off: 1, line: 1, col: 2},
	{name: "minus point", in: `-.5`, kind: jsonscan.KindInvalidNumber, off: 1, line: 1, col: 2},
	{name: "member value", in: `{"n":+1}`, kind: jsonscan.KindInvalidNumber, off: 5, line: 1, col: 6, ptr: "/n"},

	// duplicate_key
	{name: "plain", in: `{"a":1,"a":2}`, kind: jsonscan.KindDuplicateKey, off: 7, line: 1, col: 8, ptr: "/a"},
	{name: "escaped", in: `{"a":1,"\u0061":2}`, kind: jsonscan.KindDuplicateKey, off: 7, line: 1, col: 8, ptr: "/a"},
	{name: "nested with escaped pointer", in: `{"x":[{"k~/":1,"k~/":2}]}`, kind: jsonscan.KindDuplicateKey, off: 15, line: 1, col: 16, ptr: "/x/0/k~0~1"},
	{name: "before later error", in: `{"a":1,"a":2,"b":x}`, kind: jsonscan.KindDuplicateKey, off: 7, line: 1, col: 8, ptr: "/a"},
	{name: "before missing colon", in: `{"a":1,"a" 2}`, kind: jsonscan.KindDuplicateKey, off: 7, line: 1, col: 8, ptr: "/a"},
	{name: "before EOF", in: `{"a":1,"a":`, kind: jsonscan.KindDuplicateKey, off: 7, line: 1, col: 8, ptr: "/a"},
	{name: "before error in its value", in: `{"a":1,"a":[1,}`, kind: jsonscan.KindDuplicateKey, off: 7, line: 1, col: 8, ptr: "/a"},
	{name: "before error in outer object", in: `{"o":{"a":1,"a":2} x}`, kind: jsonscan.KindDuplicateKey, off: 12, line: 1, col: 13, ptr: "/o/a"},
	{name: "first repeat wins", in: `{"b":1,"a":1,"a":2,"b":2}`, kind: jsonscan.KindDuplicateKey, off: 13, line: 1, col: 14, ptr: "/a"},
	{name: "empty name", in: `{"":1,"":2}`, kind: jsonscan.KindDuplicateKey, off: 6, line: 1, col: 7, ptr: "/"},
	{name: "multi-line", in: "{\n \"a\": 1,\n \"a\": 2\n}", kind: jsonscan.KindDuplicateKey, off: 12, line: 3, col: 2, ptr: "/a"},
	{name: "before too many members", in: `{"a":1,"a":2,"b":3}`, lim: smallMembers, kind: jsonscan.KindDuplicateKey, off: 7, line: 1, col: 8, ptr: "/a"},

	// too_deep
	{name: "arrays", in: `[[[1]]]`, lim: smallDepth, kind: jsonscan.KindTooDeep, off: 2, line: 1, col: 3, ptr: "/0/0"},
	{name: "objects", in: `{"a":{"b":{}}}`, lim: smallDepth, kind: jsonscan.KindTooDeep, off: 10, line: 1, col: 11, ptr: "/a/b"},
	{name: "default limit", in: nest("[", "]", jsonscan.DefaultMaxDepth+1), kind: jsonscan.KindTooDeep, off: jsonscan.DefaultMaxDepth, line: 1, col: jsonscan.DefaultMaxDepth + 1, ptr: repeatPointer("0", jsonscan.DefaultMaxDepth)},
	{name: "before EOF", in: `[[[`, lim: smallDepth, kind: jsonscan.KindTooDeep, off: 2, line: 1, col: 3, ptr: "/0/0"},

	// number_too_long
	{name: "integer", in: `[12345]`, lim: smallNumber, kind: jsonscan.KindNumberTooLong, off: 1, line: 1, col: 2, ptr: "/0"},
	{name: "negative", in: `{"n":-1234}`, lim: smallNumber, kind: jsonscan.KindNumberTooLong, off: 5, line: 1, col: 6, ptr: "/n"},
	{name: "before malformed end", in: `[1234.]`, lim: smallNumber, kind: jsonscan.KindNumberTooLong, off: 1, line: 1, col: 2, ptr: "/0"},
	{name: "before EOF", in: `12345`, lim: smallNumber, kind: jsonscan.KindNumberTooLong, off: 0, line: 1, col: 1},
	{name: "default limit", in: strings.Repeat("1", jsonscan.DefaultMaxNumberLen+1), kind: jsonscan.KindNumberTooLong, off: 0, line: 1, col: 1},

	// exponent_too_large
	{name: "huge exponent", in: `{"n":[1e999999999]}`, kind: jsonscan.KindExponentTooLarge, off: 6, line: 1, col: 7, ptr: "/n/0"},
	{name: "negative exponent", in: `[1.5E-401]`, kind: jsonscan.KindExponentTooLarge, off: 1, line: 1, col: 2, ptr: "/0"},
	{name: "exponent over a small limit", in: `-2e+0004`, lim: jsonscan.Limits{MaxExponent: 3}, kind: jsonscan.KindExponentTooLarge, off: 0, line: 1, col: 1},
	{name: "too long before exponent", in: `[12345e999]`, lim: smallNumber, kind: jsonscan.KindNumberTooLong, off: 1, line: 1, col: 2, ptr: "/0"},

	// string_too_long
	{name: "value", in: `["abcd"]`, lim: smallString, kind: jsonscan.KindStringTooLong, off: 1, line: 1, col: 2, ptr: "/0"},
	{name: "key", in: `{"abcd":1}`, lim: smallString, kind: jsonscan.KindStringTooLong, off: 1, line: 1, col: 2},
	{name: "escapes", in: `"\u00e9\u00e9"`, lim: smallString, kind: jsonscan.KindStringTooLong, off: 0, line: 1, col: 1},
	{name: "escape after long prefix", in: `"abcd\n"`, lim: smallString, kind: jsonscan.KindStringTooLong, off: 0, line: 1, col: 1},
	{name: "multi-byte", in: `"éé"`, lim: smallString, kind: jsonscan.KindStringTooLong, off: 0, line: 1, col: 1},
	{name: "before control char", in: "\"abcd\x01\"", lim: smallString, kind: jsonscan.KindStringTooLong, off: 0, line: 1, col: 1},
	{name: "before EOF", in: `"abcdef`, lim: smallString, kind: jsonscan.KindStringTooLong, off: 0, line: 1, col: 1},
	{name: "before bad escape", in: `"\nabc\x"`, lim: smallString, kind: jsonscan.KindStringTooLong, off: 0, line: 1, col: 1},
	{name: "before lone surrogate", in: `"abcd\ud800"`, lim: smallString, kind: jsonscan.KindStringTooLong, off: 0, line: 1, col: 1},
	{name: "after lone surrogate", in: `"\ud800abcd"`, lim: smallString, kind: jsonscan.KindLoneSurrogate, off: 1, line: 1, col: 2},

	// too_many_members
	{name: "array", in: `[1,2,3]`, lim: smallMembers, kind: jsonscan.KindTooManyMembers, off: 5, line: 1, col: 6},
	{name: "object", in: `{"a":1,"b":2,"c":3}`, lim: smallMembers, kind: jsonscan.KindTooManyMembers, off: 13, line: 1, col: 14},
	{name: "nested", in: `{"x":[1,2,[]]}`, lim: smallMembers, kind: jsonscan.KindTooManyMembers, off: 10, line: 1, col: 11, ptr: "/x"},
	{name: "trailing comma is syntax", in: `[1,2,]`, lim: smallMembers, kind: jsonscan.KindSyntax, off: 5, line: 1, col: 6, ptr: "/2"},
	{name: "EOF is unexpected_eof", in: `[1,2,`, lim: smallMembers, kind: jsonscan.KindUnexpectedEOF, off: 5, line: 1, col: 6, ptr: "/2"},
	{name: "object EOF is unexpected_eof", in: `{"a":1,"b":2,`, lim: smallMembers, kind: jsonscan.KindUnexpectedEOF, off: 13, line: 1, col: 14},
}

func TestErrors(t *testing.T) {
	kinds := map[jsonscan.Kind]bool{}
	for _, tc := range errorCases {
		kinds[tc.kind] = true
		t.Run(string(tc.kind)+"/"+tc.name, func(t *testing.T) {
			e := parseErr(t, []byte(tc.in), tc.lim)
			want := jsonscan.Error{Offset: tc.off, Line: tc.line, Column: tc.col, Pointer: tc.ptr, Kind: tc.kind}
			assert.Equal(t, want, *e, "input %q", tc.in)
			// Line and Column must describe Offset.
			line, col := position([]byte(tc.in), int(tc.off))
			assert.Equal(t, [2]int{line, col}, [2]int{tc.line, tc.col}, "line and column of offset %d", tc.off)
		})
	}
	for _, k := range allKinds {
		assert.True(t, kinds[k], "no error case for kind %s", k)
	}
}

var allKinds = []jsonscan.Kind{
	jsonscan.KindEmpty, jsonscan.KindBOM, jsonscan.KindSyntax, jsonscan.KindUnexpectedEOF,
	jsonscan.KindTrailingData, jsonscan.KindInvalidUTF8, jsonscan.KindControlChar,
	jsonscan.KindInvalidEscape, jsonscan.KindLoneSurrogate, jsonscan.KindInvalidNumber,
	jsonscan.KindDuplicateKey, jsonscan.KindTooDeep, jsonscan.KindNumberTooLong,
	jsonscan.KindStringTooLong, jsonscan.KindTooManyMembers, jsonscan.KindExponentTooLarge,
}

// position is an independent computation of the 1-based line and byte
// column of offset off.
func position(data []byte, off int) (line, col int) {
	line, col = 1, 1
	for _, c := range data[:off] {
		if c == '\n' {
			line++
			col = 1
		} else {
			col++
		}
	}
	return line, col
}

func TestErrorMessage(t *testing.T) {
	tests := []struct {
		in   string
		want string
	}{
		{`{"a":1,"a":2}`, "jsonscan: line 1, column 8: duplicate_key at /a"},
		{"[\n1,]", "jsonscan: line 2, column 3: syntax at /1"},
		{"", "jsonscan: line 1, column 1: empty"},
		{`{"a/b":[x]}`, "jsonscan: line 1, column 9: syntax at /a~1b/0"},
		// A member name cannot forge a log line or hide behind control
		// characters: non-printable pointers are quoted.
		{`{"a\nb":x}`, `jsonscan: line 1, column 9: syntax at "/a\nb"`},
		{`{"\u202e":x}`, `jsonscan: line 1, column 11: syntax at "/\u202e"`},
		{`{"a b é":x}`, "jsonscan: line 1, column 11: syntax at /a b é"},
		{`{"\ufffd":x}`, "jsonscan: line 1, column 11: syntax at \"/\ufffd\""},
	}
	for _, tc := range tests {
		_, err := jsonscan.Parse([]byte(tc.in), jsonscan.Limits{})
		require.Error(t, err, tc.in)
		assert.Equal(t, tc.want, err.Error(), "input %q", tc.in)
	}
}

// TestNoContentInErrors checks that no string value, number or literal of
// the input reaches an error, whatever the error and wherever it is.
func TestNoContentInErrors(t *testing.T) {
	const name, number = "Jane Canary", "9990000018"
	canaries := []string{"Jane", "Canary", "999000", "0000018", "true", "false", "null"}
	docs := []string{
		// The error is at, in or right after a canary value.
		`{"name":"Jane Canary","nhs":9990000018,}`,
		`{"name":"Jane Canary","nhs":9990000018 "x":1}`,
		`{"name":"Jane Canary","nhs":9990000018x}`,
		`{"name":"Jane Canary","nhs":99900000.18.}`,
		`{"name":"Jane Canary","nhs":09990000018}`,
		`{"name":"Jane Canary","nhs":-9990000018e}`,
		`{"name":"Jane Canary","nhs":+9990000018}`,
		`{"name":"Jane Canary"` + "\x01" + `"}`,
		"{\"name\":\"Jane\x01Canary\"}",
		"{\"name\":\"Jane \xffCanary\"}",
		`{"name":"Jane \Canary"}`,
		`{"name":"Jane \uD800Canary"}`,
		`{"name":"Jane Canary \u00Z"}`,
		`{"name":"Jane Canary`,
		`{"name":"Jane Canary","name":"Jane Canary"}`,
		`{"name":"Jane Canary","nhs":[9990000018,` + nest("[", "]", 70) + "]}",
		`{"name":"Jane Canary","nhs":9990000018}` + ` "Jane Canary"`,
		`{"name":"Jane Canary","nhs":9990000018} 9990000018`,
		`{"name":"Jane Canary","nhs":9990000018,"flag":tru}`,
		`{"name":"Jane Canary","nhs":9990000018,"flag":nulll}`,
		`["Jane Canary",9990000018,true,false,null,]`,
		`"Jane Canary" // Jane Canary`,
		"\xEF\xBB\xBF" + `{"name":"Jane Canary"}`,
	}
	lim := jsonscan.Limits{MaxDepth: 3, MaxNumberLen: 8, MaxStringLen: 8, MaxMembers: 1}
	for _, doc := range docs {
		for _, l := range []jsonscan.Limits{{}, lim} {
			_, err := jsonscan.Parse([]byte(doc), l)
			require.Error(t, err, doc)
			for _, msg := range []string{err.Error(), fmt.Sprintf("%v", err), fmt.Sprintf("%+v", err), fmt.Sprintf("%#v", err)} {
				for _, c := range canaries {
					assert.NotContains(t, msg, c, "input %q", doc)
				}
			}
		}
	}
	// Sanity check on the canaries themselves: the valid form is accepted
	// and holds them.
	v, err := jsonscan.Parse([]byte(`{"name":"Jane Canary","nhs":9990000018}`), jsonscan.Limits{})
	require.NoError(t, err)
	assert.Equal(t, map[string]any{"name": name, "nhs": json.Number(number)}, v)
}

// TestLimits checks the boundaries of every limit: at the limit is
// accepted, one more is rejected.
func TestLimits(t *testing.T) {
	ok := func(in string, lim jsonscan.Limits) {
		t.Helper()
		_, err := jsonscan.Parse([]byte(in), lim)
		assert.NoError(t, err, "input %.40q", in)
	}
	bad := func(in string, lim jsonscan.Limits, k jsonscan.Kind) {
		t.Helper()
		_, err := jsonscan.Parse([]byte(in), lim)
		var e *jsonscan.Error
		if assert.True(t, errors.As(err, &e), "input %.40q: %v", in, err) {
			assert.Equal(t, k, e.Kind, "input %.40q", in)
		}
	}

	ok(nest("[", "]", jsonscan.DefaultMaxDepth), jsonscan.Limits{})
	bad(nest("[", "]", jsonscan.DefaultMaxDepth+1), jsonscan.Limits{}, jsonscan.KindTooDeep)
	ok(nest("[", "]", jsonscan.DefaultMaxDepth+1), jsonscan.Limits{MaxDepth: jsonscan.DefaultMaxDepth + 1})
	ok(`[[]]`, smallDepth)
	ok(`{"a":[]}`, smallDepth)
	bad(`[[[]]]`, smallDepth, jsonscan.KindTooDeep)
	ok(nest("[", "]", 10000), jsonscan.Limits{MaxDepth: 10000})
	bad(`[[]]`, jsonscan.Limits{MaxDepth: 1}, jsonscan.KindTooDeep)
	ok(`[1]`, jsonscan.Limits{MaxDepth: -1})
	ok(`"scalar"`, jsonscan.Limits{MaxDepth: 1})

	ok(strings.Repeat("1", jsonscan.DefaultMaxNumberLen), jsonscan.Limits{})
	bad(strings.Repeat("1", jsonscan.DefaultMaxNumberLen+1), jsonscan.Limits{}, jsonscan.KindNumberTooLong)
	ok(`-1.5e+9`, jsonscan.Limits{MaxNumberLen: 7})
	bad(`-1.5e+10`, jsonscan.Limits{MaxNumberLen: 7}, jsonscan.KindNumberTooLong)
	ok(`1e400`, jsonscan.Limits{})
	bad(`1e401`, jsonscan.Limits{}, jsonscan.KindExponentTooLarge)
	ok(`1e999999999`, jsonscan.Limits{MaxExponent: 999999999})
	bad(`1e9999999999999999999999`, jsonscan.Limits{MaxExponent: math.MaxInt}, jsonscan.KindExponentTooLarge)

	long := strings.Repeat("x", jsonscan.DefaultMaxStringLen)
	ok(`"`+long+`"`, jsonscan.Limits{})
	bad(`"`+long+`x"`, jsonscan.Limits{}, jsonscan.KindStringTooLong)
	ok(`"\n`+long[1:]+`"`, jsonscan.Limits{})
	bad(`"\n`+long+`"`, jsonscan.Limits{}, jsonscan.KindStringTooLong)
	ok(`{"`+long+`":1}`, jsonscan.Limits{})
	bad(`{"`+long+`x":1}`, jsonscan.Limits{}, jsonscan.KindStringTooLong)
	ok(`"abc"`, smallString)
	ok(`"a\nb"`, smallString)
	ok(`"\u00e9a"`, smallString) // decodes to 3 bytes from 7
	bad(`"\ud83d\ude00"`, smallString, jsonscan.KindStringTooLong)

	many := "[" + strings.Repeat("0,", jsonscan.DefaultMaxMembers-1) + "0]"
	ok(many, jsonscan.Limits{})
	bad(many[:len(many)-1]+",0]", jsonscan.Limits{}, jsonscan.KindTooManyMembers)
	ok(`{"a":1,"b":2}`, smallMembers)
	ok(`[[1,2],[3,4]]`, smallMembers)
	bad(`{"a":1,"b":2,"c":3}`, smallMembers, jsonscan.KindTooManyMembers)
}

// yCases are accepted; each is also checked against encoding/json.
var yCases = map[string]string{
	"y_array_empty":                             `[]`,
	"y_array_empty_string":                      `[""]`,
	"y_array_arrays_with_spaces":                `[[]   ]`,
	"y_array_heterogeneous":                     `[null, 1, "1", {}]`,
	"y_array_with_leading_space":                ` [1]`,
	"y_array_with_trailing_space":               `[2] `,
	"y_array_with_several_null":                 `[1,null,null,null,2]`,
	"y_number":                                  `[123e65]`,
	"y_number_0e+1":                             `[0e+1]`,
	"y_number_0e1":                              `[0e1]`,
	"y_number_after_space":                      `[ 4]`,
	"y_number_double_close_to_zero":             `[-0.000000000000000000000000000000000000000000000000000000000001]`,
	"y_number_int_with_exp":                     `[20e1]`,
	"y_number_minus_zero":                       `[-0]`,
	"y_number_negative_int":                     `[-123]`,
	"y_number_negative_one":                     `[-1]`,
	"y_number_real_capital_e":                   `[1E22]`,
	"y_number_real_capital_e_neg_exp":           `[1E-2]`,
	"y_number_real_capital_e_pos_exp":           `[1E+2]`,
	"y_number_real_exponent":                    `[123e45]`,
	"y_number_real_fraction_exponent":           `[123.456e78]`,
	"y_number_real_neg_exp":                     `[1e-2]`,
	"y_number_real_pos_exponent":                `[1.0e+2]`,
	"y_number_simple_int":                       `[123]`,
	"y_number_simple_real":                      `[123.456789]`,
	"y_number_huge_exp":                         `[1e999999999]`,
	"y_number_too_big_for_float":                `[1.5e308, 1e400]`,
	"y_object":                                  `{"asd":"sdf", "dfg":"fgh"}`,
	"y_object_basic":                            `{"asd":"sdf"}`,
	"y_object_empty":                            `{}`,
	"y_object_empty_key":                        `{"":0}`,
	"y_object_escaped_null_in_key":              `{"foo\u0000bar": 42}`,
	"y_object_extreme_numbers":                  `{ "min": -1.0e+28, "max": 1.0e+28 }`,
	"y_object_long_strings":                     `{"x":[{"id": "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"}], "id": "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"}`,
	"y_object_simple":                           `{"a":[]}`,
	"y_object_case_sensitive_keys":              `{"a":1,"A":2}`,
	"y_object_keys_differ_by_nfc":               "{\"\u00e9\":1,\"e\u0301\":2}",
	"y_object_with_newlines":                    "{\n\"a\": \"b\"\n}",
	"y_string_1_2_3_bytes_UTF-8":                `["\u0060\u012a\u12AB"]`,
	"y_string_accepted_surrogate_pair":          `["\uD801\udc37"]`,
	"y_string_surrogate_pair":                   `"\ud800\udc00"`,
	"y_string_two_surrogate_pairs":              `["\ud83d\ude39\ud83d\udc8d"]`,
	"y_string_allowed_escapes":                  `["\"\\\/\b\f\n\r\t"]`,
	"y_string_backslash_and_u_escaped_zero":     `["\\u0000"]`,
	"y_string_comments":                         `["a/*b*/c/*d//e"]`,
	"y_string_escaped_control_character":        `["\u0012"]`,
	"y_string_escaped_noncharacter":             `["\uFFFF"]`,
	"y_string_last_surrogates_1_and_2":          `["\uDBFF\uDFFF"]`,
	"y_string_nonCharacterInUTF-8_U+FFFF":       "[\"\xef\xbf\xbf\"]",
	"y_string_null_escape":                      `["\u0000"]`,
	"y_string_pi":                               `["π"]`,
	"y_string_reservedCharacterInUTF-8_U+1BFFF": "[\"\xf0\x9b\xbf\xbf\"]",
	"y_string_replacement_char_literal":         "[\"\xef\xbf\xbd\"]",
	"y_string_space":                            `" "`,
	"y_string_uEscape":                          `["\u0061\u30af\u30EA\u30b9"]`,
	"y_string_unicode_2":                        `["⍂㈴⍂"]`,
	"y_string_u+2028_line_sep":                  "[\"\u2028\"]",
	"y_string_with_del_character":               "[\"a\x7fa\"]",
	"y_string_unescaped_bom_inside":             "[\"\xEF\xBB\xBF\"]",
	"y_structure_lonely_false":                  `false`,
	"y_structure_lonely_int":                    `42`,
	"y_structure_lonely_negative_real":          `-0.1`,
	"y_structure_lonely_null":                   `null`,
	"y_structure_lonely_string":                 `"asd"`,
	"y_structure_lonely_true":                   `true`,
	"y_structure_string_empty":                  `""`,
	"y_structure_trailing_newline":              "[\"a\"]\n",
	"y_structure_true_in_array":                 `[true]`,
	"y_structure_whitespace_array":              " \r\n\t[] \r\n\t",
	"y_structure_nested_at_limit":               nest("[", "]", jsonscan.DefaultMaxDepth),
	"y_structure_deep_objects":                  strings.Repeat(`{"a":`, 30) + "1" + strings.Repeat("}", 30),
}

// nCases are rejected.
var nCases = map[string]string{
	"n_array_1_true_without_comma":                  `[1 true]`,
	"n_array_colon_instead_of_comma":                `["": 1]`,
	"n_array_comma_after_close":                     `[""],`,
	"n_array_comma_and_number":                      `[,1]`,
	"n_array_double_comma":                          `[1,,2]`,
	"n_array_extra_close":                           `["x"]]`,
	"n_array_extra_comma":                           `["",]`,
	"n_array_incomplete":                            `["x"`,
	"n_array_incomplete_invalid_value":              `[x`,
	"n_array_inner_array_no_comma":                  `[3[4]]`,
	"n_array_invalid_utf8":                          "[\xff]",
	"n_array_just_comma":                            `[,]`,
	"n_array_just_minus":                            `[-]`,
	"n_array_missing_value":                         `[   , ""]`,
	"n_array_newlines_unclosed":                     "[\"a\",\n4\n,1,",
	"n_array_number_and_comma":                      `[1,]`,
	"n_array_number_and_several_commas":             `[1,,]`,
	"n_array_star_inside":                           `[*]`,
	"n_array_unclosed":                              `[""`,
	"n_array_unclosed_trailing_comma":               `[1,`,
	"n_array_unclosed_with_object_inside":           `[{}`,
	"n_incomplete_false":                            `[fals]`,
	"n_incomplete_null":                             `[nul]`,
	"n_incomplete_true":                             `[tru]`,
	"n_number_++":                                   `[++1234]`,
	"n_number_+1":                                   `[+1]`,
	"n_number_+Inf":                                 `[+Inf]`,
	"n_number_-01":                                  `[-01]`,
	"n_number_-1.0.":                                `[-1.0.]`,
	"n_number_-2.":                                  `[-2.]`,
	"n_number_-NaN":                                 `[-NaN]`,
	"n_number_.-1":                                  `[.-1]`,
	"n_number_.2e-3":                                `[.2e-3]`,
	"n_number_0.1.2":                                `[0.1.2]`,
	"n_number_0.3e+":                                `[0.3e+]`,
	"n_number_0.3e":                                 `[0.3e]`,
	"n_number_0.e1":                                 `[0.e1]`,
	"n_number_0_capital_E+":                         `[0E+]`,
	"n_number_0e":                                   `[0e]`,
	"n_number_1.0e-":                                `[1.0e-]`,
	"n_number_1_000":                                `[1 000.0]`,
	"n_number_1eE2":                                 `[1eE2]`,
	"n_number_2.e+3":                                `[2.e+3]`,
	"n_number_9.e+":                                 `[9.e+]`,
	"n_number_Inf":                                  `[Inf]`,
	"n_number_NaN":                                  `[NaN]`,
	"n_number_U+FF11_fullwidth_digit_one":           `[１]`,
	"n_number_expression":                           `[1+2]`,
	"n_number_hex_1_digit":                          `[0x1]`,
	"n_number_infinity":                             `[Infinity]`,
	"n_number_invalid-negative-real":                `[-123.123foo]`,
	"n_number_leading_zero":                         `[012]`,
	"n_number_minus_infinity":                       `[-Infinity]`,
	"n_number_minus_space_1":                        `[- 1]`,
	"n_number_neg_int_starting_with_zero":           `[-012]`,
	"n_number_neg_real_without_int_part":            `[-.123]`,
	"n_number_real_garbage_after_e":                 `[1ea]`,
	"n_number_real_without_fractional_part":         `[1.]`,
	"n_number_starting_with_dot":                    `[.123]`,
	"n_number_with_leading_zero":                    `[012]`,
	"n_object_bad_value":                            `["x", truth]`,
	"n_object_comma_instead_of_colon":               `{"x", null}`,
	"n_object_double_colon":                         `{"x"::"b"}`,
	"n_object_duplicate_key":                        `{"a":"b","a":"c"}`,
	"n_object_duplicate_key_escaped":                `{"a":1,"\u0061":2}`,
	"n_object_duplicate_key_same_value":             `{"a":1,"a":1}`,
	"n_object_garbage_at_end":                       `{"a":"a" 123}`,
	"n_object_key_with_single_quotes":               `{key: 'value'}`,
	"n_object_missing_colon":                        `{"a" b}`,
	"n_object_missing_key":                          `{:"b"}`,
	"n_object_missing_semicolon":                    `{"a" "b"}`,
	"n_object_missing_value":                        `{"a":`,
	"n_object_no-colon":                             `{"a"`,
	"n_object_non_string_key":                       `{1:1}`,
	"n_object_repeated_null_null":                   `{null:null,null:null}`,
	"n_object_several_trailing_commas":              `{"id":0,,,,,}`,
	"n_object_single_quote":                         `{'a':0}`,
	"n_object_trailing_comma":                       `{"id":0,}`,
	"n_object_trailing_comment":                     `{"a":"b"}/**/`,
	"n_object_trailing_comment_slash_open":          `{"a":"b"}//`,
	"n_object_two_commas_in_a_row":                  `{"a":"b",,"c":"d"}`,
	"n_object_unquoted_key":                         `{a: "b"}`,
	"n_object_unterminated-value":                   `{"a":"a`,
	"n_object_with_single_string":                   `{ "foo" : "bar", "a" }`,
	"n_object_with_trailing_garbage":                `{"a":"b"}#`,
	"n_single_space":                                ` `,
	"n_empty":                                       ``,
	"n_whitespace_only":                             " \t\r\n",
	"n_string_1_surrogate_then_escape":              `["\uD800\"]`,
	"n_string_1_surrogate_then_escape_u":            `["\uD800\u"]`,
	"n_string_1_surrogate_then_escape_u1":           `["\uD800\u1"]`,
	"n_string_1_surrogate_then_escape_u1x":          `["\uD800\u1x"]`,
	"n_string_lone_high_surrogate":                  `"\ud800"`,
	"n_string_lone_low_surrogate":                   `["\uDFAA"]`,
	"n_string_inverted_surrogates":                  `["\uDd1e\uD834"]`,
	"n_string_accentuated_char_no_quotes":           `[é]`,
	"n_string_backslash_00":                         "[\"\\\x00\"]",
	"n_string_escape_x":                             `["\x00"]`,
	"n_string_escaped_backslash_bad":                `["\\\"]`,
	"n_string_escaped_ctrl_char_tab":                "[\"\\\t\"]",
	"n_string_escaped_emoji":                        "[\"\\\xf0\x9f\x8c\x80\"]",
	"n_string_incomplete_escape":                    `["\"]`,
	"n_string_incomplete_escaped_character":         `["\u00A"]`,
	"n_string_incomplete_surrogate":                 `["\uD834\uDd"]`,
	"n_string_invalid_backslash_esc":                `["\a"]`,
	"n_string_invalid_unicode_escape":               `["\uqqqq"]`,
	"n_string_invalid_utf8_after_escape":            "[\"\\\xe5\"]",
	"n_string_invalid_utf8_in_key":                  "{\"\xff\":0}",
	"n_string_invalid_utf8_overlong":                "[\"\xc0\xaf\"]",
	"n_string_invalid_utf8_surrogate":               "[\"\xed\xa0\x80\"]",
	"n_string_invalid_utf8_truncated":               "[\"\xe6\x97\"]",
	"n_string_invalid_utf8_5_bytes":                 "[\"\xf8\x88\x80\x80\x80\"]",
	"n_string_leading_uescaped_thinspace":           `[\u0020"asd"]`,
	"n_string_no_quotes_with_bad_escape":            `[\n]`,
	"n_string_single_doublequote":                   `"`,
	"n_string_single_quote":                         `['single quote']`,
	"n_string_start_escape_unclosed":                `["\`,
	"n_string_unescaped_ctrl_char":                  "[\"a\x00a\"]",
	"n_string_unescaped_newline":                    "[\"new\nline\"]",
	"n_string_unescaped_tab":                        "[\"\t\"]",
	"n_string_unicode_CapitalU":                     `"\UA66D"`,
	"n_string_with_trailing_garbage":                `""x`,
	"n_structure_UTF8_BOM_no_data":                  "\xEF\xBB\xBF",
	"n_structure_UTF8_BOM_object":                   "\xEF\xBB\xBF{}",
	"n_structure_angle_bracket_null":                `[<null>]`,
	"n_structure_array_trailing_garbage":            `[1]x`,
	"n_structure_array_with_extra_array_close":      `[1]]`,
	"n_structure_ascii-unicode-identifier":          `aå`,
	"n_structure_capitalized_True":                  `[True]`,
	"n_structure_close_unopened_array":              `1]`,
	"n_structure_comma_instead_of_closing_brace":    `{"x": true,`,
	"n_structure_double_array":                      `[][]`,
	"n_structure_end_array":                         `]`,
	"n_structure_lone-open-bracket":                 `[`,
	"n_structure_no_data":                           ``,
	"n_structure_null-byte-outside-string":          "[\x00]",
	"n_structure_number_with_trailing_garbage":      `2@`,
	"n_structure_object_followed_by_closing_object": `{}}`,
	"n_structure_object_unclosed_no_value":          `{"":`,
	"n_structure_object_with_comment":               `{"a":/*comment*/"b"}`,
	"n_structure_object_with_trailing_garbage":      `{"a": true} "x"`,
	"n_structure_open_array_apostrophe":             `['`,
	"n_structure_open_array_comma":                  `[,`,
	"n_structure_open_object":                       `{`,
	"n_structure_open_object_close_array":           `{]`,
	"n_structure_single_star":                       `*`,
	"n_structure_trailing_#":                        `{"a":"b"}#{}`,
	"n_structure_U+2060_word_joined":                "[\u2060]",
	"n_structure_uescaped_LF_before_string":         `[\u000A""]`,
	"n_structure_unclosed_array":                    `[1`,
	"n_structure_unicode-identifier":                `å`,
	"n_structure_whitespace_formfeed":               "[\f]",
	"n_structure_whitespace_U+2060_word_joiner":     "[\u2060]",
	"n_structure_nbsp":                              "[\u00a01]",
	"n_structure_vertical_tab":                      "[\v1]",
	"n_structure_too_deep":                          nest("[", "]", jsonscan.DefaultMaxDepth+1),
	"n_structure_100000_opening_arrays":             strings.Repeat("[", 100000),
	"n_structure_open_array_object":                 strings.Repeat(`[{"":`, 50000),
}

func TestCorpus(t *testing.T) {
	for name, in := range yCases {
		t.Run(name, func(t *testing.T) {
			// The corpus tests the grammar; y_number_huge_exp is
			// over the default exponent limit, which TestLimits tests.
			got, err := jsonscan.Parse([]byte(in), jsonscan.Limits{MaxExponent: math.MaxInt})
			require.NoError(t, err)
			want, err := decodeStd([]byte(in))
			require.NoError(t, err, "encoding/json rejects a y_ case")
			assert.Equal(t, want, got)
		})
	}
	for name, in := range nCases {
		t.Run(name, func(t *testing.T) {
			parseErr(t, []byte(in), jsonscan.Limits{})
		})
	}
}

func TestValues(t *testing.T) {
	tests := []struct {
		in   string
		want any
	}{
		{`null`, nil},
		{`true`, true},
		{` false `, false},
		{`0`, json.Number("0")},
		{`-0.0E-00`, json.Number("-0.0E-00")},
		{`1e400`, json.Number("1e400")},
		{`1E-0000400`, json.Number("1E-0000400")},
		{`""`, ""},
		{`"\"\\\/\b\f\n\r\t"`, "\"\\/\b\f\n\r\t"},
		{`"\u00e9\u00E9é"`, "ééé"},
		{`"\ud83d\ude00"`, "😀"},
		{`"\u0000"`, "\x00"},
		{`{}`, map[string]any{}},
		{`[]`, []any{}},
		{`{"a\u0062":[1,"x",{"":null}]}`, map[string]any{"ab": []any{json.Number("1"), "x", map[string]any{"": nil}}}},
	}
	for _, tc := range tests {
		got, err := jsonscan.Parse([]byte(tc.in), jsonscan.Limits{})
		require.NoError(t, err, tc.in)
		assert.Equal(t, tc.want, got, tc.in)
	}
	// Empty containers are non-nil, and so usable as such.
	v, _ := jsonscan.Parse([]byte(`{"m":{},"a":[]}`), jsonscan.Limits{})
	m := v.(map[string]any)
	assert.NotNil(t, m["m"].(map[string]any))
	assert.NotNil(t, m["a"].([]any))
}

// validFiles are the repository's valid records.
func validFiles(t testing.TB) map[string][]byte {
	t.Helper()
	paths, err := filepath.Glob("../../testdata/valid/*.json")
	require.NoError(t, err)
	require.NotEmpty(t, paths)
	files := make(map[string][]byte, len(paths))
	for _, p := range paths {
		b, err := os.ReadFile(p)
		require.NoError(t, err)
		files[filepath.Base(p)] = b
	}
	return files
}

func TestAgreesWithEncodingJSON(t *testing.T) {
	docs := validFiles(t)
	docs["escapes"] = []byte(`{"a\tb":"\u00e9\ud834\udd1e\/\\","n":[0,-0,1.5e-7,1E+2,123456789012345678901234567890]}`)
	docs["whitespace"] = []byte(" \t\r\n{ \"a\" : [ 1 , { } , [ ] , null , true , false ] } \r\n")
	docs["unicode"] = []byte(`{"Siân":"O'Neill","日本":"語","emoji":"😀","nbsp":" "}`)
	for name, data := range docs {
		t.Run(name, func(t *testing.T) {
			want, err := decodeStd(data)
			require.NoError(t, err)
			got, err := jsonscan.Parse(data, jsonscan.Limits{})
			require.NoError(t, err)
			assert.Equal(t, want, got)
		})
	}
}

// TestNoAliasing checks that results share nothing with the input or with
// the pooled parser: neither changing the input nor parsing other
// documents afterwards changes them.
func TestNoAliasing(t *testing.T) {
	data := []byte(`{"plain":"abc","esc":"a\nb\u00e9","n":12.5,"arr":["x\ty",[1]],"obj":{"k":"v"}}`)
	keep := bytes.Clone(data)
	v, err := jsonscan.Parse(data, jsonscan.Limits{})
	require.NoError(t, err)
	want, err := decodeStd(keep)
	require.NoError(t, err)

	for i := range data {
		data[i] = 'Z'
	}
	for range 100 {
		// Same shape and string lengths, other content: reuses the
		// pooled stacks and scratch buffer.
		_, err := jsonscan.Parse([]byte(`{"plain":"XYZ","esc":"Q\nQ\u00e8","n":99.9,"arr":["Q\tQ",[9]],"obj":{"K":"V"}}`), jsonscan.Limits{})
		require.NoError(t, err)
		_, err = jsonscan.Parse([]byte(`{"esc":"Q\nQ\u00e8","esc":1}`), jsonscan.Limits{})
		require.Error(t, err)
	}
	assert.Equal(t, want, v)

	// Errors built from pooled state keep their pointer too.
	_, err = jsonscan.Parse([]byte(`{"a\nb":{"c":[0,x]}}`), jsonscan.Limits{})
	require.Error(t, err)
	for range 100 {
		_, _ = jsonscan.Parse([]byte(`{"Q\nQ":{"Q":[0,x]}}`), jsonscan.Limits{})
	}
	assert.Equal(t, "/a\nb/c/1", err.(*jsonscan.Error).Pointer)
}

func TestConcurrent(t *testing.T) {
	type job struct {
		data []byte
		want any
		err  *jsonscan.Error
	}
	var jobs []job
	for _, data := range validFiles(t) {
		want, err := decodeStd(data)
		require.NoError(t, err)
		jobs = append(jobs, job{data: data, want: want})
	}
	for _, tc := range errorCases {
		_, err := jsonscan.Parse([]byte(tc.in), tc.lim)
		if tc.lim == (jsonscan.Limits{}) {
			jobs = append(jobs, job{data: []byte(tc.in), err: err.(*jsonscan.Error)})
		}
	}
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Go(func() {
			for i := range 200 {
				j := jobs[(g*31+i)%len(jobs)]
				v, err := jsonscan.Parse(j.data, jsonscan.Limits{})
				if j.err != nil {
					if !assert.Equal(t, j.err, err) {
						return
					}
					continue
				}
				if !assert.NoError(t, err) || !assert.Equal(t, j.want, v) {
					return
				}
				if i%10 == 0 {
					assert.Equal(t, 1, jsonscan.Line(j.data, ""))
				}
			}
		})
	}
	wg.Wait()
}

// TestDeepErrorPointer checks that the pointer of an error deep in a
// document allowed a large MaxDepth is built in linear time: appending
// token by token would copy some 10 GB here.
func TestDeepErrorPointer(t *testing.T) {
	const depth = 100000
	data := strings.Repeat(`[{"k":`, depth/2) + "x"
	e := parseErr(t, []byte(data), jsonscan.Limits{MaxDepth: depth})
	assert.Equal(t, jsonscan.KindSyntax, e.Kind)
	assert.Equal(t, int64(len(data)-1), e.Offset)
	assert.Equal(t, repeatPointer("0/k", depth/2), e.Pointer)
}

func TestParseDoesNotPanicOnAdversarialInput(t *testing.T) {
	inputs := []string{
		strings.Repeat("[", 1<<20),
		strings.Repeat(`{"a":`, 1<<16),
		strings.Repeat(`"`, 1<<16),
		strings.Repeat(`\`, 1<<16),
		`"` + strings.Repeat(`\ud800`, 1<<12),
		`"` + strings.Repeat(`\u`, 1<<12),
		strings.Repeat("-", 1<<12),
		strings.Repeat("\xff", 1<<12),
	}
	for _, in := range inputs {
		_, err := jsonscan.Parse([]byte(in), jsonscan.Limits{})
		assert.Error(t, err)
		assert.Zero(t, jsonscan.Line([]byte(in), ""))
	}
}
