package complication

import (
	"fmt"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/google/uuid"
)

// Codes of the domain rules. See [Report.Check].
const (
	CodeDateOrder             Code = "date_order"              // a date lies before one it must follow
	CodeDateInFuture          Code = "date_in_future"          // a date lies after today
	CodeProductExpired        Code = "product_expired"         // a product expired before the treatment
	CodeFatalNotSerious       Code = "fatal_not_serious"       // fatal outcome without the death criterion
	CodeDeathNotFatal         Code = "death_not_fatal"         // death criterion with a non-fatal outcome
	CodeFatalGrade            Code = "fatal_grade"             // fatal outcome and CTCAE grade other than 5, or the reverse
	CodeFatalHarm             Code = "fatal_harm"              // fatal outcome and harm level disagree
	CodeNotSeriousConflict    Code = "not_serious_conflict"    // not_serious listed with a seriousness criterion
	CodeExpectedSerious       Code = "expected_serious"        // vascular occlusion, visual loss … not marked serious
	CodeSeverityGrade         Code = "severity_grade_mismatch" // severity and CTCAE grade disagree
	CodePsychologicalFatal    Code = "psychological_harm_fatal"
	CodeUnder18               Code = "under_18_treatment"         // filler or toxin given to an under-18
	CodeMedicineWithoutDose   Code = "medicine_without_dose"      // a medicine with no dose recorded
	CodeDeviceWithoutLot      Code = "device_without_lot"         // a device with no lot or batch recorded
	CodeProductClass          Code = "product_class_mismatch"     // toxin not a medicine, or filler recorded as one
	CodeMissingAndPresent     Code = "missing_and_present"        // a field both recorded and listed as missing
	CodeMissingUnexplained    Code = "missing_unexplained"        // a key datum absent with no reason
	CodeFollowUpWithoutParent Code = "follow_up_without_parent"   // follow-up or final report without follows_up
	CodeInitialWithParent     Code = "initial_with_parent"        // initial report that follows up another
	CodeFollowsUpItself       Code = "follows_up_itself"          // follows_up is the report's own id
	CodeDuplicateID           Code = "duplicate_id"               // two events share an id
	CodeAgeBandMismatch       Code = "age_band_mismatch"          // age and age band disagree
	CodeOutcomeDateMissing    Code = "outcome_date_missing"       // recovered without a resolution or outcome date
	CodeResolvedNotRecovered  Code = "resolved_but_not_recovered" // resolution date with an outcome that says otherwise
	CodeNoFaceToFace          Code = "prescribed_without_consultation"
	CodeTreatedInPregnancy    Code = "treated_in_pregnancy"
	CodeSeriousNotReported    Code = "serious_not_reported" // serious event not reported to the regulator
	CodeCandourExpected       Code = "candour_expected"     // harm that triggers the duty of candour, not recorded as notifiable
	CodeSideMissing           Code = "side_missing"         // visual impairment without laterality
	CodeCodeForm              Code = "code_form"            // an external code that does not have its system's form
	CodeIdentityInSubmission  Code = "identity_in_submission"
)

// CheckOptions configure [Report.Check] and [Complaint.Check].
type CheckOptions struct {
	// Today is the date against which future dates are judged. The zero
	// value skips the future-date rule, which keeps checks deterministic.
	Today time.Time
}

// Check runs the domain rules on r: the rules a registry clinician expects
// that a JSON Schema cannot say. It returns findings sorted by
// [Findings.Sort]; pointers refer to r's JSON form. Check assumes r is
// structurally valid (as the schema package guarantees before calling it);
// on any other value it still never panics.
//
// Errors (the record is rejected): dates out of order (onset before
// treatment, resolution before onset, management before treatment, an
// update before creation); dates in the future; a fatal outcome without the
// death criterion, with a CTCAE grade other than 5, or with a non-fatal harm
// level (and the reverse of each); not_serious listed with a criterion; a
// follow-up without the report it follows; duplicate event ids; age and age
// band that disagree; a field both recorded and listed as missing.
//
// The future-date rule is skipped for records whose dates were shifted by
// anonymisation.
//
// Warnings (the record is accepted and flagged): filler or toxin given to an
// under-18; an expected-serious term (vascular occlusion, visual loss,
// anaphylaxis …) not marked serious; a medicine without a dose; a device
// without a lot; a product used after its expiry; product class that does
// not fit the procedure; toxin prescribed without a face-to-face
// consultation; treatment in pregnancy; a serious event not reported to the
// UK regulator; harm that triggers the duty of candour not recorded as
// notifiable (where the duty binds: a CQC-registered provider in England, or
// a JCCP registrant); visual impairment without a side; severity and grade that
// disagree; onset, outcome or site absent with no reason recorded.
func (r *Report) Check(opts CheckOptions) Findings {
	if r.Deidentification != nil && r.Deidentification.Dates == DateHandlingShifted {
		// Shifted dates are not calendar dates: a shift into the future is
		// the policy at work, not an error. Order rules still apply.
		opts.Today = time.Time{}
	}
	c := checker{opts: opts}
	c.report(r)
	c.out.Sort()
	return c.out
}

type checker struct {
	opts CheckOptions
	out  Findings
}

func (c *checker) add(ptr string, code Code, lvl Level, msg string) {
	c.out = append(c.out, Finding{Pointer: ptr, Code: code, Level: lvl, Message: msg})
}

func (c *checker) errorf(ptr string, code Code, format string, args ...any) {
	c.add(ptr, code, LevelError, fmt.Sprintf(format, args...))
}

func (c *checker) warnf(ptr string, code Code, format string, args ...any) {
	c.add(ptr, code, LevelWarning, fmt.Sprintf(format, args...))
}

func (c *checker) report(r *Report) {
	switch {
	case (r.Type == ReportTypeFollowUp || r.Type == ReportTypeFinal) && r.FollowsUp == uuid.Nil:
		c.errorf("/follows_up", CodeFollowUpWithoutParent, "a follow-up or final report must name the report it follows up")
	case r.Type == ReportTypeInitial && r.FollowsUp != uuid.Nil:
		c.errorf("/follows_up", CodeInitialWithParent, "an initial report cannot follow up another report")
	}
	if r.FollowsUp != uuid.Nil && r.FollowsUp == r.ID {
		c.errorf("/follows_up", CodeFollowsUpItself, "a report cannot follow up itself")
	}
	if !r.Created.IsZero() && !r.Updated.IsZero() && r.Updated.Before(r.Created) {
		c.errorf("/updated_at", CodeDateOrder, "updated_at must not be before created_at")
	}
	if !c.opts.Today.IsZero() {
		// A day of grace for clocks and zones: created_at is UTC, Today local.
		limit := c.opts.Today.Add(24 * time.Hour)
		if r.Created.After(limit) {
			c.errorf("/created_at", CodeDateInFuture, "created_at is in the future")
		}
		if r.Updated.After(limit) {
			c.errorf("/updated_at", CodeDateInFuture, "updated_at is in the future")
		}
	}
	for i, n := range r.ReportedTo {
		c.future(fmt.Sprintf("/reported_to/%d/date", i), n.Date)
	}

	c.patient(r)
	if r.Practitioner != nil {
		c.missing("/practitioner", r.Practitioner, r.Practitioner.Missing)
		if p := r.Practitioner.Prescriber; p != nil {
			c.missing("/practitioner/prescriber", p, p.Missing)
			if p.FaceToFaceConsultation != nil && !*p.FaceToFaceConsultation && r.usesMedicine() {
				c.warnf("/practitioner/prescriber/face_to_face_consultation", CodeNoFaceToFace,
					"a prescription-only medicine was prescribed without a face-to-face consultation")
			}
		}
	}
	if r.Setting != nil {
		c.missing("/setting", r.Setting, r.Setting.Missing)
	}
	c.treatment(r)
	ids := map[uuid.UUID]int{}
	for i := range r.Events {
		e := &r.Events[i]
		ptr := "/events/" + strconv.Itoa(i)
		if j, dup := ids[e.ID]; dup && e.ID != uuid.Nil {
			c.errorf(ptr+"/id", CodeDuplicateID, "event id repeats the id of /events/%d", j)
		} else {
			ids[e.ID] = i
		}
		c.event(r, ptr, e)
	}
	if r.Identity != nil && r.Deidentification != nil {
		c.errorf("/identity", CodeIdentityInSubmission, "a de-identified record must not carry an identity block")
	}
}

func (c *checker) patient(r *Report) {
	p := &r.Patient
	c.missing("/patient", p, p.Missing)
	if p.AgeAtTreatment != nil && p.AgeBand != "" && bandOf(*p.AgeAtTreatment) != p.AgeBand {
		c.errorf("/patient/age_band", CodeAgeBandMismatch, "age band does not contain age_at_treatment")
	}
	if under18(r) && r.Treatment.Procedure.Regulated() {
		c.warnf("/patient", CodeUnder18,
			"%s given to a patient under 18: an offence in England and Wales (Botulinum Toxin and Cosmetic Fillers (Children) Act 2021)",
			r.Treatment.Procedure.Display())
	}
	if (p.Pregnancy == PregnancyPregnant || p.Pregnancy == PregnancyBreastfeeding) && r.Treatment.Procedure.Regulated() {
		c.warnf("/patient/pregnancy", CodeTreatedInPregnancy,
			"%s given during pregnancy or breastfeeding, which product labelling contraindicates", r.Treatment.Procedure.Display())
	}
	if id := r.Identity; id != nil && id.Patient != nil && r.Treatment.Date.Before(id.Patient.DateOfBirth) {
		c.errorf("/identity/patient/date_of_birth", CodeDateOrder, "date of birth must be before the treatment date")
	}
}

// under18 reports whether the patient was certainly under 18 at treatment.
func under18(r *Report) bool {
	if _, oldest, ok := r.AgeAtTreatment(); ok {
		return oldest < 18
	}
	return r.Patient.AgeBand == AgeBandUnder18
}

// AgeAtTreatment returns the least and greatest age in whole years that the
// record allows at the treatment date: age_at_treatment when recorded,
// otherwise the range the date of birth and treatment date permit. ok is
// false when neither gives an age.
func (r *Report) AgeAtTreatment() (minYears, maxYears int, ok bool) {
	if a := r.Patient.AgeAtTreatment; a != nil {
		return *a, *a, true
	}
	if r.Identity == nil || r.Identity.Patient == nil {
		return 0, 0, false
	}
	dob, treated := r.Identity.Patient.DateOfBirth, r.Treatment.Date
	if dob.IsZero() || treated.IsZero() {
		return 0, 0, false
	}
	minYears = yearsBetween(dob.lastDay(), treated.firstDay())
	maxYears = yearsBetween(dob.firstDay(), treated.lastDay())
	if maxYears < 0 {
		return 0, 0, false
	}
	return max(minYears, 0), maxYears, true
}

// yearsBetween returns completed years from birth to t (birthdays on 29
// February fall on 1 March in common years).
func yearsBetween(birth, t time.Time) int {
	y := t.Year() - birth.Year()
	if t.Month() < birth.Month() || t.Month() == birth.Month() && t.Day() < birth.Day() {
		y--
	}
	return y
}

// bandOf returns the research age band of an age in years.
func bandOf(age int) AgeBand {
	switch {
	case age < 18:
		return AgeBandUnder18
	case age <= 24:
		return AgeBand18To24
	case age <= 34:
		return AgeBand25To34
	case age <= 44:
		return AgeBand35To44
	case age <= 54:
		return AgeBand45To54
	case age <= 64:
		return AgeBand55To64
	case age <= 74:
		return AgeBand65To74
	case age <= 84:
		return AgeBand75To84
	case age <= 89:
		return AgeBand85To89
	}
	return AgeBand90Plus
}

// BandOf returns the age band an age in whole years falls in.
func BandOf(years int) AgeBand { return bandOf(years) }

func (r *Report) usesMedicine() bool {
	if r.Treatment.Procedure == ProcedureBotulinumToxin {
		return true
	}
	for _, p := range r.Treatment.Products {
		if p.Class == ProductClassMedicine {
			return true
		}
	}
	return false
}

func (c *checker) treatment(r *Report) {
	t := &r.Treatment
	c.missing("/treatment", t, t.Missing)
	c.future("/treatment/date", t.Date)
	if len(t.Sites) == 0 && t.Missing["sites"] == "" {
		c.warnf("/treatment/sites", CodeMissingUnexplained, "treatment sites are not recorded and no reason is given")
	}
	for i := range t.Products {
		p := &t.Products[i]
		ptr := "/treatment/products/" + strconv.Itoa(i)
		c.missing(ptr, p, p.Missing)
		if !p.Expiry.IsZero() && p.Expiry.Before(t.Date) {
			c.warnf(ptr+"/expiry", CodeProductExpired, "the product expired before the treatment date")
		}
		isDevice := p.Class == ProductClassDevice || p.Class == ProductClassAnnexXVIDevice
		if isDevice && p.Lot == "" && p.Missing["lot"] == "" {
			c.warnf(ptr+"/lot", CodeDeviceWithoutLot, "a device needs its lot or batch number for recalls and vigilance")
		}
		if p.Class == ProductClassMedicine && p.Dose == nil && p.Missing["dose"] == "" {
			c.warnf(ptr+"/dose", CodeMedicineWithoutDose, "a medicine needs the dose given")
		}
		switch {
		case t.Procedure == ProcedureBotulinumToxin && (isDevice || p.Class == ProductClassCosmetic):
			c.warnf(ptr+"/class", CodeProductClass, "botulinum toxin is a prescription-only medicine, not a %s", p.Class.Display())
		case t.Procedure == ProcedureDermalFiller && p.Class == ProductClassMedicine && len(t.Products) == 1:
			c.warnf(ptr+"/class", CodeProductClass, "dermal fillers are devices, not medicines")
		}
	}
}

func (c *checker) event(r *Report, ptr string, e *Event) {
	c.missing(ptr, e, e.Missing)
	treated := r.Treatment.Date
	for _, d := range []struct {
		name string
		date PartialDate
	}{{"onset", e.Onset}, {"detected", e.Detected}, {"resolved", e.Resolved}, {"outcome_date", e.OutcomeDate}} {
		c.future(ptr+"/"+d.name, d.date)
		if d.date.Before(treated) {
			c.errorf(ptr+"/"+d.name, CodeDateOrder, "%s must not be before the treatment date", d.name)
		}
	}
	if e.Detected.Before(e.Onset) {
		c.errorf(ptr+"/detected", CodeDateOrder, "detected must not be before onset")
	}
	if e.Resolved.Before(e.Onset) {
		c.errorf(ptr+"/resolved", CodeDateOrder, "resolved must not be before onset")
	}
	if e.Onset.IsZero() && e.Detected.IsZero() && e.Missing["onset"] == "" {
		c.warnf(ptr+"/onset", CodeMissingUnexplained, "neither onset nor detection date is recorded and no reason is given")
	}
	if e.Outcome == "" && e.Missing["outcome"] == "" {
		c.warnf(ptr+"/outcome", CodeMissingUnexplained, "outcome is not recorded and no reason is given")
	}

	serious, assessed := e.Serious()
	hasDeath, notSerious := false, false
	for _, s := range e.Seriousness {
		hasDeath = hasDeath || s == SeriousnessDeath
		notSerious = notSerious || s == SeriousnessNotSerious
	}
	if notSerious && serious {
		c.errorf(ptr+"/seriousness", CodeNotSeriousConflict, "not_serious cannot be listed with a seriousness criterion")
	}
	fatal := e.Outcome == OutcomeFatal
	if fatal && !hasDeath {
		c.errorf(ptr+"/seriousness", CodeFatalNotSerious, "a fatal outcome must list the death seriousness criterion")
	}
	if hasDeath && e.Outcome != "" && !fatal {
		c.errorf(ptr+"/outcome", CodeDeathNotFatal, "the death seriousness criterion requires a fatal outcome")
	}
	if fatal && e.CTCAEGrade != 0 && e.CTCAEGrade != 5 {
		c.errorf(ptr+"/ctcae_grade", CodeFatalGrade, "a fatal outcome is CTCAE grade 5")
	}
	if e.CTCAEGrade == 5 && e.Outcome != "" && !fatal {
		c.errorf(ptr+"/ctcae_grade", CodeFatalGrade, "CTCAE grade 5 means death; the outcome is not fatal")
	}
	if fatal && e.Harm != "" && e.Harm != HarmFatal {
		c.errorf(ptr+"/harm", CodeFatalHarm, "a fatal outcome is fatal harm")
	}
	if e.Harm == HarmFatal && e.Outcome != "" && !fatal {
		c.errorf(ptr+"/harm", CodeFatalHarm, "fatal harm requires a fatal outcome")
	}
	if e.PsychologicalHarm == HarmFatal {
		c.errorf(ptr+"/psychological_harm", CodePsychologicalFatal, "psychological harm cannot be fatal; record physical harm as fatal")
	}
	if e.Term.ExpectedSerious() && assessed && !serious {
		c.warnf(ptr+"/seriousness", CodeExpectedSerious, "%s is expected to meet a seriousness criterion", e.Term.Display())
	}
	if e.Term.ExpectedSerious() && !assessed && e.Missing["seriousness"] == "" {
		c.warnf(ptr+"/seriousness", CodeExpectedSerious, "%s is expected to meet a seriousness criterion; none is recorded", e.Term.Display())
	}
	if e.Severity != "" && e.CTCAEGrade >= 1 && e.CTCAEGrade <= 3 {
		want := []Severity{SeverityMild, SeverityModerate, SeveritySevere}[e.CTCAEGrade-1]
		if e.Severity != want {
			c.warnf(ptr+"/severity", CodeSeverityGrade, "severity does not match CTCAE grade (grade 1 mild, 2 moderate, 3 severe)")
		}
	}
	if e.Severity != "" && e.Severity != SeveritySevere && e.CTCAEGrade >= 4 {
		c.warnf(ptr+"/severity", CodeSeverityGrade, "CTCAE grades 4 and 5 are severe")
	}
	if e.Outcome == OutcomeRecovered && e.Resolved.IsZero() && e.OutcomeDate.IsZero() {
		c.warnf(ptr+"/resolved", CodeOutcomeDateMissing, "a recovered outcome needs a resolution or outcome date")
	}
	if !e.Resolved.IsZero() && (e.Outcome == OutcomeNotRecovered || e.Outcome == OutcomeRecovering) {
		c.warnf(ptr+"/outcome", CodeResolvedNotRecovered, "a resolution date is recorded but the outcome is not recovered")
	}
	if e.Term == TermVisualImpairment && e.sideUnknown() {
		c.warnf(ptr+"/sites", CodeSideMissing, "visual impairment needs its side (left, right or bilateral)")
	}
	if serious && !reportedToRegulator(r) {
		c.warnf("/reported_to", CodeSeriousNotReported, "a serious event should be reported to %s", regulatorFor(r.Jurisdiction))
	}
	if candourApplies(r) && e.needsCandour() && (e.Candour == nil || e.Candour.Notifiable == nil || !*e.Candour.Notifiable) {
		c.warnf(ptr+"/duty_of_candour", CodeCandourExpected, "moderate, severe, fatal or prolonged harm is a notifiable safety incident under the duty of candour")
	}
	for i := range e.Management {
		m := &e.Management[i]
		mptr := ptr + "/management/" + strconv.Itoa(i)
		c.missing(mptr, m, m.Missing)
		c.future(mptr+"/given_at", m.Given)
		if m.Given.Before(treated) {
			c.errorf(mptr+"/given_at", CodeDateOrder, "management must not be before the treatment date")
		}
	}
	for i, ref := range e.Codes {
		if !ref.wellFormed() {
			c.errorf(fmt.Sprintf("%s/codes/%d/code", ptr, i), CodeCodeForm, "code does not have the form of a %s code", ref.System.Display())
		}
	}
}

func (e *Event) sideUnknown() bool {
	if e.Missing["sites"] != "" {
		return false
	}
	for _, s := range e.Sites {
		if s.Side != "" {
			return false
		}
	}
	return true
}

// candourApplies reports whether the statutory duty of candour binds the
// provider: CQC Regulation 20 applies to CQC-registered providers in
// England, and the JCCP requires the same candour of its registrants. An
// unregistered salon has no such duty, so the rule stays quiet there.
func candourApplies(r *Report) bool {
	if r.Jurisdiction == JurisdictionEngland && r.Setting != nil && r.Setting.CQCRegistered != nil && *r.Setting.CQCRegistered {
		return true
	}
	return r.Practitioner != nil && slices.Contains(r.Practitioner.VoluntaryRegisters, VoluntaryRegisterJCCP)
}

func (e *Event) needsCandour() bool {
	switch e.Harm {
	case HarmModerate, HarmSevere, HarmFatal:
		return true
	}
	return e.ProlongedPain != nil && *e.ProlongedPain || e.ProlongedPsychologicalHarm != nil && *e.ProlongedPsychologicalHarm
}

// wellFormed checks a code's form against its system: IMDRF codes are the
// annex letter and two to six digits, SNOMED CT identifiers 6 to 18 digits,
// MedDRA codes 8 digits.
func (ref CodeRef) wellFormed() bool {
	digits := func(s string, lo, hi int) bool {
		if len(s) < lo || len(s) > hi {
			return false
		}
		for i := 0; i < len(s); i++ {
			if s[i] < '0' || s[i] > '9' {
				return false
			}
		}
		return true
	}
	annex := func(letter byte) bool {
		return len(ref.Code) > 0 && ref.Code[0] == letter && digits(ref.Code[1:], 2, 6) && len(ref.Code[1:])%2 == 0
	}
	switch ref.System {
	case CodeSystemIMDRFAnnexA:
		return annex('A')
	case CodeSystemIMDRFAnnexE:
		return annex('E')
	case CodeSystemIMDRFAnnexF:
		return annex('F')
	case CodeSystemSNOMEDCT:
		return digits(ref.Code, 6, 18) && ref.Code[0] != '0'
	case CodeSystemMedDRA:
		return digits(ref.Code, 8, 8)
	}
	return false
}

// reportedToRegulator reports whether the report lists a UK or foreign
// vigilance body.
func reportedToRegulator(r *Report) bool {
	for _, n := range r.ReportedTo {
		switch n.To {
		case AuthorityMHRAYellowCard, AuthorityNIAIC, AuthorityHFSIRIC, AuthorityFDAMedwatch,
			AuthorityEUCompetentAuthority, AuthorityTGA:
			return true
		}
	}
	return false
}

func regulatorFor(j Jurisdiction) string {
	switch j {
	case JurisdictionNorthernIreland:
		return "the Northern Ireland Adverse Incident Centre or the MHRA"
	case JurisdictionScotland:
		return "the MHRA Yellow Card scheme or Health Facilities Scotland IRIC"
	case JurisdictionOther:
		return "the national regulator"
	}
	return "the MHRA Yellow Card scheme"
}

func (c *checker) future(ptr string, d PartialDate) {
	if c.opts.Today.IsZero() || d.IsZero() {
		return
	}
	if d.After(DateOf(c.opts.Today, PrecisionDay)) {
		c.errorf(ptr, CodeDateInFuture, "date is in the future")
	}
}

// missing checks that no field listed in m is also recorded in obj (a
// pointer to a struct). Keys are JSON names.
func (c *checker) missing(ptr string, obj any, m Missing) {
	if len(m) == 0 {
		return
	}
	v := reflect.ValueOf(obj).Elem()
	t := v.Type()
	for i := 0; i < t.NumField(); i++ {
		name, _, _ := strings.Cut(t.Field(i).Tag.Get("json"), ",")
		if _, listed := m[name]; listed && !v.Field(i).IsZero() {
			c.errorf(ptr+"/missing/"+name, CodeMissingAndPresent, "%s is recorded and also listed as missing", name)
		}
	}
}
