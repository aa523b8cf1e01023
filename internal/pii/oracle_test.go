// Code generated from the detectors at main; DO NOT EDIT.

// The detectors as they were before the hand-written matchers, kept
// verbatim (every top-level name prefixed with "oracle") so that tests
// can prove the new ones report exactly the same spans.

package pii

import (
	"regexp"
	"sort"
	"strconv"
	"strings"
)

type oracleWindow struct{ start, end int }

func (a *analysis) oracleWindowsAround(anchors []int, before, after int) []oracleWindow {
	if len(anchors) == 0 {
		return nil
	}
	sort.Ints(anchors)
	t := a.n.Text
	var ws []oracleWindow
	for _, p := range anchors {
		s, e := p-before, p+after
		if s < 0 {
			s = 0
		}
		if e > len(t) {
			e = len(t)
		}
		for s > 0 && oracleIsAlnumBefore(t, s) {
			s--
		}
		for e < len(t) && oracleIsAlnumAt(t, e) {
			e++
		}
		for s > 0 && s < len(t) && t[s]&0xC0 == 0x80 {
			s--
		}
		if n := len(ws); n > 0 && s <= ws[n-1].end {
			if e > ws[n-1].end {
				ws[n-1].end = e
			}
			continue
		}
		ws = append(ws, oracleWindow{s, e})
	}
	return ws
}

func (a *analysis) oracleToSpace(ws []oracleWindow) []oracleWindow {
	t := a.n.Text
	for i := range ws {
		for ws[i].end < len(t) && t[ws[i].end] != ' ' {
			ws[i].end++
		}
	}
	out := ws[:0]
	for _, w := range ws {
		if n := len(out); n > 0 && w.start <= out[n-1].end {
			if w.end > out[n-1].end {
				out[n-1].end = w.end
			}
			continue
		}
		out = append(out, w)
	}
	return out
}

func (a *analysis) oracleWindowsWith(ws []oracleWindow, keep func(w string) bool) []oracleWindow {
	var out []oracleWindow
	for _, w := range ws {
		if keep(a.n.Text[w.start:w.end]) {
			out = append(out, w)
		}
	}
	return out
}

func (a *analysis) oracleFindIn(re *regexp.Regexp, ws []oracleWindow) [][]int {
	var out [][]int
	for _, w := range ws {
		for _, m := range re.FindAllStringSubmatchIndex(a.n.Text[w.start:w.end], -1) {
			for i := range m {
				if m[i] >= 0 {
					m[i] += w.start
				}
			}
			out = append(out, m)
		}
	}
	return out
}

func (a *analysis) oracleTokenAnchors(keep func(t token) bool) []int {
	var out []int
	for _, t := range a.toks {
		if keep(t) {
			out = append(out, t.start)
		}
	}
	return out
}

func oracleByteAnchors(t string, c byte) []int {
	var out []int
	for i := 0; i < len(t); i++ {
		if t[i] == c {
			out = append(out, i)
		}
	}
	return out
}

const oracleMonthAlt = `(?:january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)`

var (
	oracleReDateNumeric = regexp.MustCompile(`\b(\d{1,2})([/.\-] ?| )(\d{1,2})([/.\-] ?| )(\d{4}|\d{2})\b`)
	oracleReDateISO     = regexp.MustCompile(`\b(\d{4})([/.\-] ?| )(\d{1,2})([/.\-] ?| )(\d{1,2})\b`)
	oracleReDateDMY     = regexp.MustCompile(`\b(\d{1,2})(st|nd|rd|th)?(?: of)?[ \-/.]?(` + oracleMonthAlt + `)\b\.?(?:,?[ \-/.]?(?:'(\d{2})|(\d{4}))\b)?`)
	oracleReDateMDY     = regexp.MustCompile(`\b(` + oracleMonthAlt + `)\.? (\d{1,2})(st|nd|rd|th)?\b(?:,? (?:'(\d{2})|(\d{4}))\b)?`)
	oracleReDateMY      = regexp.MustCompile(`\b(` + oracleMonthAlt + `)\.?,? (?:'(\d{2})|(\d{4}))\b`)
	oracleReDateDM      = regexp.MustCompile(`\b(?:on|dated|since|from|until|till) (\d{1,2})/(\d{1,2})\b`)
) // A separator is '/', '.' or '-', or a space where a line break
// replaced one; at least one real separator is required, and two
// real ones must agree.
// "on 14/05": day and month without a year, only after a preposition
// that makes the date reading certain.

var oracleDateWeakMonths = wordSet(`may mar`)

var oracleDatePrepositions = wordSet(`on from since until till by before after dated between and of`)

func oracleAtoi(s string) int {
	n, err := strconv.Atoi(s)
	if err != nil {
		return -1
	}
	return n
}

func oracleDateSeps(a, b string) bool {
	a, b = strings.TrimSpace(a), strings.TrimSpace(b)
	switch {
	case a == "" && b == "":
		return false
	case a == "" || b == "":
		return true
	}
	return a == b
}

func oracleValidDay(d int) bool {
	return d >= 1 && d <= 31
}

func oracleValidMonth(m int) bool {
	return m >= 1 && m <= 12
}

func oracleValidYear4(y int) bool {
	return y >= 1900 && y <= 2099
}

func oracleSub(t string, m []int, i int) string {
	if m[2*i] < 0 {
		return ""
	}
	return t[m[2*i]:m[2*i+1]]
}

func oracleDetectDates(a *analysis, gs []oracleDigitGroup, out []Span) []Span {
	t := a.n.Text
	var numAnchors []int // Numeric dates need two digit groups close together; written dates
	// need a month name.

	for i := 1; i < len(gs); i++ {
		if gs[i].start-gs[i-1].end <= 2 {
			numAnchors = append(numAnchors, gs[i-1].start)
		}
	}
	numeric := a.oracleWindowsAround(numAnchors, 0, 16)
	monthly := a.oracleWindowsAround(a.oracleTokenAnchors(func(t token) bool {
		return months[t.key] != 0
	}), 16, 24)
	numeric = a.oracleWindowsWith(numeric, func(w string) bool {
		runs, _ := oracleDigitRuns(w)
		return runs >= 3
	})
	iso := a.oracleWindowsWith(numeric, func(w string) bool {
		_, longest := oracleDigitRuns(w)
		return longest >= 4
	})
	monthly = a.oracleWindowsWith(monthly, func(w string) bool {
		runs, _ := oracleDigitRuns(w)
		return runs >= 1
	})
	for _, m := range a.oracleFindIn(oracleReDateNumeric, numeric) {
		d, mo, y := oracleAtoi(oracleSub(t, m, 1)), oracleAtoi(oracleSub(t, m, 3)), oracleSub(t, m, 5)
		if !oracleDateSeps(oracleSub(t, m, 2), oracleSub(t, m, 4)) || !oracleValidDay(d) || !oracleValidMonth(mo) {
			continue
		}
		if len(y) == 4 && !oracleValidYear4(oracleAtoi(y)) {
			continue
		}
		out = append(out, a.n.span(m[0], m[1], KindDate))
	}
	for _, m := range a.oracleFindIn(oracleReDateISO, iso) {
		y, mo, d := oracleAtoi(oracleSub(t, m, 1)), oracleAtoi(oracleSub(t, m, 3)), oracleAtoi(oracleSub(t, m, 5))
		if !oracleDateSeps(oracleSub(t, m, 2), oracleSub(t, m, 4)) || !oracleValidYear4(y) || !oracleValidMonth(mo) || !oracleValidDay(d) {
			continue
		}
		out = append(out, a.n.span(m[0], m[1], KindDate))
	}
	for _, m := range a.oracleFindIn(oracleReDateDMY, monthly) {
		if !oracleValidDay(oracleAtoi(oracleSub(t, m, 1))) {
			continue
		}
		end := m[1]
		hasYear := m[8] >= 0 || m[10] >= 0
		if m[10] >= 0 && !oracleValidYear4(oracleAtoi(oracleSub(t, m, 5))) {
			end, hasYear = m[7], false
		}
		if !a.oracleMonthOK(m[0], m[6], m[7], hasYear || m[4] >= 0) {
			continue
		}
		out = append(out, a.n.span(m[0], end, KindDate))
	}
	for _, m := range a.oracleFindIn(oracleReDateMDY, monthly) {
		if !oracleValidDay(oracleAtoi(oracleSub(t, m, 2))) {
			continue
		}
		end := m[1]
		hasYear := m[8] >= 0 || m[10] >= 0
		if m[10] >= 0 && !oracleValidYear4(oracleAtoi(oracleSub(t, m, 5))) {
			end, hasYear = m[5], false
			if m[6] >= 0 {
				end = m[7]
			}
		}
		if !a.oracleMonthOK(m[0], m[2], m[3], hasYear || m[6] >= 0) {
			continue
		}
		out = append(out, a.n.span(m[0], end, KindDate))
	}
	for _, m := range a.oracleFindIn(oracleReDateMY, monthly) {
		if m[6] >= 0 && !oracleValidYear4(oracleAtoi(oracleSub(t, m, 3))) {
			continue
		}
		out = append(out, a.n.span(m[0], m[1], KindDate))
	}
	for _, m := range a.oracleFindIn(oracleReDateDM, a.oracleWindowsAround(oracleByteAnchors(t, '/'), 12, 4)) {
		if !oracleValidDay(oracleAtoi(oracleSub(t, m, 1))) || !oracleValidMonth(oracleAtoi(oracleSub(t, m, 2))) {
			continue
		}
		if k := a.tokenIndexAt(m[1]); k < len(a.toks) && clinicalWords[a.toks[k].key] && a.toks[k].start-m[1] <= 1 {
			continue
		}
		out = append(out, a.n.span(m[2], m[1], KindDate))
	}
	return out
}

func oracleDigitRuns(w string) (runs, longest int) {
	n := 0
	for i := 0; i < len(w); i++ {
		if oracleIsDigit(w[i]) {
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

func (a *analysis) oracleMonthOK(dateStart, ms, me int, strong bool) bool {
	w := a.n.Text[ms:me]
	if strong || !oracleDateWeakMonths[w] {
		return true
	}
	if a.caseInformative() {
		if k := a.tokenIndexAt(ms); k < len(a.toks) && a.toks[k].start == ms && a.shapeOf(a.toks[k]) == shapeTitle {
			return true
		}
	}
	if k := a.tokenIndexAt(dateStart) - 1; k >= 0 && oracleDatePrepositions[a.toks[k].key] {
		return true
	}
	return false
}

const (
	oracleEmailLocal = `[a-z0-9](?:[a-z0-9._%+'\-]*[a-z0-9_])?`
	oracleEmailAtSym = `(?: ?@ ?| ?[\[({<] ?at ?[\])}>] ?)`
	oracleEmailAtW   = ` at `
	oracleEmailLabel = `[a-z0-9](?:[a-z0-9\-]{0,61}[a-z0-9])?`
	oracleEmailDot   = `(?:\.| ?[\[({<] ?dot ?[\])}>] ?| dot )`
	oracleEmailTLD   = `[a-z]{2,24}`
)

var (
	oracleReEmail     = regexp.MustCompile(`\b` + oracleEmailLocal + oracleEmailAtSym + oracleEmailLabel + `(?:` + oracleEmailDot + oracleEmailLabel + `)*` + oracleEmailDot + oracleEmailTLD + `\b`)
	oracleReEmailWord = regexp.MustCompile(`\b` + oracleEmailLocal + oracleEmailAtW + oracleEmailLabel + `(?:` + oracleEmailDot + oracleEmailLabel + `)*` + oracleEmailDot + oracleEmailTLD + `\b`)
)

const oracleUrlTLDs = `(?:co\.uk|org\.uk|me\.uk|ltd\.uk|plc\.uk|net\.uk|ac\.uk|nhs\.uk|gov\.uk|com|net|org|uk|io|me|info|biz|ee|ly|app|co|health|clinic|beauty|invalid|example|test|online|site|shop|store|london|scot|wales|cymru|ie|eu|tv|gg|link|page|website|social|salon|care|studio)`

var (
	oracleReURLScheme = regexp.MustCompile(`\b(?:https?://|www\.)[^\s<>"{}|\\^\[\]` + "`" + `]+`)
	oracleReURLBare   = regexp.MustCompile(`\b(?:[a-z0-9](?:[a-z0-9\-]{0,61}[a-z0-9])?\.)+` + oracleUrlTLDs + `\b(?:/[^\s<>"{}|\\^\[\]` + "`" + `]*)?`)
)

var (
	oracleReHandle     = regexp.MustCompile(`@[a-z0-9_](?:[a-z0-9_.]{0,28}[a-z0-9_])?`)
	oracleReHandleTime = regexp.MustCompile(`^@\d{1,2}(?:[.:]\d{2})?(?:am|pm)?$`)
	oracleReHandleCtx  = regexp.MustCompile(`\b(?:instagram|insta|ig|tiktok|snapchat|snap|twitter|facebook|fb|threads|youtube|linkedin|onlyfans|whatsapp)(?: (?:account|page|handle|username|user|name|profile|id))?(?: (?:is|was))?( ?[:\-] ?| )@?([a-z0-9_][a-z0-9_.]{1,28}[a-z0-9_])\b`)
) // "instagram: jane.doe", "her insta is jane_doe_aesthetics".

func oracleDetectEmails(a *analysis, out []Span) []Span {
	t := a.n.Text
	anchors := oracleByteAnchors(t, '@')
	var words []int
	hasDot := false
	for _, tk := range a.toks {
		switch tk.key {
		case "at":
			words = append(words, tk.start)
			if tk.start > 0 && strings.IndexByte("[({<", t[tk.start-1]) >= 0 {
				anchors = append(anchors, tk.start)
			}
		case "dot":
			hasDot = true
		}
	}
	for _, m := range a.oracleFindIn(oracleReEmail, a.oracleWindowsAround(anchors, 72, 96)) {
		s := t[m[0]:m[1]]
		if (strings.Contains(s, " @") || strings.Contains(s, "@ ")) && !oracleKnownTLDs[oracleLastLabel(s)] {
			continue
		}
		out = append(out, a.n.span(m[0], m[1], KindEmail))
	}
	if !hasDot {
		return out
	}
	for _, m := range a.oracleFindIn(oracleReEmailWord, a.oracleWindowsAround(words, 72, 96)) {
		s := t[m[0]:m[1]]
		if strings.Contains(s, " dot ") || strings.Contains(s, "dot]") || strings.Contains(s, "dot)") {
			out = append(out, a.n.span(m[0], m[1], KindEmail))
		}
	}
	return out
}

var oracleSocialWords = wordSet(`instagram insta ig tiktok snapchat snap twitter facebook fb threads youtube linkedin onlyfans whatsapp`)

var oracleKnownTLDs = wordSet(`com net org uk io me info biz ee ly app co health clinic beauty invalid example test online site shop store london scot wales cymru ie eu tv gg link page website social salon care studio edu gov nhs`)

func oracleLastLabel(s string) string {
	i := len(s)
	for i > 0 && s[i-1] >= 'a' && s[i-1] <= 'z' {
		i--
	}
	return s[i:]
}

func oracleTrimURL(s string) string {
	for len(s) > 0 {
		c := s[len(s)-1]
		switch {
		case strings.IndexByte(".,;:!?'\"", c) >= 0:
			s = s[:len(s)-1]
		case c == ')' && strings.Count(s, "(") < strings.Count(s, ")"):
			s = s[:len(s)-1]
		default:
			return s
		}
	}
	return s
}

func oracleDetectURLs(a *analysis, out []Span) []Span {
	t := a.n.Text
	scheme := a.oracleToSpace(a.oracleWindowsAround(a.oracleTokenAnchors(func(t token) bool {
		return t.key == "http" || t.key == "https" || t.key == "www"
	}), 0, 0))
	var dots []int
	for _, tk := range a.toks {
		if tk.start > 0 && t[tk.start-1] == '.' && oracleKnownTLDs[tk.key] {
			dots = append(dots, tk.start)
		}
	}
	bare := a.oracleToSpace(a.oracleWindowsAround(dots, 255, 0))
	for _, re := range []*regexp.Regexp{oracleReURLScheme, oracleReURLBare} {
		ws := bare
		if re == oracleReURLScheme {
			ws = scheme
		}
		for _, m := range a.oracleFindIn(re, ws) {
			if re == oracleReURLBare && m[0] > 0 && (t[m[0]-1] == '@' || t[m[0]-1] == '.') {
				continue
			}
			s := oracleTrimURL(t[m[0]:m[1]])
			if s == "" || !strings.ContainsAny(s, "abcdefghijklmnopqrstuvwxyz") {
				continue
			}
			out = append(out, a.n.span(m[0], m[0]+len(s), KindURL))
		}
	}
	return out
}

func oracleDetectHandles(a *analysis, out []Span) []Span {
	t := a.n.Text
	for _, m := range a.oracleFindIn(oracleReHandle, a.oracleWindowsAround(oracleByteAnchors(t, '@'), 0, 32)) {
		if m[0] > 0 {
			if c := t[m[0]-1]; isWordByte(c) || c == '_' || c == '.' || c == '@' || c == '#' || c >= 0x80 {
				continue
			}
		}
		h := t[m[0]:m[1]]
		if oracleReHandleTime.MatchString(h) || strings.Trim(h[1:], "0123456789") == "" {
			continue
		}
		out = append(out, a.n.span(m[0], m[1], KindHandle))
	}
	social := a.oracleTokenAnchors(func(t token) bool {
		return oracleSocialWords[t.key]
	})
	for _, m := range a.oracleFindIn(oracleReHandleCtx, a.oracleWindowsAround(social, 0, 64)) {
		h := t[m[4]:m[5]]
		sep := t[m[2]:m[3]]
		explicit := strings.ContainsAny(sep, ":-") || m[4] > 0 && t[m[4]-1] == '@'
		if !explicit && !strings.ContainsAny(h, "._0123456789") {
			continue
		}
		start := m[4]
		if start > 0 && t[start-1] == '@' {
			start--
		}
		out = append(out, a.n.span(start, m[5], KindHandle))
	}
	return out
}

var oracleRePostcode = regexp.MustCompile(`\b(?:gir ?0aa|[a-pr-uwyz](?:\d[a-hjkpstuw]|\d\d?|[a-hk-y]\d[abehmnprv-y]|[a-hk-y]\d\d?) ?\d[abd-hjlnp-uw-z]{2})\b`)

func oracleDetectPostcodes(a *analysis, out []Span) []Span {
	var anchors []int // A postcode's inward code starts with a digit, and both parts hold
	// one.

	for _, t := range a.toks {
		if t.digit && len(t.text) <= 7 {
			anchors = append(anchors, t.start)
		}
	}
	for _, m := range a.oracleFindIn(oracleRePostcode, a.oracleWindowsAround(anchors, 5, 8)) {
		out = append(out, a.n.span(m[0], m[1], KindPostcode))
	}
	return out
}

var oracleReAddress = regexp.MustCompile(`\b(\d{1,4}[a-z]?),? ((?:[a-z][a-z'\-]* ){1,3})(street|st|road|rd|avenue|ave|lane|ln|close|drive|dr|way|crescent|cres|court|ct|place|pl|terrace|tce|gardens|gdns|grove|hill|mews|park|square|sq|walk|row|rise|green|parade|boulevard|wharf|meadows?|vale|croft|gate|yard|view|approach|chase)\b\.?`)

func oracleDetectAddresses(a *analysis, out []Span) []Span {
	t := a.n.Text
	streets := a.oracleTokenAnchors(func(t token) bool {
		return streetTypes[t.key] != ""
	})
	for _, m := range a.oracleFindIn(oracleReAddress, a.oracleWindowsAround(streets, 80, 8)) {
		ok := true
		for _, w := range strings.Fields(t[m[4]:m[5]]) {
			if isCommonWord(w) || shortWords[w] && len(w) < 3 {
				ok = false
				break
			}
		}
		if !ok {
			continue
		}
		end := m[7]
		out = append(out, a.n.span(m[0], end, KindAddress))
	}
	return out
}

type oracleDigitGroup struct{ start, end int }

func (g oracleDigitGroup) len() int {
	return g.end - g.start
}

func oracleDigitGroups(t string) []oracleDigitGroup {
	var gs []oracleDigitGroup
	for i := 0; i < len(t); {
		if !oracleIsDigit(t[i]) {
			i++
			continue
		}
		j := i + 1
		for j < len(t) && oracleIsDigit(t[j]) {
			j++
		}
		gs = append(gs, oracleDigitGroup{i, j})
		i = j
	}
	return gs
}

func oracleIsDigit(c byte) bool {
	return c >= '0' && c <= '9'
}

func oracleIsAlnumAt(t string, i int) bool {
	if i < 0 || i >= len(t) {
		return false
	}
	_, word, _ := wordRuneAt(t, i)
	return word
}

func oracleIsAlnumBefore(t string, i int) bool {
	if i <= 0 || i > len(t) {
		return false
	}
	j := i - 1
	for j > 0 && t[j]&0xC0 == 0x80 {
		j--
	}
	return oracleIsAlnumAt(t, j)
}

func oracleIdGap(g string) bool {
	if len(g) == 0 || len(g) > 3 {
		return false
	}
	return strings.Trim(g, " -.") == ""
}

func oraclePhoneGap(g string) bool {
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

var oracleNhsContextWords = wordSet(`nhs chi hospital patient`)

var oracleNumberWords = wordSet(`number no num nr`)

var oracleNotPersonRefWords = wordSet(`lot batch serial ref reference invoice order tracking catalogue cat product code sku account acct card policy sort booking receipt transaction expiry exp udi gtin barcode`)

func (a *analysis) oracleTokensBetween(from, to int) []token {
	if from < 0 {
		from = 0
	}
	i := a.tokenIndexAt(from)
	j := i
	for j < len(a.toks) && a.toks[j].end <= to {
		j++
	}
	return a.toks[i:j]
}

func (a *analysis) oracleHasWordNear(set map[string]bool, start, end, before, after int) bool {
	for _, t := range a.oracleTokensBetween(start-before, start) {
		if set[t.key] {
			return true
		}
	}
	for _, t := range a.oracleTokensBetween(end, end+after) {
		if set[t.key] {
			return true
		}
	}
	return false
}

func (a *analysis) oracleNhsContext(start, end int) bool {
	if a.oracleHasWordNear(oracleNhsContextWords, start, end, 40, 12) {
		return true
	}
	return a.oracleHasWordNear(oracleNumberWords, start, end, 20, 0) && !a.oracleHasWordNear(oracleNotPersonRefWords, start, end, 30, 0)
}

func oracleNhsLayout(gs []oracleDigitGroup) bool {
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

func oracleDetectNHS(a *analysis, gs []oracleDigitGroup, out []Span) []Span {
	t := a.n.Text
	for i := range gs {
		if oracleIsAlnumBefore(t, gs[i].start) {
			continue
		}
		total := 0
		for j := i; j < len(gs); j++ {
			if j > i && !oracleIdGap(t[gs[j-1].end:gs[j].start]) {
				break
			}
			total += gs[j].len()
			if total < 10 {
				continue
			}
			if total == 10 && !oracleIsAlnumAt(t, gs[j].end) {
				var b strings.Builder
				for k := i; k <= j; k++ {
					b.WriteString(t[gs[k].start:gs[k].end])
				}
				if oracleNhsLayout(gs[i:j+1]) && nhsDigitsValid(b.String()) || a.oracleNhsContext(gs[i].start, gs[j].end) {
					out = append(out, a.n.span(gs[i].start, gs[j].end, KindNHSNumber))
				}
			}
			break
		}
	}
	return out
}

func oracleDetectPhones(a *analysis, gs []oracleDigitGroup, out []Span) []Span {
	t := a.n.Text
	for i := 0; i < len(gs); i++ {
		g := gs[i]
		if oracleIsAlnumBefore(t, g.start) {
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
			if j > i && !oraclePhoneGap(t[gs[j-1].end:gs[j].start]) {
				break
			}
			digits.WriteString(t[gs[j].start:gs[j].end])
			if digits.Len() > 15 {
				break
			}
			if !oracleIsAlnumAt(t, gs[j].end) && oracleValidPhoneDigits(digits.String(), plus) {
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

func oracleValidPhoneDigits(d string, plus bool) bool {
	switch {
	case plus:
		if !strings.HasPrefix(d, "44") {
			return false
		}
		return oracleValidNSN(d[2:])
	case strings.HasPrefix(d, "0044"):
		return oracleValidNSN(d[4:])
	case len(d) == 10 || len(d) == 11:
		return d[0] == '0' && strings.IndexByte("123789", d[1]) >= 0
	}
	return false
}

func oracleValidNSN(n string) bool {
	n = strings.TrimPrefix(n, "0")
	return (len(n) == 9 || len(n) == 10) && strings.IndexByte("123789", n[0]) >= 0
}

var (
	oracleReGMC     = regexp.MustCompile(`^(?:[lc]?\d{7}|l\d{6})$`)
	oracleReNMC     = regexp.MustCompile(`^\d{2}[a-z]\d{4}[a-z]$`)
	oracleReGDC     = regexp.MustCompile(`^\d{3,6}$`)
	oracleReGPhC    = regexp.MustCompile(`^\d{7}$`)
	oracleReHCPC    = regexp.MustCompile(`^[a-z]{2,3}\d{4,6}$`)
	oracleReGeneric = regexp.MustCompile(`^(?:\d{5,8}|\d{2}[a-z]\d{4}[a-z]|[a-z]{2,3}\d{4,6}|[lc]\d{6,7})$`)
)

var oracleRegistryFormat = map[string]*regexp.Regexp{"gmc": oracleReGMC, "nmc": oracleReNMC, "pin": oracleReNMC, "gdc": oracleReGDC, "gphc": oracleReGPhC, "hcpc": oracleReHCPC, "registration": oracleReGeneric, "reg": oracleReGeneric, "registered": oracleReGeneric, "licence": oracleReGeneric, "license": oracleReGeneric}

var oracleRegistrationFiller = wordSet(`no number num nr ref reference reg registration registered pin code id is was with the their his her under gmc nmc gdc gphc hcpc uk my our of`)

func oracleDetectRegistrations(a *analysis, out []Span) []Span {
	toks := a.toks
	for i, tk := range toks {
		if re, ok := oracleRegistryFormat[tk.key]; ok {
			for j := i + 1; j < len(toks) && j <= i+5 && toks[j].start-tk.end <= 40; j++ {
				if oracleRegistrationFiller[toks[j].key] && !re.MatchString(toks[j].key) {
					continue
				}
				if re.MatchString(toks[j].key) {
					out = append(out, a.n.span(toks[j].start, toks[j].end, KindRegistration))
				}
				break
			}
			if i > 0 && tk.start-toks[i-1].end <= 3 && re.MatchString(toks[i-1].key) && toks[i-1].digit {
				out = append(out, a.n.span(toks[i-1].start, toks[i-1].end, KindRegistration))
			}
			continue
		}
		if tk.digit && tk.alpha && oracleReNMC.MatchString(tk.key) && !a.oracleHasWordNear(oracleNotPersonRefWords, tk.start, tk.end, 25, 0) {
			out = append(out, a.n.span(tk.start, tk.end, KindRegistration))
		}
	}
	return out
}

var (
	oracleReNINO       = regexp.MustCompile(`\b([abceghj-prstw-z][abceghj-nprstw-z])[ -]?(\d{2})[ -]?(\d{2})[ -]?(\d{2})(?:[ -]?([a-d]))?\b`)
	oracleNinoBanned   = wordSet(`bg gb kn nk nt tn zz`)
	oracleNinoContexts = wordSet(`ni nino insurance nics`)
)

func oracleDetectNINumbers(a *analysis, out []Span) []Span {
	t := a.n.Text
	var anchors []int // Six digits are needed, in one token or in pairs.

	for _, tk := range a.toks {
		if tk.digit && (len(tk.text) == 2 || len(tk.text) >= 6) {
			anchors = append(anchors, tk.start)
		}
	}
	for _, m := range a.oracleFindIn(oracleReNINO, a.oracleWindowsAround(anchors, 4, 16)) {
		if oracleNinoBanned[t[m[2]:m[3]]] {
			continue
		}
		if m[10] < 0 && !a.oracleHasWordNear(oracleNinoContexts, m[0], m[1], 30, 0) {
			continue
		}
		out = append(out, a.n.span(m[0], m[1], KindNINumber))
	}
	return out
}

var oracleFunctionWords = wordSet(`a an and the of to in on at by for with from or but nor is was are were be been am this that these those it its he she they we you i me my his her our their your as so if not no yes has had have will would can could should may might must do does did`)

var oracleStrongTitles = wordSet(`mr mrs ms miss mx mister`)

type oracleCue uint8

const (
	oracleCueStrongTitle oracleCue = iota
	oracleCueTitle
	oracleCueLenient
	oracleCueStrict
) // Mr, Mrs, Ms, Miss, Mx: anything but a function word
// roles and verbs: only a capitalised word, or after a colon

func oracleNameGap(g string, allowComma bool) bool {
	if len(g) == 0 || len(g) > 3 {
		return false
	}
	for i := 0; i < len(g); i++ {
		switch g[i] {
		case ' ', '.':
		case ',', ':':
			if !allowComma {
				return false
			}
		default:
			return false
		}
	}
	return true
}

func (a *analysis) oracleLineBreakBetween(i, j int) bool {
	_, from := a.n.Original(a.toks[i].start, a.toks[i].end)
	to, _ := a.n.Original(a.toks[j].start, a.toks[j].end)
	if from > to {
		return false
	}
	for _, r := range a.n.orig[from:to] {
		switch r {
		case '\n', '\r', '\v', '\f', '\u2028', '\u2029', '\u0085':
			return true
		}
	}
	return false
}

func (a *analysis) oracleIsInitial(i int) bool {
	t := a.toks[i]
	if len(t.text) != 1 || !t.alpha {
		return false
	}
	if t.end < len(a.n.Text) && a.n.Text[t.end] == '.' {
		return true
	}
	return a.caseInformative() && a.shapeOf(t) != shapeLower
}

func oracleBaseKey(t token) string {
	if strings.HasSuffix(t.text, "'s") {
		return t.text[:len(t.text)-2]
	}
	return t.key
}

func oracleNameEnd(t token) int {
	if strings.HasSuffix(t.text, "'s") {
		return t.end - 2
	}
	return t.end
}

var oracleNotNameWord = func() map[string]bool {
	m := make(map[string]bool)
	for _, set := range []map[string]bool{anyCommonWord, oracleFunctionWords, oracleAnyCue} {
		for w, ok := range set {
			if ok {
				m[w] = true
			}
		}
	}
	for w, full := range streetTypes {
		if full != "" {
			m[w] = true
		}
	}
	return m
}()

var oracleAnyNameCue = func() map[string]bool {
	m := map[string]bool{"by": true}
	for _, set := range []map[string]bool{oracleStrongTitles, titles, signatureCues, kinCues, verbCues, roleCues} {
		for w, ok := range set {
			if ok {
				m[w] = true
			}
		}
	}
	return m
}()

func oracleIsCue(w string) bool {
	return oracleAnyCue[w]
}

var oracleAnyCue = func() map[string]bool {
	m := make(map[string]bool)
	for _, set := range []map[string]bool{kinCues, roleCues, verbCues, signatureCues, titles} {
		for w, ok := range set {
			if ok {
				m[w] = true
			}
		}
	}
	return m
}()

func (a *analysis) oracleAcceptFirst(i int, c oracleCue, label bool) bool {
	t := a.toks[i]
	if !t.alpha || t.digit {
		return false
	}
	w := oracleBaseKey(t)
	if len(w) < 2 || oracleFunctionWords[w] || clinicalWords[w] || weekdays[w] || oracleIsCue(w) && c != oracleCueStrongTitle {
		return false
	}
	if givenNames[w] {
		return true
	}
	common := commonWords[w] || months[w] != 0 || looksLikeWord(w)
	switch c {
	case oracleCueStrongTitle:
		return a.capitalised(t) || !common
	case oracleCueTitle:
		if common {
			return a.caseInformative() && a.shapeOf(t) == shapeTitle
		}
		return true
	case oracleCueLenient:
		return !common && !(shortWords[w] && len(w) < 3)
	default:
		if common || shortWords[w] && len(w) < 3 {
			return false
		}
		pair := i+1 < len(a.toks) && a.gap(i, i+1) == " " && a.oracleUnknownWord(i+1) && a.shapeOf(a.toks[i+1]) == a.shapeOf(t)
		return label || pair || a.caseInformative() && a.capitalised(t)
	}
}

func (a *analysis) oracleAcceptNext(i, first int) bool {
	t := a.toks[i]
	if !t.alpha || t.digit {
		return false
	}
	w := oracleBaseKey(t)
	if len(w) < 2 || isCommonWord(w) || looksLikeWord(w) || oracleFunctionWords[w] || oracleIsCue(w) || shortWords[w] && len(w) < 3 {
		return false
	}
	if givenNames[w] || !a.caseInformative() {
		return true
	}
	s := a.shapeOf(t)
	return s == shapeTitle || s == shapeUpper || s == a.shapeOf(a.toks[first]) || a.oracleUnknownWord(i)
}

func (a *analysis) oracleNameAfter(i int, c oracleCue, allowBreak bool) (start, end int, ok bool) {
	j := i + 1
	if j >= len(a.toks) {
		return 0, 0, false
	}
	g := a.gap(i, j)
	if !oracleNameGap(g, c == oracleCueLenient || c == oracleCueStrict) || !allowBreak && a.oracleLineBreakBetween(i, j) {
		return 0, 0, false
	}
	label := strings.Contains(g, ":")
	first := j
	if p := a.oracleAfterParticles(j); p > j && a.oracleAcceptNext(p, p) {
		return a.toks[j].start, a.oracleExtendName(j, p), true
	}
	for k := 0; k < 3 && j+1 < len(a.toks) && a.oracleIsInitial(j) && oracleNameGap(a.gap(j, j+1), false); k++ {
		j++
	}
	if !a.oracleAcceptFirst(j, c, label) {
		if j > first && c != oracleCueLenient && c != oracleCueStrict {
			return a.toks[first].start, a.toks[j-1].end, true
		}
		return 0, 0, false
	}
	return a.toks[first].start, a.oracleExtendName(j, j), true
}

func (a *analysis) oracleAfterParticles(j int) int {
	k := j
	for k < len(a.toks) && k < j+2 && nameParticles[a.toks[k].key] && k+1 < len(a.toks) && oracleNameGap(a.gap(k, k+1), false) {
		k++
	}
	return k
}

func (a *analysis) oracleExtendName(first, last int) int {
	for steps := 0; steps < 4 && last+1 < len(a.toks); steps++ {
		k := last + 1
		g := a.gap(last, k)
		if !oracleNameGap(g, false) || strings.Contains(g, ".") {
			break
		}
		if a.oracleAcceptNext(k, first) {
			last = k
			continue
		}
		if p := a.oracleAfterParticles(k); p > k && p < len(a.toks) && a.oracleAcceptNext(p, first) {
			last = p
			continue
		}
		break
	}
	return oracleNameEnd(a.toks[last])
}

func oracleDetectNames(a *analysis, out []Span) []Span {
	toks := a.toks
	add := func(s, e int) {
		if e > s {
			out = append(out, a.n.span(s, e, KindName))
		}
	}
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		if !t.alpha || t.digit {
			continue
		}
		w := t.key
		found := func(s, e int, ok bool) {
			if ok {
				add(s, e)
			}
		}
		switch {
		case !oracleAnyNameCue[w]:
		case oracleStrongTitles[w]:
			found(a.oracleNameAfter(i, oracleCueStrongTitle, false))
		case titles[w]:
			found(a.oracleNameAfter(i, oracleCueTitle, false))
		case signatureCues[w]:
			found(a.oracleNameAfter(i, oracleCueLenient, true))
		case kinCues[w]:
			found(a.oracleNameAfter(i, oracleCueLenient, false))
		case w == "by" && i > 0 && byCues[toks[i-1].key]:
			found(a.oracleNameAfter(i, oracleCueLenient, false))
		case verbCues[w]:
			found(a.oracleNameAfter(i, oracleCueLenient, false))
		case roleCues[w]:
			found(a.oracleNameAfter(i, oracleCueStrict, false))
		}
		if givenNames[oracleBaseKey(t)] {
			add(t.start, a.oracleExtendName(i, i))
			continue
		}
		if end := a.oracleCapitalRun(i); end > i {
			if !a.oracleOrganisationLike(i, end) {
				add(t.start, oracleNameEnd(toks[end]))
			}
			i = end
			continue
		}
		if end := a.oracleLabelledPair(i); end > i {
			add(t.start, oracleNameEnd(toks[end]))
			i = end
			continue
		}
		if i+1 < len(toks) && a.oracleUnknownWord(i) && a.gap(i, i+1) == " " && personVerbs[toks[i+1].key] && (a.capitalised(t) || a.oracleSentenceStart(i)) {
			add(t.start, oracleNameEnd(t))
		}
	}
	return out
}

func (a *analysis) oracleUnknownWord(i int) bool {
	t := a.toks[i]
	if !t.alpha || t.digit {
		return false
	}
	w := oracleBaseKey(t)
	if len(w) < 3 || oracleNotNameWord[w] || looksLikeWord(w) || shortWords[w] && len(w) < 3 {
		return false
	}
	return true
}

func (a *analysis) oracleUnknownCapital(i int) bool {
	t := a.toks[i]
	if !a.caseInformative() || !t.alpha || t.digit {
		return false
	}
	w := oracleBaseKey(t)
	if len(w) < 2 || oracleNotNameWord[w] || looksLikeWord(w) || shortWords[w] && len(w) < 3 {
		return false
	}
	s := a.shapeOf(t)
	return s == shapeTitle || s == shapeUpper && len(w) >= 3 && strings.ContainsAny(w, "aeiouy")
}

func (a *analysis) oracleCapitalRun(i int) int {
	if !a.oracleUnknownCapital(i) {
		return i
	}
	last := i
	for n := 0; n < 3; n++ {
		k := last + 1
		if k >= len(a.toks) || !oracleNameGap(a.gap(last, k), false) || strings.Contains(a.gap(last, k), ".") {
			break
		}
		if p := a.oracleAfterParticles(k); p > k && p < len(a.toks) && a.oracleUnknownCapital(p) {
			k = p
		}
		if !a.oracleUnknownCapital(k) || !a.oraclePairShape(last, k) {
			break
		}
		last = k
	}
	return last
}

var oracleIdentifierLabels = wordSet(`nhs dob born aged age chi mrn hospital tel mobile phone email`)

func (a *analysis) oracleLabelledPair(i int) int {
	if !a.oracleUnknownWord(i) {
		return i
	}
	k := i + 1
	if k >= len(a.toks) || !oracleNameGap(a.gap(i, k), false) {
		return i
	}
	if p := a.oracleAfterParticles(k); p > k && p < len(a.toks) {
		k = p
	}
	if !a.oracleUnknownWord(k) || strings.Contains(a.gap(k-1, k), ".") {
		return i
	}
	if strings.HasSuffix(a.toks[k].text, "'s") && a.oracleSentenceStart(i) {
		return k
	}
	if k+1 < len(a.toks) && oracleIdentifierLabels[a.toks[k+1].key] {
		if g := a.gap(k, k+1); len(g) <= 3 && strings.ContainsAny(g, ",(") {
			return k
		}
	}
	return i
}

var oracleOrganisationNouns = wordSet(`insurance insurer product products registration guidance score index scale cream serum range regime system protocol kit device brand clinic clinics ltd limited plc llp group uk company cover policy standard standards skin line lines programme program certificate diploma award scheme framework foundation trust hospital academy institute association society college council commission`)

func (a *analysis) oracleOrganisationLike(i, end int) bool {
	titleVocab := func(k int) bool {
		t := a.toks[k]
		w := oracleBaseKey(t)
		return t.alpha && !t.digit && !oracleFunctionWords[w] && (isCommonWord(w) || clinicalWords[w] || oracleOrganisationNouns[w]) && a.shapeOf(t) != shapeLower
	}
	if i > 0 && a.gap(i-1, i) == " " && titleVocab(i-1) && !a.oracleSentenceStart(i-1) {
		return true
	}
	if strings.HasSuffix(a.toks[end].text, "'s") {
		return false
	}
	for k := i; k <= end; k++ {
		if oracleOrganisationNouns[oracleBaseKey(a.toks[k])] {
			return true
		}
	}
	k := end + 1
	if k >= len(a.toks) || !oracleNameGap(a.gap(end, k), false) || strings.Contains(a.gap(end, k), ".") {
		return false
	}
	if oracleOrganisationNouns[a.toks[k].key] || titleVocab(k) {
		return true
	}
	switch a.toks[k].key {
	case "and", "of", "for":
		return k+1 < len(a.toks) && a.gap(k, k+1) == " " && titleVocab(k+1)
	}
	return false
}

func (a *analysis) oracleSentenceStart(i int) bool {
	if i == 0 {
		return strings.TrimSpace(a.n.Text[:a.toks[0].start]) == ""
	}
	return strings.ContainsAny(a.gap(i-1, i), ".!?") || a.oracleLineBreakBetween(i-1, i)
}

func (a *analysis) oraclePairShape(i, j int) bool {
	si, sj := a.shapeOf(a.toks[i]), a.shapeOf(a.toks[j])
	if si == shapeUpper && sj == shapeUpper {
		return len(a.toks[i].key) >= 3 && len(a.toks[j].key) >= 3
	}
	return true
}

func oracleScanWith(n *Normalized, m *Matcher, detect bool, sc *scratch) []Span {
	var out []Span
	for i, copy := range [2]*Normalized{n, n.joined()} {
		if copy == nil {
			continue
		}
		var a *analysis
		if i == 0 && sc != nil {
			a = analyzeWith(copy, sc)
		} else {
			a = analyze(copy)
		}
		if detect {
			out = append(out, oracleDetectAll(a)...)
		}
		if m != nil {
			out = append(out, m.find(a)...)
		}
	}
	return oracleDedupe(oracleSortSpans(out))
}

func oracleDetectAll(a *analysis) []Span {
	gs := oracleDigitGroups(a.n.Text)
	out := make([]Span, 0, 8)
	out = oracleDetectNHS(a, gs, out)
	out = oracleDetectPhones(a, gs, out)
	out = oracleDetectRegistrations(a, out)
	out = oracleDetectNINumbers(a, out)
	out = oracleDetectEmails(a, out)
	out = oracleDetectURLs(a, out)
	out = oracleDetectHandles(a, out)
	out = oracleDetectPostcodes(a, out)
	out = oracleDetectDates(a, gs, out)
	out = oracleDetectAddresses(a, out)
	out = oracleDetectNames(a, out)
	return oracleDedupe(oracleSortSpans(out))
}

func oracleSortSpans(s []Span) []Span {
	sort.Slice(s, func(i, j int) bool {
		if s[i].Start != s[j].Start {
			return s[i].Start < s[j].Start
		}
		if s[i].End != s[j].End {
			return s[i].End > s[j].End
		}
		return s[i].Kind.rank() < s[j].Kind.rank()
	})
	return s
}

func oracleDedupe(s []Span) []Span {
	if len(s) < 2 {
		return s
	}
	out := s[:1]
	for _, v := range s[1:] {
		if v != out[len(out)-1] {
			out = append(out, v)
		}
	}
	return out
}
