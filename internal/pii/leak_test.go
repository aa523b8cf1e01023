package pii

import "testing"

func TestLeaksIgnoresPlaceholders(t *testing.T) {
	text := "Mrs [NAME] ([NHS_NUMBER]) called [PHONE] about [DATE]. Dear [NAME], patient [NAME] at [ADDRESS], [POSTCODE]. " +
		"[EMAIL] [URL] [HANDLE] [REGISTRATION] [NI_NUMBER] [OTHER] [REDACTED] [NHS_NUMBER] 5555555554 [NHS_NUMBER]: 5555555554"
	m := NewMatcher(sampleKnown())
	if got := Leaks(text, m); len(got) > 0 {
		t.Errorf("Leaks flagged placeholders: %s", describe(text, got))
	}
}

func TestLeaksFindsSurvivors(t *testing.T) {
	m := NewMatcher(sampleKnown())
	for _, text := range []string{
		"[NAME] called; J\u200bane called back",
		"[PHONE] or +44 7700 900 123",
		"NHS 999\u00a0000\u00a00018",
		"email jd87 [at] example [dot] com",
		"call 0113 496 0000",
	} {
		if len(Leaks(text, m)) == 0 {
			t.Errorf("Leaks(%q) found nothing", text)
		}
	}
}

func TestRedactThenLeaksIsClean(t *testing.T) {
	for _, d := range generate(11, scaled(500), 70) {
		m := NewMatcher(d.known)
		out := Redact(d.text, Scan(d.text, m), Placeholders, nil)
		if got := Leaks(out, m); len(got) > 0 {
			t.Fatalf("leak after redaction: %s\ninput:  %q\noutput: %q", describe(out, got), d.text, out)
		}
	}
}
