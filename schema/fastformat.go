package schema

import (
	"strings"

	"github.com/openaesthetics/casebook/complication"
)

// The fast path checks formats on strings it already holds. The full
// path's format functions take an any, and boxing each string costs an
// allocation; for "email" most of the time goes to net/mail. So every
// format the schemas use has a quick check, written for the common form,
// that accepts only strings the full path's function accepts too: it may
// be unsure (false) of a valid string, never sure of an invalid one. The
// full function is asked only when the quick check is unsure, so the
// verdict is always the full function's. TestQuickFormatsImplyFull and
// FuzzQuickFormats hold each quick check to that.

// stringFormat returns the fast path's check for the format name whose
// full check, the one jsonschema runs, is full.
func stringFormat(name string, full func(any) bool) func(string) bool {
	quick := quickFormat(name)
	if quick == nil {
		return func(s string) bool { return full(s) }
	}
	return func(s string) bool { return quick(s) || full(s) }
}

// quickFormat returns the quick check of a format, or nil.
func quickFormat(name string) func(string) bool {
	switch name {
	case "uuid":
		return quickUUID
	case "date-time":
		return quickDateTime
	case "email":
		return quickEmail
	case "partial-date":
		// casebook's own formats are cheap: their full checks, on the
		// string.
		return func(s string) bool { _, err := complication.ParsePartialDate(s); return err == nil }
	case "nhs-number":
		return complication.ValidNHSNumber
	}
	return nil
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// quickUUID accepts 8-4-4-4-12 hexadecimal digits, either case: the
// language of jsonschema's "uuid".
func quickUUID(s string) bool {
	if len(s) != 36 {
		return false
	}
	for i := 0; i < len(s); i++ {
		switch i {
		case 8, 13, 18, 23:
			if s[i] != '-' {
				return false
			}
		default:
			if !isHex(s[i]) {
				return false
			}
		}
	}
	return true
}

// twoDigits returns the number written by the two ASCII digits at s[i:].
func twoDigits(s string, i int) (int, bool) {
	if !isDigit(s[i]) || !isDigit(s[i+1]) {
		return 0, false
	}
	return int(s[i]-'0')*10 + int(s[i+1]-'0'), true
}

// quickDate accepts YYYY-MM-DD naming a real day of the proleptic
// Gregorian calendar, as time.Parse with layout "2006-01-02" does (year
// 0000 included).
func quickDate(s string) bool {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return false
	}
	hi, ok1 := twoDigits(s, 0)
	lo, ok2 := twoDigits(s, 2)
	m, ok3 := twoDigits(s, 5)
	d, ok4 := twoDigits(s, 8)
	if !ok1 || !ok2 || !ok3 || !ok4 || m < 1 || m > 12 || d < 1 {
		return false
	}
	y := hi*100 + lo
	days := [...]int{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}[m-1]
	if m == 2 && y%4 == 0 && (y%100 != 0 || y%400 == 0) {
		days = 29
	}
	return d <= days
}

// quickDateTime accepts a subset of what jsonschema's "date-time"
// accepts: a quickDate, T or t, hh:mm:ss in range, an optional fraction,
// and Z, z or an offset ±hh:mm in range. A leap second (:60) is left to
// jsonschema, which accepts it only at 23:59 UTC; so is a clock field
// with a sign, which jsonschema's strconv.Atoi takes.
func quickDateTime(s string) bool {
	if len(s) < 20 || s[10] != 'T' && s[10] != 't' || !quickDate(s[:10]) {
		return false
	}
	t := s[11:]
	if !quickClock(t) || t[5] != ':' {
		return false
	}
	if sec, ok := twoDigits(t, 6); !ok || sec > 59 {
		return false
	}
	rest := t[8:]
	if rest[0] == '.' {
		i := 1
		for i < len(rest) && isDigit(rest[i]) {
			i++
		}
		if i == 1 {
			return false
		}
		rest = rest[i:]
	}
	switch {
	case rest == "":
		return false
	case rest[0] == 'Z' || rest[0] == 'z':
		return len(rest) == 1
	case rest[0] == '+' || rest[0] == '-':
		return len(rest) == 6 && quickClock(rest[1:])
	}
	return false
}

// quickClock reports whether s starts with hh:mm, hours 00–23 and
// minutes 00–59.
func quickClock(s string) bool {
	if len(s) < 5 || s[2] != ':' {
		return false
	}
	h, ok1 := twoDigits(s, 0)
	m, ok2 := twoDigits(s, 3)
	return ok1 && ok2 && h <= 23 && m <= 59
}

// quickEmail accepts plain addresses: a local part of letters, digits and
// _ + - in dot-separated runs, an @, and a domain of two or more
// dot-separated labels of letters, digits and inner hyphens. Each is a
// dot-atom that net/mail parses as a whole address and a hostname in
// jsonschema's sense, within its lengths.
func quickEmail(s string) bool {
	if len(s) > 254 {
		return false
	}
	local, domain, ok := strings.Cut(s, "@")
	if !ok || len(local) == 0 || len(local) > 64 || len(domain) > 253 {
		return false
	}
	if !dotRuns(local, func(c byte) bool {
		return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || isDigit(c) || c == '_' || c == '+' || c == '-'
	}) {
		return false
	}
	labels := 0
	for label := range strings.SplitSeq(domain, ".") {
		labels++
		if len(label) == 0 || len(label) > 63 || label[0] == '-' || label[len(label)-1] == '-' {
			return false
		}
		for i := 0; i < len(label); i++ {
			c := label[i]
			if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || isDigit(c) || c == '-') {
				return false
			}
		}
	}
	return labels >= 2
}

// dotRuns reports whether s is one or more non-empty runs of bytes
// satisfying ok, separated by single dots.
func dotRuns(s string, ok func(byte) bool) bool {
	run := 0
	for i := 0; i < len(s); i++ {
		switch {
		case s[i] == '.':
			if run == 0 {
				return false
			}
			run = 0
		case ok(s[i]):
			run++
		default:
			return false
		}
	}
	return run > 0
}
