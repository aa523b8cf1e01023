package anonymize

import (
	"errors"
	"reflect"
	"slices"
	"strings"
	"sync"

	"github.com/openaesthetics/casebook/complication"
	"github.com/openaesthetics/casebook/internal/pii"
	"github.com/openaesthetics/casebook/internal/typedtree"
)

// Anonymizer turns identified records into de-identified submission-shape
// records under one policy and one key. It is safe for concurrent use, and
// deterministic: the same record, key and policy always give the same
// bytes.
type Anonymizer struct {
	policy    Policy
	hash      string
	key       Key
	report    shape
	complaint shape
	dates     complication.DateHandling
	// trees knows the record types' members as encoding/json writes
	// them, for the plans; k-anonymity converts records to trees and back
	// with it.
	trees *typedtree.Codec

	// matchers holds the Matchers of finished records, whose memory the
	// next record's is compiled in (pii.Matcher.Recompile): a record's
	// Matcher is most of what de-identifying it allocates.
	matchers sync.Pool

	mu    sync.Mutex
	audit Audit
}

// shape is one record type's rules and field table.
type shape struct {
	rules  []Rule
	fields map[string]complication.Field
	// info holds, for every pattern with a rule or a field, what the
	// transformation and the leak gate need to know of it, so that
	// walking a record looks each pattern up once and allocates nothing.
	info map[string]*patternInfo
	// dropped names the record's top-level members the policy drops
	// whole: they are not copied, since nothing reads what a dropped
	// member held.
	dropped map[string]bool
	// plan is the compiled walk of the record type.
	plan *valuePlan
}

// patternInfo is what one field pattern's rule and field say.
type patternInfo struct {
	pattern  string
	act      Action
	hasRule  bool
	field    complication.Field // zero when the pattern is not a field
	scanned  bool               // the leak gate scans its strings
	freeText bool
}

func newShape(rules []Rule, fields []complication.Field) shape {
	s := shape{rules: rules, fields: map[string]complication.Field{}, info: map[string]*patternInfo{}}
	for _, f := range fields {
		s.fields[f.Pointer] = f
	}
	add := func(pattern string) {
		if _, ok := s.info[pattern]; ok {
			return
		}
		f := s.fields[pattern]
		act, ok := action(rules, pattern)
		s.info[pattern] = &patternInfo{pattern: pattern, act: act, hasRule: ok, field: f,
			scanned: scanned(f), freeText: f.Privacy == complication.PrivacyFreeText}
	}
	for _, r := range rules {
		add(r.Pointer)
	}
	for _, f := range fields {
		add(f.Pointer)
	}
	s.dropped = map[string]bool{}
	for pattern, info := range s.info {
		if name, ok := strings.CutPrefix(pattern, "/"); ok && info.hasRule && info.act == Drop && !strings.ContainsAny(name, "/~") {
			s.dropped[name] = true
		}
	}
	return s
}

// New returns an Anonymizer for the policy and key. It checks the policy
// against every field of the published record shapes and fails closed: a
// field without a rule, or an action its privacy class forbids (such as
// keeping a direct identifier), is a [*PolicyError].
func New(p *Policy, key Key) (*Anonymizer, error) {
	if p == nil {
		return nil, &PolicyError{Reason: "no policy"}
	}
	if len(key.secret) < MinKeyBytes {
		return nil, &KeyError{Reason: "the key is not set; use NewKey"}
	}
	reports, complaints := complication.ReportFields(), complication.ComplaintFields()
	if err := p.check(reports, complaints); err != nil {
		return nil, err
	}
	hash, err := p.Hash()
	if err != nil {
		return nil, err
	}
	c := clonePolicy(p)
	a := &Anonymizer{policy: c, hash: hash, key: key,
		report: newShape(c.Reports, reports), complaint: newShape(c.Complaints, complaints),
		trees: typedtree.New(typedtree.Options{DisallowUnknown: true},
			reflect.TypeFor[complication.Report](), reflect.TypeFor[complication.Complaint]())}
	if a.report.plan, err = compilePlan(&a.report, a.trees, reflect.TypeFor[complication.Report](), ""); err != nil {
		return nil, err
	}
	if a.complaint.plan, err = compilePlan(&a.complaint, a.trees, reflect.TypeFor[complication.Complaint](), ""); err != nil {
		return nil, err
	}
	a.dates = complication.DateHandlingKept
	for _, sh := range []shape{a.report, a.complaint} {
		for _, r := range sh.rules {
			f := sh.fields[r.Pointer]
			switch {
			case r.Action == Shift:
				a.dates = complication.DateHandlingShifted
			case r.Action == Generalise && f.Kind == complication.KindPartialDate && a.dates != complication.DateHandlingShifted:
				a.dates = complication.DateHandlingMonth
			}
		}
	}
	a.audit = newAudit(&a.policy, hash, key.ID())
	return a, nil
}

func clonePolicy(p *Policy) Policy {
	c := *p
	c.Reports, c.Complaints = slices.Clone(p.Reports), slices.Clone(p.Complaints)
	if p.KAnonymity != nil {
		k := *p.KAnonymity
		k.QuasiIdentifiers = slices.Clone(k.QuasiIdentifiers)
		c.KAnonymity = &k
	}
	return c
}

// Policy returns a copy of the policy in use.
func (a *Anonymizer) Policy() *Policy { p := clonePolicy(&a.policy); return &p }

// Errors of [Anonymizer.Report] that concern the input rather than the
// policy or a leak.
var (
	// ErrAlreadyDeidentified: the record carries a deidentification block.
	// Anonymising twice would hide which policy produced it.
	ErrAlreadyDeidentified = errors.New("anonymize: the record is already de-identified")
	// ErrNilRecord: Report was given nil.
	ErrNilRecord = errors.New("anonymize: nil record")
)

// Report de-identifies one identified report. The result is a
// submission-shape record: no identity block; pseudonyms, generalised and
// shifted values as the policy says; free text redacted; and a
// deidentification block naming the policy, its hash and the key ID.
//
// Before returning, the leak gate re-scans every string of the result
// with the record's own identifiers in every surface form, and its free
// text with every generic detector. If anything survives, the record is
// refused with a [*LeakError] naming the field, never the value: privacy
// fails closed. The input is never modified.
func (a *Anonymizer) Report(r *complication.Report) (*complication.Report, error) {
	out, st, err := a.anonymizeReport(r)
	a.tally(st, err)
	if err != nil {
		return nil, err
	}
	return out, nil
}

// Complaint de-identifies one identified complaint, exactly as
// [Anonymizer.Report] does a report: pseudonyms for the patient,
// practitioner and clinic, free text (summary, remedy notes, learning
// points) redacted, the identity block (names, contact details, the
// anonymous complainant's tracking token) dropped, and the leak gate run
// before anything is returned.
func (a *Anonymizer) Complaint(c *complication.Complaint) (*complication.Complaint, error) {
	out, st, err := a.anonymizeComplaint(c)
	a.tally(st, err)
	if err != nil {
		return nil, err
	}
	return out, nil
}

func (a *Anonymizer) tally(st stats, err error) {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.audit.Records++
	if err != nil {
		a.audit.refuse(err)
		return
	}
	a.audit.add(st)
}

// stats are one record's audit counts.
type stats struct {
	fields       map[Action]int
	entities     map[string]int
	unlinkable   bool
	notShiftable int
}

// run is the state of one record's transformation.
type run struct {
	a      *Anonymizer
	sh     *shape
	st     stats
	offset int
	text   *textRedactor
	// present holds, for the structs being walked (innermost last),
	// which members were present when the walk reached them.
	present []bool
}

// newRun starts the de-identification of one record of shape sh whose
// identity holds known. The run's Matcher is the caller's to hand back
// with a.matchers.Put once the run is over; nothing of the run may be
// used after that.
func (a *Anonymizer) newRun(sh *shape, known pii.Known) (*run, *pii.Matcher) {
	e := &run{a: a, sh: sh, st: stats{fields: map[Action]int{}, entities: map[string]int{}}}
	spare, _ := a.matchers.Get().(*pii.Matcher)
	m := spare.Recompile(known)
	e.text = &textRedactor{matcher: m, mode: a.policy.Text, key: a.key, counts: e.st.entities}
	return e, m
}

func (a *Anonymizer) anonymizeReport(r *complication.Report) (*complication.Report, stats, error) {
	if r == nil {
		return nil, stats{}, ErrNilRecord
	}
	if r.Deidentification != nil {
		return nil, stats{}, ErrAlreadyDeidentified
	}
	e, matcher := a.newRun(&a.report, knownFrom(r.Identity))
	defer a.matchers.Put(matcher)
	out := new(complication.Report)
	rv := reflect.ValueOf(out).Elem()
	if err := copyRecord(rv, reflect.ValueOf(r).Elem(), a.report.plan, a.report.dropped); err != nil {
		return nil, e.st, err
	}
	id := r.Identity
	if id == nil {
		id = &complication.Identity{}
	}
	patient := e.pseudonyms(id.Patient, id.Practitioner, id.Clinic, r.Patient.Pseudonym, "report:"+r.ID.String(), &out.Practitioner, &out.Setting)
	out.Patient.Pseudonym = patient
	e.deriveReport(r, &out.Patient)
	if err := e.finish(rv, &out.Deidentification, matcher); err != nil {
		return nil, e.st, err
	}
	if out.Identity != nil {
		return nil, e.st, &LeakError{Pointer: "/identity", Kind: "IDENTITY"}
	}
	return out, e.st, nil
}

func (a *Anonymizer) anonymizeComplaint(c *complication.Complaint) (*complication.Complaint, stats, error) {
	if c == nil {
		return nil, stats{}, ErrNilRecord
	}
	if c.Deidentification != nil {
		return nil, stats{}, ErrAlreadyDeidentified
	}
	id := c.Identity
	if id == nil {
		id = &complication.ComplaintIdentity{}
	}
	e, matcher := a.newRun(&a.complaint, knownFromComplaint(id))
	defer a.matchers.Put(matcher)
	out := new(complication.Complaint)
	rv := reflect.ValueOf(out).Elem()
	if err := copyRecord(rv, reflect.ValueOf(c).Elem(), a.complaint.plan, a.complaint.dropped); err != nil {
		return nil, e.st, err
	}
	patient := id.Patient
	if patient == nil && c.ComplainantRole == complication.ComplainantRolePatient {
		patient = id.Complainant
	}
	out.PatientPseudonym = e.pseudonyms(patient, id.Practitioner, id.Clinic, c.PatientPseudonym, "complaint:"+c.ID.String(), &out.Practitioner, &out.Setting)
	if err := e.finish(rv, &out.Deidentification, matcher); err != nil {
		return nil, e.st, err
	}
	if out.Identity != nil {
		return nil, e.st, &LeakError{Pointer: "/identity", Kind: "IDENTITY"}
	}
	return out, e.st, nil
}

// finish applies the rules, adds the deidentification block and runs the
// leak gate.
// rec is the record's copy; deid is where its deidentification block goes.
func (e *run) finish(rec reflect.Value, deid **complication.Deidentification, matcher *pii.Matcher) error {
	if err := e.object(rec, e.sh.plan); err != nil {
		return err
	}
	a := e.a
	*deid = &complication.Deidentification{
		PolicyID:      a.policy.ID,
		PolicyVersion: a.policy.Version,
		PolicyHash:    a.hash,
		KeyID:         a.key.ID(),
		Dates:         a.dates,
	}
	g := &gate{sh: e.sh, m: matcher, mode: a.policy.Text, done: e.text,
		pattern: make([]byte, 0, 64), path: make([]step, 0, 8)}
	if err := g.walk(rec, e.sh.plan); err != nil {
		return err
	}
	if g.badRead {
		return errDecode
	}
	return nil
}

// pseudonyms computes the patient, practitioner and clinic pseudonyms and
// the patient's date offset. It writes the practitioner's and the clinic's
// into the record's copy before the rules run (the rules then decide what
// of them to keep) and returns the patient's for the caller to place.
// clinicPseudonym is a pseudonym the clinic assigned itself, and fallback
// names the record when nothing identifies the patient.
func (e *run) pseudonyms(patientID *complication.PersonIdentity, practitioner *complication.PractitionerIdentity,
	clinicID *complication.ClinicIdentity, clinicPseudonym, fallback string,
	practitionerOut **complication.Practitioner, settingOut **complication.Setting) string {
	clinic, hasClinic := clinicKey(clinicID)
	patient, ok := patientKey(patientID, clinic)
	switch {
	case ok:
	case clinicPseudonym != "" && hasClinic:
		// A clinic's own pseudonym links that clinic's records only.
		patient = "clinic-pseudonym:" + clinic + "|" + clinicPseudonym
	default:
		// Nothing identifies the patient: the pseudonym is unique to the
		// record and links nothing.
		patient = fallback
		e.st.unlinkable = true
	}
	pseudonym := e.a.key.Pseudonym(DomainPatient, patient)
	e.offset = e.a.key.offsetDays(pseudonym, e.a.policy.MaxShiftDays)
	if pk, ok := practitionerKey(practitioner); ok {
		if *practitionerOut == nil {
			*practitionerOut = new(complication.Practitioner)
		}
		(*practitionerOut).Pseudonym = e.a.key.Pseudonym(DomainPractitioner, pk)
	} else if *practitionerOut != nil {
		(*practitionerOut).Pseudonym = ""
	}
	if hasClinic {
		if *settingOut == nil {
			*settingOut = new(complication.Setting)
		}
		(*settingOut).ClinicPseudonym = e.a.key.Pseudonym(DomainClinic, clinic)
	} else if *settingOut != nil {
		(*settingOut).ClinicPseudonym = ""
	}
	return pseudonym
}

// deriveReport fills a report's derived fields (age at treatment, postcode
// district and area) in pt, the copy's patient, from the identity block.
func (e *run) deriveReport(r *complication.Report, pt *complication.Patient) {
	id := r.Identity
	if id == nil {
		id = &complication.Identity{}
	}
	if r.Patient.AgeAtTreatment == nil {
		if lo, hi, ok := r.AgeAtTreatment(); ok {
			if lo == hi {
				pt.AgeAtTreatment = &lo
			} else if complication.BandOf(lo) == complication.BandOf(hi) && r.Patient.AgeBand == "" {
				pt.AgeBand = complication.BandOf(lo)
			}
		}
	}
	if id.Patient != nil && id.Patient.Address != nil {
		if pc, ok := parsePostcode(id.Patient.Address.Postcode); ok {
			pt.PostcodeDistrict = pc.district
			pt.PostcodeArea = pc.area
		}
	}
}

// DateError reports a required date that the policy cannot shift without
// revealing or falsifying it: one known only to the year. The record is
// refused; use the month-generalising research option for such records.
type DateError struct {
	Pointer string // the field pattern, e.g. "/treatment/date"
}

func (e *DateError) Error() string {
	return "anonymize: " + e.Pointer + " is known only to the year and cannot be shifted; the record is refused"
}

// toTree turns a record into plain JSON values, those of
// jsonscan.Parse(json.Marshal(v)), except that a top-level member named
// in dropped holds nil.
func toTree(c *typedtree.Codec, v any, dropped map[string]bool) (map[string]any, error) {
	doc, err := c.EncodeStubbed(v, dropped)
	if err != nil {
		return nil, errors.New("anonymize: the record does not encode as JSON")
	}
	m, ok := doc.(map[string]any)
	if !ok {
		return nil, errors.New("anonymize: the record is not a JSON object")
	}
	return m, nil
}

// fromTree decodes plain JSON values into a record, refusing any member
// the record type does not define.
func fromTree(c *typedtree.Codec, tree map[string]any, out any) error {
	if err := c.Decode(tree, out); err != nil {
		return errors.New("anonymize: internal: the de-identified record does not decode")
	}
	return nil
}
