package export

import (
	"bytes"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/google/uuid"

	"github.com/openaesthetics/casebook/complication"
)

// kind is the type of a CSV column's values. It decides how a value is
// written and parsed, the codebook type, and whether the spreadsheet
// profile may neutralise the cell.
type kind uint8

const (
	kindText      kind = iota + 1 // a string: free text, names, pseudonyms, references
	kindCode                      // one code of a code list
	kindCodes                     // several codes joined with ";"
	kindUUID                      // a UUID in canonical form
	kindUUIDs                     // several UUIDs joined with ";"
	kindInt                       // a whole number
	kindNumber                    // a decimal number
	kindBool                      // true or false
	kindDate                      // a partial date: YYYY, YYYY-MM, YYYY-MM-DD or YYYY-MM-DDThh:mm
	kindTimestamp                 // an RFC 3339 date-time with a zone offset
	kindMissing                   // field=reason pairs joined with ";"
)

// stringy reports whether the cell's text comes from a string in the
// record rather than being formatted by this package. Only such cells can
// begin with a formula trigger, so only they are neutralised.
func (k kind) stringy() bool {
	switch k {
	case kindText, kindCode, kindCodes, kindMissing:
		return true
	}
	return false
}

// Value errors, all wrapping ErrValue. They name the expected form, never
// the value found.
var (
	errWantUUID      = fmt.Errorf("%w: want a UUID in 8-4-4-4-12 form", ErrValue)
	errWantInt       = fmt.Errorf("%w: want a whole number", ErrValue)
	errWantNumber    = fmt.Errorf("%w: want a decimal number", ErrValue)
	errWantBool      = fmt.Errorf("%w: want true or false", ErrValue)
	errWantDate      = fmt.Errorf("%w: want a partial date (YYYY, YYYY-MM, YYYY-MM-DD or YYYY-MM-DDThh:mm)", ErrValue)
	errWantTimestamp = fmt.Errorf("%w: want an RFC 3339 date-time with a zone offset", ErrValue)
	errWantMissing   = fmt.Errorf("%w: want field=reason pairs joined with ';'", ErrValue)
	errEscape        = fmt.Errorf("%w: a backslash must escape '\\\\', ';' or '='", ErrValue)
)

// appendUUID appends u in canonical lower-case form, or nothing for the
// nil UUID.
func appendUUID(dst []byte, u uuid.UUID) []byte {
	if u == uuid.Nil {
		return dst
	}
	const hexdig = "0123456789abcdef"
	for i, b := range u {
		if i == 4 || i == 6 || i == 8 || i == 10 {
			dst = append(dst, '-')
		}
		dst = append(dst, hexdig[b>>4], hexdig[b&0xf])
	}
	return dst
}

// parseUUID accepts only the 36-character 8-4-4-4-12 form (either case).
func parseUUID(s string) (uuid.UUID, error) {
	if len(s) != 36 {
		return uuid.Nil, errWantUUID
	}
	u, err := uuid.Parse(s)
	if err != nil {
		return uuid.Nil, errWantUUID
	}
	return u, nil
}

// appendDate appends d in its own precision, or nothing for the zero date.
func appendDate(dst []byte, d complication.PartialDate) []byte {
	if d.IsZero() {
		return dst
	}
	dst = appendDigits(dst, d.Year(), 4)
	if d.Precision() >= complication.PrecisionMonth {
		dst = append(dst, '-')
		dst = appendDigits(dst, int(d.Month()), 2)
	}
	if d.Precision() >= complication.PrecisionDay {
		dst = append(dst, '-')
		dst = appendDigits(dst, d.Day(), 2)
	}
	if h, m, ok := d.Clock(); ok {
		dst = append(dst, 'T')
		dst = appendDigits(dst, h, 2)
		dst = append(dst, ':')
		dst = appendDigits(dst, m, 2)
	}
	return dst
}

func appendDigits(dst []byte, v, n int) []byte {
	var buf [4]byte
	for i := n - 1; i >= 0; i-- {
		buf[i] = byte('0' + v%10)
		v /= 10
	}
	return append(dst, buf[:n]...)
}

func parseDate(s string) (complication.PartialDate, error) {
	d, err := complication.ParsePartialDate(s)
	if err != nil {
		return complication.PartialDate{}, errWantDate
	}
	return d, nil
}

// appendTimestamp appends t in RFC 3339 with its own zone offset and as
// many fractional digits as it has (the form encoding/json writes), or
// nothing for the zero time.
func appendTimestamp(dst []byte, t time.Time) []byte {
	if t.IsZero() {
		return dst
	}
	return t.AppendFormat(dst, time.RFC3339Nano)
}

func parseTimestamp(s string) (time.Time, error) {
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		return time.Time{}, errWantTimestamp
	}
	return t, nil
}

// appendNumber appends f as encoding/json would: plain decimal notation,
// exponent notation only for very large or very small magnitudes.
func appendNumber(dst []byte, f float64) []byte {
	abs := math.Abs(f)
	format := byte('f')
	if abs != 0 && (abs < 1e-6 || abs >= 1e21) {
		format = 'e'
	}
	return strconv.AppendFloat(dst, f, format, -1, 64)
}

// parseNumber accepts decimal numbers with an optional sign, fraction and
// exponent. It refuses what strconv would also take but a CSV reader in R
// or pandas would not: hexadecimal, underscores, Inf and NaN.
func parseNumber(s string) (float64, error) {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= '0' && c <= '9', c == '.', c == 'e', c == 'E', c == '+', c == '-':
		default:
			return 0, errWantNumber
		}
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsInf(f, 0) || math.IsNaN(f) {
		return 0, errWantNumber
	}
	return f, nil
}

func parseInt(s string) (int, error) {
	for i := 0; i < len(s); i++ {
		if c := s[i]; !(c >= '0' && c <= '9' || i == 0 && c == '-' && len(s) > 1) {
			return 0, errWantInt
		}
	}
	n, err := strconv.Atoi(s)
	if err != nil {
		return 0, errWantInt
	}
	return n, nil
}

// parseBool accepts true and false in any case, because spreadsheets
// write TRUE and FALSE when they save a CSV.
func parseBool(s string) (bool, error) {
	switch {
	case strings.EqualFold(s, "true"):
		return true, nil
	case strings.EqualFold(s, "false"):
		return false, nil
	}
	return false, errWantBool
}

// escapeItem escapes '\' and ';' in dst[from:], the last item of a list
// being built, so that the list can be split again exactly.
func escapeItem(dst []byte, from int) []byte {
	return escapeBytes(dst, from, false)
}

// escapeBytes backslash-escapes '\' and ';' (and '=' when eq is set) in
// dst[from:].
func escapeBytes(dst []byte, from int, eq bool) []byte {
	n := 0
	for _, c := range dst[from:] {
		if c == '\\' || c == ';' || eq && c == '=' {
			n++
		}
	}
	if n == 0 {
		return dst
	}
	end := len(dst)
	dst = slices.Grow(dst, n)[:end+n]
	for r, w := end-1, end+n-1; r >= from; r-- {
		c := dst[r]
		dst[w] = c
		w--
		if c == '\\' || c == ';' || eq && c == '=' {
			dst[w] = '\\'
			w--
		}
	}
	return dst
}

// splitList splits a multi-valued cell at each ';' that is not escaped and
// removes the escapes: "\;" is a literal ';', "\\" a literal '\' and "\="
// a literal '='. The empty cell is the empty list.
func splitList(s string) ([]string, error) {
	if s == "" {
		return nil, nil
	}
	if !strings.Contains(s, `\`) {
		return strings.Split(s, ";"), nil
	}
	var items []string
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '\\':
			if i+1 == len(s) || s[i+1] != '\\' && s[i+1] != ';' && s[i+1] != '=' {
				return nil, errEscape
			}
			i++
			b.WriteByte(s[i])
		case ';':
			items = append(items, b.String())
			b.Reset()
		default:
			b.WriteByte(c)
		}
	}
	return append(items, b.String()), nil
}

// appendMissing appends a Missing map as field=reason pairs sorted by field
// and joined with ';'. A '\', ';' or '=' in a field name is escaped with a
// backslash (the published schema allows none, so this only keeps records
// built in Go exact).
func appendMissing(dst []byte, m complication.Missing) []byte {
	if len(m) == 0 {
		return dst
	}
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for i, k := range keys {
		if i > 0 {
			dst = append(dst, ';')
		}
		from := len(dst)
		dst = append(dst, k...)
		dst = escapeBytes(dst, from, true)
		dst = append(dst, '=')
		from = len(dst)
		dst = append(dst, m[k]...)
		dst = escapeBytes(dst, from, true)
	}
	return dst
}

// parseMissing parses what appendMissing writes.
func parseMissing(s string) (complication.Missing, error) {
	m := complication.Missing{}
	var key, cur strings.Builder
	haveKey := false
	flush := func() error {
		if !haveKey || key.Len() == 0 {
			return errWantMissing
		}
		k := key.String()
		if _, dup := m[k]; dup {
			return errWantMissing
		}
		r := complication.MissingReason(cur.String())
		if !r.Valid() {
			return ErrUnknownCode
		}
		m[k] = r
		key.Reset()
		cur.Reset()
		haveKey = false
		return nil
	}
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '\\':
			if i+1 == len(s) || s[i+1] != '\\' && s[i+1] != ';' && s[i+1] != '=' {
				return nil, errEscape
			}
			i++
			cur.WriteByte(s[i])
		case '=':
			if haveKey {
				return nil, errWantMissing
			}
			key.WriteString(cur.String())
			cur.Reset()
			haveKey = true
		case ';':
			if err := flush(); err != nil {
				return nil, err
			}
		default:
			cur.WriteByte(c)
		}
	}
	if err := flush(); err != nil {
		return nil, err
	}
	return m, nil
}

// normaliseLineBreaks turns CRLF and lone CR in dst[from:] into LF.
// encoding/csv reads CRLF inside a quoted cell back as LF and, writing
// with CRLF line ends, drops a lone CR; normalising first makes both
// profiles read back the same text.
func normaliseLineBreaks(dst []byte, from int) []byte {
	if bytes.IndexByte(dst[from:], '\r') < 0 {
		return dst
	}
	w := from
	for r := from; r < len(dst); r++ {
		c := dst[r]
		if c == '\r' {
			if r+1 < len(dst) && dst[r+1] == '\n' {
				continue
			}
			c = '\n'
		}
		dst[w] = c
		w++
	}
	return dst[:w]
}

// Formula neutralisation (spreadsheet profile only).
//
// A string cell is neutralised, by prefixing one apostrophe, when its first
// character is an apostrophe, or when its first character other than
// leading spaces (U+0020) is one of = + - @ TAB CR LF NUL. The reader of a
// spreadsheet-profile file removes exactly one leading apostrophe from
// every string cell that has one. Because a value that itself begins with
// an apostrophe is prefixed too, the round trip is exact.

func needsNeutralising(cell []byte) bool {
	if len(cell) == 0 {
		return false
	}
	if cell[0] == '\'' {
		return true
	}
	i := 0
	for i < len(cell) && cell[i] == ' ' {
		i++
	}
	if i == len(cell) {
		return false
	}
	switch cell[i] {
	case '=', '+', '-', '@', '\t', '\r', '\n', 0:
		return true
	}
	return false
}

// neutralise prefixes an apostrophe to dst[from:] when it needs one.
func neutralise(dst []byte, from int) []byte {
	if !needsNeutralising(dst[from:]) {
		return dst
	}
	dst = append(dst, 0)
	copy(dst[from+1:], dst[from:])
	dst[from] = '\''
	return dst
}

// unneutralise undoes neutralise.
func unneutralise(cell string) string {
	if len(cell) > 0 && cell[0] == '\'' {
		return cell[1:]
	}
	return cell
}
