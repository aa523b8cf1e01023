package pii

import (
	"slices"
	"strings"
)

// The detectors ask of most tokens whether they belong to one word list
// or another, often the same question several times (detectNames asks a
// dozen). A map lookup per question came to a quarter of detection time,
// so each token's memberships are looked up once, in one table, and kept
// as bits.

// wordClass is a set of word lists, one bit per list.
type wordClass uint64

const (
	wcMonth              wordClass = 1 << iota // months
	wcSocial                                   // socialWords
	wcStreet                                   // streetTypes
	wcKnownTLD                                 // knownTLDs
	wcNotPersonRef                             // notPersonRefWords
	wcNHSContext                               // nhsContextWords
	wcNumberWord                               // numberWords
	wcNINOContext                              // ninoContexts
	wcRegistrationFiller                       // registrationFiller
	wcRegistry                                 // keys of registryFormat
	wcClinical                                 // clinicalWords
	wcDatePreposition                          // datePrepositions
	wcFunction                                 // functionWords
	wcGiven                                    // givenNames
	wcWeekday                                  // weekdays
	wcCommon                                   // commonWords
	wcAnyCommon                                // anyCommonWord (isCommonWord)
	wcShort                                    // shortWords
	wcNameCue                                  // anyNameCue
	wcStrongTitle                              // strongTitles
	wcTitle                                    // titles
	wcSignature                                // signatureCues
	wcKin                                      // kinCues
	wcBy                                       // byCues
	wcVerbCue                                  // verbCues
	wcRoleCue                                  // roleCues
	wcPersonVerb                               // personVerbs
	wcNotName                                  // notNameWord
	wcCue                                      // anyCue (isCue)
	wcIdentifierLabel                          // identifierLabels
	wcOrganisation                             // organisationNouns
	wcParticle                                 // nameParticles
	wcScheme                                   // "http", "https" and "www", which open a URL
	wcLooksLikeWord                            // looksLikeWord is true (computed per token, not in the table)
)

// wordClasses maps every word of the lists above to its classes. It is
// built from the lists themselves, so they remain the one place a word is
// added or removed.
var wordClasses = func() map[string]wordClass {
	m := make(map[string]wordClass)
	sets := []struct {
		set map[string]bool
		c   wordClass
	}{
		{socialWords, wcSocial}, {knownTLDs, wcKnownTLD}, {notPersonRefWords, wcNotPersonRef},
		{nhsContextWords, wcNHSContext}, {numberWords, wcNumberWord}, {ninoContexts, wcNINOContext},
		{registrationFiller, wcRegistrationFiller}, {clinicalWords, wcClinical},
		{datePrepositions, wcDatePreposition}, {functionWords, wcFunction}, {givenNames, wcGiven},
		{weekdays, wcWeekday}, {commonWords, wcCommon}, {anyCommonWord, wcAnyCommon},
		{shortWords, wcShort}, {anyNameCue, wcNameCue}, {strongTitles, wcStrongTitle},
		{titles, wcTitle}, {signatureCues, wcSignature}, {kinCues, wcKin}, {byCues, wcBy},
		{verbCues, wcVerbCue}, {roleCues, wcRoleCue}, {personVerbs, wcPersonVerb},
		{notNameWord, wcNotName}, {anyCue, wcCue}, {identifierLabels, wcIdentifierLabel},
		{organisationNouns, wcOrganisation}, {nameParticles, wcParticle},
	}
	for _, s := range sets {
		for w, ok := range s.set {
			if ok {
				m[w] |= s.c
			}
		}
	}
	for w, n := range months {
		if n != 0 {
			m[w] |= wcMonth
		}
	}
	for w, full := range streetTypes {
		if full != "" {
			m[w] |= wcStreet
		}
	}
	for _, w := range []string{"http", "https", "www"} {
		m[w] |= wcScheme
	}
	for w, re := range registryFormat {
		if re != nil {
			m[w] |= wcRegistry
		}
	}
	return m
}()

// wordClassLens holds, for each byte, one bit for each length of the
// words of wordClasses that start with it (bit 31 standing for every
// length from 31 up). Over a third of tokens are in no list, numbers and
// uncommon words; most of them are told apart by their first byte and
// length, without hashing them for a map lookup that then fails.
var wordClassLens = func() (lens [256]uint32) {
	for w := range wordClasses {
		if w != "" {
			lens[w[0]] |= 1 << min(len(w), 31)
		}
	}
	return lens
}()

// classesOf returns the classes of the word w: wordClasses[w], looked up
// only if a word of w's first byte and length is in the table.
func classesOf(w string) wordClass {
	if w != "" && wordClassLens[w[0]]&(1<<min(len(w), 31)) == 0 {
		return 0
	}
	return wordClasses[w]
}

// tokenClass holds the classes of a token's key and of its base key
// (baseKey: the token without a possessive "'s").
type tokenClass struct {
	key, base wordClass
}

// classes returns the classes of every token, working them out on first
// use.
func (a *analysis) classes() []tokenClass {
	if a.clsKnown {
		return a.cls
	}
	cls := slices.Grow(a.cls[:0], len(a.toks))
	a.digitTokens = 0
	for _, t := range a.toks {
		if t.digit {
			a.digitTokens++
		}
		k := classesOf(t.key)
		b := k
		w := t.key
		if strings.HasSuffix(t.text, "'s") {
			w = t.text[:len(t.text)-2]
			b = classesOf(w)
		}
		if b&wcGiven == 0 && hasWordSuffix(w) { // looksLikeWord(w)
			b |= wcLooksLikeWord
		}
		cls = append(cls, tokenClass{key: k, base: b})
	}
	a.cls, a.clsKnown = cls, true
	return cls
}

// anyDigitToken reports whether a token holds a digit (or another
// character that is neither a letter nor a joiner).
func (a *analysis) anyDigitToken() bool {
	a.classes()
	return a.digitTokens > 0
}

// keyIs reports whether the key of token i is in one of the lists c.
func (a *analysis) keyIs(i int, c wordClass) bool { return a.classes()[i].key&c != 0 }

// baseIs reports whether the base key of token i is in one of the lists
// c, or looks like a word when c holds wcLooksLikeWord.
func (a *analysis) baseIs(i int, c wordClass) bool { return a.classes()[i].base&c != 0 }

// classAnchors returns the start offsets of the tokens whose key is in one
// of the lists c.
func (a *analysis) classAnchors(c wordClass) []int {
	out := a.anchorBuf()
	for i, tc := range a.classes() {
		if tc.key&c != 0 {
			out = append(out, a.toks[i].start)
		}
	}
	return a.keepAnchors(out)
}
