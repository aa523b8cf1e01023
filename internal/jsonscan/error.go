package jsonscan

import (
	"strconv"
	"unicode"
	"unicode/utf8"
)

// Kind is a stable, machine-readable reason for rejecting a document.
// Its values are part of the package's contract: callers may store them or
// map them to user-facing messages.
type Kind string

// The reasons Parse rejects a document.
const (
	// KindEmpty: the input holds no value (it is empty or only whitespace).
	KindEmpty Kind = "empty"
	// KindBOM: the input starts with a UTF-8 byte order mark. RFC 8259
	// forbids emitting one; callers that must accept BOMs strip them
	// deliberately before parsing.
	KindBOM Kind = "bom"
	// KindSyntax: a byte that cannot appear at that point of a JSON text,
	// such as a comment, a trailing comma, a missing colon, an unquoted key
	// or a literal other than true, false and null.
	KindSyntax Kind = "syntax"
	// KindUnexpectedEOF: the input ends inside a value.
	KindUnexpectedEOF Kind = "unexpected_eof"
	// KindTrailingData: non-whitespace follows the top-level value.
	KindTrailingData Kind = "trailing_data"
	// KindInvalidUTF8: a byte sequence that is not valid UTF-8, inside or
	// outside a string.
	KindInvalidUTF8 Kind = "invalid_utf8"
	// KindControlChar: an unescaped control character (U+0000 to U+001F)
	// inside a string.
	KindControlChar Kind = "control_char"
	// KindInvalidEscape: a backslash escape other than \" \\ \/ \b \f \n
	// \r \t and \u followed by four hexadecimal digits.
	KindInvalidEscape Kind = "invalid_escape"
	// KindLoneSurrogate: a \u escape of a UTF-16 surrogate that is not part
	// of a high-low pair. It names no character, and decoders disagree on
	// what to substitute, so it is rejected rather than replaced.
	KindLoneSurrogate Kind = "lone_surrogate"
	// KindInvalidNumber: a malformed number, such as 01, +1, .5, 1. or 1e.
	KindInvalidNumber Kind = "invalid_number"
	// KindDuplicateKey: an object has two members with the same name,
	// compared after unescaping. RFC 8259 leaves the meaning of such objects
	// undefined, and a validator that sees only the last value would check
	// something other than what a later reader might use.
	KindDuplicateKey Kind = "duplicate_key"
	// KindTooDeep: objects and arrays are nested deeper than Limits.MaxDepth.
	KindTooDeep Kind = "too_deep"
	// KindNumberTooLong: a number token is longer than Limits.MaxNumberLen.
	KindNumberTooLong Kind = "number_too_long"
	// KindExponentTooLarge: a number's exponent is larger in magnitude
	// than Limits.MaxExponent, as in 1e999999999.
	KindExponentTooLarge Kind = "exponent_too_large"
	// KindStringTooLong: a string (or member name) decodes to more than
	// Limits.MaxStringLen bytes.
	KindStringTooLong Kind = "string_too_long"
	// KindTooManyMembers: an object or array has more than
	// Limits.MaxMembers members or elements.
	KindTooManyMembers Kind = "too_many_members"
)

// Error reports where and why Parse rejected a document.
//
// An Error never contains document content: no string, number or literal
// from the input appears in its fields or message. The one exception is
// Pointer, whose tokens are member names (field names, not values) on the
// path to the offending value.
type Error struct {
	// Offset is the 0-based byte offset of the offending byte or token. For
	// errors about a whole token (duplicate_key, string_too_long,
	// number_too_long, exponent_too_large, invalid_escape, lone_surrogate) it is the token's
	// first byte: the opening quote of the member name or string, the first
	// byte of the number, the backslash of the escape. For too_deep it is
	// the opening bracket that is one level too deep; for too_many_members
	// the first byte of the first member or element over the limit. When
	// the input ends early it is len(data).
	Offset int64
	// Line is the 1-based line of Offset; lines end at '\n'.
	Line int
	// Column is the 1-based byte (not character) column of Offset within
	// its line.
	Column int
	// Pointer is the RFC 6901 JSON Pointer of the value being parsed when
	// the error was detected; "" is the top-level value. Once a member
	// name has been read, the member's pointer applies, so {"a" 1} reports
	// /a; for duplicate_key it is the pointer of the repeated member. In an
	// array, every byte after '[' or ',' that is not the closing bracket
	// starts an element, and so does the end of the input, so [1,] and
	// [1, report /1. Errors in a member name, and
	// between members or elements, report the pointer of the enclosing
	// object or array, as does too_many_members.
	Pointer string
	// Kind is the reason for the rejection.
	Kind Kind
}

// Error returns a message such as
//
//	jsonscan: line 3, column 14: duplicate_key at /events/0/term
//
// The pointer is omitted for the top-level value, and quoted if it holds
// characters that are not printable, so that a crafted member name cannot
// forge log lines.
func (e *Error) Error() string {
	b := make([]byte, 0, 64+len(e.Pointer))
	b = append(b, "jsonscan: line "...)
	b = strconv.AppendInt(b, int64(e.Line), 10)
	b = append(b, ", column "...)
	b = strconv.AppendInt(b, int64(e.Column), 10)
	b = append(b, ": "...)
	b = append(b, e.Kind...)
	if e.Pointer != "" {
		b = append(b, " at "...)
		if printable(e.Pointer) {
			b = append(b, e.Pointer...)
		} else {
			b = strconv.AppendQuote(b, e.Pointer)
		}
	}
	return string(b)
}

// printable reports whether s is valid UTF-8 made only of printable
// characters and spaces, and so can be shown without quoting.
func printable(s string) bool {
	for _, r := range s {
		if r == utf8.RuneError || r != ' ' && !unicode.IsPrint(r) {
			return false
		}
	}
	return true
}
