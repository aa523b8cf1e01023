package jsonscan_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/openaesthetics/casebook/internal/jsonscan"
)

func TestAppendToken(t *testing.T) {
	tests := []struct{ ptr, tok, want string }{
		{"", "a", "/a"},
		{"", "", "/"},
		{"/", "", "//"},
		{"/x", "a/b", "/x/a~1b"},
		{"", "m~n", "/m~0n"},
		{"", "~1", "/~01"},
		{"", "/0", "/~10"},
		{"", "~/~/", "/~0~1~0~1"},
		{"/a", "é ✓", "/a/é ✓"},
	}
	for _, tc := range tests {
		assert.Equal(t, tc.want, jsonscan.AppendToken(tc.ptr, tc.tok), "AppendToken(%q, %q)", tc.ptr, tc.tok)
	}
}

func TestAppendIndex(t *testing.T) {
	assert.Equal(t, "/0", jsonscan.AppendIndex("", 0))
	assert.Equal(t, "/a/12", jsonscan.AppendIndex("/a", 12))
	assert.Equal(t, "/a/-1", jsonscan.AppendIndex("/a", -1))
}

func TestTokens(t *testing.T) {
	tests := []struct {
		ptr  string
		want []string
	}{
		{"", nil},
		{"/", []string{""}},
		{"//", []string{"", ""}},
		{"/a/0", []string{"a", "0"}},
		{"/a~1b/m~0n", []string{"a/b", "m~n"}},
		// Each escape is undone once, left to right.
		{"/~01", []string{"~1"}},
		{"/~10", []string{"/0"}},
		{"/~0~1~0~1", []string{"~/~/"}},
	}
	for _, tc := range tests {
		got, err := jsonscan.Tokens(tc.ptr)
		require.NoError(t, err, tc.ptr)
		assert.Equal(t, tc.want, got, tc.ptr)
	}
	for _, bad := range []string{"a", "#/a", " /a", "/~", "/~2", "/a~", "/a~/b", "/~~0"} {
		toks, err := jsonscan.Tokens(bad)
		assert.Error(t, err, "%q", bad)
		assert.Nil(t, toks, "%q", bad)
		// The message does not repeat the pointer.
		if err != nil && len(bad) > 2 {
			assert.NotContains(t, err.Error(), bad)
		}
	}
}

// TestPointerRoundTrip builds a pointer from every token list over a small
// alphabet rich in escapes and checks that Tokens gives the list back.
func TestPointerRoundTrip(t *testing.T) {
	alphabet := []string{"", "a", "~", "/", "0", "1"}
	var words []string
	var gen func(prefix string, n int)
	gen = func(prefix string, n int) {
		words = append(words, prefix)
		if n == 0 {
			return
		}
		for _, c := range alphabet[1:] {
			gen(prefix+c, n-1)
		}
	}
	gen("", 4)
	for _, w := range words {
		for _, toks := range [][]string{{w}, {w, w}, {"x", w, ""}} {
			ptr := ""
			for _, tok := range toks {
				ptr = jsonscan.AppendToken(ptr, tok)
			}
			got, err := jsonscan.Tokens(ptr)
			require.NoError(t, err, ptr)
			require.Equal(t, toks, got, ptr)
		}
	}
}

// rfc6901 is the example document of RFC 6901, section 5, one member per
// line.
const rfc6901 = `{
  "foo": ["bar", "baz"],
  "": 0,
  "a/b": 1,
  "c%d": 2,
  "e^f": 3,
  "g|h": 4,
  "i\\j": 5,
  "k\"l": 6,
  " ": 7,
  "m~n": 8
}`

// rfc6901Pointers are the pointers of RFC 6901, section 5, with the value
// each refers to and the line where it starts in rfc6901.
var rfc6901Pointers = []struct {
	ptr  string
	want any
	line int
}{
	{"", nil, 1}, // the whole document, checked separately
	{"/foo", []any{"bar", "baz"}, 2},
	{"/foo/0", "bar", 2},
	{"/", json.Number("0"), 3},
	{"/a~1b", json.Number("1"), 4},
	{"/c%d", json.Number("2"), 5},
	{"/e^f", json.Number("3"), 6},
	{"/g|h", json.Number("4"), 7},
	{"/i\\j", json.Number("5"), 8},
	{"/k\"l", json.Number("6"), 9},
	{"/ ", json.Number("7"), 10},
	{"/m~0n", json.Number("8"), 11},
}

// resolve evaluates the tokens of ptr in doc, as a JSON Pointer user
// would.
func resolve(t *testing.T, doc any, ptr string) any {
	t.Helper()
	toks, err := jsonscan.Tokens(ptr)
	require.NoError(t, err, ptr)
	v := doc
	for _, tok := range toks {
		switch c := v.(type) {
		case map[string]any:
			var ok bool
			v, ok = c[tok]
			require.True(t, ok, "%s: no member %q", ptr, tok)
		case []any:
			i := -1
			for j := range c {
				if jsonscan.AppendIndex("", j) == "/"+tok {
					i = j
				}
			}
			require.GreaterOrEqual(t, i, 0, "%s: no element %q", ptr, tok)
			v = c[i]
		default:
			t.Fatalf("%s: %q in a scalar", ptr, tok)
		}
	}
	return v
}

func TestRFC6901Examples(t *testing.T) {
	doc, err := jsonscan.Parse([]byte(rfc6901), jsonscan.Limits{})
	require.NoError(t, err)
	for _, tc := range rfc6901Pointers {
		got := resolve(t, doc, tc.ptr)
		if tc.ptr == "" {
			assert.Equal(t, doc, got)
		} else {
			assert.Equal(t, tc.want, got, tc.ptr)
		}
		assert.Equal(t, tc.line, jsonscan.Line([]byte(rfc6901), tc.ptr), "Line(%q)", tc.ptr)
		assert.Equal(t, tc.line, jsonscan.LineOfValid([]byte(rfc6901), tc.ptr), "LineOfValid(%q)", tc.ptr)
	}
}

const record = `{
  "id": "r1",
  "events": [
    {
      "term": "x",
      "note": "}]\"{[,\\",
      "sites": [
        {"site": "nose"},
        {"site": "lip"}
      ]
    },
    {"term": "y"}
  ],
  "a\/b": {"\u007e": [[], {}, "s",
     -1.5e3, true, null]},
  "0": {"1": 2},
  "n":

    5
}
`

func TestLine(t *testing.T) {
	data := []byte(record)
	tests := []struct {
		ptr  string
		want int
	}{
		{"", 1},
		{"/id", 2},
		{"/events", 3},
		{"/events/0", 4},
		{"/events/0/term", 5},
		{"/events/0/note", 6},
		{"/events/0/sites", 7},
		{"/events/0/sites/0", 8},
		{"/events/0/sites/1", 9},
		{"/events/0/sites/1/site", 9},
		{"/events/1", 12},
		{"/events/1/term", 12},
		{"/a~1b", 14},
		{"/a~1b/~0", 14},
		{"/a~1b/~0/2", 14},
		{"/a~1b/~0/3", 15},
		{"/a~1b/~0/5", 15},
		{"/0", 16}, // an object member named "0"
		{"/0/1", 16},
		{"/n", 19}, // the value, not the member name

		// Absent values.
		{"/missing", 0},
		{"/events/2", 0},
		{"/events/-", 0},
		{"/events/00", 0},
		{"/events/+1", 0},
		{"/events/-1", 0},
		{"/events/99999999999999999999999", 0},
		{"/events/x", 0},
		{"/events/0/sites/1/site/x", 0}, // inside a string
		{"/n/0", 0},                     // inside a number
		{"/a~1b/~0/0/0", 0},             // an empty array
		{"/a~1b/~0/1/x", 0},             // an empty object
		{"/a/b", 0},                     // not the same as /a~1b
		{"/a~1b/~", 0},                  // malformed pointer
		{"events", 0},                   // malformed pointer
	}
	for _, tc := range tests {
		assert.Equal(t, tc.want, jsonscan.Line(data, tc.ptr), "Line(%q)", tc.ptr)
		assert.Equal(t, tc.want, jsonscan.LineOfValid(data, tc.ptr), "LineOfValid(%q)", tc.ptr)
	}
}

func TestLineRejectedData(t *testing.T) {
	for _, data := range []string{
		"",
		"   ",
		`{"a":1,"a":2}`,
		`{"a":1`,
		`{"a":1} x`,
		"\xEF\xBB\xBF" + `{"a":1}`,
		"{\"a\":\"\xff\"}",
		`{"a":"\ud800"}`,
		nest("[", "]", 10001),
	} {
		assert.Zero(t, jsonscan.Line([]byte(data), ""), "%.40q", data)
		assert.Zero(t, jsonscan.Line([]byte(data), "/a"), "%.40q", data)
	}
}

// TestLineBeyondParseLimits: Line is asked about documents accepted under
// limits other than the defaults, and checks syntax only.
func TestLineBeyondParseLimits(t *testing.T) {
	long := `{"s":"` + strings.Repeat("x", jsonscan.DefaultMaxStringLen+1) + "\",\n\"n\":" + strings.Repeat("9", 100) + "}"
	assert.Equal(t, 2, jsonscan.Line([]byte(long), "/n"))

	deep := "\n" + nest("[", "]", 10000)
	assert.Equal(t, 2, jsonscan.Line([]byte(deep), repeatPointer("0", 9999)))
	assert.Zero(t, jsonscan.Line([]byte(deep), repeatPointer("0", 10000)))

	many := "[\n" + strings.Repeat("0,\n", jsonscan.DefaultMaxMembers) + "1]"
	assert.Equal(t, jsonscan.DefaultMaxMembers+2, jsonscan.Line([]byte(many), jsonscan.AppendIndex("", jsonscan.DefaultMaxMembers)))
}

// TestLineCompact covers values that end right at a delimiter, with no
// whitespace after them.
func TestLineCompact(t *testing.T) {
	data := []byte(`{"a":1,"b":"}","c":{"d":[true,null,-0.5e1,"]"]},"e":[[],{}]}`)
	for _, ptr := range []string{"", "/a", "/b", "/c", "/c/d", "/c/d/0", "/c/d/2", "/c/d/3", "/e", "/e/0", "/e/1"} {
		assert.Equal(t, 1, jsonscan.Line(data, ptr), ptr)
	}
	for _, ptr := range []string{"/f", "/c/x", "/c/d/4", "/e/2", "/e/0/0", "/e/1/x"} {
		assert.Zero(t, jsonscan.Line(data, ptr), ptr)
	}
	assert.Zero(t, jsonscan.Line([]byte(`{"a":1}`), "/b"))
	assert.Zero(t, jsonscan.Line([]byte(`[true]`), "/1"))
	assert.Equal(t, 2, jsonscan.Line([]byte("[\"x\",\n1]"), "/1"))
}

func TestLineCRLF(t *testing.T) {
	data := []byte("{\r\n  \"a\": [\r\n    1,\r\n    2\r\n  ]\r\n}\r\n")
	assert.Equal(t, 2, jsonscan.Line(data, "/a"))
	assert.Equal(t, 3, jsonscan.Line(data, "/a/0"))
	assert.Equal(t, 4, jsonscan.Line(data, "/a/1"))
}
