package pii

import "strings"

// Name detection without a trained model. A name is reported only where
// the text itself says a name is coming or the word is known to be one:
//
//   - after a title: "Mrs Jones", "Dr. A. Patel", "Miss Jane Doe";
//   - after a relative or a role: "my husband Dave", "nurse Kelly",
//     "patient Jane Doe", "a lady called Sarah";
//   - after a greeting, a sign-off or a label: "Dear Sarah", "Kind
//     regards, Jane", "Name: Jane Doe", "seen by Amy";
//   - a given name from a list of common UK names that are not also
//     English words ("Siobhan", "Priya"), with the surname that follows;
//   - in prose with normal casing, two or more consecutive capitalised
//     words that are neither English nor clinical vocabulary
//     ("Oluwaseun Adeyemi").
//
// Precision matters as much as recall here, because clinical prose is full
// of capitalised brand names, headings and abbreviations; the vocabularies
// in words.go carry that knowledge.

// functionWords never start or continue a name, whatever their casing
// ("MR AND MRS SMITH").
var functionWords = wordSet(`a an and the of to in on at by for with from or but nor is was are were be been am this that these those it its he she they we you i me my his her our their your as so if not no yes has had have will would can could should may might must do does did`)

// strongTitles are followed by a surname or a given name and nothing
// else, so the next word is taken even when it is an ordinary word
// ("Mrs Young", "Mr Brown").
var strongTitles = wordSet(`mr mrs ms miss mx mister`)

// cue is the kind of word that introduced a possible name; it decides
// how much evidence the following word needs.
type cue uint8

const (
	cueStrongTitle cue = iota // Mr, Mrs, Ms, Miss, Mx: anything but a function word
	cueTitle                  // Dr, Prof, Nurse: any word outside the vocabularies
	cueLenient                // relatives, sign-offs, "seen by": likewise, in any case
	cueStrict                 // roles and verbs: only a capitalised word, or after a colon
)

// nameGap reports whether text between a cue and a name, or between two
// parts of a name, is short punctuation such as " ", ". ", ", " or ": ".
func nameGap(g string, allowComma bool) bool {
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

// lineBreakBetween reports whether the original text between tokens i and
// j contains a line break (the matching copy has turned it into a space).
func (a *analysis) lineBreakBetween(i, j int) bool {
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

// isInitial reports whether token i is a single-letter initial: a lone
// letter followed by a full stop, or a lone capital letter.
func (a *analysis) isInitial(i int) bool {
	t := a.toks[i]
	if len(t.text) != 1 || !t.alpha {
		return false
	}
	if t.end < len(a.n.Text) && a.n.Text[t.end] == '.' {
		return true
	}
	return a.caseInformative() && a.shapeOf(t) != shapeLower
}

// baseKey strips a possessive "'s" from a token key so "jane's" looks up
// as "jane".
func baseKey(t token) string {
	if strings.HasSuffix(t.text, "'s") {
		return t.text[:len(t.text)-2]
	}
	return t.key
}

// nameEnd returns the end of token t without a possessive "'s".
func nameEnd(t token) int {
	if strings.HasSuffix(t.text, "'s") {
		return t.end - 2
	}
	return t.end
}

// notNameWord holds the words unknownWord and unknownCapital never take
// for a name, whatever their length: common and clinical words
// (isCommonWord), function words, cues (isCue) and street types.
var notNameWord = func() map[string]bool {
	m := make(map[string]bool)
	for _, set := range []map[string]bool{anyCommonWord, functionWords, anyCue} {
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

// anyNameCue holds every word that can open a name in detectNames: the
// strong titles, titles, signature, kin, verb and role cues, and "by".
var anyNameCue = func() map[string]bool {
	m := map[string]bool{"by": true}
	for _, set := range []map[string]bool{strongTitles, titles, signatureCues, kinCues, verbCues, roleCues} {
		for w, ok := range set {
			if ok {
				m[w] = true
			}
		}
	}
	return m
}()

// isCue reports whether w introduces a name in one of the cue families
// (kinCues, roleCues, verbCues, signatureCues, titles).
func isCue(w string) bool {
	return anyCue[w]
}

// anyCue is the union of the cue families, so that isCue costs one lookup.
var anyCue = func() map[string]bool {
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

// acceptFirst decides whether token i can be the first word of a name
// introduced with cue strength c. label says the cue ended in a colon
// ("Injector: jane doe").
func (a *analysis) acceptFirst(i int, c cue, label bool) bool {
	t := a.toks[i]
	if !t.alpha || t.digit {
		return false
	}
	w := baseKey(t)
	if len(w) < 2 || a.baseIs(i, wcFunction|wcClinical|wcWeekday) || a.baseIs(i, wcCue) && c != cueStrongTitle {
		return false
	}
	if a.baseIs(i, wcGiven) {
		return true
	}
	common := a.baseIs(i, wcCommon|wcMonth|wcLooksLikeWord)
	switch c {
	case cueStrongTitle:
		return a.capitalised(t) || !common
	case cueTitle:
		if common {
			return a.caseInformative() && a.shapeOf(t) == shapeTitle
		}
		return true
	case cueLenient:
		return !common && !(a.baseIs(i, wcShort) && len(w) < 3)
	default:
		if common || a.baseIs(i, wcShort) && len(w) < 3 {
			return false
		}
		// "patient jane doe": a word whose casing says nothing counts
		// when another unknown word follows it, the shape of a first and
		// last name; in prose, a capital initial is enough.
		pair := i+1 < len(a.toks) && a.gap(i, i+1) == " " && a.unknownWord(i+1) &&
			a.shapeOf(a.toks[i+1]) == a.shapeOf(t)
		return label || pair || a.caseInformative() && a.capitalised(t)
	}
}

// acceptNext decides whether token i continues a name whose first word is
// token first.
func (a *analysis) acceptNext(i, first int) bool {
	t := a.toks[i]
	if !t.alpha || t.digit {
		return false
	}
	w := baseKey(t)
	if len(w) < 2 || a.baseIs(i, wcAnyCommon|wcLooksLikeWord|wcFunction|wcCue) || a.baseIs(i, wcShort) && len(w) < 3 {
		return false
	}
	if a.baseIs(i, wcGiven) || !a.caseInformative() {
		return true
	}
	s := a.shapeOf(t)
	// A surname written in lower case after a name ("Rhiannon
	// smith-jones") is still a surname; an ordinary word would have been
	// rejected by the vocabularies above.
	return s == shapeTitle || s == shapeUpper || s == a.shapeOf(a.toks[first]) || a.unknownWord(i)
}

// nameAfter collects the name that follows token i (the cue). It returns
// the matching-copy range of the name and whether one was found.
func (a *analysis) nameAfter(i int, c cue, allowBreak bool) (start, end int, ok bool) {
	j := i + 1
	if j >= len(a.toks) {
		return 0, 0, false
	}
	g := a.gap(i, j)
	if !nameGap(g, c == cueLenient || c == cueStrict) || !allowBreak && a.lineBreakBetween(i, j) {
		return 0, 0, false
	}
	label := strings.Contains(g, ":")
	first := j
	// A surname that starts with a particle: "Mrs van der Berg".
	if p := a.afterParticles(j); p > j && a.acceptNext(p, p) {
		return a.toks[j].start, a.extendName(j, p), true
	}
	// Initials: "Dr. A. Patel", "Mrs J S Smith".
	for k := 0; k < 3 && j+1 < len(a.toks) && a.isInitial(j) && nameGap(a.gap(j, j+1), false); k++ {
		j++
	}
	if !a.acceptFirst(j, c, label) {
		if j > first && c != cueLenient && c != cueStrict {
			// Initials alone after a title still identify: "Dr A. K.".
			return a.toks[first].start, a.toks[j-1].end, true
		}
		return 0, 0, false
	}
	return a.toks[first].start, a.extendName(j, j), true
}

// afterParticles skips surname particles ("van", "der", "o", "de")
// starting at token j and returns the index of the first token after
// them, or j if there are none.
func (a *analysis) afterParticles(j int) int {
	k := j
	for k < len(a.toks) && k < j+2 && a.keyIs(k, wcParticle) && k+1 < len(a.toks) && nameGap(a.gap(k, k+1), false) {
		k++
	}
	return k
}

// extendName follows a name whose first word is token first and whose
// last accepted word so far is token last, through up to three more name
// words (and any surname particles between them), and returns the end of
// the last one.
func (a *analysis) extendName(first, last int) int {
	for steps := 0; steps < 4 && last+1 < len(a.toks); steps++ {
		k := last + 1
		g := a.gap(last, k)
		if !nameGap(g, false) || strings.Contains(g, ".") {
			break
		}
		if a.acceptNext(k, first) {
			last = k
			continue
		}
		if p := a.afterParticles(k); p > k && p < len(a.toks) && a.acceptNext(p, first) {
			last = p
			continue
		}
		break
	}
	return nameEnd(a.toks[last])
}

func detectNames(a *analysis, out []Span) []Span {
	toks := a.toks
	cls := a.classes()
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
		switch c := cls[i].key; {
		case c&wcNameCue == 0:
			// None of the cases below.
		case c&wcStrongTitle != 0:
			found(a.nameAfter(i, cueStrongTitle, false))
		case c&wcTitle != 0:
			found(a.nameAfter(i, cueTitle, false))
		case c&wcSignature != 0:
			found(a.nameAfter(i, cueLenient, true))
		case c&wcKin != 0:
			found(a.nameAfter(i, cueLenient, false))
		case w == "by" && i > 0 && cls[i-1].key&wcBy != 0:
			found(a.nameAfter(i, cueLenient, false))
		case c&wcVerbCue != 0:
			found(a.nameAfter(i, cueLenient, false))
		case c&wcRoleCue != 0:
			found(a.nameAfter(i, cueStrict, false))
		}
		if cls[i].base&wcGiven != 0 {
			add(t.start, a.extendName(i, i))
			continue
		}
		// Two or more capitalised words outside every vocabulary, possibly
		// with surname particles between them ("Mei van der Berg").
		if end := a.capitalRun(i); end > i {
			if !a.organisationLike(i, end) {
				add(t.start, nameEnd(toks[end]))
			}
			i = end
			continue
		}
		// Two unknown words, in any case, right before an identifier label:
		// "roxanne hargreaves (NHS …", "amara macleod, DOB …", or as a
		// possessive opening a sentence: "eilidh doe's GP".
		if end := a.labelledPair(i); end > i {
			add(t.start, nameEnd(toks[end]))
			i = end
			continue
		}
		// An unknown word as the subject of a verb that needs a person:
		// "Amara messaged the clinic". Lower case counts only at the start
		// of a sentence, where the capital may simply have been lost.
		// The verb is tested first: it is one bit, and rarely set, while
		// unknownWord(i) has just been worked out by labelledPair and would
		// be worked out again. The tests have no side effects, so their
		// order does not change the answer.
		if i+1 < len(toks) && cls[i+1].key&wcPersonVerb != 0 && a.unknownWord(i) && a.gap(i, i+1) == " " &&
			(a.capitalised(t) || a.sentenceStart(i)) {
			add(t.start, nameEnd(t))
		}
	}
	return out
}

// unknownWord reports whether token i is an alphabetic word of at least
// three letters that no vocabulary knows.
func (a *analysis) unknownWord(i int) bool {
	t := &a.toks[i]
	if !t.alpha || t.digit {
		return false
	}
	w := baseKey(*t)
	if len(w) < 3 || a.baseIs(i, wcNotName|wcLooksLikeWord) || a.baseIs(i, wcShort) && len(w) < 3 {
		return false
	}
	return true
}

// unknownCapital reports whether token i is a word outside every
// vocabulary written with a capital initial, or in capitals, in text whose
// casing is informative.
func (a *analysis) unknownCapital(i int) bool {
	t := &a.toks[i]
	if !a.caseInformative() || !t.alpha || t.digit {
		return false
	}
	w := baseKey(*t)
	if len(w) < 2 || a.baseIs(i, wcNotName|wcLooksLikeWord) || a.baseIs(i, wcShort) && len(w) < 3 {
		return false
	}
	s := a.shapeOf(*t)
	return s == shapeTitle || s == shapeUpper && len(w) >= 3 && strings.ContainsAny(w, "aeiouy")
}

// capitalRun returns the index of the last token of a run of at least two
// unknown capitalised words starting at token i (surname particles may sit
// between them), or i if there is no such run.
func (a *analysis) capitalRun(i int) int {
	if !a.unknownCapital(i) {
		return i
	}
	last := i
	for n := 0; n < 3; n++ {
		k := last + 1
		if k >= len(a.toks) || !nameGap(a.gap(last, k), false) || strings.Contains(a.gap(last, k), ".") {
			break
		}
		if p := a.afterParticles(k); p > k && p < len(a.toks) && a.unknownCapital(p) {
			k = p
		}
		if !a.unknownCapital(k) || !a.pairShape(last, k) {
			break
		}
		last = k
	}
	return last
}

// identifierLabels follow a name in record-like prose.
var identifierLabels = wordSet(`nhs dob born aged age chi mrn hospital tel mobile phone email`)

// labelledPair returns the last token of a pair of unknown words starting
// at i (particles allowed between) that is followed by an identifier
// label, or that ends in a possessive at the start of a sentence; it
// returns i when there is none.
func (a *analysis) labelledPair(i int) int {
	if !a.unknownWord(i) {
		return i
	}
	k := i + 1
	if k >= len(a.toks) || !nameGap(a.gap(i, k), false) {
		return i
	}
	if p := a.afterParticles(k); p > k && p < len(a.toks) {
		k = p
	}
	if !a.unknownWord(k) || strings.Contains(a.gap(k-1, k), ".") {
		return i
	}
	if strings.HasSuffix(a.toks[k].text, "'s") && a.sentenceStart(i) {
		return k
	}
	if k+1 < len(a.toks) && a.keyIs(k+1, wcIdentifierLabel) {
		if g := a.gap(k, k+1); len(g) <= 3 && strings.ContainsAny(g, ",(") {
			return k
		}
	}
	return i
}

// organisationNouns follow the name of a company, product line, scale or
// standard rather than a person: "Hamilton Fraser insurance", "Lemon
// Bottle product", "Quality Index score".
var organisationNouns = wordSet(`insurance insurer product products registration guidance score index scale cream serum range regime system protocol kit device brand clinic clinics ltd limited plc llp group uk company cover policy standard standards skin line lines programme program certificate diploma award scheme framework foundation trust hospital academy institute association society college council commission`)

// organisationLike reports whether the capitalised run [i, end] reads as
// part of a longer title-case phrase (an organisation, product line or
// qualification) rather than a personal name: it is followed by an
// organisation noun, or joined to a capitalised vocabulary word before it
// (other than at a sentence start), after it, or after "and"/"of"/"for".
func (a *analysis) organisationLike(i, end int) bool {
	titleVocab := func(k int) bool {
		t := a.toks[k]
		return t.alpha && !t.digit && !a.baseIs(k, wcFunction) && a.baseIs(k, wcAnyCommon|wcClinical|wcOrganisation) &&
			a.shapeOf(t) != shapeLower
	}
	if i > 0 && a.gap(i-1, i) == " " && titleVocab(i-1) && !a.sentenceStart(i-1) {
		return true
	}
	if strings.HasSuffix(a.toks[end].text, "'s") {
		return false // "Amara Okafor's GP": people own things
	}
	for k := i; k <= end; k++ {
		if a.baseIs(k, wcOrganisation) {
			return true // "Vital Light Range"
		}
	}
	k := end + 1
	if k >= len(a.toks) || !nameGap(a.gap(end, k), false) || strings.Contains(a.gap(end, k), ".") {
		return false
	}
	if a.keyIs(k, wcOrganisation) || titleVocab(k) {
		return true
	}
	switch a.toks[k].key {
	case "and", "of", "for":
		return k+1 < len(a.toks) && a.gap(k, k+1) == " " && titleVocab(k+1)
	}
	return false
}

// sentenceStart reports whether token i begins the text or a sentence.
func (a *analysis) sentenceStart(i int) bool {
	if i == 0 {
		return strings.TrimSpace(a.n.Text[:a.toks[0].start]) == ""
	}
	return strings.ContainsAny(a.gap(i-1, i), ".!?") || a.lineBreakBetween(i-1, i)
}

// pairShape rejects a pair of adjacent capitalised words that are both in
// capitals unless each is long enough to be a word rather than an
// abbreviation ("TAMSIN NGUYEN" but not "HSV PCR").
func (a *analysis) pairShape(i, j int) bool {
	si, sj := a.shapeOf(a.toks[i]), a.shapeOf(a.toks[j])
	if si == shapeUpper && sj == shapeUpper {
		return len(a.toks[i].key) >= 3 && len(a.toks[j].key) >= 3
	}
	return true
}
