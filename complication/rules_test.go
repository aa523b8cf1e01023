package complication_test

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	c "github.com/openaesthetics/casebook/complication"
)

func TestValidReportHasNoFindings(t *testing.T) {
	fs := validReport().Check(c.CheckOptions{Today: today})
	assert.Empty(t, fs, "the base report of the rule tests must be clean: %v", fs)
}

func TestRules(t *testing.T) {
	pd := c.MustParsePartialDate
	ev := func(r *c.Report) *c.Event { return &r.Events[0] }
	tests := []struct {
		name    string
		change  func(r *c.Report)
		pointer string
		code    c.Code
		level   c.Level
	}{
		{"onset before treatment", func(r *c.Report) { ev(r).Onset = pd("2026-05-10") }, "/events/0/onset", c.CodeDateOrder, c.LevelError},
		{"onset month before treatment", func(r *c.Report) { ev(r).Onset = pd("2026-04") }, "/events/0/onset", c.CodeDateOrder, c.LevelError},
		{"detected before onset", func(r *c.Report) { ev(r).Onset = pd("2026-11-18"); ev(r).Detected = pd("2026-11-17") }, "/events/0/detected", c.CodeDateOrder, c.LevelError},
		{"resolved before onset", func(r *c.Report) {
			ev(r).Resolved = pd("2026-10-30")
			ev(r).Outcome = c.OutcomeRecovered
		}, "/events/0/resolved", c.CodeDateOrder, c.LevelError},
		{"management before treatment", func(r *c.Report) { ev(r).Management[0].Given = pd("2026-05-14T09:00") }, "/events/0/management/0/given_at", c.CodeDateOrder, c.LevelError},
		{"updated before created", func(r *c.Report) { r.Updated = r.Created.Add(-time.Hour) }, "/updated_at", c.CodeDateOrder, c.LevelError},
		{"date of birth after treatment", func(r *c.Report) {
			r.Identity = &c.Identity{Patient: &c.PersonIdentity{DateOfBirth: pd("2026-06-01")}}
		}, "/identity/patient/date_of_birth", c.CodeDateOrder, c.LevelError},
		{"onset in the future", func(r *c.Report) { ev(r).Detected = c.PartialDate{}; ev(r).Onset = pd("2026-11-26") }, "/events/0/onset", c.CodeDateInFuture, c.LevelError},
		{"created in the future", func(r *c.Report) { r.Created = today.Add(72 * time.Hour) }, "/created_at", c.CodeDateInFuture, c.LevelError},
		{"expired product", func(r *c.Report) { r.Treatment.Products[0].Expiry = pd("2026-04") }, "/treatment/products/0/expiry", c.CodeProductExpired, c.LevelWarning},
		{"fatal without death criterion", func(r *c.Report) {
			ev(r).Outcome = c.OutcomeFatal
			ev(r).CTCAEGrade = 5
			ev(r).Severity = c.SeveritySevere
			ev(r).Harm = c.HarmFatal
			ev(r).Candour = &c.Candour{Notifiable: new(true)}
		}, "/events/0/seriousness", c.CodeFatalNotSerious, c.LevelError},
		{"death criterion, outcome recovering", func(r *c.Report) {
			ev(r).Seriousness = []c.Seriousness{c.SeriousnessDeath}
		}, "/events/0/outcome", c.CodeDeathNotFatal, c.LevelError},
		{"fatal with grade 3", func(r *c.Report) {
			ev(r).Outcome = c.OutcomeFatal
			ev(r).Seriousness = []c.Seriousness{c.SeriousnessDeath}
			ev(r).CTCAEGrade = 3
			ev(r).Severity = c.SeveritySevere
			ev(r).Harm = c.HarmFatal
			ev(r).Candour = &c.Candour{Notifiable: new(true)}
		}, "/events/0/ctcae_grade", c.CodeFatalGrade, c.LevelError},
		{"grade 5 without fatal outcome", func(r *c.Report) { ev(r).CTCAEGrade = 5; ev(r).Severity = c.SeveritySevere }, "/events/0/ctcae_grade", c.CodeFatalGrade, c.LevelError},
		{"fatal with low harm", func(r *c.Report) {
			ev(r).Outcome = c.OutcomeFatal
			ev(r).Seriousness = []c.Seriousness{c.SeriousnessDeath}
			ev(r).CTCAEGrade = 5
			ev(r).Severity = c.SeveritySevere
		}, "/events/0/harm", c.CodeFatalHarm, c.LevelError},
		{"psychological harm fatal", func(r *c.Report) { ev(r).PsychologicalHarm = c.HarmFatal }, "/events/0/psychological_harm", c.CodePsychologicalFatal, c.LevelError},
		{"not serious with a criterion", func(r *c.Report) {
			ev(r).Seriousness = []c.Seriousness{c.SeriousnessNotSerious, c.SeriousnessHospitalisation}
		}, "/events/0/seriousness", c.CodeNotSeriousConflict, c.LevelError},
		{"vascular occlusion not serious", func(r *c.Report) {
			ev(r).Term = c.TermVascularOcclusion
			ev(r).Seriousness = []c.Seriousness{c.SeriousnessNotSerious}
		}, "/events/0/seriousness", c.CodeExpectedSerious, c.LevelWarning},
		{"visual impairment seriousness unrecorded", func(r *c.Report) {
			ev(r).Term = c.TermVisualImpairment
			ev(r).Seriousness = nil
		}, "/events/0/seriousness", c.CodeExpectedSerious, c.LevelWarning},
		{"visual impairment without side", func(r *c.Report) {
			ev(r).Term = c.TermVisualImpairment
			ev(r).Sites = []c.SiteSide{{Site: c.SitePeriorbital}}
		}, "/events/0/sites", c.CodeSideMissing, c.LevelWarning},
		{"severity and grade disagree", func(r *c.Report) { ev(r).Severity = c.SeverityMild }, "/events/0/severity", c.CodeSeverityGrade, c.LevelWarning},
		{"grade 4 not severe", func(r *c.Report) {
			ev(r).CTCAEGrade = 4
			ev(r).Severity = c.SeverityModerate
		}, "/events/0/severity", c.CodeSeverityGrade, c.LevelWarning},
		{"under 18 with filler", func(r *c.Report) { r.Patient.AgeAtTreatment = new(17) }, "/patient", c.CodeUnder18, c.LevelWarning},
		{"under 18 from date of birth", func(r *c.Report) {
			r.Patient.AgeAtTreatment = nil
			r.Identity = &c.Identity{Patient: &c.PersonIdentity{DateOfBirth: pd("2008-06-01")}}
		}, "/patient", c.CodeUnder18, c.LevelWarning},
		{"under 18 by band", func(r *c.Report) { r.Patient.AgeAtTreatment = nil; r.Patient.AgeBand = c.AgeBandUnder18 }, "/patient", c.CodeUnder18, c.LevelWarning},
		{"age band disagrees", func(r *c.Report) { r.Patient.AgeBand = c.AgeBand45To54 }, "/patient/age_band", c.CodeAgeBandMismatch, c.LevelError},
		{"treated in pregnancy", func(r *c.Report) { r.Patient.Pregnancy = c.PregnancyPregnant }, "/patient/pregnancy", c.CodeTreatedInPregnancy, c.LevelWarning},
		{"medicine without dose", func(r *c.Report) {
			r.Treatment.Procedure = c.ProcedureBotulinumToxin
			r.Treatment.Products[0] = c.Product{Name: "Azzalure", Class: c.ProductClassMedicine}
		}, "/treatment/products/0/dose", c.CodeMedicineWithoutDose, c.LevelWarning},
		{"device without lot", func(r *c.Report) { r.Treatment.Products[0].Lot = "" }, "/treatment/products/0/lot", c.CodeDeviceWithoutLot, c.LevelWarning},
		{"toxin as a device", func(r *c.Report) { r.Treatment.Procedure = c.ProcedureBotulinumToxin }, "/treatment/products/0/class", c.CodeProductClass, c.LevelWarning},
		{"filler as a medicine", func(r *c.Report) {
			r.Treatment.Products[0].Class = c.ProductClassMedicine
		}, "/treatment/products/0/class", c.CodeProductClass, c.LevelWarning},
		{"toxin prescribed remotely", func(r *c.Report) {
			r.Treatment.Procedure = c.ProcedureBotulinumToxin
			r.Treatment.Products[0] = c.Product{Name: "Azzalure", Class: c.ProductClassMedicine, Dose: new(50.0), DoseUnit: c.DoseUnitUnits}
			r.Practitioner.Prescriber = &c.Prescriber{FaceToFaceConsultation: new(false)}
		}, "/practitioner/prescriber/face_to_face_consultation", c.CodeNoFaceToFace, c.LevelWarning},
		{"serious not reported", func(r *c.Report) { r.ReportedTo = nil }, "/reported_to", c.CodeSeriousNotReported, c.LevelWarning},
		{"candour expected", func(r *c.Report) { ev(r).Harm = c.HarmModerate }, "/events/0/duty_of_candour", c.CodeCandourExpected, c.LevelWarning},
		{"prolonged pain triggers candour", func(r *c.Report) { ev(r).ProlongedPain = new(true) }, "/events/0/duty_of_candour", c.CodeCandourExpected, c.LevelWarning},
		{"candour binds a JCCP registrant outside CQC", func(r *c.Report) {
			ev(r).Harm = c.HarmModerate
			r.Setting.CQCRegistered = new(false)
			r.Practitioner.VoluntaryRegisters = []c.VoluntaryRegister{c.VoluntaryRegisterJCCP}
		}, "/events/0/duty_of_candour", c.CodeCandourExpected, c.LevelWarning},
		{"recovered without date", func(r *c.Report) { ev(r).Outcome = c.OutcomeRecovered }, "/events/0/resolved", c.CodeOutcomeDateMissing, c.LevelWarning},
		{"resolved but not recovered", func(r *c.Report) { ev(r).Resolved = pd("2026-11-20") }, "/events/0/outcome", c.CodeResolvedNotRecovered, c.LevelWarning},
		{"follow-up without parent", func(r *c.Report) { r.Type = c.ReportTypeFollowUp }, "/follows_up", c.CodeFollowUpWithoutParent, c.LevelError},
		{"final without parent", func(r *c.Report) { r.Type = c.ReportTypeFinal }, "/follows_up", c.CodeFollowUpWithoutParent, c.LevelError},
		{"initial with parent", func(r *c.Report) { r.FollowsUp = uuid.MustParse("11111111-2222-4333-8444-555555555555") }, "/follows_up", c.CodeInitialWithParent, c.LevelError},
		{"follows up itself", func(r *c.Report) { r.Type = c.ReportTypeFollowUp; r.FollowsUp = r.ID }, "/follows_up", c.CodeFollowsUpItself, c.LevelError},
		{"duplicate event id", func(r *c.Report) { r.Events = append(r.Events, r.Events[0]) }, "/events/1/id", c.CodeDuplicateID, c.LevelError},
		{"missing and present", func(r *c.Report) { r.Patient.Missing = c.Missing{"sex": c.MissingReasonDeclined} }, "/patient/missing/sex", c.CodeMissingAndPresent, c.LevelError},
		{"missing and present in a product", func(r *c.Report) {
			r.Treatment.Products[0].Missing = c.Missing{"lot": c.MissingReasonNotKnown}
		}, "/treatment/products/0/missing/lot", c.CodeMissingAndPresent, c.LevelError},
		{"sites unexplained", func(r *c.Report) { r.Treatment.Sites = nil }, "/treatment/sites", c.CodeMissingUnexplained, c.LevelWarning},
		{"outcome unexplained", func(r *c.Report) { ev(r).Outcome = "" }, "/events/0/outcome", c.CodeMissingUnexplained, c.LevelWarning},
		{"onset unexplained", func(r *c.Report) { ev(r).Onset = c.PartialDate{}; ev(r).Detected = c.PartialDate{} }, "/events/0/onset", c.CodeMissingUnexplained, c.LevelWarning},
		{"malformed IMDRF code", func(r *c.Report) {
			ev(r).Codes = []c.CodeRef{{System: c.CodeSystemIMDRFAnnexE, Code: "A0402"}}
		}, "/events/0/codes/0/code", c.CodeCodeForm, c.LevelError},
		{"malformed MedDRA code", func(r *c.Report) {
			ev(r).Codes = []c.CodeRef{{System: c.CodeSystemMedDRA, Code: "1234"}}
		}, "/events/0/codes/0/code", c.CodeCodeForm, c.LevelError},
		{"identity in a de-identified record", func(r *c.Report) {
			r.Identity = &c.Identity{}
			r.Deidentification = &c.Deidentification{PolicyID: "registry"}
		}, "/identity", c.CodeIdentityInSubmission, c.LevelError},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := validReport()
			tc.change(r)
			fs := r.Check(c.CheckOptions{Today: today})
			var got []string
			for _, f := range fs {
				got = append(got, f.Pointer+" "+string(f.Code)+" "+string(f.Level))
			}
			want := tc.pointer + " " + string(tc.code) + " " + string(tc.level)
			assert.Equal(t, []string{want}, got, "exactly one finding")
			for _, f := range fs {
				assert.NotEmpty(t, f.Message)
			}
		})
	}
}

func TestRulesAcceptWellFormedCodes(t *testing.T) {
	for _, ref := range []c.CodeRef{
		{System: c.CodeSystemIMDRFAnnexA, Code: "A24"},
		{System: c.CodeSystemIMDRFAnnexA, Code: "A020602"},
		{System: c.CodeSystemIMDRFAnnexE, Code: "E0402"},
		{System: c.CodeSystemIMDRFAnnexF, Code: "F02"},
		{System: c.CodeSystemSNOMEDCT, Code: "39579001"},
		{System: c.CodeSystemMedDRA, Code: "10002198", Version: "27.0"},
	} {
		r := validReport()
		r.Events[0].Codes = []c.CodeRef{ref}
		assert.Empty(t, r.Check(c.CheckOptions{Today: today}), "%s %s", ref.System, ref.Code)
	}
}

func TestRulesFutureCheckNeedsToday(t *testing.T) {
	r := validReport()
	r.Events[0].Detected = c.PartialDate{}
	r.Events[0].Onset = c.MustParsePartialDate("2030-01-01")
	assert.Empty(t, r.Check(c.CheckOptions{}), "without Today, future dates are not judged")
	assert.True(t, r.Check(c.CheckOptions{Today: today}).Has(c.CodeDateInFuture))
}

// TestCandourOnlyWhereTheDutyBinds: an unregistered salon, or a provider
// outside England, has no statutory duty of candour to record.
func TestCandourOnlyWhereTheDutyBinds(t *testing.T) {
	for _, change := range []func(r *c.Report){
		func(r *c.Report) { r.Setting.CQCRegistered = new(false) },
		func(r *c.Report) { r.Setting = nil },
		func(r *c.Report) { r.Jurisdiction = c.JurisdictionScotland },
	} {
		r := validReport()
		r.Events[0].Harm = c.HarmSevere
		change(r)
		assert.False(t, r.Check(c.CheckOptions{Today: today}).Has(c.CodeCandourExpected))
	}
}

func TestRulesSkipFutureForShiftedDates(t *testing.T) {
	r := validReport()
	r.Events[0].Detected = c.PartialDate{}
	r.Events[0].Onset = c.MustParsePartialDate("2027-01-01")
	r.Deidentification = &c.Deidentification{Dates: c.DateHandlingShifted}
	assert.False(t, r.Check(c.CheckOptions{Today: today}).Has(c.CodeDateInFuture))
	r.Deidentification.Dates = c.DateHandlingKept
	assert.True(t, r.Check(c.CheckOptions{Today: today}).Has(c.CodeDateInFuture))
}

func TestRulesMissingReasonSilencesWarnings(t *testing.T) {
	r := validReport()
	r.Treatment.Products[0].Lot = ""
	r.Treatment.Products[0].Missing = c.Missing{"lot": c.MissingReasonNotKnown}
	r.Treatment.Sites = nil
	r.Treatment.Missing = c.Missing{"sites": c.MissingReasonNotAsked}
	assert.Empty(t, r.Check(c.CheckOptions{Today: today}))
}

// TestRulesNeverPanic runs every rule over a zero report and over reports
// with nil and empty parts.
func TestRulesNeverPanic(t *testing.T) {
	for _, r := range []*c.Report{
		{},
		{Events: []c.Event{{}}, Treatment: c.Treatment{Products: []c.Product{{}}}},
		{Practitioner: &c.Practitioner{Prescriber: &c.Prescriber{}}, Identity: &c.Identity{Patient: &c.PersonIdentity{}}},
	} {
		assert.NotPanics(t, func() { r.Check(c.CheckOptions{Today: today}) })
	}
}

// TestFindingMessagesCarryNoValues plants canary values in every free-text
// and identifier field and checks that no finding repeats them.
func TestFindingMessagesCarryNoValues(t *testing.T) {
	r := validReport()
	canaries := []string{"Canary-Jane", "9990000018", "07700900123", "canary@example.com", "LS1 4AP", "V12345A"}
	r.Narrative = strings.Join(canaries, " ")
	r.Identity = &c.Identity{Patient: &c.PersonIdentity{GivenName: "Canary-Jane", NHSNumber: "9990000018", Phones: []string{"07700900123"},
		Emails: []string{"canary@example.com"}, Address: &c.Address{Postcode: "LS1 4AP"}, DateOfBirth: c.MustParsePartialDate("2010-01-01")}}
	r.Events[0].Onset = c.MustParsePartialDate("2026-01")
	r.Treatment.Products[0].Expiry = c.MustParsePartialDate("2025-12")
	fs := r.Check(c.CheckOptions{Today: today})
	require.NotEmpty(t, fs)
	for _, f := range fs {
		for _, canary := range append(canaries, "2010", "2026-01", "2025-12") {
			assert.NotContains(t, f.Message, canary)
			assert.NotContains(t, f.String(), canary)
		}
	}
}

func TestAgeAtTreatment(t *testing.T) {
	pd := c.MustParsePartialDate
	tests := []struct {
		name     string
		dob, at  string
		min, max int
	}{
		{"exact", "1990-05-14", "2026-05-14", 36, 36},
		{"day before birthday", "1990-05-15", "2026-05-14", 35, 35},
		{"leap day birthday in a common year", "2008-02-29", "2026-02-28", 17, 17},
		{"leap day birthday on 1 March", "2008-02-29", "2026-03-01", 18, 18},
		{"year of birth only", "1990", "2026-05-14", 35, 36},
		{"treatment month", "1990-05-14", "2026-05", 35, 36},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := &c.Report{Treatment: c.Treatment{Date: pd(tc.at)}, Identity: &c.Identity{Patient: &c.PersonIdentity{DateOfBirth: pd(tc.dob)}}}
			lo, hi, ok := r.AgeAtTreatment()
			require.True(t, ok)
			assert.Equal(t, []int{tc.min, tc.max}, []int{lo, hi})
		})
	}
	r := &c.Report{Patient: c.Patient{AgeAtTreatment: new(40)}}
	lo, hi, ok := r.AgeAtTreatment()
	assert.True(t, ok)
	assert.Equal(t, []int{40, 40}, []int{lo, hi})
	_, _, ok = (&c.Report{}).AgeAtTreatment()
	assert.False(t, ok)
}

func TestBandOf(t *testing.T) {
	for _, tc := range []struct {
		age  int
		band c.AgeBand
	}{{0, c.AgeBandUnder18}, {17, c.AgeBandUnder18}, {18, c.AgeBand18To24}, {24, c.AgeBand18To24}, {25, c.AgeBand25To34},
		{64, c.AgeBand55To64}, {84, c.AgeBand75To84}, {89, c.AgeBand85To89}, {90, c.AgeBand90Plus}, {120, c.AgeBand90Plus}} {
		assert.Equal(t, tc.band, c.BandOf(tc.age), "age %d", tc.age)
	}
}

func TestSerious(t *testing.T) {
	for _, tc := range []struct {
		criteria          []c.Seriousness
		serious, assessed bool
	}{
		{nil, false, false},
		{[]c.Seriousness{c.SeriousnessNotSerious}, false, true},
		{[]c.Seriousness{c.SeriousnessHospitalisation}, true, true},
	} {
		e := c.Event{Seriousness: tc.criteria}
		s, a := e.Serious()
		assert.Equal(t, []bool{tc.serious, tc.assessed}, []bool{s, a}, "%v", tc.criteria)
	}
}

func TestExpectedSeriousTerms(t *testing.T) {
	for _, term := range []c.Term{c.TermVascularOcclusion, c.TermVisualImpairment, c.TermSkinNecrosis, c.TermCerebralIschaemia, c.TermAnaphylaxis} {
		assert.True(t, term.ExpectedSerious(), term)
	}
	for _, term := range []c.Term{c.TermBruising, c.TermNoduleInflammatory, c.TermHSVReactivation, c.TermEyelidPtosis} {
		assert.False(t, term.ExpectedSerious(), term)
	}
	assert.True(t, slices.ContainsFunc([]c.Term{c.TermVascularOcclusion}, c.Term.Ischaemic))
}
