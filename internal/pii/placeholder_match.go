package pii

import "strings"

// Leaks masks placeholders in every text it gates, and the regexp engine
// searching a whole narrative for rePlaceholder cost a tenth of the gate's
// time, though almost no text holds a '['. nextPlaceholder finds what
// rePlaceholder.FindAllStringIndex finds, by hand: a placeholder is '[',
// one of placeholderNames and ']'. No name followed by ']' is a prefix of
// another name followed by ']', so at most one placeholder starts at any
// byte, and the leftmost match is the first '[' that opens one.

// placeholderNames are the alternatives of rePlaceholder, in its order.
var placeholderNames = []string{
	"NAME", "NHS_NUMBER", "PHONE", "EMAIL", "URL", "HANDLE", "POSTCODE", "DATE",
	"REGISTRATION", "NI_NUMBER", "ADDRESS", "OTHER", "REDACTED",
}

// nextPlaceholder returns the byte range of the first placeholder in text
// at or after byte from, or -1, -1 if there is none.
func nextPlaceholder(text string, from int) (start, end int) {
	for i := from; i < len(text); i++ {
		k := strings.IndexByte(text[i:], '[')
		if k < 0 {
			break
		}
		i += k
		if e := placeholderAt(text, i); e > 0 {
			return i, e
		}
	}
	return -1, -1
}

// placeholderAt returns the end of the placeholder whose '[' is at byte i
// of text, or -1 if none opens there.
func placeholderAt(text string, i int) int {
	rest := text[i+1:]
	for _, name := range placeholderNames {
		if len(rest) > len(name) && rest[len(name)] == ']' && rest[:len(name)] == name {
			return i + 1 + len(name) + 1
		}
	}
	return -1
}
