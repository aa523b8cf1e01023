package pii

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestRedactPlaceholders(t *testing.T) {
	text := "Jane Doe (NHS 999 000 0018) called on 07700 900123."
	got := Redact(text, Detect(text), Placeholders, nil)
	want := "[NAME] (NHS [NHS_NUMBER]) called on [PHONE]."
	if got != want {
		t.Errorf("Redact = %q, want %q", got, want)
	}
}

func TestMergeOverlaps(t *testing.T) {
	text := "contact jane.doe@example.com today"
	spans := []Span{
		{Start: 8, End: 12, Kind: KindName},   // "jane"
		{Start: 8, End: 28, Kind: KindEmail},  // whole address
		{Start: 17, End: 28, Kind: KindURL},   // "example.com"
		{Start: 29, End: 34, Kind: KindOther}, // "today"
	}
	got := Merge(text, spans)
	want := []Span{{8, 28, KindEmail}, {29, 34, KindOther}}
	if len(got) != len(want) {
		t.Fatalf("Merge = %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("Merge[%d] = %v, want %v", i, got[i], want[i])
		}
	}
	// Equal length: the more specific kind wins.
	eq := Merge("9434765919", []Span{{0, 10, KindPhone}, {0, 10, KindNHSNumber}})
	if len(eq) != 1 || eq[0].Kind != KindNHSNumber {
		t.Errorf("tie-break = %v, want NHS_NUMBER", eq)
	}
	// Adjacent name parts separated by spaces become one name; a line
	// break keeps them apart.
	nm := Merge("Jane  Doe\nSmith", []Span{{0, 4, KindName}, {6, 9, KindName}, {10, 15, KindName}})
	if len(nm) != 2 || nm[0] != (Span{0, 9, KindName}) {
		t.Errorf("name join = %v", nm)
	}
}

func TestMergeClampsAndSnaps(t *testing.T) {
	text := "é€x"
	got := Merge(text, []Span{{-4, 1, KindName}, {3, 4, KindDate}, {5, 99, KindOther}, {2, 2, KindURL}})
	for _, s := range got {
		if !boundary(text, s.Start) || !boundary(text, s.End) || s.Start < 0 || s.End > len(text) {
			t.Errorf("bad merged span %v", s)
		}
	}
	if out := Redact(text, []Span{{1, 4, KindName}}, Placeholders, nil); !utf8.ValidString(out) {
		t.Errorf("invalid UTF-8 after redacting mid-character span: %q", out)
	}
}

func TestRedactSurrogates(t *testing.T) {
	text := "Jane Doe called 07700 900123; Jane Doe called again."
	seen := map[string]string{}
	sur := func(k Kind, orig string) string {
		if v, ok := seen[orig]; ok {
			return v
		}
		v := map[Kind]string{KindName: "Amy Fake", KindPhone: "07700 900999"}[k]
		seen[orig] = v
		return v
	}
	got := Redact(text, Detect(text), Surrogates, sur)
	want := "Amy Fake called 07700 900999; Amy Fake called again."
	if got != want {
		t.Errorf("Redact = %q, want %q", got, want)
	}
	// A nil function falls back to placeholders.
	if got := Redact("Jane Doe", Detect("Jane Doe"), Surrogates, nil); got != "[NAME]" {
		t.Errorf("nil surrogate = %q", got)
	}
	// A panicking function must not leak or crash.
	bad := func(Kind, string) string { panic("Jane Doe") }
	if got := Redact("Jane Doe", Detect("Jane Doe"), Surrogates, bad); got != "[NAME]" {
		t.Errorf("panicking surrogate = %q", got)
	}
	// Invalid UTF-8 from a surrogate is repaired.
	inv := func(Kind, string) string { return "\xff" }
	if got := Redact("Jane Doe", Detect("Jane Doe"), Surrogates, inv); !utf8.ValidString(got) {
		t.Errorf("invalid surrogate output kept: %q", got)
	}
}

func TestRedactInvalidInput(t *testing.T) {
	text := "Jane\xff Doe \xfe\xfd 07700 900123"
	got := Redact(text, Detect(text), Placeholders, nil)
	if !utf8.ValidString(got) {
		t.Fatalf("output not valid UTF-8: %q", got)
	}
	if strings.Contains(got, "900123") {
		t.Errorf("phone survived: %q", got)
	}
}

func TestPlaceholderForForeignKind(t *testing.T) {
	if got := Kind("Jane Doe").Placeholder(); got != "[REDACTED]" {
		t.Errorf("foreign kind placeholder = %q", got)
	}
	if got := Redact("abc", []Span{{0, 3, Kind("secret text")}}, Placeholders, nil); got != "[REDACTED]" {
		t.Errorf("foreign kind redaction = %q", got)
	}
	if len(Kinds()) != len(kindOrder) {
		t.Error("Kinds incomplete")
	}
}
