package pii

import (
	"regexp"
	"strconv"
	"strings"
)

// monthAlt matches any English month name or abbreviation in the
// matching copy.
const monthAlt = `(?:january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)`

// Date patterns, day first as UK writers use them. Each is validated in
// code (day 1–31, month 1–12, plausible year) so that versions, decimals
// and ratios do not pass.
var (
	// A separator is '/', '.' or '-', or a space where a line break
	// replaced one; at least one real separator is required, and two
	// real ones must agree.
	reDateNumeric = regexp.MustCompile(`\b(\d{1,2})([/.\-] ?| )(\d{1,2})([/.\-] ?| )(\d{4}|\d{2})\b`)
	reDateISO     = regexp.MustCompile(`\b(\d{4})([/.\-] ?| )(\d{1,2})([/.\-] ?| )(\d{1,2})\b`)
	// "3rd May 2024", "3 May", "3rd of May '24", "03-may-2024".
	reDateDMY = regexp.MustCompile(`\b(\d{1,2})(st|nd|rd|th)?(?: of)?[ \-/.]?(` + monthAlt + `)\b\.?(?:,?[ \-/.]?(?:'(\d{2})|(\d{4}))\b)?`)
	// "May 3rd", "May 3, 2024", "May 3rd '24".
	reDateMDY = regexp.MustCompile(`\b(` + monthAlt + `)\.? (\d{1,2})(st|nd|rd|th)?\b(?:,? (?:'(\d{2})|(\d{4}))\b)?`)
	// "May 2024", "May '24".
	reDateMY = regexp.MustCompile(`\b(` + monthAlt + `)\.?,? (?:'(\d{2})|(\d{4}))\b`)
	// "on 14/05": day and month without a year, only after a preposition
	// that makes the date reading certain.
	reDateDM = regexp.MustCompile(`\b(?:` + dateDMWords + `) (\d{1,2})/(\d{1,2})\b`)
)

// dateDMWords are the prepositions reDateDM accepts before a day and month.
const dateDMWords = `on|dated|since|from|until|till`

// dateDMPrefixes are dateDMWords, each with the space that follows it.
var dateDMPrefixes = strings.Split(strings.ReplaceAll(dateDMWords, "|", " |")+" ", "|")

// The date patterns as findIn runs them, each with the cheapest exact test
// of where it can start (see pattern), and a bound on the length of a
// match well above the longest one the expression allows.
var (
	// One or two digits, then a separator and a digit: a longer run of
	// digits leaves \d{1,2} followed by a digit.
	patDateNumeric = newPattern(reDateNumeric, digitBytes, func(w string, i int) bool {
		e := runEnd(w, i, isDigit)
		return e-i <= 2 && wordStart(w, i) && dateSepDigit(w, e)
	}).bounded(32).matchedBy(matchDateNumeric)
	// Exactly four digits, then a separator and a digit.
	patDateISO = newPattern(reDateISO, digitBytes, func(w string, i int) bool {
		e := runEnd(w, i, isDigit)
		return e-i == 4 && wordStart(w, i) && dateSepDigit(w, e)
	}).bounded(32).matchedBy(matchDateISO)
	// One or two digits, then the month name, at most six bytes on: an
	// ordinal, " of" and a separator are all that can come between.
	patDateDMY = newPattern(reDateDMY, digitBytes, func(w string, i int) bool {
		e := runEnd(w, i, isDigit)
		if e-i > 2 || !wordStart(w, i) {
			return false
		}
		for k := e; k <= e+6 && k < len(w); k++ {
			if hasMonthPrefix(w[k:]) {
				return true
			}
		}
		return false
	}).bounded(40).matchedBy(matchDateDMY)
	// A month name, all of a run of letters, then an optional full stop
	// and comma, a space, and a digit or an apostrophe.
	patDateMDY = newPattern(reDateMDY, "adfjmnos", monthThenNumber).bounded(40).matchedBy(matchDateMDY)
	patDateMY  = newPattern(reDateMY, "adfjmnos", monthThenNumber).bounded(40).matchedBy(matchDateMY)
	patDateDM  = newPattern(reDateDM, firstBytes(dateDMPrefixes), func(w string, i int) bool {
		return wordStart(w, i) && hasAnyPrefix(w[i:], dateDMPrefixes)
	}).bounded(32).matchedBy(matchDateDM)
)

// dateSepDigit reports whether a numeric date's separator ("/", ".", "-",
// any of them followed by a space, or a space) starts at byte e of w, with
// a digit after it.
func dateSepDigit(w string, e int) bool {
	if e >= len(w) {
		return false
	}
	switch w[e] {
	case '/', '.', '-':
		e++
		if e < len(w) && w[e] == ' ' {
			e++
		}
	case ' ':
		e++
	default:
		return false
	}
	return e < len(w) && isDigit(w[e])
}

// hasMonthPrefix reports whether s starts with the first three letters of
// a month name, as every month name and abbreviation does.
func hasMonthPrefix(s string) bool {
	if len(s) < 3 {
		return false
	}
	switch s[:3] {
	case "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec":
		return true
	}
	return false
}

// monthThenNumber reports whether a word starting at byte i of w is a
// whole month name followed by what reDateMDY and reDateMY need next. In
// both, the month name is followed by '.', ',' or ' ', so it must take the
// whole run of letters.
func monthThenNumber(w string, i int) bool {
	if !wordStart(w, i) {
		return false
	}
	e := runEnd(w, i, func(c byte) bool { return c >= 'a' && c <= 'z' })
	if months[w[i:e]] == 0 {
		return false
	}
	if e < len(w) && w[e] == '.' {
		e++
	}
	if e < len(w) && w[e] == ',' {
		e++
	}
	return e+1 < len(w) && w[e] == ' ' && (isDigit(w[e+1]) || w[e+1] == '\'')
}

// dateWeakMonths are month names that are also common English words;
// they only count as a date with a year, an ordinal, a capital letter in
// prose, or a preceding date preposition ("you may 3…" is not a date).
var dateWeakMonths = wordSet(`may mar`)

// datePrepositions make a following day-month reading certain.
var datePrepositions = wordSet(`on from since until till by before after dated between and of`)

func atoi(s string) int {
	n, err := strconv.Atoi(s)
	if err != nil {
		return -1
	}
	return n
}

// dateSeps checks the two separators of a numeric date.
func dateSeps(a, b string) bool {
	a, b = strings.TrimSpace(a), strings.TrimSpace(b)
	switch {
	case a == "" && b == "":
		return false
	case a == "" || b == "":
		return true
	}
	return a == b
}

func validDay(d int) bool   { return d >= 1 && d <= 31 }
func validMonth(m int) bool { return m >= 1 && m <= 12 }
func validYear4(y int) bool { return y >= 1900 && y <= 2099 }

// sub returns the submatch i of m in t, or "" if it did not take part.
func sub(t string, m []int, i int) string {
	if m[2*i] < 0 {
		return ""
	}
	return t[m[2*i]:m[2*i+1]]
}

func detectDates(a *analysis, gs []digitGroup, out []Span) []Span {
	t := a.n.Text
	// Numeric dates need two digit groups close together; written dates
	// need a month name.
	numAnchors := a.anchorBuf()
	for i := 1; i < len(gs); i++ {
		if gs[i].start-gs[i-1].end <= 2 {
			numAnchors = append(numAnchors, gs[i-1].start)
		}
	}
	numAnchors = a.keepAnchors(numAnchors)
	numeric := a.windowsAround(numAnchors, 0, 16)
	monthly := a.windowsAround(a.classAnchors(wcMonth), 16, 24)
	// A regular expression can only match inside a window that holds the
	// digits it needs, so windows without them are skipped: a numeric
	// date needs three runs of digits, an ISO date one of at least four
	// among them, and every written date at least one digit.
	numeric = a.windowsWith(numeric, func(w string) bool { runs, _ := digitRuns(w); return runs >= 3 })
	iso := a.windowsWith(numeric, func(w string) bool { _, longest := digitRuns(w); return longest >= 4 })
	monthly = a.windowsWith(monthly, func(w string) bool { runs, _ := digitRuns(w); return runs >= 1 })
	for _, m := range a.findIn(patDateNumeric, numeric) {
		d, mo, y := atoi(sub(t, m, 1)), atoi(sub(t, m, 3)), sub(t, m, 5)
		if !dateSeps(sub(t, m, 2), sub(t, m, 4)) || !validDay(d) || !validMonth(mo) {
			continue
		}
		if len(y) == 4 && !validYear4(atoi(y)) {
			continue
		}
		out = append(out, a.n.span(m[0], m[1], KindDate))
	}
	for _, m := range a.findIn(patDateISO, iso) {
		y, mo, d := atoi(sub(t, m, 1)), atoi(sub(t, m, 3)), atoi(sub(t, m, 5))
		if !dateSeps(sub(t, m, 2), sub(t, m, 4)) || !validYear4(y) || !validMonth(mo) || !validDay(d) {
			continue
		}
		out = append(out, a.n.span(m[0], m[1], KindDate))
	}
	for _, m := range a.findIn(patDateDMY, monthly) {
		if !validDay(atoi(sub(t, m, 1))) {
			continue
		}
		end := m[1]
		hasYear := m[8] >= 0 || m[10] >= 0
		if m[10] >= 0 && !validYear4(atoi(sub(t, m, 5))) {
			// "3 May 1500 IU": keep the date, leave the number.
			end, hasYear = m[7], false
		}
		if !a.monthOK(m[0], m[6], m[7], hasYear || m[4] >= 0) {
			continue
		}
		out = append(out, a.n.span(m[0], end, KindDate))
	}
	for _, m := range a.findIn(patDateMDY, monthly) {
		if !validDay(atoi(sub(t, m, 2))) {
			continue
		}
		end := m[1]
		hasYear := m[8] >= 0 || m[10] >= 0
		if m[10] >= 0 && !validYear4(atoi(sub(t, m, 5))) {
			end, hasYear = m[5], false
			if m[6] >= 0 {
				end = m[7]
			}
		}
		if !a.monthOK(m[0], m[2], m[3], hasYear || m[6] >= 0) {
			continue
		}
		out = append(out, a.n.span(m[0], end, KindDate))
	}
	for _, m := range a.findIn(patDateMY, monthly) {
		if m[6] >= 0 && !validYear4(atoi(sub(t, m, 3))) {
			continue
		}
		out = append(out, a.n.span(m[0], m[1], KindDate))
	}
	for _, m := range a.findIn(patDateDM, a.windowsAround(a.byteAnchors('/'), 12, 4)) {
		if !validDay(atoi(sub(t, m, 1))) || !validMonth(atoi(sub(t, m, 2))) {
			continue
		}
		// "from 1/2 syringe" is a fraction, not a date.
		if k := a.tokenIndexAt(m[1]); k < len(a.toks) && clinicalWords[a.toks[k].key] && a.toks[k].start-m[1] <= 1 {
			continue
		}
		out = append(out, a.n.span(m[2], m[1], KindDate))
	}
	return out
}

// digitRuns counts the maximal runs of ASCII digits in w and returns the
// length of the longest.
func digitRuns(w string) (runs, longest int) {
	n := 0
	for i := 0; i < len(w); i++ {
		if isDigit(w[i]) {
			if n == 0 {
				runs++
			}
			n++
			longest = max(longest, n)
		} else {
			n = 0
		}
	}
	return runs, longest
}

// monthOK decides whether the month word at [ms, me) really names a month.
// Unambiguous month names always do. "May" and "Mar" do only when strong
// evidence is present (a year or ordinal, passed in as strong), when the
// word is capitalised in prose, or when a date preposition precedes the
// date starting at dateStart.
func (a *analysis) monthOK(dateStart, ms, me int, strong bool) bool {
	w := a.n.Text[ms:me]
	if strong || !dateWeakMonths[w] {
		return true
	}
	if a.caseInformative() {
		if k := a.tokenIndexAt(ms); k < len(a.toks) && a.toks[k].start == ms && a.shapeOf(a.toks[k]) == shapeTitle {
			return true
		}
	}
	if k := a.tokenIndexAt(dateStart) - 1; k >= 0 && datePrepositions[a.toks[k].key] {
		return true
	}
	return false
}
