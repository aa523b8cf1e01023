package pii

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/cases"
	"golang.org/x/text/unicode/norm"
)

// Normalized is a matching copy of a text together with a map from every
// byte of the copy back to the original.
//
// The copy is what every detector and the Matcher search. It is built so
// that visually or semantically equal spellings of an identifier compare
// equal: "Zoë O’Neill" becomes "zoe o'neill", "ＪＡＮＥ" becomes "jane",
// "999\u00a0000\u200b0018" becomes "999 000 0018". The copy is for
// comparison only and is never shown or exported.
type Normalized struct {
	// Text is the matching copy.
	Text string

	orig string
	// start[i] and end[i] bound the original bytes of the character
	// cluster that produced Text[i]. Both are cluster boundaries in the
	// original, so any range mapped through them is valid UTF-8.
	start []int
	end   []int
	// brk[i] marks a space in Text that stands only for line breaks.
	brk []bool
}

// folder is stateless (x/text documents Fold as safe for concurrent use),
// so one immutable instance serves every call.
var folder = cases.Fold()

// asciiFold maps each ASCII byte to its matching-copy byte: letters to
// lower case, every control character to a space (line breaks and tabs
// separate words just as spaces do), and the backtick to an apostrophe.
var asciiFold = func() (t [utf8.RuneSelf]byte) {
	for i := range t {
		c := byte(i)
		switch {
		case c >= 'A' && c <= 'Z':
			c += 'a' - 'A'
		case c < ' ' || c == 0x7f:
			c = ' '
		case c == '`':
			c = '\''
		}
		t[i] = c
	}
	return t
}()

// Normalize builds the matching copy of s. It never fails: invalid UTF-8
// bytes are dropped from the copy (and stay in the original, where Redact
// replaces them with U+FFFD).
//
// The copy applies, per character cluster (a base character with the
// combining marks that follow it):
//   - a homoglyph fold of common Cyrillic, Greek and Armenian look-alikes
//     to Latin letters, applied before case folding because folding loses
//     the shape (Greek capital Eta looks like H but folds to η);
//   - NFKD, so fullwidth, mathematical and ligature forms become ASCII;
//   - full Unicode case folding (ß becomes ss);
//   - removal of combining marks (diacritics) and of invisible characters:
//     format characters (Cf: ZWSP, ZWJ, BOM, soft hyphen, …),
//     default-ignorable code points and private-use characters;
//   - letters that do not decompose (ø đ ł æ œ þ …) mapped to ASCII;
//   - decimal digits of any script mapped to ASCII digits;
//   - every space, line break and control character mapped to one space,
//     with runs of spaces collapsed to a single space;
//   - every dash and hyphen mapped to '-', every apostrophe variant to
//     '\” and every double quote to '"'.
func Normalize(s string) *Normalized {
	n := &Normalized{
		start: make([]int, 0, len(s)),
		end:   make([]int, 0, len(s)),
		brk:   make([]bool, 0, len(s)),
	}
	normalizeInto(n, s, make([]byte, 0, len(s)))
	return n
}

// normalizeInto is Normalize writing into n, whose slices it reuses, and
// building the copy in out, which it returns for reuse.
func normalizeInto(n *Normalized, s string, out []byte) []byte {
	if out, ok := normalizeASCIIInto(n, s, out); ok {
		return out
	}
	n.orig = s
	n.start, n.end = n.start[:0], n.end[:0]
	out = out[:0]
	// brk marks spaces that stand only for line breaks, which joinBreaks
	// may remove between the parts of a number.
	brk := n.brk[:0]
	lineBreak := false // the cluster being emitted is a line break
	emit := func(b byte, from, to int, whole bool) {
		// Collapse runs of spaces. Invisible characters between two spaces
		// emit nothing, so " \u200b " collapses too. The surviving space
		// grows to cover the whole run when the cluster it absorbs is
		// nothing but space (whole); otherwise the cluster's other output
		// still needs [from, to) and the space stops where it starts, so
		// the map never runs backwards.
		if b == ' ' && len(out) > 0 && out[len(out)-1] == ' ' {
			if whole {
				n.end[len(n.end)-1] = to
			} else if from > n.end[len(n.end)-1] {
				n.end[len(n.end)-1] = from
			}
			brk[len(brk)-1] = brk[len(brk)-1] && lineBreak
			return
		}
		out = append(out, b)
		n.start = append(n.start, from)
		n.end = append(n.end, to)
		brk = append(brk, b == ' ' && lineBreak)
	}
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf && (i+1 == len(s) || s[i+1] < utf8.RuneSelf) {
			lineBreak = c == '\n' || c == '\r' || c == '\v' || c == '\f'
			emit(asciiFold[c], i, i+1, true)
			i++
			continue
		}
		first, size := utf8.DecodeRuneInString(s[i:])
		lineBreak = first == '\n' || first == '\r' || first == '\v' || first == '\f' || first == '\u0085' || first == '\u2028' || first == '\u2029'
		j := i + size
		for j < len(s) {
			r, sz := utf8.DecodeRuneInString(s[j:])
			if r == utf8.RuneError && sz <= 1 || !isCombining(r) {
				break
			}
			j += sz
		}
		if j == i+1 && c < utf8.RuneSelf {
			emit(asciiFold[c], i, j, true)
			i = j
			continue
		}
		folded := foldCluster(s[i:j])
		whole := strings.Trim(folded, " ") == ""
		for k := 0; k < len(folded); k++ {
			emit(folded[k], i, j, whole)
		}
		i = j
	}
	n.Text = string(out)
	n.brk = brk
	return out
}

// normalizeASCIIInto is normalizeInto for text that is all ASCII, most of
// what a record holds. Every byte is then a cluster of its own that
// asciiFold maps to one byte, so the general loop's emit would be called
// with from = i, to = i+1 and whole set for each byte i; this loop does
// what that call does, without the call and without decoding clusters,
// writing each slice by index into room made for the whole text. At the
// first byte that is not ASCII it stops and reports false, leaving the
// text to the general loop, which starts afresh.
func normalizeASCIIInto(n *Normalized, s string, out []byte) ([]byte, bool) {
	out = slices.Grow(out[:0], len(s))[:len(s)]
	start, end := slices.Grow(n.start[:0], len(s))[:len(s)], slices.Grow(n.end[:0], len(s))[:len(s)]
	brk := slices.Grow(n.brk[:0], len(s))[:len(s)]
	k := 0 // bytes of the copy written
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			n.start, n.end, n.brk = start[:0], end[:0], brk[:0]
			return out[:0], false
		}
		b := asciiFold[c]
		lineBreak := c == '\n' || c == '\r' || c == '\v' || c == '\f'
		if b == ' ' && k > 0 && out[k-1] == ' ' {
			// A space absorbed into the run before it, which now ends
			// here and stands only for line breaks if this one does too.
			end[k-1] = i + 1
			brk[k-1] = brk[k-1] && lineBreak
			continue
		}
		out[k], start[k], end[k], brk[k] = b, i, i+1, b == ' ' && lineBreak
		k++
	}
	n.orig = s
	out, n.start, n.end, n.brk = out[:k], start[:k], end[:k], brk[:k]
	// Text that needs no change, such as a lower-case code, is its own
	// copy.
	if string(out) == s {
		n.Text = s
	} else {
		n.Text = string(out)
	}
	return out, true
}

// normText returns Normalize(s).Text. Text that is all ASCII, the usual
// case, needs no offset map and takes a short cut.
func normText(s string) string {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return Normalize(s).Text
		}
	}
	out := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		b := asciiFold[s[i]]
		if b == ' ' && len(out) > 0 && out[len(out)-1] == ' ' {
			continue
		}
		out = append(out, b)
	}
	return string(out)
}

// joined returns the matching copy with every line break that splits a
// number removed, or nil if there is none: a space that stood only for
// line breaks goes when a digit is on one side and a digit, a letter or a
// date separator (/ . -) on the other. People and text wrapping split
// identifiers this way ("07700\n900123", "14/0\n4/1990", "LS1 4\nAP"), and a detector
// that sees "0 121 4 96 057 0" cannot tell a phone number from a list. The
// copy is scanned in addition to the plain one, never instead of it,
// because a line break can also stand for the separator itself
// ("1981-05\n28").
func (n *Normalized) joined() *Normalized {
	j, _ := n.joinedInto(new(Normalized), nil)
	return j
}

// joinedInto is joined building the copy in j, whose slices it reuses, and
// in b, which it returns for reuse.
func (n *Normalized) joinedInto(j *Normalized, b []byte) (*Normalized, []byte) {
	isDigit := func(b byte) bool { return b >= '0' && b <= '9' }
	isSep := func(b byte) bool { return b == '/' || b == '.' || b == '-' }
	isLetter := func(b byte) bool { return b >= 'a' && b <= 'z' }
	// Only a space that stands for line breaks can go; most texts have
	// none, and need no closer look.
	if !slices.Contains(n.brk, true) {
		return nil, b
	}
	t := n.Text
	splits := func(r int) bool {
		if !n.brk[r] || r == 0 || r+1 >= len(t) {
			return false
		}
		prev, next := t[r-1], t[r+1]
		return isDigit(prev) && (isDigit(next) || isSep(next) || isLetter(next)) || (isSep(prev) || isLetter(prev)) && isDigit(next)
	}
	found := false
	for r := range len(t) {
		if splits(r) {
			found = true
			break
		}
	}
	if !found {
		return nil, b
	}
	j.orig = n.orig
	j.start, j.end, j.brk = slices.Grow(j.start[:0], len(t)), slices.Grow(j.end[:0], len(t)), slices.Grow(j.brk[:0], len(t))
	b = slices.Grow(b[:0], len(t))
	for r := range len(t) {
		if splits(r) {
			continue
		}
		b = append(b, t[r])
		j.start = append(j.start, n.start[r])
		j.end = append(j.end, n.end[r])
		j.brk = append(j.brk, false)
	}
	j.Text = string(b)
	return j, b
}

// Source returns the original text the copy was built from.
func (n *Normalized) Source() string { return n.orig }

// Original maps the byte range [start, end) of the matching copy to the
// byte range of the original text it was built from. The result always
// falls on UTF-8 character boundaries of the original. Out-of-range
// arguments are clamped rather than rejected, so the method never panics.
func (n *Normalized) Original(start, end int) (int, int) {
	if start < 0 {
		start = 0
	}
	if end > len(n.Text) {
		end = len(n.Text)
	}
	if start >= len(n.Text) {
		return len(n.orig), len(n.orig)
	}
	if end <= start {
		return n.start[start], n.start[start]
	}
	return n.start[start], n.end[end-1]
}

// span converts a range of the matching copy into a Span of the original.
func (n *Normalized) span(start, end int, k Kind) Span {
	s, e := n.Original(start, end)
	return Span{Start: s, End: e, Kind: k}
}

// isCombining reports whether r attaches to the preceding character and so
// belongs to its cluster.
func isCombining(r rune) bool {
	return unicode.In(r, unicode.Mn, unicode.Me, unicode.Mc)
}

// foldCluster applies the full folding pipeline to one character cluster.
// It is only reached for non-ASCII input, so its allocations do not touch
// the common path.
func foldCluster(c string) string {
	c = strings.Map(premap, c)
	c = norm.NFKD.String(c)
	// A second pass catches look-alikes that NFKD revealed, such as
	// mathematical Greek letters decomposing to plain Greek.
	c = strings.Map(premap, c)
	c = folder.String(c)
	c = norm.NFKD.String(c)
	var b strings.Builder
	b.Grow(len(c))
	for _, r := range c {
		switch {
		case r < utf8.RuneSelf:
			b.WriteByte(asciiFold[r])
		case isInvisible(r):
			// dropped
		case unicode.IsSpace(r) || unicode.In(r, unicode.Zs, unicode.Zl, unicode.Zp, unicode.Cc):
			b.WriteByte(' ')
		case unicode.Is(unicode.Pd, r) || r == '\u2212' || r == '\u2043':
			b.WriteByte('-')
		case unicode.Is(unicode.Nd, r):
			b.WriteByte(byte('0' + digitValue(r)))
		case unicode.Is(unicode.Cherokee, r):
			// x/text folds Cherokee small letters to capitals and
			// capitals to small letters, so folding alone is not
			// idempotent; Unicode's CaseFolding.txt settles on capitals.
			b.WriteRune(unicode.ToUpper(r))
		default:
			if s, ok := letterFold[r]; ok {
				b.WriteString(s)
			} else {
				b.WriteRune(premap(r))
			}
		}
	}
	return norm.NFC.String(b.String())
}

// isInvisible reports whether r renders as nothing and so can be used to
// split an identifier without changing how it looks.
func isInvisible(r rune) bool {
	return unicode.In(r, unicode.Mn, unicode.Me, unicode.Cf, unicode.Co,
		unicode.Other_Default_Ignorable_Code_Point, unicode.Variation_Selector)
}

// digitValue returns the value of a decimal digit of any script. Unicode
// guarantees that decimal digits (Nd) come in contiguous runs starting at
// zero, so the value is the distance from the start of the run modulo 10
// (the mathematical digit block holds five runs back to back).
func digitValue(r rune) int {
	k := 0
	for k < 64 && unicode.Is(unicode.Nd, r-rune(k)-1) {
		k++
	}
	return k % 10
}

// premap folds a single character before decomposition: homoglyphs of
// Latin letters and digits, apostrophe and quote variants, and the acute
// accent and prime used as apostrophes (NFKD would otherwise turn ´ into a
// space plus a combining mark).
func premap(r rune) rune {
	if r < utf8.RuneSelf {
		return r
	}
	if m, ok := homoglyphs[r]; ok {
		return m
	}
	switch r {
	case '\u2018', '\u2019', '\u201a', '\u201b', '\u2032', '\u2035', '\u00b4',
		'\u02b9', '\u02bb', '\u02bc', '\u02bd', '\u02c8', '\uff07':
		return '\''
	case '\u201c', '\u201d', '\u201e', '\u201f', '\u2033', '\u00ab', '\u00bb', '\uff02':
		return '"'
	}
	return r
}
