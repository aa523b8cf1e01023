package synth

import (
	"bytes"
	"slices"
	"strconv"

	"github.com/google/uuid"

	"github.com/openaesthetics/casebook/complication"
)

// Fault names one known defect the generator can put in a record. Each
// fault is meant to produce exactly the finding codes in [Record.Expect];
// most produce exactly one error-level finding.
type Fault string

// Faults applied to the document's bytes. A [complication.Report] or a
// [complication.Complaint] cannot hold them, so [Record.Report] and
// [Record.Complaint] are nil.
const (
	// FaultSyntax: malformed JSON (a truncated upload, a trailing comma,
	// single quotes, a comment). Expect: syntax.
	FaultSyntax Fault = "syntax"
	// FaultInvalidUTF8: text saved as Latin-1 ("Zo\xeb", "£" as one byte).
	// Expect: invalid_utf8.
	FaultInvalidUTF8 Fault = "invalid_utf8"
	// FaultDuplicateKey: an object names a member twice. Expect:
	// duplicate_key.
	FaultDuplicateKey Fault = "duplicate_key"
	// FaultUnknownField: a member the schema does not define, such as
	// "patient_name" or "ctcaeGrade". Expect: unknown_field.
	FaultUnknownField Fault = "unknown_field"
	// FaultWrongType: a value of the wrong JSON type, such as
	// "age_at_treatment": "34" or "dose": "0.5ml". Expect: type.
	FaultWrongType Fault = "wrong_type"
	// FaultBadDate: an impossible calendar date such as 2026-02-30.
	// Expect: format.
	FaultBadDate Fault = "bad_date"
)

// Faults a Report can hold: JSON is json.Marshal(Report).
const (
	// FaultBadCode: a value that is not a code of its list, such as term
	// "swelling" or procedure "lip_filler". Expect: enum.
	FaultBadCode Fault = "bad_code"
	// FaultMissingRequired: a required member left out (an event's term,
	// the reporter's role, a product's class or name). Expect: required.
	FaultMissingRequired Fault = "missing_required"
	// FaultDateOrder: an onset before the treatment date. Expect:
	// date_order.
	FaultDateOrder Fault = "date_order"
	// FaultDateInFuture: an outcome date after today. Expect:
	// date_in_future.
	FaultDateInFuture Fault = "date_in_future"
	// FaultFatalNotSerious: a fatal outcome without the death criterion.
	// Expect: fatal_not_serious.
	FaultFatalNotSerious Fault = "fatal_not_serious"
	// FaultDuplicateEventID: two events with the same id (a form submitted
	// twice). Expect: duplicate_id.
	FaultDuplicateEventID Fault = "duplicate_event_id"
	// FaultNotSeriousConflict: not_serious listed with a seriousness
	// criterion. Expect: not_serious_conflict.
	FaultNotSeriousConflict Fault = "not_serious_conflict"
	// FaultFollowUpWithoutParent: a follow-up report that does not name the
	// report it follows. Expect: follow_up_without_parent.
	FaultFollowUpWithoutParent Fault = "follow_up_without_parent"
	// FaultMissingAndPresent: a lot number both recorded and listed as
	// missing. Expect: missing_and_present.
	FaultMissingAndPresent Fault = "missing_and_present"
	// FaultAgeBandMismatch: an age band that does not contain the age.
	// Expect: age_band_mismatch.
	FaultAgeBandMismatch Fault = "age_band_mismatch"
	// FaultCodeForm: an external code that does not have its system's form,
	// such as a seven-digit MedDRA code. Expect: code_form.
	FaultCodeForm Fault = "code_form"
	// FaultExpectedSerious is warning-only: a vascular occlusion after
	// filler recorded as not serious. The record is accepted. Expect
	// (warning): expected_serious.
	FaultExpectedSerious Fault = "expected_serious"
	// FaultDeviceWithoutLot is warning-only: a filler with no lot number
	// and no reason given. The record is accepted. Expect (warning):
	// device_without_lot.
	FaultDeviceWithoutLot Fault = "device_without_lot"
)

// Faults only complaints carry (see [ComplaintFaults]). Complaints also
// carry the JSON-level faults above and [FaultBadCode],
// [FaultMissingRequired], [FaultDateOrder] and [FaultDateInFuture], each
// applied to a complaint's own fields.
const (
	// FaultStatusTransition: a status history the handling does not allow,
	// such as a complaint answered before it was acknowledged, a history
	// that does not begin with received, or a closed complaint investigated
	// again without being reopened. Expect: status_transition.
	FaultStatusTransition Fault = "status_transition"
	// FaultAnonymousWithIdentity: a complaint marked anonymous whose
	// identity block names the complainant. Expect: anonymous_with_identity.
	FaultAnonymousWithIdentity Fault = "anonymous_with_identity"
	// FaultConsentToActMissing is warning-only: a relative or representative
	// complains for the patient with no consent to act recorded. The record
	// is accepted. Expect (warning): consent_to_act_missing.
	FaultConsentToActMissing Fault = "consent_to_act_missing"
)

// Structural finding codes, as package schema defines them. They are
// spelled out here so that this package does not import schema, whose own
// tests may use this package.
const (
	codeSyntax       complication.Code = "syntax"
	codeInvalidUTF8  complication.Code = "invalid_utf8"
	codeDuplicateKey complication.Code = "duplicate_key"
	codeUnknownField complication.Code = "unknown_field"
	codeType         complication.Code = "type"
	codeFormat       complication.Code = "format"
	codeEnum         complication.Code = "enum"
	codeRequired     complication.Code = "required"
)

type faultSpec struct {
	fault  Fault
	level  complication.Level
	expect []complication.Code
	bytes  bool // applied to the bytes; Report is nil
}

// sharedFaults are the faults reports and complaints both suffer, with the
// same level and codes for each kind of record.
var sharedFaults = []faultSpec{
	{FaultSyntax, complication.LevelError, []complication.Code{codeSyntax}, true},
	{FaultInvalidUTF8, complication.LevelError, []complication.Code{codeInvalidUTF8}, true},
	{FaultDuplicateKey, complication.LevelError, []complication.Code{codeDuplicateKey}, true},
	{FaultUnknownField, complication.LevelError, []complication.Code{codeUnknownField}, true},
	{FaultWrongType, complication.LevelError, []complication.Code{codeType}, true},
	{FaultBadDate, complication.LevelError, []complication.Code{codeFormat}, true},
	{FaultBadCode, complication.LevelError, []complication.Code{codeEnum}, false},
	{FaultMissingRequired, complication.LevelError, []complication.Code{codeRequired}, false},
	{FaultDateOrder, complication.LevelError, []complication.Code{complication.CodeDateOrder}, false},
	{FaultDateInFuture, complication.LevelError, []complication.Code{complication.CodeDateInFuture}, false},
}

var faults = append(slices.Clone(sharedFaults), []faultSpec{
	{FaultFatalNotSerious, complication.LevelError, []complication.Code{complication.CodeFatalNotSerious}, false},
	{FaultDuplicateEventID, complication.LevelError, []complication.Code{complication.CodeDuplicateID}, false},
	{FaultNotSeriousConflict, complication.LevelError, []complication.Code{complication.CodeNotSeriousConflict}, false},
	{FaultFollowUpWithoutParent, complication.LevelError, []complication.Code{complication.CodeFollowUpWithoutParent}, false},
	{FaultMissingAndPresent, complication.LevelError, []complication.Code{complication.CodeMissingAndPresent}, false},
	{FaultAgeBandMismatch, complication.LevelError, []complication.Code{complication.CodeAgeBandMismatch}, false},
	{FaultCodeForm, complication.LevelError, []complication.Code{complication.CodeCodeForm}, false},
	{FaultExpectedSerious, complication.LevelWarning, []complication.Code{complication.CodeExpectedSerious}, false},
	{FaultDeviceWithoutLot, complication.LevelWarning, []complication.Code{complication.CodeDeviceWithoutLot}, false},
}...)

// complaintFaults are the faults [Generator.NextComplaint] applies.
var complaintFaults = append(slices.Clone(sharedFaults), []faultSpec{
	{FaultStatusTransition, complication.LevelError, []complication.Code{complication.CodeStatusTransition}, false},
	{FaultAnonymousWithIdentity, complication.LevelError, []complication.Code{complication.CodeAnonymousWithIdentity}, false},
	{FaultConsentToActMissing, complication.LevelWarning, []complication.Code{complication.CodeConsentToAct}, false},
}...)

// Faults returns every fault the generator applies to reports, in a stable
// order. A faulty report's fault is drawn uniformly from this list.
func Faults() []Fault { return faultNames(faults) }

// ComplaintFaults returns every fault the generator applies to complaints,
// in a stable order. A faulty complaint's fault is drawn uniformly from
// this list.
func ComplaintFaults() []Fault { return faultNames(complaintFaults) }

func faultNames(specs []faultSpec) []Fault {
	out := make([]Fault, len(specs))
	for i, f := range specs {
		out[i] = f.fault
	}
	return out
}

// Level returns the level of the findings the fault produces, for reports
// and complaints alike: [complication.LevelError] for faults that get the
// record rejected,
// [complication.LevelWarning] for warning-only faults, and "" for the empty
// or an unknown Fault.
func (f Fault) Level() complication.Level {
	if s := specOf(f); s != nil {
		return s.level
	}
	return ""
}

func specOf(f Fault) *faultSpec {
	if s := specIn(faults, f); s != nil {
		return s
	}
	return specIn(complaintFaults, f)
}

func specIn(specs []faultSpec, f Fault) *faultSpec {
	for i := range specs {
		if specs[i].fault == f {
			return &specs[i]
		}
	}
	return nil
}

// forcingFor returns the case a fault needs: an expected-serious term, or
// a device.
func forcingFor(f Fault) forcing {
	switch f {
	case FaultExpectedSerious:
		return forcing{proc: complication.ProcedureDermalFiller, term: complication.TermVascularOcclusion}
	case FaultDeviceWithoutLot:
		return forcing{proc: complication.ProcedureDermalFiller}
	}
	return forcing{}
}

func (g *Generator) applyFault(rec *Record, k *kase) {
	spec := specOf(rec.Fault)
	rec.Expect = slices.Clone(spec.expect)
	r := k.r
	if spec.bytes {
		if rec.Fault == FaultWrongType && r.Patient.AgeAtTreatment == nil {
			r.Patient.AgeAtTreatment = ptr(k.pat.age)
		}
		rec.JSON = g.corrupt(rec.Fault, marshal(r), k)
		return
	}
	e := &r.Events[0]
	switch rec.Fault {
	case FaultBadCode:
		switch g.intn(3) {
		case 0:
			r.Treatment.Procedure = complication.Procedure(pick(g, []string{"lip_filler", "botox", "Dermal filler", "filler"}))
		case 1:
			if len(r.Treatment.Sites) > 0 {
				r.Treatment.Sites[0].Site = complication.Site(pick(g, []string{"lips", "Upper lip", "face", "under_eyes"}))
				break
			}
			fallthrough
		default:
			e.Term = complication.Term(pick(g, []string{"swelling", "lump", "Vascular Occlusion", "bruise", "necrosis", "ptosis", "VO"}))
		}
	case FaultMissingRequired:
		switch g.intn(4) {
		case 0:
			e.Term = ""
		case 1:
			r.Reporter.Role = ""
		case 2:
			r.Treatment.Products[0].Class = ""
			delete(r.Treatment.Products[0].Missing, "class")
		default:
			r.Treatment.Products[0].Name = ""
			delete(r.Treatment.Products[0].Missing, "name")
		}
	case FaultDateOrder:
		// A year typed wrong, or a date picked from the wrong month.
		prec := max(e.Onset.Precision(), complication.PrecisionDay)
		when := k.t0.AddDate(-1, 0, 0)
		if k.treatPrec >= complication.PrecisionDay && g.chance(0.5) {
			when = k.t0.AddDate(0, 0, -g.between(1, 40))
			prec = complication.PrecisionDay
		}
		e.Onset = complication.DateOf(when, prec)
		delete(e.Missing, "onset")
	case FaultDateInFuture:
		e.OutcomeDate = complication.DateOf(g.today.AddDate(0, 0, g.between(30, 400)), complication.PrecisionDay)
		delete(e.Missing, "outcome_date")
	case FaultFatalNotSerious:
		e.Outcome = complication.OutcomeFatal
		delete(e.Missing, "outcome")
		e.Seriousness = slices.DeleteFunc(slices.Clone(e.Seriousness), func(s complication.Seriousness) bool { return s == complication.SeriousnessDeath })
		if e.CTCAEGrade != 0 {
			e.CTCAEGrade = 5
		}
		if e.Severity != "" {
			e.Severity = complication.SeveritySevere
		}
		if e.Harm != "" {
			e.Harm = complication.HarmFatal
		}
	case FaultDuplicateEventID:
		if len(r.Events) < 2 {
			r.Events = append(r.Events, r.Events[0])
		}
		r.Events[1].ID = r.Events[0].ID
	case FaultNotSeriousConflict:
		crit := slices.DeleteFunc(slices.Clone(e.Seriousness), func(s complication.Seriousness) bool { return s == complication.SeriousnessNotSerious })
		if len(crit) == 0 {
			crit = []complication.Seriousness{complication.SeriousnessOtherMedicallyImportant}
		}
		e.Seriousness = append([]complication.Seriousness{complication.SeriousnessNotSerious}, crit...)
	case FaultFollowUpWithoutParent:
		r.Type, r.FollowsUp = complication.ReportTypeFollowUp, uuid.Nil
	case FaultMissingAndPresent:
		p := &r.Treatment.Products[0]
		if p.Lot == "" {
			p.Lot = g.pattern(k.prods[0].p.lot)
		}
		p.Missing = setMissing(p.Missing, "lot", complication.MissingReasonNotKnown)
	case FaultAgeBandMismatch:
		age := k.pat.age
		r.Patient.AgeAtTreatment = ptr(age)
		band := complication.BandOf(age + 10)
		if age >= 30 && g.chance(0.5) {
			band = complication.BandOf(age - 10)
		}
		r.Patient.AgeBand = band
	case FaultCodeForm:
		if g.chance(0.5) {
			e.Codes = append(e.Codes, complication.CodeRef{System: complication.CodeSystemMedDRA, Code: g.pattern("1######"), Version: "27.1"})
		} else {
			e.Codes = append(e.Codes, complication.CodeRef{System: complication.CodeSystemIMDRFAnnexE, Code: "E" + g.pattern("###")})
		}
	case FaultExpectedSerious:
		e.Seriousness = []complication.Seriousness{complication.SeriousnessNotSerious}
	case FaultDeviceWithoutLot:
		p := &r.Treatment.Products[0]
		p.Lot, p.UDI = "", ""
		delete(p.Missing, "lot")
	}
	rec.Report = r
	rec.JSON = marshal(r)
}

// corrupt applies a JSON-level fault to a marshalled report.
func (g *Generator) corrupt(f Fault, data []byte, k *kase) []byte {
	switch f {
	case FaultSyntax:
		return g.syntaxFault(data)
	case FaultInvalidUTF8:
		return latin1(data, `"family_name":"`)
	case FaultDuplicateKey:
		if g.chance(0.5) {
			return insertAfter(data, `"events":[{`, `"term":"`+string(k.r.Events[0].Term)+`",`)
		}
		return insertAfter(data, `{`, `"id":"`+g.uuid().String()+`",`)
	case FaultUnknownField:
		switch g.intn(4) {
		case 0:
			return insertAfter(data, `{`, `"patient_name":`+strconv.Quote(k.pat.given+" "+k.pat.family)+`,`)
		case 1:
			return insertAfter(data, `"events":[{`, `"ctcaeGrade":2,`)
		case 2:
			return insertAfter(data, `"events":[{`, `"Severity":"moderate",`)
		default:
			return insertAfter(data, `{`, `"clinic_notes":"see paper file",`)
		}
	case FaultWrongType:
		keys := []string{`"age_at_treatment":`}
		for _, key := range []string{`"dose":`, `"ctcae_grade":`, `"prior_treatment_elsewhere":`} {
			if valueAt(data, key) >= 0 {
				keys = append(keys, key)
			}
		}
		key := pick(g, keys)
		i := valueAt(data, key)
		j := i
		for j < len(data) && data[j] != ',' && data[j] != '}' {
			j++
		}
		v := string(data[i:j])
		switch key {
		case `"dose":`:
			v += string(k.r.Treatment.Products[0].DoseUnit)
		case `"prior_treatment_elsewhere":`:
			v = map[string]string{"true": "yes", "false": "no"}[v]
		}
		return slices.Concat(data[:i], []byte(strconv.Quote(v)), data[j:])
	case FaultBadDate:
		return g.impossibleDate(data, `"treatment":{"date":"`)
	}
	return data
}

// syntaxFault makes a document malformed JSON: a truncated upload, a
// trailing comma, single quotes around the first member name (the
// document must begin with {"id"), or a comment.
func (g *Generator) syntaxFault(data []byte) []byte {
	switch g.intn(4) {
	case 0: // a truncated upload, cut at an ASCII byte so UTF-8 stays valid
		for {
			i := g.between(len(data)/2, len(data)-2)
			if data[i] < 0x80 {
				return data[:i]
			}
		}
	case 1: // a trailing comma
		return append(data[:len(data)-1:len(data)-1], ",}"...)
	case 2: // single quotes around the first member name
		return append([]byte(`{'id'`), data[len(`{"id"`):]...)
	default: // a comment left by an export script
		return append([]byte("// exported from the clinic system\n"), data...)
	}
}

// latin1 makes a document invalid UTF-8 the way text that went through
// Latin-1 is: the first two-byte character in U+0080 to U+00FF written as
// one byte or, with none, an "é" typed as one byte at the end of the string
// value that follows key (a member name, its colon and the opening quote).
func latin1(data []byte, key string) []byte {
	for i := 0; i+1 < len(data); i++ {
		if (data[i] == 0xc2 || data[i] == 0xc3) && data[i+1]&0xc0 == 0x80 {
			r := rune(data[i]&0x1f)<<6 | rune(data[i+1]&0x3f)
			return slices.Concat(data[:i], []byte{byte(r)}, data[i+2:])
		}
	}
	i := bytes.Index(data, []byte(key)) + len(key)
	j := i + bytes.IndexByte(data[i:], '"')
	return slices.Concat(data[:j], []byte{0xe9}, data[j:]) // "Renee" typed as "Rene\xe9"
}

// impossibleDate replaces the date that follows key (a member name, its
// colon and the opening quote) with an impossible calendar date, such as
// 2026-02-30, keeping any time of day that followed the date.
func (g *Generator) impossibleDate(data []byte, key string) []byte {
	i := bytes.Index(data, []byte(key)) + len(key)
	j := i + bytes.IndexByte(data[i:], '"')
	old := string(data[i:j])
	year := old[:4]
	var bad string
	switch old[min(len(old), 5):min(len(old), 7)] {
	case "04", "06", "09", "11":
		bad = year + "-" + old[5:7] + "-31"
	default:
		bad = year + "-02-" + pick(g, []string{"29", "30", "31"})
		if y, _ := strconv.Atoi(year); bad[8:] == "29" && (y%4 == 0 && y%100 != 0 || y%400 == 0) {
			bad = year + "-02-30"
		}
	}
	if len(old) > 10 {
		bad += old[10:]
	}
	return slices.Concat(data[:i], []byte(bad), data[j:])
}

// valueAt returns the offset of the first number or boolean that follows
// key (a member name and its colon), or -1. Members of "missing" maps share
// names with fields but hold strings, so they are skipped.
func valueAt(data []byte, key string) int {
	for off := 0; ; {
		i := bytes.Index(data[off:], []byte(key))
		if i < 0 {
			return -1
		}
		j := off + i + len(key)
		if j < len(data) && (data[j] >= '0' && data[j] <= '9' || data[j] == 't' || data[j] == 'f') {
			return j
		}
		off = j
	}
}

// insertAfter inserts text after the first occurrence of at. The objects
// the generator inserts into are never empty, so the inserted member always
// ends with a comma.
func insertAfter(data []byte, at, text string) []byte {
	i := bytes.Index(data, []byte(at)) + len(at)
	return slices.Concat(data[:i], []byte(text), data[i:])
}
