package pii

import (
	"flag"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"
)

// The Matcher is privacy-critical: a faster build or search that found
// one span fewer would leak. These tests hold NewMatcher and Find to the
// implementation they replaced, kept in known_oracle_test.go, on every
// (Known, text) pair the package's tests use, on synthetic records and on
// adversarial spellings of their identifiers.

// oracleLong runs the oracle comparison on the full corpus, which takes
// about a minute, instead of a sample of it.
var oracleLong = flag.Bool("oracle.long", false, "compare the Matcher with its oracle on the full synthetic corpus")

// oracleScale returns long under -oracle.long and short otherwise, scaled
// down further under -short and the race detector.
func oracleScale(short, long int) int {
	if *oracleLong {
		return long
	}
	return scaled(short)
}

// oracleCheck compares the spans and the compiled patterns of the new and
// the oracle matcher for one Known.
type oracleCheck struct {
	t     testing.TB
	known Known
	old   *oracleMatcher
	new   *Matcher
	pairs int
}

func newOracleCheck(t testing.TB, k Known) *oracleCheck {
	t.Helper()
	return newOracleCheckOf(t, k, NewMatcher(k))
}

// newOracleCheckOf is newOracleCheck for m, a Matcher of k compiled some
// other way.
func newOracleCheckOf(t testing.TB, k Known, m *Matcher) *oracleCheck {
	t.Helper()
	c := &oracleCheck{t: t, known: k, old: oracleNewMatcher(k), new: m}
	if got, want := c.new.patternSet(), c.old.patternSet(); !slices.Equal(got, want) {
		t.Fatalf("patterns differ for %s\n%s", describeKnown(k), diffLines(got, want))
	}
	return c
}

// text checks that both matchers find the same spans in text.
func (c *oracleCheck) text(text string) {
	c.t.Helper()
	c.pairs++
	got, want := c.new.Find(text), c.old.Find(text)
	if !slices.Equal(got, want) {
		c.t.Fatalf("Find differs for %s\ntext: %q\ngot:  %s\nwant: %s", describeKnown(c.known), text, describe(text, got), describe(text, want))
	}
}

func describeKnown(k Known) string { return fmt.Sprintf("%#v", k) }

// diffLines lists the lines only in got and only in want.
func diffLines(got, want []string) string {
	var b strings.Builder
	for _, g := range got {
		if _, ok := slices.BinarySearch(want, g); !ok {
			fmt.Fprintf(&b, "+ %q\n", g)
		}
	}
	for _, w := range want {
		if _, ok := slices.BinarySearch(got, w); !ok {
			fmt.Fprintf(&b, "- %q\n", w)
		}
	}
	if b.Len() == 0 {
		fmt.Fprintf(&b, "same lines, different counts: %d vs %d", len(got), len(want))
	}
	return b.String()
}

// patternSet describes the oracle's compiled patterns, one sorted line
// each. Digit and alphanumeric values keep their order, which decides
// which of two equal values' flags wins.
func (m *oracleMatcher) patternSet() []string {
	var out []string
	for first, c := range m.seqs {
		n := 0
		for i := c.head; i >= 0; i = m.pats[i].next {
			p := &m.pats[i]
			if p.toks[0] != first {
				out = append(out, "chain error: "+first)
			}
			out = append(out, seqLine(p.toks, p.kind, int(p.sep), p.weak, p.initials))
			n++
		}
	}
	if len(out) != len(m.pats) {
		out = append(out, fmt.Sprintf("chains hold %d of %d patterns", len(out), len(m.pats)))
	}
	for i, p := range m.digits {
		out = append(out, fmt.Sprintf("digits %03d %q %s phone=%v", i, p.value, p.kind, p.phone))
	}
	for i, p := range m.alnums {
		out = append(out, fmt.Sprintf("alnums %03d %q %s", i, p.value, p.kind))
	}
	for k := range m.titles {
		out = append(out, "title "+k)
	}
	out = append(out, fmt.Sprintf("empty %v", m.empty))
	slices.Sort(out)
	return out
}

func seqLine(toks []string, k Kind, sep int, weak, initials bool) string {
	return fmt.Sprintf("seq %q %s sep=%d weak=%v initials=%v", toks, k, sep, weak, initials)
}

func TestMatcherMatchesOracleFixed(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	lits := testLiterals(t)
	texts := append(lits, packageTexts()...)
	var vs []string
	for _, k := range fixedKnowns() {
		vs = append(vs, variants(r, k)...)
	}
	texts = append(texts, vs...)
	pairs, knowns := 0, 0
	for _, k := range fixedKnowns() {
		c := newOracleCheck(t, k)
		for _, text := range texts {
			c.text(text)
		}
		pairs += c.pairs
		knowns++
	}
	// Every literal and variant as a value of every kind.
	for _, v := range append(lits[:min(len(lits), oracleScale(1000, len(lits)))], vs[:min(len(vs), oracleScale(500, len(vs)))]...) {
		k := Known{Names: []Name{{Given: []string{v}, Family: []string{v}, Other: []string{v}}}, Titles: []string{v},
			NHSNumbers: []string{v}, Phones: []string{v}, Emails: []string{v}, Handles: []string{v},
			Postcodes: []string{v}, Addresses: []string{v}, Registrations: []string{v}, Other: []string{v}}
		c := newOracleCheck(t, k)
		c.text(v)
		c.text("Seen " + v + ".")
		pairs += c.pairs
		knowns++
	}
	t.Logf("%d Known values, %d (Known, text) pairs", knowns, pairs)
}

func TestMatcherMatchesOracleGenerated(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	docs := generate(5, oracleScale(100, 600), 60)
	pairs := 0
	defer func() { t.Logf("%d generated documents, %d (Known, text) pairs", len(docs), pairs) }()
	for i, d := range docs {
		c := newOracleCheck(t, d.known)
		c.text(d.text)
		for _, v := range variants(r, d.known) {
			c.text(v)
		}
		// Another record's text, and random adversarial text.
		c.text(docs[(i+1)%len(docs)].text)
		c.text(randomText(r))
		pairs += c.pairs
	}
}

func TestMatcherMatchesOracleSynth(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	cases := synthCases(t, 1, oracleScale(4, 40), 30, 0)
	cases = append(cases, synthCases(t, 1000, oracleScale(1, 5), 10, 600)...)
	pairs := 0
	for i, mc := range cases {
		c := newOracleCheck(t, mc.known)
		for _, text := range mc.texts {
			c.text(text)
		}
		for _, v := range variants(r, mc.known) {
			c.text(v)
		}
		// The texts of the next record, which hold other people's
		// identifiers.
		for _, text := range cases[(i+1)%len(cases)].texts {
			c.text(text)
		}
		pairs += c.pairs
	}
	t.Logf("%d synthetic records, %d (Known, text) pairs", len(cases), pairs)
}

// FuzzMatcherMatchesOracle builds a Known from fuzzed values and checks
// that the new and the oracle matcher compile the same patterns and find
// the same spans in a fuzzed text and in the text with the values
// written into it.
func FuzzMatcherMatchesOracle(f *testing.F) {
	f.Add("Jane|Zoë", "O'Neill|Smith-Jones", "Mary", "Dr", "999 000 0018", "07700 900123|+44 20 7946 0000", "jd87@example.com|@jane.doe", "LS1 4AP|12 Acacia Avenue, Leeds", "12A3456E|BK-2024-0042", uint32(1990*512+5*32+14), "Jane O’Neill (DOB 14th May '90) rang +44 (0)7700 900 123.", uint8(0))
	f.Add("Ed|May", "Hope", "", "", "", "", "", "", "", uint32(0), "May called the ED. We hope it settles; MAY HOPE", uint8(1))
	f.Add("J", "D", "M", "Councillor", "１２３", "0", "a@b.c", "M1 1AE", "1234567", uint32(2001*512+1*32+1), "JD J.D. J. M. D. 01/01/01 1st Jan", uint8(2))
	f.Add("Siân", "van der Berg", "Bea", "", "", "", "mary.ann.vanderberg@mail.example.org", "Flat 2, 10 Downing St, London SW1A 2AA", "", uint32(1911*512+12*32+31), "SIÂN VAN DER BERG, 31.12.11, Flat\u00a02", uint8(3))
	// Two people, Jane Doe and Amir Khan, compiled in another Matcher's
	// memory: their initials "JD" and "AK", never "JK" or "AD".
	f.Add("Jane|Amir", "Doe|Khan", "", "", "", "", "", "", "", uint32(0), "JD, AK, JK and AD; J. Khan, A. Doe, Jane Khan.", uint8(0x60|0x80))
	f.Fuzz(func(t *testing.T, given, family, other, titles, nhs, phones, emails, places, ids string, dob uint32, text string, mix uint8) {
		if len(given)+len(family)+len(other)+len(titles)+len(nhs)+len(phones)+len(emails)+len(places)+len(ids)+len(text) > 4096 {
			return
		}
		split := func(s string) []string {
			if s == "" {
				return nil
			}
			return strings.Split(s, "|")
		}
		k := Known{
			Names: []Name{{Given: split(given), Family: split(family), Other: split(other)}}, Titles: split(titles),
			NHSNumbers: split(nhs), Phones: split(phones),
		}
		if mix&0x40 != 0 {
			// One person per position: the i-th given, family and
			// other name make person i.
			var people []Name
			at := func(i int) *Name {
				for len(people) <= i {
					people = append(people, Name{})
				}
				return &people[i]
			}
			for i, v := range split(given) {
				at(i).Given = append(at(i).Given, v)
			}
			for i, v := range split(family) {
				at(i).Family = append(at(i).Family, v)
			}
			for i, v := range split(other) {
				at(i).Other = append(at(i).Other, v)
			}
			k.Names = people
		}
		for i, v := range split(emails) {
			if i%2 == 0 {
				k.Emails = append(k.Emails, v)
			} else {
				k.Handles = append(k.Handles, v)
			}
		}
		for i, v := range split(places) {
			if i%2 == 0 {
				k.Addresses = append(k.Addresses, v)
			} else {
				k.Postcodes = append(k.Postcodes, v)
			}
		}
		for i, v := range split(ids) {
			if i%2 == 0 {
				k.Registrations = append(k.Registrations, v)
			} else {
				k.Other = append(k.Other, v)
			}
		}
		if dob != 0 {
			k.DatesOfBirth = []time.Time{time.Date(int(dob>>9)%3000, time.Month(dob>>5&15), int(dob&31), 0, 0, 0, 0, time.UTC)}
		}
		m := NewMatcher(k)
		if mix&0x20 != 0 {
			// Compiled in the memory of another record's Matcher.
			m = NewMatcher(sampleKnown()).Recompile(k)
		}
		c := newOracleCheckOf(t, k, m)
		c.text(text)
		// The values written into the text, obfuscated as mix says.
		r := rand.New(rand.NewPCG(uint64(mix), uint64(dob)))
		vs := knownValues(k)
		if len(vs) == 0 {
			return
		}
		var b strings.Builder
		b.WriteString(text)
		for range 1 + int(mix%4) {
			b.WriteString(" ")
			b.WriteString(variants(r, Known{Other: []string{vs[r.IntN(len(vs))]}})[r.IntN(12)])
		}
		c.text(b.String())
		if mix&0x80 != 0 {
			for _, v := range vs {
				c.text(v)
			}
		}
	})
}
