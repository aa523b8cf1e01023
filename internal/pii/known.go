package pii

import (
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// Known holds the identifiers a record already carries. NewMatcher turns
// them into a Matcher that finds every surface variant of each value in
// free text. Values are given as they are stored; the matcher normalises
// them exactly as it normalises text, so case, diacritics, width,
// invisible characters and look-alike letters never matter.
type Known struct {
	// Names are the names of the record's people, one entry per person.
	Names []Name
	// Titles are extra honorifics the record uses ("Councillor"). The
	// common English titles are always known.
	Titles []string
	// DatesOfBirth are matched in every common numeric and written form,
	// with and without the year.
	DatesOfBirth []time.Time
	// NHSNumbers are matched on their digits, with any separators.
	NHSNumbers []string
	// Phones are matched on their national significant number, so any of
	// 07700 900123, +44 7700 900123, 0044 (0)7700 900 123 finds the others.
	Phones []string
	// Emails are matched whole, in spelled-out forms ("[at]", "dot"), and
	// by their local part when that is personal.
	Emails []string
	// Handles are social-media handles, with or without the '@'.
	Handles []string
	// Postcodes are matched with or without the space.
	Postcodes []string
	// Addresses are address lines; a multi-line address may be given as
	// one entry separated by commas or line breaks. Street-type
	// abbreviations are interchangeable ("Avenue", "Ave").
	Addresses []string
	// Registrations are practitioner registration numbers.
	Registrations []string
	// Other holds any further identifying value (booking references,
	// clinic account numbers). Matches are reported as KindOther.
	Other []string
}

// Name is one person's name. Every part is matched on its own, and the
// parts of one person are also matched together: full names either way
// round, initials with a surname, and initials alone ("Jane Doe", "Doe,
// Jane", "J. Doe", "J.D.", "JD"). Parts of different people are never
// combined: the given name of a patient's reporter and the patient's
// family name make no one's name, and their initials would only find
// codes such as lot numbers.
type Name struct {
	// Given are first names, one name per entry ("Jane", "Mary Ann").
	Given []string
	// Family are surnames ("Doe", "O'Neill", "Smith-Jones").
	Family []string
	// Other are middle names, nicknames, aliases, maiden names.
	Other []string
}

// same reports whether n and o have the same parts, in the same order.
func (n Name) same(o Name) bool {
	return slices.Equal(n.Given, o.Given) && slices.Equal(n.Family, o.Family) && slices.Equal(n.Other, o.Other)
}

// sepClass restricts the text allowed between the tokens of a pattern.
type sepClass uint8

const (
	sepName      sepClass = iota // space, full stop: "Jane Doe", "J. Doe"
	sepNameComma                 // sepName plus comma: "Doe, Jane"
	sepDotted                    // must contain a full stop: "J.D."
	sepDate                      // "14/05/1990", "14 May, 1990", "May '90"
	sepSlash                     // exactly "/": "14/05"
	sepLoose                     // up to three non-word characters
)

// seqPattern is a sequence of token keys to find in the text: the n
// tokens of the Matcher from index tok on.
type seqPattern struct {
	tok, n int32
	// next is the index in Matcher.pats of the next pattern with the
	// same first token, or -1.
	next int32
	// hash hashes the tokens, so that the builder can tell most patterns
	// of a chain from a new one without comparing tokens.
	hash uint32
	seqAttrs
}

// seqAttrs are the attributes of a seqPattern besides its tokens.
type seqAttrs struct {
	kind seqKind
	sep  sepClass
	// weak marks a single name token that is also an ordinary word or a
	// very short word ("May", "Ed"): it is reported only when casing or a
	// neighbouring title or name says it is a name.
	weak bool
	// initials marks an undotted run of initials ("JD"), reported only
	// when written in capitals or when casing carries no information.
	initials bool
}

// seqKind is the Kind of a token-sequence pattern, kept as an index into
// seqKinds so that patterns hold no pointers.
type seqKind uint8

const (
	seqName seqKind = iota
	seqDate
	seqEmail
	seqHandle
	seqAddress
	seqOther
)

var seqKinds = [...]Kind{
	seqName:    KindName,
	seqDate:    KindDate,
	seqEmail:   KindEmail,
	seqHandle:  KindHandle,
	seqAddress: KindAddress,
	seqOther:   KindOther,
}

// Kind returns the Kind that k stands for.
func (k seqKind) Kind() Kind { return seqKinds[k] }

// projPattern is a value searched for in a projection of the text.
type projPattern struct {
	value string
	kind  Kind
	// phone marks a national significant number, extended backwards
	// over 0, 44, 0044 and '+' when found.
	phone bool
}

// Matcher finds the surface variants of one record's known identifiers.
// It is immutable and safe for concurrent use.
type Matcher struct {
	// pats holds the token-sequence patterns. Those with the same first
	// token form a chain through seqPattern.next, whose head first finds.
	pats  []seqPattern
	first firstIndex
	// text holds the tokens of all patterns back to back: token i is
	// text[bounds[i]:bounds[i+1]]. A record has hundreds of them, and
	// this way they cost the builder no allocation each, and the garbage
	// collector no pointers to scan. text is never written after
	// NewMatcher returns.
	text   []byte
	bounds []int
	// digits are searched in the digit projection, anywhere; minDigits is
	// the length of the shortest, so that a text with fewer digits is
	// not projected at all.
	digits    []projPattern
	minDigits int
	// alnums are searched in the alphanumeric projection, on word
	// boundaries; alnumStart has bit c set when one of them starts with
	// the byte c.
	alnums     []projPattern
	alnumStart byteSet
	alnumFirst []byte // the first byte of each of alnums
	// firstKeys has bit len(k)<<8|k[0] set, for lengths below 16, when
	// some pattern starts with the token k; see mayStart.
	firstKeys [16 * 256 / 64]uint64
	titles    map[string]bool // the record's own titles, beyond the common ones
	empty     bool
	// spare holds the builder's buffers as the build left them, for
	// Recompile; nothing reads them after the build.
	spare *builderSlices
}

// isTitle reports whether the token key k is a title.
func (m *Matcher) isTitle(k string) bool {
	return titles[k] || m.titles[k]
}

// byteSet is a set of bytes.
type byteSet [4]uint64

func (s *byteSet) add(c byte)      { s[c>>6] |= 1 << (c & 63) }
func (s *byteSet) has(c byte) bool { return s[c>>6]&(1<<(c&63)) != 0 }

// matcherBuilder accumulates patterns without duplicates.
//
// A record yields a hundred or more patterns from a few dozen values, and
// NewMatcher runs once per record, so the builder avoids the small
// allocations that would otherwise dominate: pattern tokens are copied
// into one buffer, the builder's own token lists go to an arena, values
// are tokenised into one reused buffer, and date forms come from tables.
type matcherBuilder struct {
	m *Matcher
	// names holds every name token key, for the e-mail rule.
	names []string
	// lists backs the token lists the builder works from (a name's keys
	// and parts, an e-mail's local part); it is only appended to, so a
	// list taken from it stays valid for the whole build.
	lists []string
	// scratch is reused by cat for token lists addSeq then copies.
	scratch []string
	// toks is reused by tokens.
	toks []token
	// lastFirst is the first token addSeq last looked up, and lastHead
	// the head of its chain, or -1 if it had none.
	lastFirst string
	lastHead  int32
	// digits and alnums are the capacities to give Matcher.digits and
	// Matcher.alnums: as many as there are values that may yield them.
	digits, alnums int
}

// builderSlices are the builder's buffers, kept with the Matcher it built
// so that Recompile can build in them again.
type builderSlices struct {
	lists, scratch, names []string
	toks                  []token
}

// builderBuffers holds the builder's first buffers, allocated as one.
type builderBuffers struct {
	builderSlices
	lists   [32]string
	scratch [8]string
	toks    [8]token
}

// keep appends toks to the Matcher's tokens and returns the index of the
// first.
func (b *matcherBuilder) keep(toks []string) int32 {
	m := b.m
	first := len(m.bounds) - 1
	// Appending to locals stores the slices back once, not per token.
	text, bounds := m.text, m.bounds
	for _, t := range toks {
		text = append(text, t...)
		bounds = append(bounds, len(text))
	}
	m.text, m.bounds = text, bounds
	return int32(first)
}

// tokIs reports whether token i of the Matcher is s.
func (m *Matcher) tokIs(i int, s string) bool {
	return string(m.text[m.bounds[i]:m.bounds[i+1]]) == s
}

// tokensAre reports whether the tokens of p are toks.
func (m *Matcher) tokensAre(p *seqPattern, toks []string) bool {
	if int(p.n) != len(toks) {
		return false
	}
	for k, t := range toks {
		if !m.tokIs(int(p.tok)+k, t) {
			return false
		}
	}
	return true
}

// cat concatenates token lists into the builder's scratch list, which is
// valid until the next call.
func (b *matcherBuilder) cat(ss ...[]string) []string {
	out := b.scratch[:0]
	for _, s := range ss {
		out = append(out, s...)
	}
	b.scratch = out
	return out
}

// tokens tokenises the normalised value s into the builder's token
// buffer, valid until the next call.
func (b *matcherBuilder) tokens(s string) []token {
	b.toks = tokenizeInto(b.toks[:0], s)
	return b.toks
}

// keys returns the keys of ts as a list that stays valid for the build.
func (b *matcherBuilder) keys(ts []token) []string {
	n := len(b.lists)
	for _, t := range ts {
		b.lists = append(b.lists, t.key)
	}
	return b.lists[n:len(b.lists):len(b.lists)]
}

// parts splits the tokens ts at the apostrophes and hyphens kept inside
// them, so "o'neill" also matches "O Neill". The list stays valid for the
// build.
func (b *matcherBuilder) parts(ts []token) []string {
	n := len(b.lists)
	for _, t := range ts {
		b.lists = appendFields(b.lists, t.text)
	}
	return b.lists[n:len(b.lists):len(b.lists)]
}

// appendFields appends the non-empty fields of s between apostrophes and
// hyphens, as strings.FieldsFunc would return them.
func appendFields(dst []string, s string) []string {
	start := -1
	for i := 0; i < len(s); i++ {
		if s[i] == '\'' || s[i] == '-' {
			if start >= 0 {
				dst = append(dst, s[start:i])
				start = -1
			}
		} else if start < 0 {
			start = i
		}
	}
	if start >= 0 {
		dst = append(dst, s[start:])
	}
	return dst
}

// addSeq adds the pattern toks with attributes at, unless it holds an
// empty token or is there already.
func (b *matcherBuilder) addSeq(toks []string, at seqAttrs) {
	if len(toks) == 0 {
		return
	}
	var h uint32
	for _, t := range toks {
		if t == "" {
			return
		}
		h = (h ^ tokenHash(t)) * 0x01000193
	}
	// Equal patterns share their first token, so a pattern already added
	// is in the same chain; chains hold a few dozen patterns at most.
	m := b.m
	last := int32(-1)
	head := b.lastHead
	if toks[0] != b.lastFirst || head < 0 {
		// Patterns come in runs with the same first token (a date's day,
		// a given name), so the last lookup is usually the one needed.
		head = m.first.get(m, toks[0])
		b.lastFirst, b.lastHead = toks[0], head
	}
	for i := head; i >= 0; i = m.pats[i].next {
		if p := &m.pats[i]; p.hash == h && p.seqAttrs == at && m.tokensAre(p, toks) {
			return
		}
		last = i
	}
	n := int32(len(m.pats))
	m.pats = append(m.pats, seqPattern{tok: b.keep(toks), n: int32(len(toks)), next: -1, hash: h, seqAttrs: at})
	if last >= 0 {
		m.pats[last].next = n
	} else {
		m.first.put(m, n)
		b.lastFirst, b.lastHead = toks[0], n
	}
}

func (b *matcherBuilder) addDigits(v string, k Kind, phone bool) {
	if v == "" {
		return
	}
	for _, p := range b.m.digits {
		if p.value == v && p.kind == k {
			return
		}
	}
	if b.m.digits == nil {
		b.m.digits = make([]projPattern, 0, b.digits)
	}
	b.m.digits = append(b.m.digits, projPattern{value: v, kind: k, phone: phone})
}

func (b *matcherBuilder) addAlnum(v string, k Kind) {
	if v == "" {
		return
	}
	for _, p := range b.m.alnums {
		if p.value == v && p.kind == k {
			return
		}
	}
	if b.m.alnums == nil {
		b.m.alnums = make([]projPattern, 0, b.alnums)
	}
	b.m.alnums = append(b.m.alnums, projPattern{value: v, kind: k})
}

// isASCII reports whether s is all ASCII.
func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// renormalize returns normText(s) for a string s that is already a
// matching copy, without copying it when normalising again changes
// nothing: ASCII made of bytes the fold keeps, with no run of spaces.
func renormalize(s string) string {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf || asciiFold[c] != c || c == ' ' && i > 0 && s[i-1] == ' ' {
			return normText(s)
		}
	}
	return s
}

// squash returns the letters and digits of a normalised value.
func squash(s string) string {
	if isASCII(s) {
		// normText folds each ASCII byte and collapses spaces, which
		// are dropped here anyway.
		var buf [64]byte
		b := buf[:0]
		for i := 0; i < len(s); i++ {
			if c := asciiFold[s[i]]; isWordByte(c) {
				b = append(b, c)
			}
		}
		return string(b)
	}
	t := normText(s)
	var b strings.Builder
	for i := 0; i < len(t); {
		sz, word, _ := wordRuneAt(t, i)
		if word {
			b.WriteString(t[i : i+sz])
		}
		i += sz
	}
	return b.String()
}

func onlyDigits(s string) string {
	if isASCII(s) {
		// The fold leaves ASCII digits alone and makes no new ones.
		var buf [32]byte
		b := buf[:0]
		for i := 0; i < len(s); i++ {
			if isDigit(s[i]) {
				b = append(b, s[i])
			}
		}
		return string(b)
	}
	var b strings.Builder
	for _, r := range normText(s) {
		if r >= '0' && r <= '9' {
			b.WriteRune(r)
		}
	}
	return b.String()
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) {
			return false
		}
	}
	return s != ""
}

// NewMatcher compiles the known identifiers of one record. Empty and
// unusable values are ignored; NewMatcher never fails.
func NewMatcher(k Known) *Matcher {
	np := estimatePatterns(k)
	bufs := new(builderBuffers)
	bufs.builderSlices = builderSlices{lists: bufs.lists[:0], scratch: bufs.scratch[:0], toks: bufs.toks[:0]}
	m := &Matcher{
		pats: make([]seqPattern, 0, np),
		// A pattern has two or three tokens of about four bytes.
		text:   make([]byte, 0, 10*np),
		bounds: append(make([]int, 0, 5*np/2+1), 0),
		spare:  &bufs.builderSlices,
	}
	m.first.init(np)
	return build(m, k)
}

// Recompile returns the Matcher of k, the one NewMatcher(k) returns,
// built in the memory of m. m must not be used after the call: the
// result is m itself, holding k's identifiers. A caller that compiles a
// Matcher for each record and is done with it before the next saves
// nearly all of NewMatcher's allocations this way. A nil m gives
// NewMatcher(k).
func (m *Matcher) Recompile(k Known) *Matcher {
	if m == nil {
		return NewMatcher(k)
	}
	np := estimatePatterns(k)
	// Drop the references to the last record's values, and start every
	// field from its zero value but for the memory kept.
	clear(m.digits)
	clear(m.alnums)
	clear(m.titles)
	first := firstIndex{slots: m.first.slots}
	if len(first.slots) < np/2 {
		first.init(np)
	} else {
		clear(first.slots)
	}
	*m = Matcher{
		pats:       slices.Grow(m.pats[:0], np),
		first:      first,
		text:       m.text[:0],
		bounds:     append(m.bounds[:0], 0),
		digits:     m.digits[:0],
		alnums:     m.alnums[:0],
		alnumFirst: m.alnumFirst[:0],
		titles:     m.titles,
		spare:      m.spare,
	}
	sp := m.spare
	clear(sp.lists[:cap(sp.lists)])
	clear(sp.scratch[:cap(sp.scratch)])
	clear(sp.names[:cap(sp.names)])
	clear(sp.toks[:cap(sp.toks)])
	return build(m, k)
}

// build adds the patterns of k to m, a Matcher with no patterns, and
// returns m.
func build(m *Matcher, k Known) *Matcher {
	sp := m.spare
	b := &matcherBuilder{
		m:        m,
		lists:    sp.lists[:0],
		scratch:  sp.scratch[:0],
		names:    sp.names[:0],
		toks:     sp.toks[:0],
		lastHead: -1,
		digits:   len(k.NHSNumbers) + len(k.Phones) + len(k.Registrations) + len(k.Other),
		alnums:   len(k.Postcodes) + 2*len(k.Emails) + len(k.Handles) + len(k.Addresses) + len(k.Registrations) + len(k.Other),
	}
	// A value repeated in a list adds nothing the first did not, and
	// records repeat values often: the reporter is the practitioner, the
	// practitioner the prescriber.
	for i, t := range k.Titles {
		if repeated(k.Titles, i) {
			continue
		}
		for _, tk := range b.tokens(normText(t)) {
			if titles[tk.key] {
				continue
			}
			if b.m.titles == nil {
				b.m.titles = make(map[string]bool)
			}
			b.m.titles[tk.key] = true
		}
	}
	b.addNames(k)
	for i, d := range k.DatesOfBirth {
		if !repeatedDate(k.DatesOfBirth, i) {
			b.addDate(d)
		}
	}
	for i, v := range k.NHSNumbers {
		if d := onlyDigits(v); len(d) >= 7 && !repeated(k.NHSNumbers, i) {
			b.addDigits(d, KindNHSNumber, false)
		}
	}
	for i, v := range k.Phones {
		if !repeated(k.Phones, i) {
			b.addPhone(v)
		}
	}
	for i, v := range k.Emails {
		if !repeated(k.Emails, i) {
			b.addEmail(v)
		}
	}
	for i, v := range k.Handles {
		if !repeated(k.Handles, i) {
			b.addHandle(v)
		}
	}
	for i, v := range k.Postcodes {
		if repeated(k.Postcodes, i) {
			continue
		}
		if s := squash(v); len(s) >= 4 {
			b.addAlnum(s, KindPostcode)
		}
	}
	for i, v := range k.Addresses {
		if !repeated(k.Addresses, i) {
			b.addAddress(v)
		}
	}
	for i, v := range k.Registrations {
		if !repeated(k.Registrations, i) {
			b.addIdentifier(v, KindRegistration)
		}
	}
	for i, v := range k.Other {
		if repeated(k.Other, i) {
			continue
		}
		b.addIdentifier(v, KindOther)
		if ts := b.tokens(normText(v)); len(ts) > 1 {
			b.addSeq(b.keys(ts), seqAttrs{kind: seqOther, sep: sepLoose})
		}
	}
	for _, p := range m.digits {
		if m.minDigits == 0 || len(p.value) < m.minDigits {
			m.minDigits = len(p.value)
		}
	}
	for _, p := range m.alnums {
		m.alnumStart.add(p.value[0])
		m.alnumFirst = append(m.alnumFirst, p.value[0])
	}
	m.empty = len(m.pats) == 0 && len(m.digits) == 0 && len(m.alnums) == 0
	*sp = builderSlices{lists: b.lists[:0], scratch: b.scratch[:0], names: b.names[:0], toks: b.toks[:0]}
	return m
}

// repeated reports whether list[i] occurs earlier in list.
func repeated(list []string, i int) bool {
	return slices.Contains(list[:i], list[i])
}

// repeatedDate reports whether the date of ts[i] is that of an earlier
// time, which addDate did not skip as zero.
func repeatedDate(ts []time.Time, i int) bool {
	y, m, d := ts[i].Date()
	for _, t := range ts[:i] {
		if ty, tm, td := t.Date(); ty == y && tm == m && td == d && !t.IsZero() {
			return true
		}
	}
	return false
}

// estimatePatterns guesses how many token-sequence patterns k yields, so
// that the builder can allocate once.
func estimatePatterns(k Known) int {
	names, pairs := 0, 0
	for _, n := range k.Names {
		names += len(n.Given) + len(n.Family) + len(n.Other)
		pairs += len(n.Given) * len(n.Family) * (6 + 3*len(n.Other))
	}
	return 8 + 3*names + pairs + 64*len(k.DatesOfBirth) + 6*len(k.Emails) + 6*len(k.Addresses) + len(k.Handles) + len(k.Other)
}

// addIdentifier adds a code-like value: long digit strings match anywhere
// in the digit projection (separators ignored), anything else matches on
// word boundaries with separators ignored.
func (b *matcherBuilder) addIdentifier(v string, k Kind) {
	s := squash(v)
	switch {
	case allDigits(s) && len(s) >= 7:
		b.addDigits(s, k, false)
	case len(s) >= 3:
		b.addAlnum(s, k)
	}
}

// nameWeak reports whether a single-token name is also an ordinary or very
// short word and so needs corroboration before it is reported.
func nameWeak(key string) bool {
	return len(key) <= 2 || isCommonWord(key) || shortWords[key] || functionWords[key] ||
		isCue(key) || streetTypes[key] != ""
}

func (b *matcherBuilder) addSingleName(key string) {
	if key == "" || nameParticles[key] || len(key) < 2 {
		return
	}
	b.names = append(b.names, key)
	weak := nameWeak(key)
	b.addSeq([]string{key}, seqAttrs{kind: seqName, sep: sepName, weak: weak})
	if len(key) >= 3 && !weak {
		// Possessive or plural without the apostrophe: "Janes", "Joness".
		b.addSeq([]string{key + "s"}, seqAttrs{kind: seqName, sep: sepName})
	}
}

// isName reports whether key is one of the record's name tokens.
func (b *matcherBuilder) isName(key string) bool {
	return slices.Contains(b.names, key)
}

// knownName is one name value's token keys, its parts split at apostrophes
// and hyphens, and the initial of its first key.
type knownName struct {
	keys, parts []string
	initial     string
}

// collectNames appends the names of list to dst, each once: a name
// spelled the same as an earlier one of the list adds no pattern the
// earlier did not.
func (b *matcherBuilder) collectNames(dst []knownName, list []string) []knownName {
	from := len(dst)
	for _, v := range list {
		ts := b.tokens(normText(v))
		if len(ts) == 0 {
			continue
		}
		ks := b.keys(ts)
		n := knownName{keys: ks, parts: b.parts(ts), initial: initialOf(ks)}
		if !slices.ContainsFunc(dst[from:], n.same) {
			dst = append(dst, n)
		}
	}
	return dst
}

// same reports whether two names have the same keys and parts, from
// which all their patterns follow.
func (n knownName) same(o knownName) bool {
	return slices.Equal(n.keys, o.keys) && slices.Equal(n.parts, o.parts)
}

// addNames adds each person's names: every name and its parts alone,
// and the combinations of one person's parts. A person named exactly as
// an earlier one (the reporter who is also the practitioner) adds nothing
// the earlier did not.
func (b *matcherBuilder) addNames(k Known) {
	var buf [16]knownName
	for i := range k.Names {
		n := &k.Names[i]
		if slices.ContainsFunc(k.Names[:i], n.same) {
			continue
		}
		all := b.collectNames(buf[:0], n.Given)
		ng := len(all)
		all = b.collectNames(all, n.Family)
		nf := len(all)
		all = b.collectNames(all, n.Other)
		for _, name := range all {
			b.addName(name)
		}
		b.addCombinations(all[:ng], all[ng:nf], all[nf:])
	}
}

// addName adds one name alone: as a whole, and by its words and parts.
func (b *matcherBuilder) addName(n knownName) {
	ks, ps := n.keys, n.parts
	// Multi-word names as a whole; single words go through
	// addSingleName, which knows about ambiguous words.
	if len(ks) > 1 {
		b.addSeq(ks, seqAttrs{kind: seqName, sep: sepName})
	}
	if len(ps) > 1 {
		b.addSeq(ps, seqAttrs{kind: seqName, sep: sepName})
	}
	for _, key := range ks {
		b.addSingleName(key)
	}
	for _, p := range ps {
		if len(p) >= 3 {
			b.addSingleName(p)
		}
	}
	if len(ps) > 1 {
		// "ONeill" for "O'Neill", "SmithJones" for "Smith-Jones".
		b.addSingleName(strings.Join(ps, ""))
	}
}

// addCombinations adds one person's full names in either order, and
// initials with a surname.
func (b *matcherBuilder) addCombinations(given, family, other []knownName) {
	for _, g := range given {
		gk, gi := g.keys, []string{g.initial}
		for _, f := range family {
			fk, fi := f.keys, []string{f.initial}
			b.addSeq(b.cat(gk, fk), seqAttrs{kind: seqName, sep: sepName})
			b.addSeq(b.cat(fk, gk), seqAttrs{kind: seqName, sep: sepNameComma})
			// "J. Doe", "J Doe", "Doe, J."
			b.addSeq(b.cat(gi, fk), seqAttrs{kind: seqName, sep: sepName})
			b.addSeq(b.cat(fk, gi), seqAttrs{kind: seqName, sep: sepNameComma})
			// "J.D." and "J. M. D."
			b.addSeq(b.cat(gi, fi), seqAttrs{kind: seqName, sep: sepDotted})
			b.addSeq([]string{g.initial + f.initial}, seqAttrs{kind: seqName, sep: sepName, initials: true})
			for _, o := range other {
				oi := []string{o.initial}
				b.addSeq(b.cat(gi, oi, fk), seqAttrs{kind: seqName, sep: sepName})
				b.addSeq(b.cat(gi, oi, fi), seqAttrs{kind: seqName, sep: sepDotted})
				b.addSeq([]string{g.initial + o.initial + f.initial}, seqAttrs{kind: seqName, sep: sepName, initials: true})
			}
		}
	}
}

// initialOf returns the first letter of the first non-empty key, or ""
// if there is none.
func initialOf(ks []string) string {
	for _, k := range ks {
		r, sz := utf8.DecodeRuneInString(k)
		switch {
		case sz == 0:
			continue
		case r == utf8.RuneError && sz == 1:
			// As ranging over the key would see it.
			return string(utf8.RuneError)
		}
		return k[:sz]
	}
	return ""
}

// ordinal returns "1st", "2nd", "3rd", "4th", "11th" and so on.
func ordinal(d int) string {
	if d >= 0 && d < len(ordinals) {
		return ordinals[d]
	}
	return strconv.Itoa(d) + ordinalSuffix(d)
}

func ordinalSuffix(d int) string {
	if d%100 < 11 || d%100 > 13 {
		switch d % 10 {
		case 1:
			return "st"
		case 2:
			return "nd"
		case 3:
			return "rd"
		}
	}
	return "th"
}

// Day and month numbers as written in dates, so that the hundred-odd
// forms of a date of birth cost no formatting: decimals[n] is n without a
// leading zero, twoDigitNumbers[n] with one, ordinals[n] is "1st" and so
// on.
var (
	decimals, twoDigitNumbers [100]string
	ordinals                  [32]string
)

func init() {
	for n := range decimals {
		decimals[n] = strconv.Itoa(n)
		twoDigitNumbers[n] = string([]byte{byte('0' + n/10), byte('0' + n%10)})
	}
	for n := range ordinals {
		ordinals[n] = strconv.Itoa(n) + ordinalSuffix(n)
	}
}

// numberForms returns n (0 <= n < 100) without and with a leading zero,
// once when they are the same.
func numberForms(n int, buf *[2]string) []string {
	if n >= 10 {
		buf[0] = twoDigitNumbers[n]
		return buf[:1]
	}
	buf[0], buf[1] = decimals[n], twoDigitNumbers[n]
	return buf[:2]
}

// addDate adds every common written form of a date of birth: day-first
// and ISO numeric forms with 2- or 4-digit years, month-first forms, day
// and month names with and without ordinals and "of", month and day
// without a year, and the contiguous digit forms.
//
// A day or month of 10 or more has one numeric form, not two equal ones,
// which leaves out only patterns that would be duplicates.
func (b *matcherBuilder) addDate(t time.Time) {
	if t.IsZero() {
		return
	}
	d, mo, y := t.Day(), int(t.Month()), t.Year()
	var dBuf, mBuf [2]string
	var dAllBuf [3]string
	var mAllBuf [5]string
	dNum := numberForms(d, &dBuf)
	dAll := append(append(dAllBuf[:0], dNum...), ordinal(d))
	mNum := numberForms(mo, &mBuf)
	mName := monthNames[mo]
	mAll := append(append(mAllBuf[:0], mNum...), mName...)
	yy2 := ""
	if c := y % 100; c >= 0 {
		yy2 = twoDigitNumbers[c]
	} else {
		yy2 = twoDigits(c)
	}
	years := [2]string{fourDigits(y), yy2}
	joined := dateRuns(dNum, mNum, years)
	for yi, yy := range years {
		for _, dd := range dAll {
			for _, mm := range mAll {
				b.addDateSeq(sepDate, dd, mm, yy)
			}
			for _, mm := range mName {
				b.addDateSeq(sepDate, mm, dd, yy)
				b.addDateSeq(sepDate, dd, "of", mm, yy)
			}
		}
		for _, dd := range dNum {
			for _, mm := range mNum {
				b.addDateSeq(sepDate, mm, dd, yy) // month-first, as US forms write it
			}
		}
		for mi, mm := range mNum {
			for di, dd := range dNum {
				if len(yy) == 4 {
					b.addDateSeq(sepDate, yy, mm, dd)
				}
				r := &joined[yi][mi][di]
				b.addDateSeq(sepName, r[0]) // dd+mm+yy
				if len(yy) == 4 {
					b.addDateSeq(sepName, r[1]) // yy+mm+dd
				}
			}
		}
	}
	for _, dd := range dAll {
		for _, mm := range mName {
			b.addDateSeq(sepDate, dd, mm)
			b.addDateSeq(sepDate, mm, dd)
			b.addDateSeq(sepDate, dd, "of", mm)
		}
	}
	for _, dd := range dNum {
		for _, mm := range mNum {
			b.addDateSeq(sepSlash, dd, mm)
		}
	}
}

func (b *matcherBuilder) addDateSeq(sep sepClass, toks ...string) {
	b.addSeq(toks, seqAttrs{kind: seqDate, sep: sep})
}

// dateRuns returns, for each year, month and day form, the contiguous
// forms day+month+year and year+month+day, cut from one string.
func dateRuns(dNum, mNum []string, years [2]string) (out [2][2][2][2]string) {
	var buf [96]byte
	b := buf[:0]
	type cut struct{ i, j int }
	var cuts [2][2][2][2]cut
	for yi, yy := range years {
		for mi, mm := range mNum {
			for di, dd := range dNum {
				n := len(b)
				b = append(append(append(b, dd...), mm...), yy...)
				cuts[yi][mi][di][0] = cut{n, len(b)}
				n = len(b)
				b = append(append(append(b, yy...), mm...), dd...)
				cuts[yi][mi][di][1] = cut{n, len(b)}
			}
		}
	}
	s := string(b)
	for yi := range cuts {
		for mi := range cuts[yi] {
			for di := range cuts[yi][mi] {
				for k, c := range cuts[yi][mi][di] {
					out[yi][mi][di][k] = s[c.i:c.j]
				}
			}
		}
	}
	return out
}

// twoDigits formats 0 <= n < 100 as two digits, as "%02d" does.
func twoDigits(n int) string {
	return string([]byte{byte('0' + n/10), byte('0' + n%10)})
}

// fourDigits formats n as "%04d" does.
func fourDigits(n int) string {
	s := strconv.Itoa(n)
	for len(s) < 4 && n >= 0 {
		s = "0" + s
	}
	if n < 0 {
		return fmt.Sprintf("%04d", n)
	}
	return s
}

// addPhone adds a phone number by its national significant number: the
// digits without the +44, 0044 or 0 prefix. Non-UK numbers are matched on
// their digits as written, less any international 00.
func (b *matcherBuilder) addPhone(v string) {
	d := onlyDigits(v)
	switch {
	case strings.HasPrefix(d, "0044"):
		d = d[4:]
	case strings.HasPrefix(d, "44") && len(d) >= 11:
		d = d[2:]
	case strings.HasPrefix(d, "00"):
		d = d[2:]
	}
	d = strings.TrimPrefix(d, "0")
	if len(d) >= 7 {
		b.addDigits(d, KindPhone, true)
	}
}

// addEmail adds an address whole (with "[at]"/"dot" spellings) and, when
// it is personal and not just the person's name, its local part.
func (b *matcherBuilder) addEmail(v string) {
	t := normText(v)
	at := strings.LastIndexByte(t, '@')
	if at <= 0 || at == len(t)-1 {
		b.addIdentifier(v, KindEmail)
		return
	}
	lk := b.keys(b.tokens(renormalize(t[:at])))
	dk := b.keys(b.tokens(renormalize(t[at+1:])))
	if len(lk) == 0 || len(dk) == 0 {
		return
	}
	n := len(b.lists)
	b.lists = append(b.lists, dk[0])
	for _, k := range dk[1:] {
		b.lists = append(b.lists, "dot", k)
	}
	spelledDomain := b.lists[n:len(b.lists):len(b.lists)]
	at1 := []string{"at"}
	for _, dom := range [2][]string{dk, spelledDomain} {
		b.addSeq(b.cat(lk, dom), seqAttrs{kind: seqEmail, sep: sepLoose})
		b.addSeq(b.cat(lk, at1, dom), seqAttrs{kind: seqEmail, sep: sepLoose})
	}
	b.addAlnum(squash(t), KindEmail)
	// The local part alone, unless it is a role mailbox or nothing but
	// the person's name (names are swept as names).
	if genericLocal(lk) || genericLocalParts[t[:at]] {
		return
	}
	allNames := true
	for _, k := range lk {
		if !b.isName(k) {
			allNames = false
		}
	}
	if allNames {
		return
	}
	if s := squash(t[:at]); len(s) >= 4 {
		b.addAlnum(s, KindEmail)
	}
	if len(lk) > 1 {
		b.addSeq(lk, seqAttrs{kind: seqEmail, sep: sepLoose})
	}
}

// genericLocal reports whether the keys of a local part, run together,
// are a role mailbox's.
func genericLocal(lk []string) bool {
	var buf [64]byte
	b := buf[:0]
	for _, k := range lk {
		b = append(b, k...)
	}
	return genericLocalParts[string(b)]
}

// addHandle adds a handle with any of '.', '_' or '-' between its parts,
// or none, with or without the '@'.
func (b *matcherBuilder) addHandle(v string) {
	ts := b.tokens(normText(v))
	if len(ts) == 0 {
		return
	}
	if len(ts) > 1 {
		b.addSeq(b.keys(ts), seqAttrs{kind: seqHandle, sep: sepLoose})
	}
	if s := squash(v); len(s) >= 3 {
		b.addAlnum(s, KindHandle)
	}
}

// addAddress adds each line of an address, with street-type
// abbreviations interchangeable and, for a numbered street line, the
// street name without its number.
func (b *matcherBuilder) addAddress(v string) {
	for len(v) > 0 {
		// The lines are the non-empty fields between commas, line breaks
		// and semicolons.
		i := strings.IndexAny(v, ",\n;")
		line := v
		if i >= 0 {
			line, v = v[:i], v[i+1:]
		} else {
			v = ""
		}
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		norm := normText(line)
		ts := b.tokens(norm)
		if len(ts) <= 2 && rePostcode.MatchString(norm) {
			if s := squash(line); len(s) >= 5 && len(s) <= 7 {
				b.addAlnum(s, KindPostcode)
				continue
			}
		}
		if len(ts) == 0 {
			continue
		}
		b.addStreetVariants(b.keys(ts))
	}
}

// addStreetVariants adds the address line ks with its street-type words
// in every spelling of the same type ("acacia avenue" also as "acacia
// ave" and "acacia av"), and each variant that starts with a house
// number also without it. The first word is never taken for a street
// type, and expansion stops at the word that would take the variants
// past 64.
func (b *matcherBuilder) addStreetVariants(ks []string) {
	var posBuf [8]int
	var spellBuf [8][]string
	pos, spell := posBuf[:0], spellBuf[:0]
	count := 1
	for i, k := range ks {
		full := streetTypes[k]
		if full == "" || i == 0 {
			continue
		}
		s := streetSpellings[full]
		if count*len(s) > 64 {
			break
		}
		count *= len(s)
		pos, spell = append(pos, i), append(spell, s)
	}
	v := b.cat(ks)
	var odoBuf [8]int
	odo := odoBuf[:0]
	for range pos {
		odo = append(odo, 0)
	}
	for {
		for x, i := range pos {
			v[i] = spell[x][odo[x]]
		}
		b.addAddressSeq(v)
		if len(v) > 1 && v[0] != "" && isDigit(v[0][0]) {
			b.addAddressSeq(v[1:])
		}
		// Next combination, the last position fastest.
		x := len(odo) - 1
		for ; x >= 0; x-- {
			if odo[x]++; odo[x] < len(spell[x]) {
				break
			}
			odo[x] = 0
		}
		if x < 0 {
			return
		}
	}
}

func (b *matcherBuilder) addAddressSeq(ks []string) {
	if len(ks) == 1 {
		k := ks[0]
		if len(k) < 3 || isCommonWord(k) || streetTypes[k] != "" || allDigits(k) {
			return
		}
	}
	b.addSeq(ks, seqAttrs{kind: seqAddress, sep: sepLoose})
}

// streetSpellings maps each street type to all its spellings, sorted so
// that pattern generation is deterministic.
var streetSpellings = func() map[string][]string {
	m := make(map[string][]string)
	for abbr, full := range streetTypes {
		m[full] = append(m[full], abbr)
	}
	for _, v := range m {
		sort.Strings(v)
	}
	return m
}()
