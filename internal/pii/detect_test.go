package pii

import (
	"strings"
	"testing"
)

// hasSpan reports whether spans hold one of kind k covering exactly want
// (compared after normalisation, so the test can be written in ASCII).
func hasSpan(text string, spans []Span, k Kind, want string) bool {
	for _, s := range Merge(text, spans) {
		if s.Kind == k && Normalize(text[s.Start:s.End]).Text == Normalize(want).Text {
			return true
		}
	}
	return false
}

func describe(text string, spans []Span) string {
	var b strings.Builder
	for _, s := range spans {
		b.WriteString(string(s.Kind) + "=" + text[s.Start:s.End] + "; ")
	}
	return b.String()
}

func TestDetectPositive(t *testing.T) {
	cases := []struct {
		text string
		kind Kind
		want string
	}{
		// NHS numbers.
		{"NHS 943 476 5919 on file", KindNHSNumber, "943 476 5919"},
		{"ref 9434765919.", KindNHSNumber, "9434765919"},
		{"number 943-476-5919", KindNHSNumber, "943-476-5919"},
		{"nhs no 943.476.5919", KindNHSNumber, "943.476.5919"},
		{"NHS 999\u00a0000\u200b0018", KindNHSNumber, "999\u00a0000\u200b0018"},
		{"NHS 999 000\n0018", KindNHSNumber, "999 000\n0018"},
		{"９９９ ０００ ００１８ was given", KindNHSNumber, "９９９ ０００ ００１８"},
		{"NHS number 943 476 5918 (typo)", KindNHSNumber, "943 476 5918"}, // checksum-invalid, context
		{"NHS no: 94 34 76 59 18", KindNHSNumber, "94 34 76 59 18"},
		// Phones.
		{"call 07700 900123 today", KindPhone, "07700 900123"},
		{"call 07700900123 today", KindPhone, "07700900123"},
		{"on +44 7700 900123.", KindPhone, "+44 7700 900123"},
		{"on +44 (0)7700 900123.", KindPhone, "+44 (0)7700 900123"},
		{"on 0044 7700 900 123.", KindPhone, "0044 7700 900 123"},
		{"tel (0113) 496 0123", KindPhone, "(0113) 496 0123"},
		{"tel 0113-496-0123", KindPhone, "0113-496-0123"},
		{"tel 020 7946 0123", KindPhone, "020 7946 0123"},
		{"tel 0161 496 0000", KindPhone, "0161 496 0000"},
		{"tel 0118 496 0999", KindPhone, "0118 496 0999"},
		{"tel 01632 960 001", KindPhone, "01632 960 001"},
		{"tel +447700900123", KindPhone, "+447700900123"},
		{"tel 07700\n900123", KindPhone, "07700\n900123"},
		// E-mail, URL, handles.
		{"email jane.doe@example.com now", KindEmail, "jane.doe@example.com"},
		{"email jane [at] example [dot] com now", KindEmail, "jane [at] example [dot] com"},
		{"email jane(at)example(dot)org now", KindEmail, "jane(at)example(dot)org"},
		{"email jane at example dot com now", KindEmail, "jane at example dot com"},
		{"JANE.DOE@EXAMPLE.INVALID", KindEmail, "jane.doe@example.invalid"},
		{"see https://example.com/jane?x=1.", KindURL, "https://example.com/jane?x=1"},
		{"see www.example.org/reviews", KindURL, "www.example.org/reviews"},
		{"see instagram.com/jane.doe.aesthetic", KindURL, "instagram.com/jane.doe.aesthetic"},
		{"see tiktok.com/@jane_doe", KindURL, "tiktok.com/@jane_doe"},
		{"see facebook.com/jane.doe", KindURL, "facebook.com/jane.doe"},
		{"see linktr.ee/janedoe", KindURL, "linktr.ee/janedoe"},
		{"tagged @jane.doe.aesthetic in a story", KindHandle, "@jane.doe.aesthetic"},
		{"her insta: jane_doe_aesthetics", KindHandle, "jane_doe_aesthetics"},
		// Postcodes.
		{"lives in SW1A 1AA", KindPostcode, "SW1A 1AA"},
		{"lives in sw1a1aa", KindPostcode, "sw1a1aa"},
		{"lives in M1 1AE", KindPostcode, "M1 1AE"},
		{"lives in B33 8TH", KindPostcode, "B33 8TH"},
		{"lives in CR2 6XH", KindPostcode, "CR2 6XH"},
		{"lives in DN55 1PT", KindPostcode, "DN55 1PT"},
		{"lives in W1A 0AX", KindPostcode, "W1A 0AX"},
		{"lives in EC1A 1BB", KindPostcode, "EC1A 1BB"},
		{"write to GIR 0AA", KindPostcode, "GIR 0AA"},
		{"lives in LS1\u00a04AP", KindPostcode, "LS1\u00a04AP"},
		// Dates.
		{"seen 03/05/24 again", KindDate, "03/05/24"},
		{"seen 3.5.2024 again", KindDate, "3.5.2024"},
		{"seen 2024-05-03 again", KindDate, "2024-05-03"},
		{"seen 3rd May 2024 again", KindDate, "3rd May 2024"},
		{"seen May 3rd again", KindDate, "May 3rd"},
		{"seen 3 May again", KindDate, "3 May"},
		{"seen in May 2024", KindDate, "May 2024"},
		{"seen 14th of June", KindDate, "14th of June"},
		{"seen May 14, 1990", KindDate, "May 14, 1990"},
		{"born 14 May '90", KindDate, "14 May '90"},
		{"born 14-may-1990", KindDate, "14-may-1990"},
		{"reviewed on 14/05", KindDate, "14/05"},
		// Registrations.
		{"Dr Smith (GMC 1234567)", KindRegistration, "1234567"},
		{"GMC number: 7654321", KindRegistration, "7654321"},
		{"NMC PIN 12A3456E", KindRegistration, "12A3456E"},
		{"her PIN is 99I9999A", KindRegistration, "99I9999A"},
		{"NMC: 01A2345N", KindRegistration, "01A2345N"},
		{"GDC no. 123456", KindRegistration, "123456"},
		{"GPhC 2071234", KindRegistration, "2071234"},
		{"HCPC PH123456", KindRegistration, "PH123456"},
		{"registration number 1234567", KindRegistration, "1234567"},
		// NI numbers.
		{"NI AB 12 34 56 C", KindNINumber, "AB 12 34 56 C"},
		{"NINO ab123456c", KindNINumber, "ab123456c"},
		{"national insurance AB123456", KindNINumber, "AB123456"},
		// Addresses.
		{"lives at 12 Acacia Avenue, Leeds", KindAddress, "12 Acacia Avenue"},
		{"clinic at 4a Harley St.", KindAddress, "4a Harley St"},
		{"at 221 Baker Street", KindAddress, "221 Baker Street"},
		// Names.
		{"Mrs Jones attended", KindName, "Jones"},
		{"seen by Dr. A. Patel today", KindName, "A. Patel"},
		{"Miss Jane Doe complained", KindName, "Jane Doe"},
		{"Mr O'Neill complained", KindName, "O'Neill"},
		{"Mr O’Neill complained", KindName, "O’Neill"},
		{"my husband Dave noticed", KindName, "Dave"},
		{"her daughter Amy came", KindName, "Amy"},
		{"patient Jane Doe attended", KindName, "Jane Doe"},
		{"nurse Kelly injected", KindName, "Kelly"},
		{"Nurse Kelly injected", KindName, "Kelly"},
		{"Kind regards,\nSarah Thompson", KindName, "Sarah Thompson"},
		{"Thanks, Priya", KindName, "Priya"},
		{"Name: Jane Doe", KindName, "Jane Doe"},
		{"treated by Sarah on Monday", KindName, "Sarah"},
		{"a lady called Tamsin", KindName, "Tamsin"},
		{"MRS JONES ATTENDED", KindName, "JONES"},
		{"mrs jones attended", KindName, "jones"},
		{"Mrs van der Berg attended", KindName, "van der Berg"},
		{"Mrs Young attended", KindName, "Young"},
		{"Oluwaseun Adeyemi called twice", KindName, "Oluwaseun Adeyemi"},
		{"Amara messaged the clinic", KindName, "Amara"},
		{"Contact Bethan on Monday", KindName, "Bethan"},
		{"Jane's lips", KindName, "Jane"},
		{"Zoë O’Neill attended", KindName, "Zoë O’Neill"},
	}
	for _, c := range cases {
		spans := Detect(c.text)
		if !hasSpan(c.text, spans, c.kind, c.want) {
			t.Errorf("Detect(%q): want %s %q, got %s", c.text, c.kind, c.want, describe(c.text, spans))
		}
	}
}

func TestDetectNegative(t *testing.T) {
	cases := []string{
		"27G cannula",
		"1500 IU hyaluronidase",
		"0.5 ml",
		"0.5ml of Juvederm Volbella",
		"review at day 14",
		"2 x 1ml syringes",
		"50 units",
		"upper lip 0.3 ml",
		"Restylane Kysse",
		"Botox 20u glabella",
		"dose at 10:30",
		"lot 12345",
		"batch 1234567890",
		"lot number 23A1234B",
		"improved by 40%",
		"ISO 10002",
		"CTCAE grade 3",
		"Fitzpatrick IV",
		"HSV",
		"attend A&E",
		"letter to GP",
		"meet @ 5pm",
		"see you @5pm",
		"ratio 1:1000",
		"BP 118/76",
		"pain 7/10",
		"version 3.2.1",
		"after 1/2 syringe",
		"you may 2 weeks",
		"Nurse practitioner reviewed",
		"the nurse applied pressure",
		"my husband and I",
		"Patient reported swelling",
		"The patient was seen",
		"Mark the injection points",
		"May cause bruising",
		"QQ 12 34 56 C",
		"HSV PCR negative",
		"eGFR 90",
		"Kind regards,\nThe Clinic Team",
		"e.g. swelling, i.e. oedema",
		"SpO2 98%, RR 16",
		"2 weeks later Dr reviewed",
		"Dr reviewed at 2 weeks",
		"Dysport 300 units in 1.5 ml",
		"Temperature 37.9 C at 18:45",
	}
	for _, text := range cases {
		if spans := Detect(text); len(spans) > 0 {
			t.Errorf("Detect(%q) = %s, want nothing", text, describe(text, spans))
		}
	}
}

func TestNHSChecksumOnlyWithoutContext(t *testing.T) {
	// A checksum-invalid ten-digit number with no context is not an NHS
	// number; a valid one in NHS layout is.
	if spans := Detect("order 943 476 5918 arrived"); len(spans) > 0 {
		t.Errorf("invalid number without context flagged: %s", describe("order 943 476 5918 arrived", spans))
	}
	if spans := Detect("id 943 476 5919 arrived"); !hasSpan("id 943 476 5919 arrived", spans, KindNHSNumber, "943 476 5919") {
		t.Errorf("valid NHS-layout number not flagged")
	}
	if spans := Detect("lot number 943 476 5918"); len(spans) > 0 {
		t.Errorf("lot number flagged: %s", describe("lot number 943 476 5918", spans))
	}
}

func TestPostcodeLetterRules(t *testing.T) {
	bad := []string{"QA1 1AA", "VA1 1AA", "XA1 1AA", "AI1 1AA", "AJ1 1AA", "AZ1 1AA",
		"A1I 1AA", "AA1C 1AA", "SW1A 1CA", "SW1A 1AI", "SW1A 1AK", "SW1A 1AM", "SW1A 1AO", "SW1A 1AV"}
	for _, pc := range bad {
		if spans := Detect("at " + pc + " today"); len(spans) > 0 {
			t.Errorf("%q accepted as %s", pc, describe("at "+pc+" today", spans))
		}
	}
}

func TestNINumberPrefixRules(t *testing.T) {
	for _, p := range []string{"DA", "FA", "IA", "QA", "UA", "VA", "AD", "AF", "AI", "AQ", "AU", "AV", "AO",
		"BG", "GB", "NK", "KN", "TN", "NT", "ZZ"} {
		text := "NI " + p + " 12 34 56 C"
		if spans := Detect(text); len(spans) > 0 {
			t.Errorf("%q accepted: %s", text, describe(text, spans))
		}
	}
	for _, p := range []string{"AB", "OA", "ZY", "CE"} {
		text := "NI " + p + " 12 34 56 C"
		if !hasSpan(text, Detect(text), KindNINumber, p+" 12 34 56 C") {
			t.Errorf("%q rejected", text)
		}
	}
}
