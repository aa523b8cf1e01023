package pii

import (
	"strings"
	"testing"
	"time"
)

func sampleKnown() Known {
	return Known{
		Names:         []Name{{Given: []string{"Jane"}, Family: []string{"O'Neill"}, Other: []string{"Mary"}}},
		DatesOfBirth:  []time.Time{time.Date(1990, 5, 14, 0, 0, 0, 0, time.UTC)},
		NHSNumbers:    []string{"999 000 0018"},
		Phones:        []string{"07700 900123"},
		Emails:        []string{"jd87@example.com"},
		Handles:       []string{"@jane.doe.aesthetic"},
		Postcodes:     []string{"LS1 4AP"},
		Addresses:     []string{"12 Acacia Avenue, Leeds"},
		Registrations: []string{"12A3456E", "1234567"},
		Other:         []string{"BK-2024-0042"},
	}
}

// found reports whether the matcher covers every letter and digit of
// want inside text.
func found(m *Matcher, text, want string) bool {
	i := strings.Index(text, want)
	if i < 0 {
		return false
	}
	return covered(text, planted{start: i, end: i + len(want)}, m.Find(text))
}

func TestMatcherVariants(t *testing.T) {
	m := NewMatcher(sampleKnown())
	cases := []struct{ text, want string }{
		{"Jane attended", "Jane"},
		{"JANE attended", "JANE"},
		{"jane attended", "jane"},
		{"Jаne attended", "Jаne"},             // Cyrillic а
		{"J\u200bane attended", "J\u200bane"}, // zero-width space
		{"ＪＡＮＥ attended", "ＪＡＮＥ"},
		{"Jane's lips", "Jane's"},
		{"Janes lips", "Janes"},
		{"O'Neill attended", "O'Neill"},
		{"O’Neill attended", "O’Neill"},
		{"ONeill attended", "ONeill"},
		{"O Neill attended", "O Neill"},
		{"Neill attended", "Neill"},
		{"Mrs O'Neill attended", "O'Neill"},
		{"Jane O'Neill attended", "Jane O'Neill"},
		{"O'Neill, Jane attended", "O'Neill, Jane"},
		{"J. O'Neill attended", "J. O'Neill"},
		{"J O'Neill attended", "J O'Neill"},
		{"O'Neill J. attended", "O'Neill J"},
		{"J.M.O. signed", "J.M.O"},
		{"J. O. signed", "J. O"},
		{"JO signed", "JO"},
		{"Mary came", "Mary"},
		{"born 14/05/1990", "14/05/1990"},
		{"born 14.05.90", "14.05.90"},
		{"born 14-5-1990", "14-5-1990"},
		{"born 1990-05-14", "1990-05-14"},
		{"born 14 May 1990", "14 May 1990"},
		{"born 14th May 1990", "14th May 1990"},
		{"born May 14, 1990", "May 14, 1990"},
		{"born 14 May '90", "14 May '90"},
		{"born 14th of May 1990", "14th of May 1990"},
		{"born 14 MAY 1990", "14 MAY 1990"},
		{"born 14051990", "14051990"},
		{"birthday 14th May", "14th May"},
		{"born 14/05", "14/05"},
		{"NHS 9990000018", "9990000018"},
		{"NHS 999-000-0018", "999-000-0018"},
		{"NHS 999.000.0018", "999.000.0018"},
		{"NHS 999\u00a0000\u200b0018", "999\u00a0000\u200b0018"},
		{"NHS 999 000\n0018", "999 000\n0018"},
		{"NHS ９９９ ０００ ００１８", "９９９ ０００ ００１８"},
		{"NHS 99 900 000 18", "99 900 000 18"},
		{"tel 07700 900123", "07700 900123"},
		{"tel 07700900123", "07700900123"},
		{"tel +44 7700 900123", "+44 7700 900123"},
		{"tel +44 (0)7700 900123", "+44 (0)7700 900123"},
		{"tel 0044 7700 900 123", "0044 7700 900 123"},
		{"tel +447700900123", "+447700900123"},
		{"tel 077 009 001 23", "077 009 001 23"},
		{"tel 07700-900-123", "07700-900-123"},
		{"mail jd87@example.com", "jd87@example.com"},
		{"mail JD87@EXAMPLE.COM", "JD87@EXAMPLE.COM"},
		{"mail jd87 [at] example [dot] com", "jd87 [at] example [dot] com"},
		{"mail jd87 at example dot com", "jd87 at example dot com"},
		{"user jd87 wrote", "jd87"},
		{"insta @jane.doe.aesthetic", "@jane.doe.aesthetic"},
		{"insta jane.doe.aesthetic", "jane.doe.aesthetic"},
		{"insta @jane_doe_aesthetic", "@jane_doe_aesthetic"},
		{"insta janedoeaesthetic", "janedoeaesthetic"},
		{"lives LS1 4AP", "LS1 4AP"},
		{"lives ls14ap", "ls14ap"},
		{"lives LS1\u00a04AP", "LS1\u00a04AP"},
		{"lives at 12 Acacia Avenue", "12 Acacia Avenue"},
		{"lives at 12 Acacia Ave", "12 Acacia Ave"},
		{"lives on Acacia Avenue", "Acacia Avenue"},
		{"lives in Leeds", "Leeds"},
		{"PIN 12A3456E", "12A3456E"},
		{"PIN 12a 3456e", "12a 3456e"},
		{"GMC 1234567", "1234567"},
		{"GMC 123 4567", "123 4567"},
		{"booking BK-2024-0042", "BK-2024-0042"},
		{"booking bk20240042", "bk20240042"},
	}
	for _, c := range cases {
		if !found(m, c.text, c.want) {
			t.Errorf("Find(%q) missed %q; got %s", c.text, c.want, describe(c.text, m.Find(c.text)))
		}
	}
}

func TestMatcherWordBoundaries(t *testing.T) {
	m := NewMatcher(Known{Names: []Name{{Given: []string{"Ann"}, Family: []string{"Lee"}}}, Postcodes: []string{"M1 1AE"}})
	for _, text := range []string{
		"annual review", "Annabel came", "planned", "sleep", "Leeds clinic", "fleece",
		"code XM1 1AEX", "am11ae",
	} {
		if spans := m.Find(text); len(spans) > 0 {
			t.Errorf("Find(%q) = %s, want nothing", text, describe(text, spans))
		}
	}
	for _, text := range []string{"Ann came", "ANN came", "Ann's lips", "(Ann)", "Ann-Marie", "Mrs Lee", "M1 1AE"} {
		if len(m.Find(text)) == 0 {
			t.Errorf("Find(%q) found nothing", text)
		}
	}
}

func TestMatcherShortAndCommonWordNames(t *testing.T) {
	// "Ed" is also the abbreviation for an emergency department, "May" a
	// verb and a month: they count only as names when the text says so.
	m := NewMatcher(Known{Names: []Name{{Given: []string{"Ed", "May"}, Family: []string{"Hope"}}}})
	mixed := []struct {
		text string
		want bool
	}{
		{"She went to the ED overnight.", false},
		{"Ed called the clinic.", true},
		{"Swelling may settle in two weeks.", false},
		{"May called the clinic.", true},
		{"Mrs Hope called.", true},
		{"We hope it settles.", false},
		{"We spoke to May Hope yesterday.", true},
		{"Dr ed called.", true},
	}
	for _, c := range mixed {
		got := len(m.Find(c.text)) > 0
		if got != c.want {
			t.Errorf("Find(%q) found=%v, want %v (%s)", c.text, got, c.want, describe(c.text, m.Find(c.text)))
		}
	}
	// In text without usable casing, err towards redaction.
	if len(m.Find("SWELLING MAY SETTLE")) == 0 {
		t.Error("all-caps text: common-word name not matched")
	}
}

func TestMatcherInitialsNeedCapitals(t *testing.T) {
	// Initials "IV" (Ivy Vaughan) must not hit the intravenous
	// abbreviation, and "js" in prose is not "JS".
	m := NewMatcher(Known{Names: []Name{{Given: []string{"Ivy", "Jo"}, Family: []string{"Vaughan", "Smith"}}}})
	if spans := m.Find("Given IV antibiotics."); len(spans) > 0 {
		t.Errorf("IV matched as initials: %s", describe("Given IV antibiotics.", spans))
	}
	if len(m.Find("JS attended at 10.")) == 0 {
		t.Error("JS not matched")
	}
	if len(m.Find("Seen by J.S. today.")) == 0 {
		t.Error("J.S. not matched")
	}
	if len(m.Find("Jo attended.")) == 0 {
		t.Error("two-letter given name not matched")
	}
}

func TestMatcherCombinesOnlyOnePersonsNames(t *testing.T) {
	// Jane Doe, and her reporter Amir Khan: "JK" and "Jane Khan" are no
	// one's name, and "AD" in a code is not Amir's initials.
	m := NewMatcher(Known{Names: []Name{
		{Given: []string{"Jane"}, Family: []string{"Doe"}},
		{Given: []string{"Amir"}, Family: []string{"Khan"}},
	}})
	tests := []struct {
		name, text, want string // want: the text of the spans found, joined by "|"
	}{
		{"own initials", "JD attended.", "JD"},
		{"other person's own initials", "AK attended.", "AK"},
		{"own initials dotted", "Seen by A.K. today.", "A.K"},
		{"own initial with surname", "Seen by J. Doe today.", "J. Doe"},
		{"mixed initials", "JK attended.", ""},
		{"mixed initials dotted", "Seen by J.K. today.", ""},
		{"mixed initials in a code", "Lot AD 4471 used.", ""},
		{"mixed initial with surname", "Seen by A. Doe today.", "Doe"},
		{"surname first with a mixed initial", "Doe, A. attended.", "Doe"},
		{"mixed full name", "Jane Khan attended.", "Jane Khan"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var got []string
			for _, s := range Merge(tc.text, m.Find(tc.text)) {
				got = append(got, tc.text[s.Start:s.End])
			}
			if g := strings.Join(got, "|"); g != tc.want {
				t.Errorf("Find(%q) = %q, want %q", tc.text, g, tc.want)
			}
		})
	}
}

func TestIsPostnominal(t *testing.T) {
	for _, w := range []string{"RGN", "RN", "NIP", "MBBS", "MBChB", "BDS", "MRCGP", "PhD", "R.G.N.", "MBBS,", "BSc"} {
		if !IsPostnominal(w) {
			t.Errorf("IsPostnominal(%q) = false, want true", w)
		}
	}
	// Surnames that are also degrees, and words that merely look alike.
	for _, w := range []string{"Ma", "MA", "BA", "Rn", "rgn", "Nip", "md", "Khan", "", ".", "NIPS", "RGN-"} {
		if IsPostnominal(w) {
			t.Errorf("IsPostnominal(%q) = true, want false", w)
		}
	}
}

func TestMatcherNilAndEmpty(t *testing.T) {
	var m *Matcher
	if m.Find("Jane") != nil {
		t.Error("nil matcher found something")
	}
	if NewMatcher(Known{}).Find("Jane 999 000 0018") != nil {
		t.Error("empty matcher found something")
	}
	// Unusable values are ignored rather than matching everything.
	e := NewMatcher(Known{Names: []Name{{Given: []string{"", " ", "-"}}}, Phones: []string{"n/a"}, NHSNumbers: []string{"unknown"}})
	if spans := e.Find("n/a unknown - text"); len(spans) > 0 {
		t.Errorf("junk values matched: %s", describe("n/a unknown - text", spans))
	}
}
