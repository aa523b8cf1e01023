package pii

import (
	"fmt"
	"go/ast"
	"go/parser"
	gotoken "go/token"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/openaesthetics/casebook/complication"
	"github.com/openaesthetics/casebook/internal/synth"
)

// This file gathers (Known, text) pairs for the oracle comparison in
// match_equiv_test.go and for the benchmarks in match_bench_test.go.

// matchCase is one record's known identifiers and the texts to search
// with its matcher.
type matchCase struct {
	name  string
	known Known
	texts []string
}

// fixedKnowns returns the Known records the package's tests and examples
// use, and some built to probe edge cases of pattern generation.
func fixedKnowns() []Known {
	return []Known{
		sampleKnown(),
		leakKnown,
		{},
		{Names: []Name{{Given: []string{"Ann"}, Family: []string{"Lee"}}}, Postcodes: []string{"M1 1AE"}},
		{Names: []Name{{Given: []string{"Ed", "May"}, Family: []string{"Hope"}}}},
		{Names: []Name{{Given: []string{"Ivy", "Jo"}, Family: []string{"Vaughan", "Smith"}}}},
		{Names: []Name{{Given: []string{"", " ", "-"}}}, Phones: []string{"n/a"}, NHSNumbers: []string{"unknown"}},
		{
			Names:        []Name{{Given: []string{"Zoë"}, Family: []string{"O'Neill"}}},
			DatesOfBirth: []time.Time{time.Date(1990, 5, 14, 0, 0, 0, 0, time.UTC)},
			NHSNumbers:   []string{"999 000 0018"},
			Phones:       []string{"07700 900123"},
		},
		{
			Titles:       []string{"Councillor", "Dr.", "Revd Canon"},
			Names:        []Name{{Given: []string{"Mary Ann", "Kerry-Ann", "Siân", "Ó", "J", "Al"}, Family: []string{"van der Berg", "Ó Súilleabháin", "Smith-Jones", "d'Arcy", "Łukasiewicz", "Møller"}, Other: []string{"Bea", "Mac Leod", "Ng", "Jane's"}}},
			DatesOfBirth: []time.Time{time.Date(2001, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(1911, 12, 31, 0, 0, 0, 0, time.UTC), time.Date(1990, 5, 14, 0, 0, 0, 0, time.UTC), {}},
			NHSNumbers:   []string{"９９９ ０００ ００１８", "123456", "999-000-0018"},
			Phones:       []string{"+44 (0)7700 900123", "0044 7700 900 456", "447700900789", "00 1 212 555 0100", "+1 (212) 555-0199", "0", "01632 960 001"},
			Emails:       []string{"JD87@Example.COM", "mary.ann.vanderberg@mail.example.org", "info@clinic.example", "noreply@x.invalid", "@", "a@", "@b", "plain", "j.d.@x..y", "kerry-ann@example.net", "mary@example.com"},
			Handles:      []string{"@mary.ann_vdb", "@", "@x", "zoe", "@kerry-ann.aesthetics"},
			Postcodes:    []string{"SW1A 1AA", "m1", "ec1a1bb"},
			Addresses: []string{"Flat 2, 10 Downing St, London SW1A 2AA", "12a Mill Lane; Hill Park Rd\nLeeds, LS6 2AB", "The Gate House, Meadow Way Ave Cl", "St", "1, 2, 3", "Park Road Street Lane Close Drive Avenue Terrace Gardens Grove",
				"Acacia Road Street Lane Close Avenue", "2 High St Rd Ln Cl Dr Ave Tce", "Grove Terrace Avenue Crescent Gardens Court Place"},
			Registrations: []string{"12A3456E", "1234567", "ab", "GMC 7654321"},
			Other:         []string{"BK-2024-0042", "https://www.example-clinic.co.uk/", "Glow Aesthetics Ltd", "1-AB23CD4"},
		},
		{Names: []Name{{Given: []string{"Ann", "Ann-Marie", "AnnMarie"}, Family: []string{"ONeill", "O'Neill"}, Other: []string{"SmithJones", "Smith-Jones"}}}},
		{
			// Names equal once tokenised but for their joiners, and
			// a date of birth equal to the zero time's date.
			Names:        []Name{{Given: []string{"Mary-Ann", "MaryAnn", "Mary Ann", "mary-ann"}, Family: []string{"ONeill", "O'Neill", "O Neill", "o’neill"}, Other: []string{"Jo", "Jo", "JO"}}},
			DatesOfBirth: []time.Time{{}, time.Date(1, 1, 1, 12, 0, 0, 0, time.UTC), time.Date(1990, 5, 14, 23, 0, 0, 0, time.FixedZone("X", -3600)), time.Date(1990, 5, 15, 0, 0, 0, 0, time.UTC)},
			Phones:       []string{"07700 900123", "07700 900123", "07700900123"},
			Emails:       []string{"mary.ann@example.com", "mary.ann@example.com", "MARY.ANN@EXAMPLE.COM"},
		},
		{
			Names:         []Name{{Given: []string{"Jane", "Jane", "JANE"}, Family: []string{"Doe", "doe"}, Other: []string{"Jane Doe"}}},
			DatesOfBirth:  []time.Time{time.Date(1990, 5, 14, 0, 0, 0, 0, time.UTC), time.Date(1990, 5, 14, 12, 0, 0, 0, time.UTC), time.Date(5, 1, 2, 0, 0, 0, 0, time.UTC), time.Date(12345, 11, 11, 0, 0, 0, 0, time.UTC), time.Date(-7, 3, 3, 0, 0, 0, 0, time.UTC)},
			Phones:        []string{"07700 900123", "7700900123", "+447700900123"},
			Emails:        []string{"jane.doe@example.com", "jane@example.com", "jd@example.com"},
			Addresses:     []string{"12 Acacia Avenue", "12 acacia ave", "Acacia"},
			Registrations: []string{"1234567", "1234567"},
			Other:         []string{"1234567", "12 34 567"},
		},
	}
}

// dateForms writes d in many of the ways people write dates, including
// ones the matcher should not find.
func dateForms(d time.Time) []string {
	layouts := []string{
		"02/01/2006", "2/1/2006", "2/1/06", "02.01.06", "2-1-2006", "2006-01-02", "2006/01/02",
		"2 January 2006", "2 Jan 2006", "2nd January 2006", "January 2, 2006", "Jan 2 2006",
		"2 Jan '06", "02012006", "20060102", "020106", "2 January", "January 2", "2/1", "02/01",
		"01/02/2006", "1/2/06", "Monday 2 January 2006", "2 JANUARY 2006", "2-Jan-2006",
	}
	var out []string
	for _, l := range layouts {
		s := d.Format(l)
		out = append(out, s)
		out = append(out, strings.Replace(s, d.Format("2"), ordinal(d.Day()), 1))
		out = append(out, strings.Replace(s, d.Format("January"), "of "+d.Format("January"), 1))
	}
	return out
}

// knownValues lists the values a Known holds and the written forms of
// names that people use: full names both ways round, initials.
func knownValues(k Known) []string {
	var vs []string
	for _, l := range [][]string{k.Titles, k.NHSNumbers, k.Phones,
		k.Emails, k.Handles, k.Postcodes, k.Addresses, k.Registrations, k.Other} {
		vs = append(vs, l...)
	}
	for _, n := range k.Names {
		vs = append(append(append(vs, n.Given...), n.Family...), n.Other...)
		for _, g := range n.Given {
			for _, f := range n.Family {
				vs = append(vs, g+" "+f, f+", "+g, f+" "+g)
				if g != "" && f != "" {
					gi, fi := string([]rune(g)[:1]), string([]rune(f)[:1])
					vs = append(vs, gi+". "+f, gi+" "+f, f+", "+gi+".", gi+"."+fi+".", gi+fi, strings.ToLower(gi+fi), gi+". "+fi+".")
					for _, o := range n.Other {
						if o != "" {
							oi := string([]rune(o)[:1])
							vs = append(vs, gi+". "+oi+". "+f, gi+"."+oi+"."+fi+".", gi+oi+fi, g+" "+o+" "+f)
						}
					}
				}
			}
		}
		for _, name := range append(append(append([]string(nil), n.Given...), n.Family...), n.Other...) {
			for _, part := range strings.FieldsFunc(name, func(r rune) bool { return r == ' ' || r == '-' || r == '\'' || r == '’' }) {
				vs = append(vs, part, part+"'s", part+"s", "Mrs "+part, "Dr "+part)
			}
		}
	}
	for _, e := range k.Emails {
		vs = append(vs, strings.ReplaceAll(strings.ReplaceAll(e, "@", " [at] "), ".", " [dot] "),
			strings.ReplaceAll(strings.ReplaceAll(e, "@", " at "), ".", " dot "))
		if at := strings.LastIndexByte(e, '@'); at > 0 {
			vs = append(vs, e[:at])
		}
	}
	for _, d := range k.DatesOfBirth {
		vs = append(vs, dateForms(d)...)
	}
	return vs
}

// oddCase alternates the case of letters.
func oddCase(s string) string {
	var b strings.Builder
	up := false
	for _, r := range s {
		if up {
			b.WriteString(strings.ToUpper(string(r)))
		} else {
			b.WriteString(strings.ToLower(string(r)))
		}
		up = !up
	}
	return b.String()
}

// variants returns adversarial texts built from the values of k: each
// value alone and in a sentence, obfuscated by every transformation the
// corpus tests use, singly and in random pairs.
func variants(r *rand.Rand, k Known) []string {
	obs := []obfuscation{obZeroWidth, obHomoglyph, obFullwidth, obUpper, obLower, obOddSpace, obLineBreak,
		obExtraSpace, obHyphen, obNoSpace, func(_ *rand.Rand, s string) string { return oddCase(s) }}
	contexts := []string{"%s", "Seen %s today.", "Mrs %s called", "(%s)", "%s's lips", "MRS %s CALLED ON", "pt %s, dob"}
	var out []string
	for _, v := range knownValues(k) {
		forms := []string{v}
		for _, o := range obs {
			forms = append(forms, o(r, v))
		}
		for range 3 {
			forms = append(forms, obs[r.IntN(len(obs))](r, obs[r.IntN(len(obs))](r, v)))
		}
		for _, f := range forms {
			out = append(out, fmt.Sprintf(pick(r, contexts), f))
		}
	}
	return out
}

// knownFromIdentity gathers a report's identifiers exactly as
// anonymize's knownFrom does.
func knownFromIdentity(id *complication.Identity) Known {
	var k Known
	if id == nil {
		return k
	}
	nonEmpty := func(dst []string, vs ...string) []string {
		for _, v := range vs {
			if strings.TrimSpace(v) != "" {
				dst = append(dst, v)
			}
		}
		return dst
	}
	address := func(a *complication.Address) {
		if a != nil {
			k.Addresses = nonEmpty(k.Addresses, a.Lines...)
			k.Postcodes = nonEmpty(k.Postcodes, a.Postcode)
		}
	}
	handles := func(hs []complication.SocialHandle) {
		for _, h := range hs {
			k.Handles = nonEmpty(k.Handles, h.Handle)
		}
	}
	isTitle := func(w string) bool {
		switch strings.ToLower(strings.TrimSuffix(w, ".")) {
		case "dr", "mr", "mrs", "ms", "miss", "mx", "nurse", "prof", "professor", "sister":
			return true
		}
		return false
	}
	names := func(full string) {
		words := strings.Fields(full)
		for len(words) > 1 && isTitle(words[0]) {
			k.Titles = append(k.Titles, words[0])
			words = words[1:]
		}
		for len(words) > 1 && IsPostnominal(words[len(words)-1]) {
			words = words[:len(words)-1]
		}
		switch len(words) {
		case 0:
		case 1:
			k.Names = append(k.Names, Name{Family: words})
		default:
			k.Names = append(k.Names, Name{Given: words[:len(words)-1], Family: words[len(words)-1:]})
		}
	}
	person := func(p *complication.PersonIdentity) {
		if p == nil {
			return
		}
		if p.Title != "" {
			k.Titles = append(k.Titles, p.Title)
		}
		if n := (Name{Given: nonEmpty(nil, p.GivenName), Family: nonEmpty(nil, p.FamilyName), Other: nonEmpty(nil, p.OtherNames...)}); len(n.Given)+len(n.Family)+len(n.Other) > 0 {
			k.Names = append(k.Names, n)
		}
		if p.DateOfBirth.Precision() >= complication.PrecisionDay {
			d := p.DateOfBirth
			k.DatesOfBirth = append(k.DatesOfBirth, time.Date(d.Year(), d.Month(), d.Day(), 0, 0, 0, 0, time.UTC))
		}
		k.NHSNumbers = nonEmpty(k.NHSNumbers, p.NHSNumber)
		k.Other = nonEmpty(k.Other, p.LocalID)
		address(p.Address)
		k.Phones = nonEmpty(k.Phones, p.Phones...)
		k.Emails = nonEmpty(k.Emails, p.Emails...)
		handles(p.SocialHandles)
		if p.Registration != nil {
			k.Registrations = nonEmpty(k.Registrations, p.Registration.Number)
		}
	}
	practitioner := func(p *complication.PractitionerIdentity) {
		if p == nil {
			return
		}
		names(p.Name)
		if p.Registration != nil {
			k.Registrations = nonEmpty(k.Registrations, p.Registration.Number)
		}
		k.Other = nonEmpty(k.Other, p.LicenceNumber)
		k.Phones = nonEmpty(k.Phones, p.Phones...)
		k.Emails = nonEmpty(k.Emails, p.Emails...)
		handles(p.SocialHandles)
	}
	person(id.Patient)
	person(id.Reporter)
	practitioner(id.Practitioner)
	practitioner(id.Prescriber)
	if c := id.Clinic; c != nil {
		k.Other = nonEmpty(k.Other, c.Name, c.Website, c.CQCLocationID)
		address(c.Address)
		k.Phones = nonEmpty(k.Phones, c.Phones...)
		k.Emails = nonEmpty(k.Emails, c.Emails...)
		handles(c.SocialHandles)
	}
	return k
}

// knownFromComplaintIdentity is anonymize's knownFromComplaint.
func knownFromComplaintIdentity(id *complication.ComplaintIdentity) Known {
	if id == nil {
		return knownFromIdentity(nil)
	}
	k := knownFromIdentity(&complication.Identity{Patient: id.Patient, Reporter: id.Complainant, Practitioner: id.Practitioner, Clinic: id.Clinic})
	if strings.TrimSpace(id.TrackingToken) != "" {
		k.Other = append(k.Other, id.TrackingToken)
	}
	return k
}

// synthCases returns one case per synthetic report and complaint, for
// seeds [first, first+seeds), n records from each. Each case's texts are
// every string of its record, and all of them joined as one document.
func synthCases(tb testing.TB, first uint64, seeds, n int, narrativeWords int) []matchCase {
	var out []matchCase
	for s := first; s < first+uint64(seeds); s++ {
		g := synth.New(synth.Options{Seed: s, NarrativeWords: narrativeWords})
		for i := range n {
			var c matchCase
			if i%3 == 2 {
				rec := g.NextComplaint()
				if rec.Complaint == nil {
					continue
				}
				c = matchCase{name: fmt.Sprintf("synth-complaint-%d-%d", s, i), known: knownFromComplaintIdentity(rec.Complaint.Identity), texts: jsonStrings(tb, nil, rec.Complaint)}
			} else {
				rec := g.Next()
				if rec.Report == nil {
					continue
				}
				c = matchCase{name: fmt.Sprintf("synth-report-%d-%d", s, i), known: knownFromIdentity(rec.Report.Identity), texts: jsonStrings(tb, nil, rec.Report)}
			}
			c.texts = append(c.texts, strings.Join(c.texts, "\n"))
			out = append(out, c)
		}
	}
	return out
}

// testLiterals returns every string literal in the package's other test
// files: the texts of the detector, redaction and matcher tests.
func testLiterals(t testing.TB) []string {
	files, err := filepath.Glob("*_test.go")
	if err != nil {
		t.Fatal(err)
	}
	fset := gotoken.NewFileSet()
	seen := map[string]bool{}
	var out []string
	for _, name := range files {
		if strings.HasPrefix(name, "match_") || strings.HasPrefix(name, "known_oracle") {
			continue
		}
		src, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		f, err := parser.ParseFile(fset, name, src, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(f, func(n ast.Node) bool {
			if lit, ok := n.(*ast.BasicLit); ok && lit.Kind == gotoken.STRING {
				if s, err := strconv.Unquote(lit.Value); err == nil && !seen[s] {
					seen[s] = true
					out = append(out, s)
				}
			}
			return true
		})
	}
	return out
}

// packageTexts returns the package's own test corpora.
func packageTexts() []string {
	var out []string
	out = append(out, clinicalCorpus...)
	out = append(out, clinicalHoldout...)
	out = append(out, clinicalHoldout2...)
	out = append(out, templates...)
	for _, tg := range leakTargets {
		out = append(out, tg.forms...)
	}
	return out
}
