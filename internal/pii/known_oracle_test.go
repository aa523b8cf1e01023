package pii

// This file keeps the Matcher as it was before the fast build and search
// (commit 366c0ec), renamed with an oracle prefix, so that
// matcher_oracle_test.go can check that the two find exactly the same
// spans. Do not edit it except to follow renames in shared code.

import (
	"bytes"
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"
)

// oracleSepClass restricts the text allowed between the tokens of a pattern.
type oracleSepClass uint8

const (
	oracleSepName      oracleSepClass = iota // space, full stop: "Jane Doe", "J. Doe"
	oracleSepNameComma                       // oracleSepName plus comma: "Doe, Jane"
	oracleSepDotted                          // must contain a full stop: "J.D."
	oracleSepDate                            // "14/05/1990", "14 May, 1990", "May '90"
	oracleSepSlash                           // exactly "/": "14/05"
	oracleSepLoose                           // up to three non-word characters
)

// oracleSeqPattern is a sequence of token oracleKeys to find in the text.
type oracleSeqPattern struct {
	toks []string
	kind Kind
	sep  oracleSepClass
	// weak marks a single name token that is also an ordinary word or a
	// very short word ("May", "Ed"): it is reported only when casing or a
	// neighbouring title or name says it is a name.
	weak bool
	// initials marks an undotted run of initials ("JD"), reported only
	// when written in capitals or when casing carries no information.
	initials bool
	// next is the index in oracleMatcher.pats of the next pattern with the
	// same first token, or -1.
	next int32
}

// oracleChain is the first and last pattern of one first token's list.
type oracleChain struct{ head, tail int32 }

// oracleProjPattern is a value searched for in a oracleProjection of the text.
type oracleProjPattern struct {
	value string
	kind  Kind
	// phone marks a national significant number, extended backwards
	// over 0, 44, 0044 and '+' when found.
	phone bool
}

// oracleMatcher finds the surface variants of one record's known identifiers.
// It is immutable and safe for concurrent use.
type oracleMatcher struct {
	// seqs maps a first token to its patterns, chained through pats in
	// the order they were added.
	seqs   map[string]oracleChain
	pats   []oracleSeqPattern
	digits []oracleProjPattern // searched in the digit oracleProjection, anywhere
	alnums []oracleProjPattern // searched in the alphanumeric oracleProjection, on word boundaries
	titles map[string]bool     // the record's own titles, beyond the common ones
	empty  bool
}

// isTitle reports whether the token key k is a title.
func (m *oracleMatcher) isTitle(k string) bool {
	return titles[k] || m.titles[k]
}

// oracleMatcherBuilder accumulates patterns without duplicates.
type oracleMatcherBuilder struct {
	m     *oracleMatcher
	names map[string]bool // every name token key, for the e-mail rule
	// arena backs the token lists of the patterns, so that a record's
	// hundreds of patterns cost a few allocations rather than one each.
	arena []string
	// scratch is reused by cat for token lists addSeq then copies.
	scratch []string
}

// keep copies toks into the arena.
func (b *oracleMatcherBuilder) keep(toks []string) []string {
	if cap(b.arena)-len(b.arena) < len(toks) {
		b.arena = make([]string, 0, max(256, len(toks)))
	}
	n := len(b.arena)
	b.arena = append(b.arena, toks...)
	return b.arena[n:len(b.arena):len(b.arena)]
}

// cat concatenates token lists into the builder's scratch list, which is
// valid until the next call.
func (b *oracleMatcherBuilder) cat(ss ...[]string) []string {
	out := b.scratch[:0]
	for _, s := range ss {
		out = append(out, s...)
	}
	b.scratch = out
	return out
}

func (b *oracleMatcherBuilder) addSeq(p oracleSeqPattern) {
	if len(p.toks) == 0 {
		return
	}
	for _, t := range p.toks {
		if t == "" {
			return
		}
	}
	// Equal patterns share their first token, so a pattern already added
	// is in the same oracleChain; chains hold a handful of patterns.
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
	m.pats = append(m.pats, oracleSeqPattern{toks: b.keep(p.toks), kind: p.kind, sep: p.sep, weak: p.weak, initials: p.initials, next: -1})
	if ok {
		m.pats[c.tail].next = n
		c.tail = n
	} else {
		c = oracleChain{n, n}
	}
	m.seqs[m.pats[n].toks[0]] = c
}

// equal reports whether two patterns are the same in every respect.
func (p *oracleSeqPattern) equal(q *oracleSeqPattern) bool {
	return p.kind == q.kind && p.sep == q.sep && p.weak == q.weak && p.initials == q.initials && slices.Equal(p.toks, q.toks)
}

func (b *oracleMatcherBuilder) addDigits(v string, k Kind, phone bool) {
	if v == "" {
		return
	}
	for _, p := range b.m.digits {
		if p.value == v && p.kind == k {
			return
		}
	}
	b.m.digits = append(b.m.digits, oracleProjPattern{value: v, kind: k, phone: phone})
}

func (b *oracleMatcherBuilder) addAlnum(v string, k Kind) {
	if v == "" {
		return
	}
	for _, p := range b.m.alnums {
		if p.value == v && p.kind == k {
			return
		}
	}
	b.m.alnums = append(b.m.alnums, oracleProjPattern{value: v, kind: k})
}

// oracleNormTokens normalises a stored value and splits it into tokens.
func oracleNormTokens(s string) []token {
	return tokenize(normText(s))
}

func oracleKeys(ts []token) []string {
	out := make([]string, len(ts))
	for i, t := range ts {
		out[i] = t.key
	}
	return out
}

// oracleParts splits token oracleKeys at the apostrophes and hyphens kept inside
// tokens, so "o'neill" also matches "O Neill".
func oracleParts(ts []token) []string {
	var out []string
	for _, t := range ts {
		out = append(out, strings.FieldsFunc(t.text, func(r rune) bool { return r == '\'' || r == '-' })...)
	}
	return out
}

// oracleSquash returns the letters and digits of a normalised value.
func oracleSquash(s string) string {
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

func oracleOnlyDigits(s string) string {
	var b strings.Builder
	for _, r := range normText(s) {
		if r >= '0' && r <= '9' {
			b.WriteRune(r)
		}
	}
	return b.String()
}

func oracleAllDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) {
			return false
		}
	}
	return s != ""
}

// oracleNewMatcher compiles the known identifiers of one record. Empty and
// unusable values are ignored; oracleNewMatcher never fails.
func oracleNewMatcher(k Known) *oracleMatcher {
	b := &oracleMatcherBuilder{
		m:     &oracleMatcher{seqs: make(map[string]oracleChain, 32), pats: make([]oracleSeqPattern, 0, 128)},
		names: make(map[string]bool),
	}
	for _, t := range k.Titles {
		for _, tk := range oracleNormTokens(t) {
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
		if d := oracleOnlyDigits(v); len(d) >= 7 {
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
		if s := oracleSquash(v); len(s) >= 4 {
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
		if ts := oracleNormTokens(v); len(ts) > 1 {
			b.addSeq(oracleSeqPattern{toks: oracleKeys(ts), kind: KindOther, sep: oracleSepLoose})
		}
	}
	b.m.empty = len(b.m.seqs) == 0 && len(b.m.digits) == 0 && len(b.m.alnums) == 0
	return b.m
}

// addIdentifier adds a code-like value: long digit strings match anywhere
// in the digit oracleProjection (separators ignored), anything else matches on
// word boundaries with separators ignored.
func (b *oracleMatcherBuilder) addIdentifier(v string, k Kind) {
	s := oracleSquash(v)
	switch {
	case oracleAllDigits(s) && len(s) >= 7:
		b.addDigits(s, k, false)
	case len(s) >= 3:
		b.addAlnum(s, k)
	}
}

// oracleNameWeak reports whether a single-token name is also an ordinary or very
// short word and so needs corroboration before it is reported.
func oracleNameWeak(key string) bool {
	return len(key) <= 2 || isCommonWord(key) || shortWords[key] || functionWords[key] ||
		isCue(key) || streetTypes[key] != ""
}

func (b *oracleMatcherBuilder) addSingleName(key string) {
	if key == "" || nameParticles[key] || len(key) < 2 {
		return
	}
	b.names[key] = true
	weak := oracleNameWeak(key)
	b.addSeq(oracleSeqPattern{toks: []string{key}, kind: KindName, sep: oracleSepName, weak: weak})
	if len(key) >= 3 && !weak {
		// Possessive or plural without the apostrophe: "Janes", "Joness".
		b.addSeq(oracleSeqPattern{toks: []string{key + "s"}, kind: KindName, sep: oracleSepName})
	}
}

func (b *oracleMatcherBuilder) addNames(k Known) {
	for _, n := range k.Names {
		b.addPersonNames(n)
	}
}

// addPersonNames adds one person's names; the parts of different people
// are never combined.
func (b *oracleMatcherBuilder) addPersonNames(k Name) {
	type name struct {
		toks []token
	}
	var given, family, other []name
	collect := func(list []string) []name {
		var out []name
		for _, v := range list {
			if ts := oracleNormTokens(v); len(ts) > 0 {
				out = append(out, name{ts})
			}
		}
		return out
	}
	given, family, other = collect(k.Given), collect(k.Family), collect(k.Other)
	all := append(append(append([]name(nil), given...), family...), other...)
	for _, n := range all {
		ks, ps := oracleKeys(n.toks), oracleParts(n.toks)
		// Multi-word names as a whole; single words go through
		// addSingleName, which knows about ambiguous words.
		if len(ks) > 1 {
			b.addSeq(oracleSeqPattern{toks: ks, kind: KindName, sep: oracleSepName})
		}
		if len(ps) > 1 {
			b.addSeq(oracleSeqPattern{toks: ps, kind: KindName, sep: oracleSepName})
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
		gk := oracleKeys(g.toks)
		for _, f := range family {
			fk := oracleKeys(f.toks)
			b.addSeq(oracleSeqPattern{toks: b.cat(gk, fk), kind: KindName, sep: oracleSepName})
			b.addSeq(oracleSeqPattern{toks: b.cat(fk, gk), kind: KindName, sep: oracleSepNameComma})
			gi := oracleInitialsOf(gk)
			fi := oracleInitialsOf(fk)
			// "J. Doe", "J Doe", "Doe, J."
			b.addSeq(oracleSeqPattern{toks: b.cat(gi[:1], fk), kind: KindName, sep: oracleSepName})
			b.addSeq(oracleSeqPattern{toks: b.cat(fk, gi[:1]), kind: KindName, sep: oracleSepNameComma})
			// "J.D." and "J. M. D."
			b.addSeq(oracleSeqPattern{toks: b.cat(gi[:1], fi[:1]), kind: KindName, sep: oracleSepDotted})
			b.addSeq(oracleSeqPattern{toks: []string{gi[0] + fi[0]}, kind: KindName, sep: oracleSepName, initials: true})
			for _, o := range other {
				oi := oracleInitialsOf(oracleKeys(o.toks))
				b.addSeq(oracleSeqPattern{toks: b.cat(gi[:1], oi[:1], fk), kind: KindName, sep: oracleSepName})
				b.addSeq(oracleSeqPattern{toks: b.cat(gi[:1], oi[:1], fi[:1]), kind: KindName, sep: oracleSepDotted})
				b.addSeq(oracleSeqPattern{toks: []string{gi[0] + oi[0] + fi[0]}, kind: KindName, sep: oracleSepName, initials: true})
			}
		}
	}
}

// oracleInitialsOf returns the first letter of each key.
func oracleInitialsOf(ks []string) []string {
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

// oracleOrdinal returns "1st", "2nd", "3rd", "4th", "11th" and so on.
func oracleOrdinal(d int) string {
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
func (b *oracleMatcherBuilder) addDate(t time.Time) {
	if t.IsZero() {
		return
	}
	d, mo, y := t.Day(), int(t.Month()), t.Year()
	dNum := []string{strconv.Itoa(d), oracleTwoDigits(d)}
	dAll := append(append([]string(nil), dNum...), oracleOrdinal(d))
	mNum := []string{strconv.Itoa(mo), oracleTwoDigits(mo)}
	mName := monthNames[mo]
	mAll := append(append([]string(nil), mNum...), mName...)
	years := []string{oracleFourDigits(y), oracleTwoDigits(y % 100)}
	add := func(sep oracleSepClass, toks ...string) {
		b.addSeq(oracleSeqPattern{toks: b.cat(toks), kind: KindDate, sep: sep})
	}
	for _, yy := range years {
		for _, dd := range dAll {
			for _, mm := range mAll {
				add(oracleSepDate, dd, mm, yy)
			}
			for _, mm := range mName {
				add(oracleSepDate, mm, dd, yy)
				add(oracleSepDate, dd, "of", mm, yy)
			}
		}
		for _, dd := range dNum {
			for _, mm := range mNum {
				add(oracleSepDate, mm, dd, yy) // month-first, as US forms write it
			}
		}
		for _, mm := range mNum {
			for _, dd := range dNum {
				if len(yy) == 4 {
					add(oracleSepDate, yy, mm, dd)
				}
				add(oracleSepName, dd+mm+yy)
				if len(yy) == 4 {
					add(oracleSepName, yy+mm+dd)
				}
			}
		}
	}
	for _, dd := range dAll {
		for _, mm := range mName {
			add(oracleSepDate, dd, mm)
			add(oracleSepDate, mm, dd)
			add(oracleSepDate, dd, "of", mm)
		}
	}
	for _, dd := range dNum {
		for _, mm := range mNum {
			add(oracleSepSlash, dd, mm)
		}
	}
}

// oracleTwoDigits formats 0 <= n < 100 as two digits, as "%02d" does.
func oracleTwoDigits(n int) string {
	return string([]byte{byte('0' + n/10), byte('0' + n%10)})
}

// oracleFourDigits formats n as "%04d" does.
func oracleFourDigits(n int) string {
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
func (b *oracleMatcherBuilder) addPhone(v string) {
	d := oracleOnlyDigits(v)
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
func (b *oracleMatcherBuilder) addEmail(v string) {
	t := normText(v)
	at := strings.LastIndexByte(t, '@')
	if at <= 0 || at == len(t)-1 {
		b.addIdentifier(v, KindEmail)
		return
	}
	local, domain := oracleNormTokens(t[:at]), oracleNormTokens(t[at+1:])
	lk, dk := oracleKeys(local), oracleKeys(domain)
	if len(lk) == 0 || len(dk) == 0 {
		return
	}
	spelledDomain := []string{dk[0]}
	for _, k := range dk[1:] {
		spelledDomain = append(spelledDomain, "dot", k)
	}
	for _, dom := range [][]string{dk, spelledDomain} {
		b.addSeq(oracleSeqPattern{toks: b.cat(lk, dom), kind: KindEmail, sep: oracleSepLoose})
		b.addSeq(oracleSeqPattern{toks: b.cat(lk, []string{"at"}, dom), kind: KindEmail, sep: oracleSepLoose})
	}
	b.addAlnum(oracleSquash(t), KindEmail)
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
	if s := oracleSquash(t[:at]); len(s) >= 4 {
		b.addAlnum(s, KindEmail)
	}
	if len(lk) > 1 {
		b.addSeq(oracleSeqPattern{toks: lk, kind: KindEmail, sep: oracleSepLoose})
	}
}

// addHandle adds a handle with any of '.', '_' or '-' between its oracleParts,
// or none, with or without the '@'.
func (b *oracleMatcherBuilder) addHandle(v string) {
	ts := oracleNormTokens(v)
	if len(ts) == 0 {
		return
	}
	if len(ts) > 1 {
		b.addSeq(oracleSeqPattern{toks: oracleKeys(ts), kind: KindHandle, sep: oracleSepLoose})
	}
	if s := oracleSquash(v); len(s) >= 3 {
		b.addAlnum(s, KindHandle)
	}
}

// addAddress adds each line of an address, with street-type
// abbreviations interchangeable and, for a numbered street line, the
// street name without its number.
func (b *oracleMatcherBuilder) addAddress(v string) {
	lines := strings.FieldsFunc(v, func(r rune) bool { return r == ',' || r == '\n' || r == ';' })
	for _, line := range lines {
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		if rePostcode.MatchString(normText(line)) && len(oracleNormTokens(line)) <= 2 {
			if s := oracleSquash(line); len(s) >= 5 && len(s) <= 7 {
				b.addAlnum(s, KindPostcode)
				continue
			}
		}
		ks := oracleKeys(oracleNormTokens(line))
		if len(ks) == 0 {
			continue
		}
		for _, variant := range oracleStreetVariants(ks) {
			b.addAddressSeq(variant)
			if len(variant) > 1 && variant[0] != "" && isDigit(variant[0][0]) {
				b.addAddressSeq(variant[1:])
			}
		}
	}
}

func (b *oracleMatcherBuilder) addAddressSeq(ks []string) {
	if len(ks) == 1 {
		k := ks[0]
		if len(k) < 3 || isCommonWord(k) || streetTypes[k] != "" || oracleAllDigits(k) {
			return
		}
	}
	b.addSeq(oracleSeqPattern{toks: ks, kind: KindAddress, sep: oracleSepLoose})
}

// oracleStreetVariants expands street-type words to every spelling of the same
// type: "acacia avenue" also yields "acacia ave" and "acacia av".
func oracleStreetVariants(ks []string) [][]string {
	out := [][]string{append([]string(nil), ks...)}
	for i, k := range ks {
		full := streetTypes[k]
		if full == "" || i == 0 {
			continue
		}
		var next [][]string
		for _, v := range out {
			for _, abbr := range oracleStreetSpellings[full] {
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

// oracleStreetSpellings maps each street type to all its spellings, sorted so
// that pattern generation is deterministic.
var oracleStreetSpellings = func() map[string][]string {
	m := make(map[string][]string)
	for abbr, full := range streetTypes {
		m[full] = append(m[full], abbr)
	}
	for _, v := range m {
		sort.Strings(v)
	}
	return m
}()

// Find returns every span of text that holds a variant of a known
// identifier, sorted by start offset. Matching is on the normalised copy
// and respects word boundaries, so "Ann" is found in "ANN's" and
// "A\u200bnn" but never inside "annual". A nil oracleMatcher finds nothing.
func (m *oracleMatcher) Find(text string) []Span {
	if m == nil || m.empty {
		return nil
	}
	// As scanText and scanWith do, without the pooled buffers.
	n := Normalize(text)
	var out []Span
	for _, c := range [2]*Normalized{n, n.joined()} {
		if c != nil {
			out = append(out, m.find(analyze(c))...)
		}
	}
	return dedupe(sortSpans(out))
}

// oracleSeqHit is a token-sequence match covering tokens [i, j].
type oracleSeqHit struct {
	i, j int
	p    *oracleSeqPattern
}

func (m *oracleMatcher) find(a *analysis) []Span {
	if m == nil || m.empty {
		return nil
	}
	var out []Span
	var strong, pending []oracleSeqHit
	covered := make(map[int]bool) // tokens inside strong name matches
	for i := range a.toks {
		t := a.toks[i]
		alt := baseKey(t)
		for _, k := range [2]string{t.key, alt} {
			c, ok := m.seqs[k]
			for pi := c.head; ok && pi >= 0; pi = m.pats[pi].next {
				p := &m.pats[pi]
				j, ok := a.oracleMatchSeq(i, p)
				if !ok {
					continue
				}
				h := oracleSeqHit{i, j, p}
				switch {
				case p.initials:
					if a.oracleInitialsOK(i) {
						strong = append(strong, h)
					}
				case p.weak:
					pending = append(pending, h)
				default:
					strong = append(strong, h)
					if p.kind == KindName {
						for x := i; x <= j; x++ {
							covered[x] = true
						}
					}
				}
			}
			if alt == t.key {
				break
			}
		}
		// The oracleParts of a hyphenated or apostrophised word: "Ann" in
		// "Ann-Marie", "Smith" in "Smith-Jones".
		if strings.ContainsAny(t.text, "'-") {
			off := t.start
			for _, part := range strings.FieldsFunc(t.text, func(r rune) bool { return r == '\'' || r == '-' }) {
				off = strings.Index(a.n.Text[off:t.end], part) + off
				c, ok := m.seqs[part]
				for pi := c.head; ok && pi >= 0; pi = m.pats[pi].next {
					p := &m.pats[pi]
					if len(p.toks) != 1 || p.kind != KindName || p.initials || p.weak && !a.oracleCaseShowsName(off, off+len(part)) {
						continue
					}
					out = append(out, a.n.span(off, off+len(part), KindName))
				}
				off += len(part)
			}
		}
	}
	// A weak name ("May", "Ed") stands if casing marks it as a name, or a
	// title or another part of the name is right next to it.
	for _, h := range pending {
		if a.oracleWeakNameOK(h.i, covered, m) {
			strong = append(strong, h)
		}
	}
	for _, h := range strong {
		out = append(out, a.n.span(a.toks[h.i].start, a.toks[h.j].end, h.p.kind))
	}
	out = m.findDigits(a, out)
	out = m.findAlnums(a, out)
	return out
}

// oracleMatchSeq reports whether pattern p matches the tokens starting at i, and
// the index of the last token matched.
func (a *analysis) oracleMatchSeq(i int, p *oracleSeqPattern) (int, bool) {
	for k := 1; k < len(p.toks); k++ {
		j := i + k
		if j >= len(a.toks) {
			return 0, false
		}
		tk := a.toks[j]
		if tk.key != p.toks[k] && (k != len(p.toks)-1 || baseKey(tk) != p.toks[k]) {
			return 0, false
		}
		if !oracleSepOK(a.gap(j-1, j), p.sep) {
			return 0, false
		}
	}
	return i + len(p.toks) - 1, true
}

// oracleSepOK checks the text between two tokens of a pattern.
func oracleSepOK(g string, c oracleSepClass) bool {
	if len(g) == 0 || len(g) > 3 {
		return false
	}
	allowed := ""
	switch c {
	case oracleSepName:
		allowed = " .'-"
	case oracleSepNameComma:
		allowed = " .'-,"
	case oracleSepDotted:
		return strings.Contains(g, ".") && strings.Trim(g, ". ") == ""
	case oracleSepDate:
		allowed = " /.-,'"
	case oracleSepSlash:
		return g == "/"
	case oracleSepLoose:
		return true
	}
	for i := 0; i < len(g); i++ {
		if strings.IndexByte(allowed, g[i]) < 0 {
			return false
		}
	}
	return true
}

// oracleInitialsOK decides whether an undotted run of initials such as "JD" is
// meant as initials: written in capitals (or in text without meaningful
// casing) and not an ordinary word or clinical abbreviation.
func (a *analysis) oracleInitialsOK(i int) bool {
	k := a.toks[i].key
	if shortWords[k] || isCommonWord(k) || functionWords[k] {
		return false
	}
	return !a.caseInformative() || a.shapeOf(a.toks[i]) == shapeUpper
}

// oracleWeakNameOK decides whether a name that is also a common or very short
// word is used as a name at token i.
func (a *analysis) oracleWeakNameOK(i int, covered map[int]bool, m *oracleMatcher) bool {
	if covered[i-1] && nameGap(a.gap(i-1, i), true) || covered[i+1] && i+1 < len(a.toks) && nameGap(a.gap(i, i+1), true) {
		return true
	}
	if i > 0 && m.isTitle(a.toks[i-1].key) && nameGap(a.gap(i-1, i), false) {
		return true
	}
	if !a.caseInformative() {
		// No casing to go on: err towards redaction ("MAY" in capitals
		// may be the patient), except for one- and two-letter words that
		// are also abbreviations ("ED", "GP"), which would otherwise be
		// redacted throughout an all-capitals note.
		k := a.toks[i].key
		return len(k) > 2 || !shortWords[k]
	}
	return a.shapeOf(a.toks[i]) == shapeTitle
}

// oracleCaseShowsName reports whether the original text at [start, end) of the
// copy is written as a name (capital initial), or casing is uninformative.
func (a *analysis) oracleCaseShowsName(start, end int) bool {
	if !a.caseInformative() {
		return true
	}
	return a.shapeOf(token{start: start, end: end}) == shapeTitle
}

// oracleProjection is the text reduced to one class of characters, with '|'
// where a separator too long or of the wrong kind breaks a value. pos maps
// each projected byte back to the matching copy.
type oracleProjection struct {
	s   []byte
	pos []int
}

// oracleProject builds the oracleProjection of the matching copy t keeping the bytes
// of word characters for which keep is true; runs of at most three bytes
// from joiners between kept characters are skipped, anything else breaks.
//
// The oracleProjection is built in the buffers of sc when sc is not nil, and is
// valid until the next oracleProjection in them.
func oracleProject(t string, keep func(t string, i int) (size int, ok bool), joiners string, sc *scratch) oracleProjection {
	var b []byte
	var pos []int
	if sc != nil {
		b, pos = sc.proj[:0], sc.pos[:0]
	} else {
		pos = make([]int, 0, len(t)/2)
	}
	last := -1 // end of the last kept character
	for i := 0; i < len(t); {
		sz, ok := keep(t, i)
		if !ok {
			i += sz
			continue
		}
		if last >= 0 && i > last {
			g := t[last:i]
			joined := len(g) <= 3
			for k := 0; joined && k < len(g); k++ {
				joined = strings.IndexByte(joiners, g[k]) >= 0
			}
			if !joined {
				b = append(b, '|')
				pos = append(pos, -1)
			}
		}
		for k := 0; k < sz; k++ {
			b = append(b, t[i+k])
			pos = append(pos, i+k)
		}
		i += sz
		last = i
	}
	if sc != nil {
		sc.proj, sc.pos = b, pos
	}
	return oracleProjection{s: b, pos: pos}
}

func oracleKeepDigit(t string, i int) (int, bool) {
	if isDigit(t[i]) {
		return 1, true
	}
	sz, _, _ := wordRuneAt(t, i)
	return sz, false
}

func oracleKeepWord(t string, i int) (int, bool) {
	sz, word, _ := wordRuneAt(t, i)
	return sz, word
}

// findDigits finds known numbers in the digit oracleProjection, anywhere: a
// known NHS number is a leak even inside a longer run of digits.
func (m *oracleMatcher) findDigits(a *analysis, out []Span) []Span {
	if len(m.digits) == 0 {
		return out
	}
	t := a.n.Text
	p := oracleProject(t, oracleKeepDigit, " -./()", a.sc)
	for _, pat := range m.digits {
		for from := 0; from <= len(p.s)-len(pat.value); {
			k := oracleIndexString(p.s[from:], pat.value)
			if k < 0 {
				break
			}
			k += from
			first, last := k, k+len(pat.value)-1
			if pat.phone {
				first = oraclePhonePrefix(p.s, first)
			}
			start := p.pos[first]
			if pat.phone && start > 0 {
				if t[start-1] == '+' {
					start--
				} else if t[start-1] == '(' && strings.Contains(t[start:p.pos[last]], ")") {
					start--
				}
			}
			out = append(out, a.n.span(start, p.pos[last]+1, pat.kind))
			from = k + 1
		}
	}
	return out
}

// oraclePhonePrefix walks back from a national significant number over the
// trunk 0 and the 44 or 0044 country prefix.
func oraclePhonePrefix(s []byte, k int) int {
	if k >= 1 && s[k-1] == '0' {
		k--
	}
	if k >= 2 && string(s[k-2:k]) == "44" {
		k -= 2
		if k >= 2 && string(s[k-2:k]) == "00" {
			k -= 2
		}
	}
	return k
}

// oracleIndexString is strings.Index for a byte slice.
func oracleIndexString(s []byte, sub string) int {
	if len(sub) == 0 {
		return 0
	}
	for i := 0; i+len(sub) <= len(s); {
		j := bytes.IndexByte(s[i:len(s)-len(sub)+1], sub[0])
		if j < 0 {
			return -1
		}
		i += j
		if string(s[i:i+len(sub)]) == sub {
			return i
		}
		i++
	}
	return -1
}

// findAlnums finds code-like known values (postcodes, registration
// numbers, handles) in the alphanumeric oracleProjection, on word boundaries,
// so "SW1A 1AA", "sw1a1aa" and "SW1A-1AA" all match but a value never
// matches inside a longer word.
func (m *oracleMatcher) findAlnums(a *analysis, out []Span) []Span {
	if len(m.alnums) == 0 {
		return out
	}
	t := a.n.Text
	p := oracleProject(t, oracleKeepWord, " -./_", a.sc)
	for _, pat := range m.alnums {
		for from := 0; from <= len(p.s)-len(pat.value); {
			k := oracleIndexString(p.s[from:], pat.value)
			if k < 0 {
				break
			}
			k += from
			from = k + 1
			q := k + len(pat.value)
			if k > 0 && p.pos[k-1] >= 0 && p.pos[k-1] == p.pos[k]-1 {
				continue // starts inside a word
			}
			if q < len(p.pos) && p.pos[q] >= 0 && p.pos[q] == p.pos[q-1]+1 {
				continue // ends inside a word
			}
			start := p.pos[k]
			if pat.kind == KindHandle && start > 0 && t[start-1] == '@' {
				start--
			}
			out = append(out, a.n.span(start, p.pos[q-1]+1, pat.kind))
		}
	}
	return out
}
