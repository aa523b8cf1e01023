package anonymize_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"

	"github.com/google/uuid"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/openaesthetics/casebook/anonymize"
	"github.com/openaesthetics/casebook/complication"
	"github.com/openaesthetics/casebook/schema"
)

func TestNewKey(t *testing.T) {
	tests := []struct {
		name   string
		id     string
		secret []byte
		ok     bool
	}{
		{"32 bytes", "registry-2026", make([]byte, 32), true},
		{"31 bytes", "registry-2026", make([]byte, 31), false},
		{"empty", "k", nil, false},
		{"empty id", "", make([]byte, 32), false},
		{"id with space", "my key", make([]byte, 32), false},
		{"long id", strings.Repeat("k", 65), make([]byte, 32), false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			k, err := anonymize.NewKey(tc.id, tc.secret)
			if tc.ok {
				require.NoError(t, err)
				assert.Equal(t, tc.id, k.ID())
				return
			}
			var kerr *anonymize.KeyError
			require.True(t, errors.As(err, &kerr))
		})
	}
	k := testKey(t)
	for _, s := range []string{k.String(), fmt.Sprintf("%v %+v %#v %s", k, k, k, k)} {
		assert.NotContains(t, s, string(testSecret), "printing a key never shows the secret")
		assert.NotContains(t, s, "0123456789")
	}
	_, err := anonymize.New(anonymize.Registry(), anonymize.Key{})
	var kerr *anonymize.KeyError
	assert.True(t, errors.As(err, &kerr), "the zero Key is refused")
}

func TestPseudonyms(t *testing.T) {
	k := testKey(t)
	nhs := []string{"9990000018", "999 000 0018", "999-000-0018", "９９９ ０００ ００１８", "999\u00a0000\u200b0018"}
	want := k.Pseudonym(anonymize.DomainPatient, "nhs:"+anonymize.CanonicalNHSNumber(nhs[0]))
	for _, n := range nhs {
		c := anonymize.CanonicalNHSNumber(n)
		require.Equal(t, "9990000018", c, "%q", n)
		assert.Equal(t, want, k.Pseudonym(anonymize.DomainPatient, "nhs:"+c), "formatting never changes a pseudonym")
	}
	assert.Equal(t, "", anonymize.CanonicalNHSNumber("9990000019"), "a bad check digit is not an NHS number")
	assert.Equal(t, "", anonymize.CanonicalNHSNumber("999000001X"))

	assert.Len(t, want, 3+32)
	assert.True(t, strings.HasPrefix(want, "pt_"))
	assert.NotEqual(t, want, k.Pseudonym(anonymize.DomainPractitioner, "nhs:9990000018"), "domains are separate")
	other, err := anonymize.NewKey("other", []byte("another-test-key-0123456789-abcdefgh"))
	require.NoError(t, err)
	assert.NotEqual(t, want, other.Pseudonym(anonymize.DomainPatient, "nhs:9990000018"), "keys are separate")

	for _, pair := range [][2]string{
		{"Zoë O’Neill", "ZOE O'NEILL"},
		{"  Siân   Smith-Jones ", "sian smith‐jones"},
		{"ﬁona", "fiona"},
		{"Maße", "MASSE"},
	} {
		assert.Equal(t, anonymize.CanonicalName(pair[0]), anonymize.CanonicalName(pair[1]), "%q vs %q", pair[0], pair[1])
	}
}

func TestCanonicalName(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"ascii", "  Jane   DOE ", "jane doe"},
		{"diaeresis and curly apostrophe", "Zoë O’Neill", "zoe o'neill"},
		{"circumflex and dash", "Siân Smith‐Jones", "sian smith-jones"},
		{"ligature", "ﬁona", "fiona"},
		{"sharp s", "Maße", "masse"},
		{"fada", "Ní Bhriain", "ni bhriain"},
		{"invisible format character", "Ja\u200bne", "jane"},
		{"longer than a transformer's buffer", strings.Repeat("é", 5000), strings.Repeat("e", 5000)},
		{"empty", "", ""},
	}
	// Forwards, backwards and concurrently: the result never depends on
	// the name before.
	check := func(t *testing.T, i int) {
		tc := tests[i]
		assert.Equal(t, tc.want, anonymize.CanonicalName(tc.in), tc.name)
	}
	for i := range tests {
		check(t, i)
	}
	for i := len(tests) - 1; i >= 0; i-- {
		check(t, i)
	}
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			for i := range 50 * len(tests) {
				check(t, i%len(tests))
			}
		})
	}
	wg.Wait()
}

// TestReportOutputIsSubmissionShape runs every corpus record through both
// profiles and validates the result against the submission schema.
func TestReportOutputIsSubmissionShape(t *testing.T) {
	v := validator(t)
	for _, p := range []*anonymize.Policy{anonymize.Registry(), anonymize.Research(anonymize.ResearchOptions{}), anonymize.Research(anonymize.ResearchOptions{Dates: anonymize.MonthDates, Text: anonymize.Surrogates})} {
		a := newAnonymizer(t, p)
		for _, r := range identifiedReports(t) {
			t.Run(p.ID+"/"+r.ID.String(), func(t *testing.T) {
				before := mustJSON(t, r)
				out, err := a.Report(r)
				if p.MaxShiftDays > 0 && r.Treatment.Date.Precision() == complication.PrecisionYear {
					var derr *anonymize.DateError
					require.True(t, errors.As(err, &derr), "a year-only treatment date cannot be shifted: %v", err)
					assert.Equal(t, "/treatment/date", derr.Pointer)
					return
				}
				require.NoError(t, err)
				assert.Equal(t, before, mustJSON(t, r), "the input is not modified")
				assert.Nil(t, out.Identity)
				require.NotNil(t, out.Deidentification)
				assert.Equal(t, p.ID, out.Deidentification.PolicyID)
				assert.Equal(t, "test-2026", out.Deidentification.KeyID)
				hash, err := p.Hash()
				require.NoError(t, err)
				assert.Equal(t, hash, out.Deidentification.PolicyHash)
				fs := v.ValidateReport(schema.ReportSubmission, out)
				assert.False(t, fs.Rejected(), "%v", fs)
				assert.NotEmpty(t, out.Patient.Pseudonym)
			})
		}
	}
}

func TestRegistryProfile(t *testing.T) {
	a := newAnonymizer(t, anonymize.Registry())
	in := corpusReport(t, "report-lip-filler-nodule")
	out, err := a.Report(in)
	require.NoError(t, err)
	assert.Equal(t, in.Treatment.Date, out.Treatment.Date, "clinical dates are kept")
	assert.Equal(t, in.ID, out.ID)
	assert.Equal(t, 29, *out.Patient.AgeAtTreatment)
	assert.Equal(t, "LS1", out.Patient.PostcodeDistrict)
	assert.Equal(t, "LS", out.Patient.PostcodeArea)
	assert.Equal(t, complication.DateHandlingKept, out.Deidentification.Dates)
	assert.NotEmpty(t, out.Practitioner.Pseudonym)
	assert.Contains(t, out.Narrative, "Patient [NAME] attended six months after lip filler")
	assert.NotContains(t, out.Narrative, "Jane")
	assert.Contains(t, out.Narrative, "300 IU hyaluronidase", "clinical language survives")

	vo := corpusReport(t, "report-vascular-occlusion")
	out, err = a.Report(vo)
	require.NoError(t, err)
	assert.Equal(t, "RD24117", out.Treatment.Products[0].Lot, "lot numbers are kept for recalls")
	assert.NotEmpty(t, out.Setting.ClinicPseudonym)
}

func TestAgeFromDateOfBirth(t *testing.T) {
	r := corpusReport(t, "report-lip-filler-nodule")
	r.Patient.AgeAtTreatment = nil
	out, err := newAnonymizer(t, anonymize.Registry()).Report(r)
	require.NoError(t, err)
	require.NotNil(t, out.Patient.AgeAtTreatment)
	assert.Equal(t, 29, *out.Patient.AgeAtTreatment, "DOB 1997-03-02, treated 2026-05-14")

	out, err = newAnonymizer(t, anonymize.Research(anonymize.ResearchOptions{})).Report(r)
	require.NoError(t, err)
	assert.Nil(t, out.Patient.AgeAtTreatment)
	assert.Equal(t, complication.AgeBand25To34, out.Patient.AgeBand)
}

func TestResearchProfile(t *testing.T) {
	a := newAnonymizer(t, anonymize.Research(anonymize.ResearchOptions{}))
	in := corpusReport(t, "report-vascular-occlusion")
	out, err := a.Report(in)
	require.NoError(t, err)
	assert.Nil(t, out.Patient.AgeAtTreatment)
	assert.Equal(t, complication.AgeBand35To44, out.Patient.AgeBand)
	assert.Empty(t, out.Patient.PostcodeDistrict)
	assert.Empty(t, out.Treatment.Products[0].Lot)
	assert.Empty(t, out.ReportedTo[0].Reference)
	assert.NotEqual(t, in.ID, out.ID, "identifiers are re-keyed")
	assert.NotEqual(t, in.Events[0].ID, out.Events[0].ID)
	assert.Equal(t, uuid.Version(8), out.ID.Version())
	assert.Equal(t, complication.DateHandlingShifted, out.Deidentification.Dates)
	assert.NotEqual(t, in.Treatment.Date, out.Treatment.Date)

	// Every interval between dates known to the day is kept.
	pairs := [][2]complication.PartialDate{
		{in.Treatment.Date, in.Events[0].Onset},
		{in.Treatment.Date, in.Events[0].Resolved},
		{in.Events[0].Onset, in.Events[0].Management[2].Given},
	}
	outPairs := [][2]complication.PartialDate{
		{out.Treatment.Date, out.Events[0].Onset},
		{out.Treatment.Date, out.Events[0].Resolved},
		{out.Events[0].Onset, out.Events[0].Management[2].Given},
	}
	for i := range pairs {
		lo, hi, _ := complication.Interval(pairs[i][0], pairs[i][1])
		lo2, hi2, _ := complication.Interval(outPairs[i][0], outPairs[i][1])
		assert.Equal(t, []int{lo, hi}, []int{lo2, hi2}, "interval %d", i)
		assert.Equal(t, pairs[i][0].Precision(), outPairs[i][0].Precision())
	}
	shift := int(out.Treatment.Date.Start().Sub(in.Treatment.Date.Start()).Hours() / 24)
	assert.NotZero(t, shift)
	assert.LessOrEqual(t, shift, 182)
	assert.GreaterOrEqual(t, shift, -182)
	assert.Equal(t, in.Created.AddDate(0, 0, shift).UTC(), out.Created.UTC(), "timestamps move by the same offset")

	month := newAnonymizer(t, anonymize.Research(anonymize.ResearchOptions{Dates: anonymize.MonthDates}))
	out, err = month.Report(in)
	require.NoError(t, err)
	assert.Equal(t, "2026-09", out.Treatment.Date.String())
	assert.Equal(t, complication.DateHandlingMonth, out.Deidentification.Dates)
	assert.Equal(t, "2026-09-01T00:00:00Z", out.Created.Format("2006-01-02T15:04:05Z07:00"))
}

func TestSamePatientSameOffsetAndPseudonym(t *testing.T) {
	a := newAnonymizer(t, anonymize.Research(anonymize.ResearchOptions{}))
	first := corpusReport(t, "report-lip-filler-nodule")
	second := corpusReport(t, "report-lip-filler-nodule")
	second.ID = uuid.MustParse("11111111-2222-4333-8444-555555555555")
	second.Identity.Patient.NHSNumber = "999 000 0018" // the same patient, typed differently
	second.Identity.Patient.GivenName = "JANE"
	o1, err := a.Report(first)
	require.NoError(t, err)
	o2, err := a.Report(second)
	require.NoError(t, err)
	assert.Equal(t, o1.Patient.Pseudonym, o2.Patient.Pseudonym)
	assert.Equal(t, o1.Treatment.Date, o2.Treatment.Date, "one patient, one offset")
	assert.NotEqual(t, o1.ID, o2.ID)
}

func TestDeterministic(t *testing.T) {
	for _, p := range []*anonymize.Policy{anonymize.Registry(), anonymize.Research(anonymize.ResearchOptions{Text: anonymize.Surrogates})} {
		a1, a2 := newAnonymizer(t, p), newAnonymizer(t, p)
		for _, r := range shiftable(t) {
			o1, err := a1.Report(r)
			require.NoError(t, err)
			o2, err := a2.Report(r)
			require.NoError(t, err)
			assert.Equal(t, mustJSON(t, o1), mustJSON(t, o2), "same input, key and policy give the same bytes")
		}
	}
}

func TestConcurrentUse(t *testing.T) {
	a := newAnonymizer(t, anonymize.Research(anonymize.ResearchOptions{}))
	want := map[uuid.UUID]string{}
	for _, r := range shiftable(t) {
		o, err := a.Report(r)
		require.NoError(t, err)
		want[r.ID] = mustJSON(t, o)
	}
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			for _, r := range shiftable(t) {
				o, err := a.Report(r)
				if assert.NoError(t, err) {
					assert.Equal(t, want[r.ID], mustJSON(t, o))
				}
			}
		})
	}
	wg.Wait()
	assert.Equal(t, 3*9, a.Audit().Records)
}

// TestLeakGateRefuses puts a known identifier where no redaction runs: the
// gate must refuse the record and name the field, not the value.
func TestLeakGateRefuses(t *testing.T) {
	tests := []struct {
		name    string
		change  func(r *complication.Report)
		pointer string
	}{
		{"name in a product name", func(r *complication.Report) { r.Treatment.Products[0].Name = "Jane's own filler" }, "/treatment/products/0/name"},
		{"NHS number in a lot", func(r *complication.Report) { r.Treatment.Products[0].Lot = "999-000-0018" }, "/treatment/products/0/lot"},
		{"phone in a management product", func(r *complication.Report) {
			r.Events[0].Management[0].Product = "call 07700900123"
		}, "/events/0/management/0/product"},
		{"email in a supplier", func(r *complication.Report) { r.Treatment.Products[0].Supplier = "JANE.DOE@EXAMPLE.COM" }, "/treatment/products/0/supplier"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a := newAnonymizer(t, anonymize.Registry())
			r := corpusReport(t, "report-lip-filler-nodule")
			tc.change(r)
			out, err := a.Report(r)
			require.Error(t, err)
			assert.Nil(t, out)
			var leak *anonymize.LeakError
			require.True(t, errors.As(err, &leak), "%v", err)
			assert.Equal(t, tc.pointer, leak.Pointer)
			for _, v := range []string{"Jane", "0018", "07700", "EXAMPLE"} {
				assert.NotContains(t, err.Error(), v)
			}
			assert.Equal(t, 1, a.Audit().Refused["leak"])
			assert.Equal(t, 0, a.Audit().Produced)
		})
	}
}

// TestNamesOfOnePerson checks what the leak gate and the redactor take
// for a name: the parts of one person, together or alone, but not
// initials made from two people, nor a practitioner's qualifications.
func TestNamesOfOnePerson(t *testing.T) {
	// The patient is Jane Doe and the reporter Amir Khan.
	r := corpusReport(t, "report-lip-filler-nodule")
	r.Identity.Practitioner.Name = "Emma MacLeod RN"
	r.Treatment.Products[0].Lot = "AD 4471" // A(mir) D(oe): nobody's initials
	r.Narrative = "Treated by E. MacLeod RN; swabbed for MC&S by JK."
	out, err := newAnonymizer(t, anonymize.Registry()).Report(r)
	require.NoError(t, err)
	assert.Equal(t, "Treated by [NAME] RN; swabbed for MC&S by JK.", out.Narrative)
	assert.Equal(t, "AD 4471", out.Treatment.Products[0].Lot)

	// The patient's own initials in the lot are still refused.
	r = corpusReport(t, "report-lip-filler-nodule")
	r.Treatment.Products[0].Lot = "JD 4471"
	_, err = newAnonymizer(t, anonymize.Registry()).Report(r)
	var leak *anonymize.LeakError
	require.ErrorAs(t, err, &leak)
	assert.Equal(t, "/treatment/products/0/lot", leak.Pointer)
}

func TestFreeTextRedaction(t *testing.T) {
	a := newAnonymizer(t, anonymize.Registry())
	r := corpusReport(t, "report-lip-filler-nodule")
	r.Narrative = "Mrs Doe (DOB 02/03/1997, NHS 999 000 0018) rang from 07700 900 123 and emailed jane.doe@example.com; " +
		"her sister Amy posted on @jane.doe.example. Lives at 12 Example Street, LS1 4AP. " +
		"0.5 ml Juvederm Volbella with a 27G cannula; 1500 IU hyaluronidase on day 14. CTCAE grade 2."
	r.Events[0].Description = "JANE DOE reported lumps; seen by Dr Amir Khan (GMC 7654321)."
	out, err := a.Report(r)
	require.NoError(t, err)
	for _, leaked := range []string{"Doe", "02/03/1997", "0018", "07700", "jane.doe", "Amy", "Example Street", "LS1 4AP", "Khan", "7654321", "JANE"} {
		assert.NotContains(t, out.Narrative+out.Events[0].Description, leaked)
	}
	for _, kept := range []string{"0.5 ml Juvederm Volbella", "27G cannula", "1500 IU hyaluronidase", "day 14", "CTCAE grade 2"} {
		assert.Contains(t, out.Narrative, kept)
	}
	audit := a.Audit()
	assert.Positive(t, audit.Identifiers["NAME"])
	assert.Positive(t, audit.Identifiers["NHS_NUMBER"])
	assert.Positive(t, audit.Identifiers["PHONE"])

	s := newAnonymizer(t, anonymize.Research(anonymize.ResearchOptions{Text: anonymize.Surrogates}))
	out, err = s.Report(r)
	require.NoError(t, err)
	assert.NotContains(t, out.Narrative, "Doe")
	assert.NotContains(t, out.Narrative, "[NAME]", "surrogates replace names with fakes")
	assert.Contains(t, out.Narrative, "07700 900", "fake phones come from the Ofcom drama range")
}

func TestPolicyChecks(t *testing.T) {
	base := anonymize.Registry
	tests := []struct {
		name   string
		change func(p *anonymize.Policy)
		want   string
	}{
		{"missing rule", func(p *anonymize.Policy) { p.Reports = p.Reports[1:] }, "no rule"},
		{"missing complaint rule", func(p *anonymize.Policy) { p.Complaints = p.Complaints[:len(p.Complaints)-1] }, "no rule"},
		{"rule for no field", func(p *anonymize.Policy) {
			p.Complaints = append(p.Complaints, anonymize.Rule{Pointer: "/zz_extra", Action: anonymize.Drop})
		}, "does not have"},
		{"keep a complaint's identity", func(p *anonymize.Policy) {
			setComplaintRule(p, "/identity/tracking_token", anonymize.Keep)
		}, "/identity/tracking_token"},
		{"keep a direct identifier", func(p *anonymize.Policy) { setRule(p, "/identity/patient/nhs_number", anonymize.Keep) }, "/identity/patient/nhs_number"},
		{"keep free text", func(p *anonymize.Policy) { setRule(p, "/narrative", anonymize.Keep) }, "free text"},
		{"keep a clinic pseudonym", func(p *anonymize.Policy) { setRule(p, "/patient/pseudonym", anonymize.Keep) }, "pseudonym"},
		{"shift a code", func(p *anonymize.Policy) { setRule(p, "/events/*/term", anonymize.Shift) }, "only dates"},
		{"redact a date", func(p *anonymize.Policy) { setRule(p, "/treatment/date", anonymize.Redact) }, "only free text"},
		{"shift without a range", func(p *anonymize.Policy) { setRule(p, "/treatment/date", anonymize.Shift) }, "max_shift_days"},
		{"unknown action", func(p *anonymize.Policy) { setRule(p, "/events/*/term", "blur") }, "unknown action"},
		{"duplicate rule", func(p *anonymize.Policy) { p.Reports = append(p.Reports[:1], p.Reports...) }, "more than one"},
		{"no id", func(p *anonymize.Policy) { p.ID = "" }, "id and version"},
		{"bad text mode", func(p *anonymize.Policy) { p.Text = "" }, "text"},
		{"k of 1", func(p *anonymize.Policy) {
			p.KAnonymity = &anonymize.KAnonymity{K: 1, QuasiIdentifiers: []string{"/patient/sex"}}
		}, "k must"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p := base()
			tc.change(p)
			_, err := anonymize.New(p, testKey(t))
			var perr *anonymize.PolicyError
			require.True(t, errors.As(err, &perr), "%v", err)
			assert.Contains(t, err.Error(), tc.want)
		})
	}
}

func setRule(p *anonymize.Policy, ptr string, a anonymize.Action) {
	for i := range p.Reports {
		if p.Reports[i].Pointer == ptr {
			p.Reports[i].Action = a
		}
	}
}

func setComplaintRule(p *anonymize.Policy, ptr string, a anonymize.Action) {
	for i := range p.Complaints {
		if p.Complaints[i].Pointer == ptr {
			p.Complaints[i].Action = a
		}
	}
}

// TestPolicyCoversSchema checks the built-in profiles against the schema's
// field table: every field has a rule, every direct identifier is dropped,
// every free-text field is redacted.
func TestPolicyCoversSchema(t *testing.T) {
	for _, p := range []*anonymize.Policy{anonymize.Registry(), anonymize.Research(anonymize.ResearchOptions{})} {
		for _, set := range []struct {
			fields []complication.Field
			action func(string) (anonymize.Action, bool)
		}{{complication.ReportFields(), p.ReportAction}, {complication.ComplaintFields(), p.ComplaintAction}} {
			for _, f := range set.fields {
				act, ok := set.action(f.Pointer)
				require.True(t, ok, "%s: %s", p.ID, f.Pointer)
				switch f.Privacy {
				case complication.PrivacyDirect:
					assert.Equal(t, anonymize.Drop, act, "%s %s", p.ID, f.Pointer)
				case complication.PrivacyFreeText:
					assert.Equal(t, anonymize.Redact, act, "%s %s", p.ID, f.Pointer)
				}
			}
		}
	}
}

func TestPolicyHash(t *testing.T) {
	r1, err := anonymize.Registry().Hash()
	require.NoError(t, err)
	r2, err := anonymize.Registry().Hash()
	require.NoError(t, err)
	assert.Equal(t, r1, r2)
	assert.Len(t, r1, 64)
	res, err := anonymize.Research(anonymize.ResearchOptions{}).Hash()
	require.NoError(t, err)
	month, err := anonymize.Research(anonymize.ResearchOptions{Dates: anonymize.MonthDates}).Hash()
	require.NoError(t, err)
	assert.NotEqual(t, r1, res)
	assert.NotEqual(t, res, month, "a policy's options are part of its hash")

	p := anonymize.Registry()
	b, err := json.Marshal(p)
	require.NoError(t, err)
	var back anonymize.Policy
	require.NoError(t, json.Unmarshal(b, &back))
	h, err := back.Hash()
	require.NoError(t, err)
	assert.Equal(t, r1, h, "a policy survives a JSON round trip with the same hash")
	_, err = anonymize.New(&back, testKey(t))
	assert.NoError(t, err)

	_, err = anonymize.Profile("public")
	assert.Error(t, err)
}

func TestInputErrors(t *testing.T) {
	a := newAnonymizer(t, anonymize.Registry())
	_, err := a.Report(nil)
	assert.ErrorIs(t, err, anonymize.ErrNilRecord)
	out, err := a.Report(corpusReport(t, "report-thread-extrusion"))
	require.NoError(t, err)
	_, err = a.Report(out)
	assert.ErrorIs(t, err, anonymize.ErrAlreadyDeidentified)
	assert.Equal(t, 2, a.Audit().Refused["input"])
}

func TestUnlinkablePatient(t *testing.T) {
	a := newAnonymizer(t, anonymize.Registry())
	r := corpusReport(t, "report-thread-extrusion") // no identity block at all
	out, err := a.Report(r)
	require.NoError(t, err)
	assert.NotEmpty(t, out.Patient.Pseudonym)
	assert.Equal(t, 1, a.Audit().Unlinkable)
}

// TestAuditHasNoPersonalData plants identifiers and checks that neither the
// audit's JSON nor its summary contains any of them.
func TestAuditHasNoPersonalData(t *testing.T) {
	a := newAnonymizer(t, anonymize.Research(anonymize.ResearchOptions{}))
	for _, r := range shiftable(t) {
		_, err := a.Report(r)
		require.NoError(t, err)
	}
	_, refusal := a.Report(corpusReport(t, "report-thread-extrusion"))
	require.Error(t, refusal)
	audit := a.Audit()
	b, err := json.Marshal(audit)
	require.NoError(t, err)
	for _, s := range []string{string(b), audit.Summary(), refusal.Error()} {
		for _, pii := range []string{"Jane", "Doe", "Siân", "O'Neill", "9990000018", "07700", "example.com", "LS1", "1997"} {
			assert.NotContains(t, s, pii)
		}
		assert.NotContains(t, s, string(testSecret))
	}
	assert.Equal(t, 3, audit.Produced)
	assert.Contains(t, audit.Summary(), "records: 4 in, 3 de-identified, 1 refused (date 1)")
}
