package pii

import (
	"unicode"
	"unicode/utf8"
)

// token is a word of the matching copy: a run of letters and digits, with
// an apostrophe or hyphen allowed between two letters so that "o'neill",
// "smith-jones" and "jane's" stay whole.
type token struct {
	start, end int    // byte range in Normalized.Text
	text       string // the token as it appears in the copy
	key        string // text without apostrophes and hyphens
	alpha      bool   // contains a letter
	digit      bool   // contains a digit
}

// shape is the capitalisation of a token in the original text. The
// matching copy is case-folded, so casing is read back from the original
// through the offset map.
type shape uint8

const (
	shapeNone  shape = iota // no letters
	shapeLower              // starts with a small letter
	shapeTitle              // capital then small letters ("Jane", "McDonald"), or a lone capital
	shapeUpper              // two or more letters, all capitals ("JANE")
)

// analysis holds what every detector needs to know about one text: its
// matching copy, tokens, and whether its author used capitals
// meaningfully.
type analysis struct {
	n    *Normalized
	toks []token
	// caseKnown says whether informative holds the result of
	// caseInformative, which is computed when first needed.
	caseKnown, informative bool
	// sc holds reusable buffers, or is nil.
	sc *scratch
	// cls holds the word classes of toks once classes has worked them
	// out and set clsKnown; until then it may hold a buffer to reuse.
	cls      []tokenClass
	clsKnown bool
	// digitTokens counts the tokens with digit set, worked out with cls.
	digitTokens int
	// wins and anchors are the detectors' window and anchor buffers (see
	// claimWindows and anchorBuf).
	wins    []window
	anchors []int
	// groups is the buffer for digitGroups.
	groups []digitGroup
}

func analyze(n *Normalized) *analysis {
	return &analysis{n: n, toks: tokenize(n.Text)}
}

// analyzeWith is analyze using the buffers of sc, which the analysis
// keeps for its projections.
func analyzeWith(n *Normalized, sc *scratch) *analysis {
	sc.toks = tokenizeInto(sc.toks[:0], n.Text)
	// The analysis itself lives in sc too: a scan has one at a time.
	sc.a = analysis{n: n, toks: sc.toks, sc: sc}
	sc.lend(&sc.a)
	return &sc.a
}

// analyzeJoined is analyze for the copy with line breaks joined (see
// scanWith), using the buffers of sc for its tokens and its detectors. The
// analysis does not refer to sc: the Matcher uses sc's buffers only for
// the plain copy.
func analyzeJoined(n *Normalized, sc *scratch) *analysis {
	sc.jtoks = tokenizeInto(sc.jtoks[:0], n.Text)
	sc.ja = analysis{n: n, toks: sc.jtoks}
	sc.lend(&sc.ja)
	return &sc.ja
}

// caseInformative reports whether the original mixes capitals and small
// letters the way ordinary prose does. In an all-capitals or
// all-lower-case text, casing says nothing about whether a word is a
// name, so case-dependent rules fall back to word lists. The answer is
// worked out on first use: a scan for known identifiers alone rarely
// needs it.
func (a *analysis) caseInformative() bool {
	if a.caseKnown {
		return a.informative
	}
	// Count words by shape. Prose has mostly lower-case words and some
	// capitalised ones; text typed in capitals, or entirely in lower
	// case, has no usable casing. One identifier written in capitals
	// inside ordinary prose leaves the text informative.
	//
	// Reading each word's shape from the original is most of the cost,
	// and in a long text the answer is settled well before the end: the
	// counts only grow, each remaining token adds at most one, so once
	// lower+title leads upper by more than the tokens left (with lower
	// and title+upper already positive), or trails it by at least that
	// many, no remaining token can change the answer.
	upper, lower, title := 0, 0, 0
	for i, t := range a.toks {
		if !t.alpha || t.digit || len(t.text) < 2 {
			continue
		}
		switch a.shapeOf(t) {
		case shapeUpper:
			upper++
		case shapeLower:
			lower++
		case shapeTitle:
			title++
		}
		left := len(a.toks) - 1 - i
		if lower > 0 && title+upper > 0 && lower+title > upper+left {
			break
		}
		if lower+title+left <= upper {
			break
		}
	}
	a.informative = lower > 0 && title+upper > 0 && lower+title > upper
	a.caseKnown = true
	return a.informative
}

// isWordByte reports whether the ASCII byte c can be part of a token.
func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= '0' && c <= '9'
}

// wordRuneAt decodes the rune at i and reports whether it is a word rune
// and whether it is a letter.
func wordRuneAt(s string, i int) (size int, word, letter bool) {
	c := s[i]
	if c < utf8.RuneSelf {
		return 1, isWordByte(c), c >= 'a' && c <= 'z'
	}
	r, sz := utf8.DecodeRuneInString(s[i:])
	l := unicode.IsLetter(r)
	return sz, l || unicode.IsDigit(r) || unicode.Is(unicode.Mc, r), l
}

func tokenize(s string) []token {
	return tokenizeInto(make([]token, 0, len(s)/5+1), s)
}

// tokenizeInto appends the tokens of s to toks.
func tokenizeInto(toks []token, s string) []token {
	for i := 0; i < len(s); {
		// ASCII bytes, nearly all of a matching copy, are classified
		// here rather than through wordRuneAt, with the same result.
		if c := s[i]; c < utf8.RuneSelf && !isWordByte(c) {
			i++
			continue
		}
		sz, word, _ := wordRuneAt(s, i)
		if !word {
			i += sz
			continue
		}
		start := i
		alpha, digit := false, false
		prevLetter := false
		joined := false // an apostrophe or hyphen was taken in
		for i < len(s) {
			if c := s[i]; c < utf8.RuneSelf && isWordByte(c) {
				letter := c >= 'a' // a small letter, not a digit
				alpha = alpha || letter
				digit = digit || !letter
				prevLetter = letter
				i++
				continue
			}
			sz, word, letter := wordRuneAt(s, i)
			if word {
				alpha = alpha || letter
				digit = digit || !letter
				prevLetter = letter
				i += sz
				continue
			}
			// An apostrophe or hyphen joins two letters.
			if (s[i] == '\'' || s[i] == '-') && prevLetter && i+1 < len(s) {
				if _, w, l := wordRuneAt(s, i+1); w && l {
					i++
					joined = true
					continue
				}
			}
			break
		}
		text := s[start:i]
		key := text
		// Word runes are never an apostrophe or a hyphen, so the text holds
		// one exactly when one was taken in as a joiner.
		if joined {
			key = stripJoiners(text)
		}
		toks = append(toks, token{start: start, end: i, text: text, key: key, alpha: alpha, digit: digit})
	}
	return toks
}

// stripJoiners returns s without its apostrophes and hyphens.
func stripJoiners(s string) string {
	b := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		if s[i] != '\'' && s[i] != '-' {
			b = append(b, s[i])
		}
	}
	return string(b)
}

// shapeOf reads the capitalisation of t from the original text.
func (a *analysis) shapeOf(t token) shape {
	os, oe := a.n.Original(t.start, t.end)
	first := true
	firstUpper := false
	letters, upper, lower := 0, 0, 0
	o := a.n.orig[os:oe]
	ascii := true
	for i := 0; i < len(o); i++ {
		c := o[i]
		switch {
		case c >= utf8.RuneSelf:
			ascii = false
		case c >= 'A' && c <= 'Z':
			letters++
			upper++
			if first {
				firstUpper, first = true, false
			}
		case c >= 'a' && c <= 'z':
			letters++
			lower++
			if first {
				firstUpper, first = false, false
			}
		}
		if !ascii {
			break
		}
	}
	if ascii {
		return shapeFrom(letters, upper, lower, firstUpper)
	}
	first, firstUpper = true, false
	letters, upper, lower = 0, 0, 0
	for _, r := range o {
		if !unicode.IsLetter(r) {
			continue
		}
		letters++
		u := unicode.IsUpper(r)
		if u {
			upper++
		} else if unicode.IsLower(r) {
			lower++
		}
		if first {
			firstUpper = u
			first = false
		}
	}
	return shapeFrom(letters, upper, lower, firstUpper)
}

// shapeFrom classifies a word by its letter counts and first letter.
func shapeFrom(letters, upper, lower int, firstUpper bool) shape {
	switch {
	case letters == 0:
		return shapeNone
	case !firstUpper:
		return shapeLower
	case letters == 1 || lower > 0:
		return shapeTitle
	case upper == letters:
		return shapeUpper
	}
	return shapeTitle
}

// capitalised reports whether t is written the way a proper noun is in
// this text: a capital initial in ordinary prose, anything at all in text
// whose casing carries no information.
func (a *analysis) capitalised(t token) bool {
	if !a.caseInformative() {
		return true
	}
	s := a.shapeOf(t)
	return s == shapeTitle || s == shapeUpper
}

// gap returns the matching-copy text between tokens i and j (i < j).
func (a *analysis) gap(i, j int) string {
	return a.n.Text[a.toks[i].end:a.toks[j].start]
}

// tokenIndexAt returns the index of the first token starting at or after
// byte offset off of the matching copy.
func (a *analysis) tokenIndexAt(off int) int {
	lo, hi := 0, len(a.toks)
	for lo < hi {
		m := (lo + hi) / 2
		if a.toks[m].start < off {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo
}
