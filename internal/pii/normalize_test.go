package pii

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestNormalizeMatchingCopy(t *testing.T) {
	cases := []struct{ in, want string }{
		{"Zoë O’Neill", "zoe o'neill"},
		{"Zoe\u0308 O\u2018Neill", "zoe o'neill"},
		{"ＪＡＮＥ", "jane"},
		{"999\u00a0000\u200b0018", "999 0000018"}, // invisible characters vanish
		{"999 000\n0018", "999 000 0018"},
		{"999\u202f000\u20090018", "999 000 0018"},
		{"９９９ ０００ ００１８", "999 000 0018"},
		{"Smith\u2011Jones", "smith-jones"},
		{"Smith\u2014Jones", "smith-jones"},
		{"MAẞE Maße", "masse masse"},
		{"Jаne", "jane"},   // Cyrillic а
		{"ΡRΙΥΑ", "priya"}, // Greek capitals
		{"Søren Łukasz Đorđe", "soren lukasz dorde"},
		{"Æsa", "aesa"},
		{"ﬁona", "fiona"},            // ligature
		{"J\u00adane\u2060", "jane"}, // soft hyphen, word joiner
		{"\ufeffJane", "jane"},
		{"a  \t\r\n  b", "a b"},
		{"١٢٣ ۴۵۶", "123 456"}, // Arabic-Indic digits
		{"𝟗𝟗𝟗", "999"},         // mathematical digits
		{"Siân", "sian"},
		{"İpek", "ipek"},
		{"O`Brien O´Brien", "o'brien o'brien"},
		{"µg", "ug"},
		{"", ""},
	}
	for _, c := range cases {
		if got := Normalize(c.in).Text; got != c.want {
			t.Errorf("Normalize(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestNormalizeOffsets(t *testing.T) {
	in := "Zoë\u200b O’Neill ＪＡＮＥ 999\u00a0000"
	n := Normalize(in)
	for _, word := range []string{"zoe", "o'neill", "jane", "999 000"} {
		i := strings.Index(n.Text, word)
		if i < 0 {
			t.Fatalf("%q not in %q", word, n.Text)
		}
		s, e := n.Original(i, i+len(word))
		got := in[s:e]
		if Normalize(got).Text != word {
			t.Errorf("span of %q maps to %q", word, got)
		}
		if !utf8.ValidString(got) {
			t.Errorf("span of %q is not valid UTF-8", word)
		}
	}
	// Out-of-range arguments clamp instead of panicking.
	if s, e := n.Original(-5, 1<<30); s != 0 || e != len(in) {
		t.Errorf("clamped Original = %d,%d", s, e)
	}
	if s, e := n.Original(1<<30, 1<<31); s != len(in) || e != len(in) {
		t.Errorf("past-end Original = %d,%d", s, e)
	}
}

// checkOffsets verifies the offset-map invariants for one input.
func checkOffsets(t *testing.T, in string) {
	t.Helper()
	n := Normalize(in)
	if len(n.start) != len(n.Text) || len(n.end) != len(n.Text) {
		t.Fatalf("offset map length %d/%d for copy of %d bytes", len(n.start), len(n.end), len(n.Text))
	}
	prevEnd := 0
	for i := range n.Text {
		s, e := n.start[i], n.end[i]
		if s < 0 || e > len(in) || s >= e {
			t.Fatalf("byte %d maps to bad range [%d,%d) of %d", i, s, e, len(in))
		}
		if s < prevEnd && (i == 0 || n.start[i-1] != s) {
			t.Fatalf("byte %d maps backwards: [%d,%d) after end %d", i, s, e, prevEnd)
		}
		if !boundary(in, s) || !boundary(in, e) {
			t.Fatalf("byte %d maps to [%d,%d), not on character boundaries", i, s, e)
		}
		prevEnd = e
	}
	for a := 0; a <= len(n.Text); a += 1 + len(n.Text)/7 {
		for b := a; b <= len(n.Text); b += 1 + len(n.Text)/5 {
			s, e := n.Original(a, b)
			if s > e || !boundary(in, s) || !boundary(in, e) {
				t.Fatalf("Original(%d,%d) = [%d,%d) not a valid cut", a, b, s, e)
			}
		}
	}
}

// boundary reports whether i is a position where in may be cut without
// splitting a UTF-8 sequence: a position that decoding in from the start
// reaches. In invalid input every stray byte is its own (invalid)
// character, so cutting around it splits nothing.
func boundary(in string, i int) bool {
	if i < 0 || i > len(in) {
		return false
	}
	if i == 0 || i == len(in) {
		return true
	}
	// Decoding resynchronises within three bytes, so look back at most
	// four bytes for a position decoding reaches, then walk forward.
	j := i - 4
	for j > 0 && !utf8.RuneStart(in[j]) {
		j--
	}
	if j < 0 {
		j = 0
	}
	for j < i {
		_, sz := utf8.DecodeRuneInString(in[j:])
		j += sz
	}
	return j == i
}

func TestNormalizeOffsetInvariants(t *testing.T) {
	for _, s := range append([]string{
		"", "a", "\xff", "a\xffb", "é", "e\u0301\u0301", "\u0301abc", "ＡＢ\u200dＣ",
		"ﬃ ½ ℡ ㈱", "Ǆ ǅ ǆ", "\u1100\u1161\u11a8", "각", "a\u0000b", strings.Repeat("ǅ\u0301", 50),
	}, clinicalCorpus...) {
		checkOffsets(t, s)
	}
	for _, d := range generate(7, scaled(200), 80) {
		checkOffsets(t, d.text)
	}
}

func FuzzNormalize(f *testing.F) {
	for _, s := range []string{"Zoë O’Neill", "ＪＡＮＥ", "999\u00a0000\u200b0018", "\xff\xfe", "e\u0301", "ﬁ", clinicalCorpus[0]} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		checkOffsets(t, in)
		// Normalising is idempotent on the matching copy, so a value and
		// its normalised form always compare equal.
		n := Normalize(in)
		if again := Normalize(n.Text).Text; again != n.Text {
			t.Fatalf("not idempotent: %q -> %q -> %q", in, n.Text, again)
		}
	})
}

// TestNormText checks the short cut for ASCII text against Normalize.
func TestNormText(t *testing.T) {
	var inputs []string
	for c := 0; c < 128; c++ {
		r := string(rune(c))
		inputs = append(inputs, r, "a"+r+r+"B", " "+r+" x  y\t\n"+r)
	}
	inputs = append(inputs, "", "  Jane  DOE ", "Zoë O’Neill", "ＪＡＮＥ", "999\u00a0000\u200b0018", "line\r\nbreak")
	for _, s := range inputs {
		if got, want := normText(s), Normalize(s).Text; got != want {
			t.Errorf("normText(%q) = %q, want %q", s, got, want)
		}
	}
}
