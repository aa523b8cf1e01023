package pii

import (
	"regexp"
	"strings"
	"unicode/utf8"
)

// digitGroup is a maximal run of ASCII digits in the matching copy.
type digitGroup struct{ start, end int }

func (g digitGroup) len() int { return g.end - g.start }

// digitGroupsInto appends the digit groups of t to gs.
func digitGroupsInto(gs []digitGroup, t string) []digitGroup {
	for i := 0; i < len(t); {
		if !isDigit(t[i]) {
			i++
			continue
		}
		j := i + 1
		for j < len(t) && isDigit(t[j]) {
			j++
		}
		gs = append(gs, digitGroup{i, j})
		i = j
	}
	return gs
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// isAlnumAt reports whether the matching copy has a letter or digit at i.
// Out-of-range positions count as boundaries.
func isAlnumAt(t string, i int) bool {
	if i < 0 || i >= len(t) {
		return false
	}
	// An ASCII byte, as nearly every one is, is its own character.
	if c := t[i]; c < utf8.RuneSelf {
		return isWordByte(c)
	}
	_, word, _ := wordRuneAt(t, i)
	return word
}

// isAlnumBefore reports whether the character ending at i is a letter or
// digit.
func isAlnumBefore(t string, i int) bool {
	if i <= 0 || i > len(t) {
		return false
	}
	j := i - 1
	if c := t[j]; c < utf8.RuneSelf {
		return isWordByte(c)
	}
	for j > 0 && t[j]&0xC0 == 0x80 {
		j--
	}
	return isAlnumAt(t, j)
}

// idGap reports whether the text between two digit groups can sit inside
// one written identifier: up to three spaces, hyphens or dots, as in
// "943 476 5919", "943-476-5919", "943 - 476 - 5919" or "943--476--5919".
// Line breaks and non-breaking spaces have already become plain spaces.
func idGap(g string) bool {
	if len(g) == 0 || len(g) > 3 {
		return false
	}
	return strings.Trim(g, " -.") == ""
}

// phoneGap is idGap plus the brackets of "(0113) 496 0123" and
// "+44 (0)7700 900123".
func phoneGap(g string) bool {
	if len(g) == 0 || len(g) > 3 {
		return false
	}
	for i := 0; i < len(g); i++ {
		switch g[i] {
		case ' ', '-', '.', '(', ')':
		default:
			return false
		}
	}
	return true
}

// nhsContextWords make any 10-digit number near them an NHS number, even
// with a bad checksum (a typo in a real number is still a real number).
var nhsContextWords = wordSet(`nhs chi hospital patient`)

// numberWords weakly signal an identifier ("number 943…"); they count
// unless a product or commercial reference word is also near.
var numberWords = wordSet(`number no num nr`)

// notPersonRefWords mark a nearby number as a product, batch or
// commercial reference rather than a person's identifier.
var notPersonRefWords = wordSet(`lot batch serial ref reference invoice order tracking catalogue cat product code sku account acct card policy sort booking receipt transaction expiry exp udi gtin barcode`)

// tokensBetween returns the index range [i, j) of the tokens that lie
// inside [from, to) of the copy.
func (a *analysis) tokensBetween(from, to int) (i, j int) {
	if from < 0 {
		from = 0
	}
	i = a.tokenIndexAt(from)
	j = i
	for j < len(a.toks) && a.toks[j].end <= to {
		j++
	}
	return i, j
}

// hasWordNear reports whether a token from one of the lists c lies within
// before bytes before position start or within after bytes after position
// end.
func (a *analysis) hasWordNear(c wordClass, start, end, before, after int) bool {
	cls := a.classes()
	i, j := a.tokensBetween(start-before, start)
	for ; i < j; i++ {
		if cls[i].key&c != 0 {
			return true
		}
	}
	i, j = a.tokensBetween(end, end+after)
	for ; i < j; i++ {
		if cls[i].key&c != 0 {
			return true
		}
	}
	return false
}

// nhsContext decides whether the number at [start, end) is introduced as
// a person's number.
func (a *analysis) nhsContext(start, end int) bool {
	if a.hasWordNear(wcNHSContext, start, end, 40, 12) {
		return true
	}
	return a.hasWordNear(wcNumberWord, start, end, 20, 0) &&
		!a.hasWordNear(wcNotPersonRef, start, end, 30, 0)
}

// nhsLayout reports whether digit groups are laid out the way an NHS
// number is written: ten digits together, 3-3-4, or two or three groups
// of at least three digits (what 3-3-4 becomes when an invisible
// character stood in for a space, or a line break split it).
func nhsLayout(gs []digitGroup) bool {
	if len(gs) > 3 {
		return false
	}
	for _, g := range gs {
		if g.len() < 3 {
			return false
		}
	}
	return true
}

// detectNHS reports 10-digit NHS numbers. A number that passes the
// modulus-11 check is reported when it is laid out as NHS numbers are
// (see nhsLayout); any 10-digit number, valid or not and however grouped,
// is reported when a context word such as "NHS" is near, so typing errors
// in real numbers are still caught.
func detectNHS(a *analysis, gs []digitGroup, out []Span) []Span {
	t := a.n.Text
	for i := range gs {
		if isAlnumBefore(t, gs[i].start) {
			continue
		}
		total := 0
		for j := i; j < len(gs); j++ {
			if j > i && !idGap(t[gs[j-1].end:gs[j].start]) {
				break
			}
			total += gs[j].len()
			if total < 10 {
				continue
			}
			if total == 10 && !isAlnumAt(t, gs[j].end) {
				var b strings.Builder
				for k := i; k <= j; k++ {
					b.WriteString(t[gs[k].start:gs[k].end])
				}
				if nhsLayout(gs[i:j+1]) && nhsDigitsValid(b.String()) || a.nhsContext(gs[i].start, gs[j].end) {
					out = append(out, a.n.span(gs[i].start, gs[j].end, KindNHSNumber))
				}
			}
			break
		}
	}
	return out
}

// detectPhones reports UK telephone numbers in national form (10 or 11
// digits starting 01, 02, 03, 07, 08 or 09) or international form (+44,
// 0044, with or without the "(0)" trunk prefix), with any grouping.
// Validation is on the digits, not the layout, so "07700 900123",
// "0113-496-0123" and "+44 (0)7700 900 123" all qualify while decimals,
// times and doses never reach ten digits.
func detectPhones(a *analysis, gs []digitGroup, out []Span) []Span {
	t := a.n.Text
	for i := 0; i < len(gs); i++ {
		g := gs[i]
		if isAlnumBefore(t, g.start) {
			continue
		}
		plus := g.start > 0 && t[g.start-1] == '+'
		first := t[g.start:g.end]
		if !plus && (first[0] != '0' || first == "0") {
			continue
		}
		var digits strings.Builder
		best := -1
		for j := i; j < len(gs); j++ {
			if j > i && !phoneGap(t[gs[j-1].end:gs[j].start]) {
				break
			}
			digits.WriteString(t[gs[j].start:gs[j].end])
			if digits.Len() > 15 {
				break
			}
			if !isAlnumAt(t, gs[j].end) && validPhoneDigits(digits.String(), plus) {
				best = j
			}
		}
		if best < 0 {
			continue
		}
		start := g.start
		if plus {
			start--
		} else if start > 0 && t[start-1] == '(' && strings.Contains(t[start:gs[best].end], ")") {
			start--
		}
		out = append(out, a.n.span(start, gs[best].end, KindPhone))
		i = best
	}
	return out
}

// validPhoneDigits reports whether d is a plausible UK number. plus says
// the digits followed a '+'.
func validPhoneDigits(d string, plus bool) bool {
	switch {
	case plus:
		if !strings.HasPrefix(d, "44") {
			return false
		}
		return validNSN(d[2:])
	case strings.HasPrefix(d, "0044"):
		return validNSN(d[4:])
	case len(d) == 10 || len(d) == 11:
		return d[0] == '0' && strings.IndexByte("123789", d[1]) >= 0
	}
	return false
}

// validNSN checks a national significant number, tolerating the "(0)"
// trunk digit people keep after +44.
func validNSN(n string) bool {
	n = strings.TrimPrefix(n, "0")
	return (len(n) == 9 || len(n) == 10) && strings.IndexByte("123789", n[0]) >= 0
}

// Registration formats, checked against the regulators' published
// layouts: GMC reference numbers are 7 digits (an "L" prefix marks older
// limited registrations, "C" the consultant code built on it); NMC PINs
// are two digits, a letter, four digits and a letter ("12A3456E"); GDC
// numbers are 3 to 6 digits; GPhC numbers are 7 digits; HCPC numbers are
// two or three letters and up to six digits ("PH123456").
var (
	reGMC     = regexp.MustCompile(`^(?:[lc]?\d{7}|l\d{6})$`)
	reNMC     = regexp.MustCompile(`^\d{2}[a-z]\d{4}[a-z]$`)
	reGDC     = regexp.MustCompile(`^\d{3,6}$`)
	reGPhC    = regexp.MustCompile(`^\d{7}$`)
	reHCPC    = regexp.MustCompile(`^[a-z]{2,3}\d{4,6}$`)
	reGeneric = regexp.MustCompile(`^(?:\d{5,8}|\d{2}[a-z]\d{4}[a-z]|[a-z]{2,3}\d{4,6}|[lc]\d{6,7})$`)
)

// registryFormat maps a register keyword to the layout of its numbers.
var registryFormat = map[string]*regexp.Regexp{
	"gmc": reGMC, "nmc": reNMC, "pin": reNMC, "gdc": reGDC, "gphc": reGPhC,
	"hcpc": reHCPC, "registration": reGeneric, "reg": reGeneric,
	"registered": reGeneric, "licence": reGeneric, "license": reGeneric,
}

// registrationFiller are words that may sit between a register keyword and
// the number: "GMC reference number: 1234567".
var registrationFiller = wordSet(`no number num nr ref reference reg registration registered pin code id is was with the their his her under gmc nmc gdc gphc hcpc uk my our of`)

// detectRegistrations reports practitioner registration numbers written
// after (or just before) a register keyword, and NMC PINs anywhere: the
// PIN layout is distinctive enough on its own, except next to a batch or
// lot keyword.
func detectRegistrations(a *analysis, out []Span) []Span {
	toks := a.toks
	for i, tk := range toks {
		if a.keyIs(i, wcRegistry) {
			re := registryFormat[tk.key]
			for j := i + 1; j < len(toks) && j <= i+5 && toks[j].start-tk.end <= 40; j++ {
				if a.keyIs(j, wcRegistrationFiller) && !re.MatchString(toks[j].key) {
					continue
				}
				if re.MatchString(toks[j].key) {
					out = append(out, a.n.span(toks[j].start, toks[j].end, KindRegistration))
				}
				break
			}
			// "1234567 (GMC)"
			if i > 0 && tk.start-toks[i-1].end <= 3 && re.MatchString(toks[i-1].key) && toks[i-1].digit {
				out = append(out, a.n.span(toks[i-1].start, toks[i-1].end, KindRegistration))
			}
			continue
		}
		// An NMC PIN is eight characters long (reNMC); the length rules
		// out nearly every other token without running the expression.
		if tk.digit && tk.alpha && len(tk.key) == 8 && reNMC.MatchString(tk.key) &&
			!a.hasWordNear(wcNotPersonRef, tk.start, tk.end, 25, 0) {
			out = append(out, a.n.span(tk.start, tk.end, KindRegistration))
		}
	}
	return out
}

// National Insurance numbers: two prefix letters, six digits and a suffix
// A–D (HMRC NIM39110). D, F, I, Q, U and V are never used in the prefix,
// O is never the second letter, and BG, GB, KN, NK, NT, TN and ZZ are not
// allocated. The suffix may be left off when a context word is present.
var (
	reNINO       = regexp.MustCompile(`\b([abceghj-prstw-z][abceghj-nprstw-z])[ -]?(\d{2})[ -]?(\d{2})[ -]?(\d{2})(?:[ -]?([a-d]))?\b`)
	ninoBanned   = wordSet(`bg gb kn nk nt tn zz`)
	ninoContexts = wordSet(`ni nino insurance nics`)
)

// patNINO is reNINO as findIn runs it: it starts with a two-letter prefix
// and three pairs of digits, each after at most a space or a hyphen. The
// space or hyphen cannot be left to the next pair, which starts with a
// digit, so the test is exact.
var patNINO = newPattern(reNINO, "abceghjklmnoprstwxyz", func(w string, i int) bool {
	if i+2 >= len(w) || !ninoFirst(w[i]) || !ninoSecond(w[i+1]) || !wordStart(w, i) {
		return false
	}
	j := i + 2
	for range 3 {
		if j < len(w) && (w[j] == ' ' || w[j] == '-') {
			j++
		}
		if j+1 >= len(w) || !isDigit(w[j]) || !isDigit(w[j+1]) {
			return false
		}
		j += 2
	}
	return true
}).bounded(24).matchedBy(matchNINO)

// ninoFirst and ninoSecond report whether c can be the first or the second
// letter of a National Insurance number's prefix ([abceghj-prstw-z] and
// [abceghj-nprstw-z] in reNINO).
func ninoFirst(c byte) bool {
	return c >= 'a' && c <= 'z' && strings.IndexByte("dfiquv", c) < 0
}

func ninoSecond(c byte) bool {
	return c >= 'a' && c <= 'z' && strings.IndexByte("dfioquv", c) < 0
}

func detectNINumbers(a *analysis, out []Span) []Span {
	t := a.n.Text
	// Six digits are needed, in one token or in pairs.
	if !a.anyDigitToken() {
		return out // no anchors
	}
	anchors := a.tokenAnchors(func(tk *token) bool { return tk.digit && (len(tk.text) == 2 || len(tk.text) >= 6) })
	for _, m := range a.findIn(patNINO, a.windowsAround(anchors, 4, 16)) {
		if ninoBanned[t[m[2]:m[3]]] {
			continue
		}
		if m[10] < 0 && !a.hasWordNear(wcNINOContext, m[0], m[1], 30, 0) {
			continue
		}
		out = append(out, a.n.span(m[0], m[1], KindNINumber))
	}
	return out
}
