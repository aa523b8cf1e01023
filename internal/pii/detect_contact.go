package pii

import (
	"regexp"
	"strings"
)

// E-mail addresses, including the spelled-out forms people use to dodge
// scrapers: "jane [at] example [dot] com", "jane(at)example(dot)com" and
// "jane at example dot com". The bare-word form ("at" … "dot") is only
// accepted when at least one "dot" is spelled out too, because "booked at
// example.com" is ordinary prose around a URL, which the URL detector
// reports by itself.
const (
	emailLocal = `[a-z0-9](?:[a-z0-9._%+'\-]*[a-z0-9_])?`
	emailAtSym = `(?: ?@ ?| ?[\[({<] ?at ?[\])}>] ?)`
	emailAtW   = ` at `
	emailLabel = `[a-z0-9](?:[a-z0-9\-]{0,61}[a-z0-9])?`
	emailDot   = `(?:\.| ?[\[({<] ?dot ?[\])}>] ?| dot )`
	emailTLD   = `[a-z]{2,24}`
)

var (
	reEmail     = regexp.MustCompile(`\b` + emailLocal + emailAtSym + emailLabel + `(?:` + emailDot + emailLabel + `)*` + emailDot + emailTLD + `\b`)
	reEmailWord = regexp.MustCompile(`\b` + emailLocal + emailAtW + emailLabel + `(?:` + emailDot + emailLabel + `)*` + emailDot + emailTLD + `\b`)
)

// URLs: anything after a scheme or "www.", and bare domains under the
// generic and UK top-level domains a clinic, a practitioner or a social
// profile would use (instagram.com/jane, tiktok.com/@jane, linktr.ee/jane,
// glowclinic.co.uk). Top-level domains that are also clinical units or
// abbreviations (ml, mg, iu, cc) are left out on purpose.
const urlTLDs = `(?:co\.uk|org\.uk|me\.uk|ltd\.uk|plc\.uk|net\.uk|ac\.uk|nhs\.uk|gov\.uk|com|net|org|uk|io|me|info|biz|ee|ly|app|co|health|clinic|beauty|invalid|example|test|online|site|shop|store|london|scot|wales|cymru|ie|eu|tv|gg|link|page|website|social|salon|care|studio)`

var (
	reURLScheme = regexp.MustCompile(`\b(?:https?://|www\.)[^\s<>"{}|\\^\[\]` + "`" + `]+`)
	reURLBare   = regexp.MustCompile(`\b(?:[a-z0-9](?:[a-z0-9\-]{0,61}[a-z0-9])?\.)+` + urlTLDs + `\b(?:/[^\s<>"{}|\\^\[\]` + "`" + `]*)?`)
)

// Handles: "@" followed by a handle, not preceded by a character that
// would make it part of an e-mail address. Handles that read as a time
// ("@5pm", "@ 10:30") are clock times, not accounts.
var (
	reHandle     = regexp.MustCompile(`@[a-z0-9_](?:[a-z0-9_.]{0,28}[a-z0-9_])?`)
	reHandleTime = regexp.MustCompile(`^@\d{1,2}(?:[.:]\d{2})?(?:am|pm)?$`)
	// "instagram: jane.doe", "her insta is jane_doe_aesthetics".
	reHandleCtx = regexp.MustCompile(`\b(?:` + handlePlatforms + `)(?: (?:account|page|handle|username|user|name|profile|id))?(?: (?:is|was))?( ?[:\-] ?| )@?([a-z0-9_][a-z0-9_.]{1,28}[a-z0-9_])\b`)
)

// handlePlatforms are the platforms reHandleCtx looks for a handle after.
const handlePlatforms = `instagram|insta|ig|tiktok|snapchat|snap|twitter|facebook|fb|threads|youtube|linkedin|onlyfans|whatsapp`

// handlePlatformList spells out the alternatives of handlePlatforms.
var handlePlatformList = strings.Split(handlePlatforms, "|")

// The contact patterns as findIn runs them, each with the cheapest exact
// test of where it can start (see pattern).
var (
	// The local part is a run of local-part characters, none of which can
	// begin the '@' or "[at]" that must follow, so it ends where that run
	// ends, and the '@' or bracket comes next, possibly after one space.
	patEmail = newPattern(reEmail, lowerDigitBytes, func(w string, i int) bool {
		e, ok := localPartAt(w, i)
		if !ok {
			return false
		}
		if w[e] == ' ' {
			e++
		}
		return e < len(w) && strings.IndexByte("@[({<", w[e]) >= 0
	}).matchedBy(matchEmail)
	patEmailWord = newPattern(reEmailWord, lowerDigitBytes, func(w string, i int) bool {
		e, ok := localPartAt(w, i)
		return ok && strings.HasPrefix(w[e:], " at ")
	}).matchedBy(matchEmailWord)
	patURLScheme = newPattern(reURLScheme, "hw", func(w string, i int) bool {
		return (w[i] == 'h' || w[i] == 'w') && wordStart(w, i) &&
			(strings.HasPrefix(w[i:], "http://") || strings.HasPrefix(w[i:], "https://") || strings.HasPrefix(w[i:], "www."))
	}).withoutSpaces().matchedBy(matchURLScheme)
	// A bare URL is a chain of domain labels, each a whole run of label
	// characters ending in a dot, and then a top-level domain followed by
	// a word boundary. The chain is fixed by where the dots are, so it is
	// enough that one of its dots has a top-level domain after it.
	patURLBare = newPattern(reURLBare, lowerDigitBytes, func(w string, i int) bool {
		if !wordStart(w, i) {
			return false
		}
		for k := i; k < len(w) && isLowerAlnum(w[k]); {
			e := runEnd(w, k, isLabelByte)
			if e >= len(w) || w[e] != '.' {
				return false
			}
			if urlTLDAt(w, e+1) {
				return true
			}
			k = e + 1
		}
		return false
	}).withoutSpaces().matchedBy(matchURLBare)
	patHandle = newPattern(reHandle, "@", func(w string, i int) bool {
		return w[i] == '@' && i+1 < len(w) && (isLowerAlnum(w[i+1]) || w[i+1] == '_')
	}).bounded(40).matchedBy(matchHandle)
	patHandleCtx = newPattern(reHandleCtx, firstBytes(handlePlatformList), func(w string, i int) bool {
		return wordStart(w, i) && hasAnyPrefix(w[i:], handlePlatformList)
	}).bounded(80)
)

// urlTLDList holds the alternatives of urlTLDs, in order.
var urlTLDList = strings.Split(strings.ReplaceAll(strings.TrimSuffix(strings.TrimPrefix(urlTLDs, "(?:"), ")"), `\.`, "."), "|")

// urlTLDAt reports whether one of urlTLDs starts at byte j of w and is
// followed by a word boundary.
func urlTLDAt(w string, j int) bool {
	for _, tld := range urlTLDList {
		if e := j + len(tld); strings.HasPrefix(w[j:], tld) && (e == len(w) || !isRegexpWord(w[e])) {
			return true
		}
	}
	return false
}

// isLowerAlnum reports whether c is a small ASCII letter or a digit.
func isLowerAlnum(c byte) bool { return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' }

// isLocalByte reports whether c can sit in the local part of an address
// (emailLocal).
func isLocalByte(c byte) bool {
	return isLowerAlnum(c) || strings.IndexByte("._%+'-_", c) >= 0
}

// isLabelByte reports whether c can sit in a domain label.
func isLabelByte(c byte) bool { return isLowerAlnum(c) || c == '-' }

// localPartAt reports whether an address's local part can start at byte i
// of w and, if so, where the run of local-part characters from i ends;
// something must follow it.
func localPartAt(w string, i int) (end int, ok bool) {
	if !isLowerAlnum(w[i]) || !wordStart(w, i) {
		return 0, false
	}
	e := runEnd(w, i, isLocalByte)
	return e, e < len(w)
}

func detectEmails(a *analysis, out []Span) []Span {
	t := a.n.Text
	// An address needs an '@' or an "at" in brackets; the bare-word form
	// also needs a spelled-out "dot" somewhere in the text.
	anchors := a.byteAnchors('@')
	hasDot := false
	for _, tk := range a.toks {
		switch tk.key {
		case "at":
			if tk.start > 0 && strings.IndexByte("[({<", t[tk.start-1]) >= 0 {
				anchors = append(anchors, tk.start)
			}
		case "dot":
			hasDot = true
		}
	}
	anchors = a.keepAnchors(anchors)
	for _, m := range a.findIn(patEmail, a.windowsAround(anchors, 72, 96)) {
		s := t[m[0]:m[1]]
		// "tagged @jane.doe.aesthetic" is a handle after a word, not an
		// address with spaces round the '@': spaced forms need a real
		// top-level domain.
		if (strings.Contains(s, " @") || strings.Contains(s, "@ ")) && !knownTLDs[lastLabel(s)] {
			continue
		}
		out = append(out, a.n.span(m[0], m[1], KindEmail))
	}
	if !hasDot {
		return out
	}
	words := a.tokenAnchors(func(t *token) bool { return t.key == "at" })
	for _, m := range a.findIn(patEmailWord, a.windowsAround(words, 72, 96)) {
		s := t[m[0]:m[1]]
		if strings.Contains(s, " dot ") || strings.Contains(s, "dot]") || strings.Contains(s, "dot)") {
			out = append(out, a.n.span(m[0], m[1], KindEmail))
		}
	}
	return out
}

// socialWords name the platforms whose handles reHandleCtx looks for.
var socialWords = wordSet(`instagram insta ig tiktok snapchat snap twitter facebook fb threads youtube linkedin onlyfans whatsapp`)

// knownTLDs are the top-level domains accepted after a spaced '@'.
var knownTLDs = wordSet(`com net org uk io me info biz ee ly app co health clinic beauty invalid example test online site shop store london scot wales cymru ie eu tv gg link page website social salon care studio edu gov nhs`)

// lastLabel returns the trailing run of letters of s.
func lastLabel(s string) string {
	i := len(s)
	for i > 0 && s[i-1] >= 'a' && s[i-1] <= 'z' {
		i--
	}
	return s[i:]
}

// trimURL drops trailing punctuation that belongs to the sentence, and a
// closing bracket that has no opening partner inside the URL.
func trimURL(s string) string {
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

func detectURLs(a *analysis, out []Span) []Span {
	t := a.n.Text
	// A URL has a scheme, "www" or a dot before a top-level domain.
	scheme := a.toSpace(a.windowsAround(a.classAnchors(wcScheme), 0, 0))
	dots := a.anchorBuf()
	for i, tk := range a.toks {
		if tk.start > 0 && t[tk.start-1] == '.' && a.keyIs(i, wcKnownTLD) {
			dots = append(dots, tk.start)
		}
	}
	dots = a.keepAnchors(dots)
	bare := a.toSpace(a.windowsAround(dots, 255, 0))
	for _, p := range [...]*pattern{patURLScheme, patURLBare} {
		ws := bare
		if p == patURLScheme {
			ws = scheme
		}
		for _, m := range a.findIn(p, ws) {
			// A bare domain right after '@' is the domain of an e-mail.
			if p == patURLBare && m[0] > 0 && (t[m[0]-1] == '@' || t[m[0]-1] == '.') {
				continue
			}
			s := trimURL(t[m[0]:m[1]])
			if s == "" || !strings.ContainsAny(s, "abcdefghijklmnopqrstuvwxyz") {
				continue
			}
			out = append(out, a.n.span(m[0], m[0]+len(s), KindURL))
		}
	}
	return out
}

func detectHandles(a *analysis, out []Span) []Span {
	t := a.n.Text
	for _, m := range a.findIn(patHandle, a.windowsAround(a.byteAnchors('@'), 0, 32)) {
		if m[0] > 0 {
			// '#' is what Leaks masks a placeholder with: an '@' right
			// after redacted text was the '@' of an address whose first
			// part has gone, not the start of a handle.
			if c := t[m[0]-1]; isWordByte(c) || c == '_' || c == '.' || c == '@' || c == '#' || c >= 0x80 {
				continue
			}
		}
		h := t[m[0]:m[1]]
		if reHandleTime.MatchString(h) || strings.Trim(h[1:], "0123456789") == "" {
			continue
		}
		out = append(out, a.n.span(m[0], m[1], KindHandle))
	}
	social := a.classAnchors(wcSocial)
	for _, m := range a.findIn(patHandleCtx, a.windowsAround(social, 0, 64)) {
		h := t[m[4]:m[5]]
		sep := t[m[2]:m[3]]
		// Without a colon or '@', only a handle-shaped word counts, so
		// "via instagram messages" keeps its last word.
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
