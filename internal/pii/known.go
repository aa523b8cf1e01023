package pii

import (
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"
)

// Known holds the identifiers a record already carries. NewMatcher turns
// them into a Matcher that finds every surface variant of each value in
// free text. Values are given as they are stored; the matcher normalises
// them exactly as it normalises text, so case, diacritics, width,
// invisible characters and look-alike letters never matter.
type Known struct {
	// GivenNames are first names, one name per entry ("Jane", "Mary Ann").
	GivenNames []string
	// FamilyNames are surnames ("Doe", "O'Neill", "Smith-Jones").
	FamilyNames []string
	// OtherNames are middle names, nicknames, aliases, maiden names.
	OtherNames []string
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

// seqPattern is a sequence of token keys to find in the text.
type seqPattern struct {
	toks []string
	kind Kind
	sep  sepClass
	// weak marks a single name token that is also an ordinary word or a
	// very short word ("May", "Ed"): it is reported only when casing or a
	// neighbouring title or name says it is a name.
	weak bool
	// initials marks an undotted run of initials ("JD"), reported only
	// when written in capitals or when casing carries no information.
	initials bool
	// next is the index in Matcher.pats of the next pattern with the
	// same first token, or -1.
	next int32
}

// chain is the first and last pattern of one first token's list.
type chain struct{ head, tail int32 }

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
	// seqs maps a first token to its patterns, chained through pats in
	// the order they were added.
	seqs   map[string]chain
	pats   []seqPattern
	digits []projPattern   // searched in the digit projection, anywhere
	alnums []projPattern   // searched in the alphanumeric projection, on word boundaries
	titles map[string]bool // the record's own titles, beyond the common ones
	empty  bool
}

// isTitle reports whether the token key k is a title.
func (m *Matcher) isTitle(k string) bool {
	return titles[k] || m.titles[k]
}

// matcherBuilder accumulates patterns without duplicates.
type matcherBuilder struct {
	m     *Matcher
	names map[string]bool // every name token key, for the e-mail rule
	// arena backs the token lists of the patterns, so that a record's
	// hundreds of patterns cost a few allocations rather than one each.
	arena []string
	// scratch is reused by cat for token lists addSeq then copies.
	scratch []string
}

// keep copies toks into the arena.
func (b *matcherBuilder) keep(toks []string) []string {
	if cap(b.arena)-len(b.arena) < len(toks) {
		b.arena = make([]string, 0, max(256, len(toks)))
	}
	n := len(b.arena)
	b.arena = append(b.arena, toks...)
	return b.arena[n:len(b.arena):len(b.arena)]
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

func (b *matcherBuilder) addSeq(p seqPattern) {
	if len(p.toks) == 0 {
		return
	}
	for _, t := range p.toks {
		if t == "" {
			return
		}
	}
	// Equal patterns share their first token, so a pattern already added
	// is in the same chain; chains hold a handful of patterns.
	m := b.m
	c, ok := m.seqs[p.toks[0]]
	if ok {
		for i := c.head; i >= 0; i = m.pats[i].next {
			if m.pats[i].equal(&p) {
				return
			}
		}
	}
	n := int32(len(m.pats))
	m.pats = append(m.pats, seqPattern{toks: b.keep(p.toks), kind: p.kind, sep: p.sep, weak: p.weak, initials: p.initials, next: -1})
	if ok {
		m.pats[c.tail].next = n
		c.tail = n
	} else {
		c = chain{n, n}
	}
	m.seqs[m.pats[n].toks[0]] = c
}

// equal reports whether two patterns are the same in every respect.
func (p *seqPattern) equal(q *seqPattern) bool {
	return p.kind == q.kind && p.sep == q.sep && p.weak == q.weak && p.initials == q.initials && slices.Equal(p.toks, q.toks)
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
	b.m.alnums = append(b.m.alnums, projPattern{value: v, kind: k})
}

// normTokens normalises a stored value and splits it into tokens.
func normTokens(s string) []token {
	return tokenize(normText(s))
}

func keys(ts []token) []string {
	out := make([]string, len(ts))
	for i, t := range ts {
		out[i] = t.key
	}
	return out
}

// parts splits token keys at the apostrophes and hyphens kept inside
// tokens, so "o'neill" also matches "O Neill".
func parts(ts []token) []string {
	var out []string
	for _, t := range ts {
		out = append(out, strings.FieldsFunc(t.text, func(r rune) bool { return r == '\'' || r == '-' })...)
	}
	return out
}

// squash returns the letters and digits of a normalised value.
func squash(s string) string {
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
	b := &matcherBuilder{
		m:     &Matcher{seqs: make(map[string]chain, 32), pats: make([]seqPattern, 0, 128)},
		names: make(map[string]bool),
	}
	for _, t := range k.Titles {
		for _, tk := range normTokens(t) {
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
	for _, d := range k.DatesOfBirth {
		b.addDate(d)
	}
	for _, v := range k.NHSNumbers {
		if d := onlyDigits(v); len(d) >= 7 {
			b.addDigits(d, KindNHSNumber, false)
		}
	}
	for _, v := range k.Phones {
		b.addPhone(v)
	}
	for _, v := range k.Emails {
		b.addEmail(v)
	}
	for _, v := range k.Handles {
		b.addHandle(v)
	}
	for _, v := range k.Postcodes {
		if s := squash(v); len(s) >= 4 {
			b.addAlnum(s, KindPostcode)
		}
	}
	for _, v := range k.Addresses {
		b.addAddress(v)
	}
	for _, v := range k.Registrations {
		b.addIdentifier(v, KindRegistration)
	}
	for _, v := range k.Other {
		b.addIdentifier(v, KindOther)
		if ts := normTokens(v); len(ts) > 1 {
			b.addSeq(seqPattern{toks: keys(ts), kind: KindOther, sep: sepLoose})
		}
	}
	b.m.empty = len(b.m.seqs) == 0 && len(b.m.digits) == 0 && len(b.m.alnums) == 0
	return b.m
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
	b.names[key] = true
	weak := nameWeak(key)
	b.addSeq(seqPattern{toks: []string{key}, kind: KindName, sep: sepName, weak: weak})
	if len(key) >= 3 && !weak {
		// Possessive or plural without the apostrophe: "Janes", "Joness".
		b.addSeq(seqPattern{toks: []string{key + "s"}, kind: KindName, sep: sepName})
	}
}

func (b *matcherBuilder) addNames(k Known) {
	type name struct {
		toks []token
	}
	var given, family, other []name
	collect := func(list []string) []name {
		var out []name
		for _, v := range list {
			if ts := normTokens(v); len(ts) > 0 {
				out = append(out, name{ts})
			}
		}
		return out
	}
	given, family, other = collect(k.GivenNames), collect(k.FamilyNames), collect(k.OtherNames)
	all := append(append(append([]name(nil), given...), family...), other...)
	for _, n := range all {
		ks, ps := keys(n.toks), parts(n.toks)
		// Multi-word names as a whole; single words go through
		// addSingleName, which knows about ambiguous words.
		if len(ks) > 1 {
			b.addSeq(seqPattern{toks: ks, kind: KindName, sep: sepName})
		}
		if len(ps) > 1 {
			b.addSeq(seqPattern{toks: ps, kind: KindName, sep: sepName})
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
	// Full names in either order, and initials with a surname.
	for _, g := range given {
		gk := keys(g.toks)
		for _, f := range family {
			fk := keys(f.toks)
			b.addSeq(seqPattern{toks: b.cat(gk, fk), kind: KindName, sep: sepName})
			b.addSeq(seqPattern{toks: b.cat(fk, gk), kind: KindName, sep: sepNameComma})
			gi := initialsOf(gk)
			fi := initialsOf(fk)
			// "J. Doe", "J Doe", "Doe, J."
			b.addSeq(seqPattern{toks: b.cat(gi[:1], fk), kind: KindName, sep: sepName})
			b.addSeq(seqPattern{toks: b.cat(fk, gi[:1]), kind: KindName, sep: sepNameComma})
			// "J.D." and "J. M. D."
			b.addSeq(seqPattern{toks: b.cat(gi[:1], fi[:1]), kind: KindName, sep: sepDotted})
			b.addSeq(seqPattern{toks: []string{gi[0] + fi[0]}, kind: KindName, sep: sepName, initials: true})
			for _, o := range other {
				oi := initialsOf(keys(o.toks))
				b.addSeq(seqPattern{toks: b.cat(gi[:1], oi[:1], fk), kind: KindName, sep: sepName})
				b.addSeq(seqPattern{toks: b.cat(gi[:1], oi[:1], fi[:1]), kind: KindName, sep: sepDotted})
				b.addSeq(seqPattern{toks: []string{gi[0] + oi[0] + fi[0]}, kind: KindName, sep: sepName, initials: true})
			}
		}
	}
}

// initialsOf returns the first letter of each key.
func initialsOf(ks []string) []string {
	out := make([]string, 0, len(ks))
	for _, k := range ks {
		for _, r := range k {
			out = append(out, string(r))
			break
		}
	}
	if len(out) == 0 {
		out = append(out, "")
	}
	return out
}

// ordinal returns "1st", "2nd", "3rd", "4th", "11th" and so on.
func ordinal(d int) string {
	suffix := "th"
	if d%100 < 11 || d%100 > 13 {
		switch d % 10 {
		case 1:
			suffix = "st"
		case 2:
			suffix = "nd"
		case 3:
			suffix = "rd"
		}
	}
	return strconv.Itoa(d) + suffix
}

// addDate adds every common written form of a date of birth: day-first
// and ISO numeric forms with 2- or 4-digit years, month-first forms, day
// and month names with and without ordinals and "of", month and day
// without a year, and the contiguous digit forms.
func (b *matcherBuilder) addDate(t time.Time) {
	if t.IsZero() {
		return
	}
	d, mo, y := t.Day(), int(t.Month()), t.Year()
	dNum := []string{strconv.Itoa(d), twoDigits(d)}
	dAll := append(append([]string(nil), dNum...), ordinal(d))
	mNum := []string{strconv.Itoa(mo), twoDigits(mo)}
	mName := monthNames[mo]
	mAll := append(append([]string(nil), mNum...), mName...)
	years := []string{fourDigits(y), twoDigits(y % 100)}
	add := func(sep sepClass, toks ...string) {
		b.addSeq(seqPattern{toks: b.cat(toks), kind: KindDate, sep: sep})
	}
	for _, yy := range years {
		for _, dd := range dAll {
			for _, mm := range mAll {
				add(sepDate, dd, mm, yy)
			}
			for _, mm := range mName {
				add(sepDate, mm, dd, yy)
				add(sepDate, dd, "of", mm, yy)
			}
		}
		for _, dd := range dNum {
			for _, mm := range mNum {
				add(sepDate, mm, dd, yy) // month-first, as US forms write it
			}
		}
		for _, mm := range mNum {
			for _, dd := range dNum {
				if len(yy) == 4 {
					add(sepDate, yy, mm, dd)
				}
				add(sepName, dd+mm+yy)
				if len(yy) == 4 {
					add(sepName, yy+mm+dd)
				}
			}
		}
	}
	for _, dd := range dAll {
		for _, mm := range mName {
			add(sepDate, dd, mm)
			add(sepDate, mm, dd)
			add(sepDate, dd, "of", mm)
		}
	}
	for _, dd := range dNum {
		for _, mm := range mNum {
			add(sepSlash, dd, mm)
		}
	}
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
	local, domain := normTokens(t[:at]), normTokens(t[at+1:])
	lk, dk := keys(local), keys(domain)
	if len(lk) == 0 || len(dk) == 0 {
		return
	}
	spelledDomain := []string{dk[0]}
	for _, k := range dk[1:] {
		spelledDomain = append(spelledDomain, "dot", k)
	}
	for _, dom := range [][]string{dk, spelledDomain} {
		b.addSeq(seqPattern{toks: b.cat(lk, dom), kind: KindEmail, sep: sepLoose})
		b.addSeq(seqPattern{toks: b.cat(lk, []string{"at"}, dom), kind: KindEmail, sep: sepLoose})
	}
	b.addAlnum(squash(t), KindEmail)
	// The local part alone, unless it is a role mailbox or nothing but
	// the person's name (names are swept as names).
	if genericLocalParts[strings.Join(lk, "")] || genericLocalParts[t[:at]] {
		return
	}
	allNames := true
	for _, k := range lk {
		if !b.names[k] {
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
		b.addSeq(seqPattern{toks: lk, kind: KindEmail, sep: sepLoose})
	}
}

// addHandle adds a handle with any of '.', '_' or '-' between its parts,
// or none, with or without the '@'.
func (b *matcherBuilder) addHandle(v string) {
	ts := normTokens(v)
	if len(ts) == 0 {
		return
	}
	if len(ts) > 1 {
		b.addSeq(seqPattern{toks: keys(ts), kind: KindHandle, sep: sepLoose})
	}
	if s := squash(v); len(s) >= 3 {
		b.addAlnum(s, KindHandle)
	}
}

// addAddress adds each line of an address, with street-type
// abbreviations interchangeable and, for a numbered street line, the
// street name without its number.
func (b *matcherBuilder) addAddress(v string) {
	lines := strings.FieldsFunc(v, func(r rune) bool { return r == ',' || r == '\n' || r == ';' })
	for _, line := range lines {
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		if rePostcode.MatchString(normText(line)) && len(normTokens(line)) <= 2 {
			if s := squash(line); len(s) >= 5 && len(s) <= 7 {
				b.addAlnum(s, KindPostcode)
				continue
			}
		}
		ks := keys(normTokens(line))
		if len(ks) == 0 {
			continue
		}
		for _, variant := range streetVariants(ks) {
			b.addAddressSeq(variant)
			if len(variant) > 1 && variant[0] != "" && isDigit(variant[0][0]) {
				b.addAddressSeq(variant[1:])
			}
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
	b.addSeq(seqPattern{toks: ks, kind: KindAddress, sep: sepLoose})
}

// streetVariants expands street-type words to every spelling of the same
// type: "acacia avenue" also yields "acacia ave" and "acacia av".
func streetVariants(ks []string) [][]string {
	out := [][]string{append([]string(nil), ks...)}
	for i, k := range ks {
		full := streetTypes[k]
		if full == "" || i == 0 {
			continue
		}
		var next [][]string
		for _, v := range out {
			for _, abbr := range streetSpellings[full] {
				c := append([]string(nil), v...)
				c[i] = abbr
				next = append(next, c)
			}
		}
		if len(next) > 64 {
			break
		}
		out = next
	}
	return out
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
