package anonymize

import (
	"encoding/json"
	"errors"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/google/uuid"

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
	// trees converts records to the trees the policy is applied to and
	// back, refusing on the way back any member the record types lack.
	trees *typedtree.Codec

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
	// whole: the tree holds nil for them, since nothing reads what a
	// dropped member held.
	dropped map[string]bool
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

// lookup returns the information on pattern parent + "/" + name, or nil
// when the pattern has neither a rule nor a field. buf is scratch space.
func (s *shape) lookup(buf *[]byte, parent, name string) *patternInfo {
	b := append(append(append((*buf)[:0], parent...), '/'), name...)
	*buf = b
	return s.info[string(b)]
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
	// buf builds patterns for lookup; names holds the sorted member
	// names of the objects being walked, innermost last.
	buf   []byte
	names []string
}

// sortedNames pushes the member names of obj, sorted, onto e.names and
// returns their range there. The caller pops them with e.names =
// e.names[:from].
func (e *run) sortedNames(obj map[string]any) (from, to int) {
	from = len(e.names)
	for k := range obj {
		e.names = append(e.names, k)
	}
	slices.Sort(e.names[from:])
	return from, len(e.names)
}

func (a *Anonymizer) newRun(sh *shape, known pii.Known) (*run, *pii.Matcher) {
	e := &run{a: a, sh: sh, st: stats{fields: map[Action]int{}, entities: map[string]int{}}}
	m := pii.NewMatcher(known)
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
	tree, err := toTree(a.trees, r, a.report.dropped)
	if err != nil {
		return nil, e.st, err
	}
	id := r.Identity
	if id == nil {
		id = &complication.Identity{}
	}
	e.pseudonyms(tree, id.Patient, id.Practitioner, id.Clinic, r.Patient.Pseudonym, "report:"+r.ID.String(), []string{"patient", "pseudonym"})
	e.deriveReport(r, tree)
	if err := e.finish(tree, matcher); err != nil {
		return nil, e.st, err
	}
	out := new(complication.Report)
	if err := fromTree(a.trees, tree, out); err != nil {
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
	tree, err := toTree(a.trees, c, a.complaint.dropped)
	if err != nil {
		return nil, e.st, err
	}
	patient := id.Patient
	if patient == nil && c.ComplainantRole == complication.ComplainantRolePatient {
		patient = id.Complainant
	}
	e.pseudonyms(tree, patient, id.Practitioner, id.Clinic, c.PatientPseudonym, "complaint:"+c.ID.String(), []string{"patient_pseudonym"})
	if err := e.finish(tree, matcher); err != nil {
		return nil, e.st, err
	}
	out := new(complication.Complaint)
	if err := fromTree(a.trees, tree, out); err != nil {
		return nil, e.st, err
	}
	if out.Identity != nil {
		return nil, e.st, &LeakError{Pointer: "/identity", Kind: "IDENTITY"}
	}
	return out, e.st, nil
}

// finish applies the rules, adds the deidentification block and runs the
// leak gate.
func (e *run) finish(tree map[string]any, matcher *pii.Matcher) error {
	if err := e.object(tree, ""); err != nil {
		return err
	}
	a := e.a
	tree["deidentification"] = map[string]any{
		"policy_id":      a.policy.ID,
		"policy_version": a.policy.Version,
		"policy_hash":    a.hash,
		"key_id":         a.key.ID(),
		"dates":          string(a.dates),
	}
	g := &gate{sh: e.sh, m: matcher, mode: a.policy.Text, done: e.text}
	return g.walk(tree)
}

// pseudonyms computes the patient, practitioner and clinic pseudonyms and
// the patient's date offset, and writes the pseudonyms into the tree
// before the rules run (the rules then decide what of them to keep).
// patientPath is the pseudonym's path in the record; clinicPseudonym is a
// pseudonym the clinic assigned itself, and fallback names the record when
// nothing identifies the patient.
func (e *run) pseudonyms(tree map[string]any, patientID *complication.PersonIdentity, practitioner *complication.PractitionerIdentity,
	clinicID *complication.ClinicIdentity, clinicPseudonym, fallback string, patientPath []string) {
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
	parent := tree
	for _, name := range patientPath[:len(patientPath)-1] {
		parent = child(parent, name)
	}
	parent[patientPath[len(patientPath)-1]] = pseudonym
	if pk, ok := practitionerKey(practitioner); ok {
		child(tree, "practitioner")["pseudonym"] = e.a.key.Pseudonym(DomainPractitioner, pk)
	} else if p, ok := tree["practitioner"].(map[string]any); ok {
		delete(p, "pseudonym")
	}
	if hasClinic {
		child(tree, "setting")["clinic_pseudonym"] = e.a.key.Pseudonym(DomainClinic, clinic)
	} else if s, ok := tree["setting"].(map[string]any); ok {
		delete(s, "clinic_pseudonym")
	}
}

// deriveReport fills a report's derived fields (age at treatment, postcode
// district and area) from the identity block.
func (e *run) deriveReport(r *complication.Report, tree map[string]any) {
	id := r.Identity
	if id == nil {
		id = &complication.Identity{}
	}
	pt := child(tree, "patient")
	if r.Patient.AgeAtTreatment == nil {
		if lo, hi, ok := r.AgeAtTreatment(); ok {
			if lo == hi {
				pt["age_at_treatment"] = json.Number(strconv.Itoa(lo))
			} else if complication.BandOf(lo) == complication.BandOf(hi) && r.Patient.AgeBand == "" {
				pt["age_band"] = string(complication.BandOf(lo))
			}
		}
	}
	if id.Patient != nil && id.Patient.Address != nil {
		if pc, ok := parsePostcode(id.Patient.Address.Postcode); ok {
			pt["postcode_district"] = pc.district
			pt["postcode_area"] = pc.area
		}
	}
}

// child returns tree[name] as an object, creating it if absent.
func child(tree map[string]any, name string) map[string]any {
	if m, ok := tree[name].(map[string]any); ok {
		return m
	}
	m := map[string]any{}
	tree[name] = m
	return m
}

// object applies the rules to every member of obj, whose pattern is ptr.
func (e *run) object(obj map[string]any, ptr string) error {
	from, to := e.sortedNames(obj)
	defer func() { e.names = e.names[:from] }()
	for i := from; i < to; i++ {
		name := e.names[i]
		info := e.sh.lookup(&e.buf, ptr, name)
		if info == nil || !info.hasRule {
			return &PolicyError{Pointer: ptr + "/" + name, Reason: "no rule for this field"}
		}
		v, keep, err := e.apply(obj, info, obj[name])
		if err != nil {
			return err
		}
		if !keep {
			delete(obj, name)
			continue
		}
		obj[name] = v
	}
	return nil
}

// apply runs one action on one value. keep is false when the value goes.
func (e *run) apply(parent map[string]any, info *patternInfo, v any) (any, bool, error) {
	f, pattern := info.field, info.pattern
	switch info.act {
	case Drop:
		e.st.fields[Drop]++
		return nil, false, nil
	case Keep:
		nv, err := e.descend(v, info)
		return nv, true, err
	case Pseudonymise:
		e.st.fields[Pseudonymise]++
		if f.Kind == complication.KindUUID {
			return e.rekey(v), true, nil
		}
		return v, v != "", nil // pseudonyms were set by derive
	case Redact:
		s, ok := v.(string)
		if !ok {
			return nil, false, &PolicyError{Pointer: pattern, Reason: "redact needs text"}
		}
		e.st.fields[Redact]++
		return e.text.redact(s), true, nil
	case Generalise:
		e.st.fields[Generalise]++
		return e.generalise(parent, pattern, f, v)
	case Shift:
		e.st.fields[Shift]++
		return e.shift(f, v)
	}
	return nil, false, &PolicyError{Pointer: pattern, Reason: "unknown action"}
}

// descend applies the rules inside a kept object or array and returns
// what is left of it.
func (e *run) descend(v any, info *patternInfo) (any, error) {
	switch v := v.(type) {
	case map[string]any:
		if info.field.Kind == complication.KindMissing {
			return v, nil
		}
		return v, e.object(v, info.pattern)
	case []any:
		item := e.sh.lookup(&e.buf, info.pattern, "*")
		if item == nil || !item.hasRule {
			return nil, &PolicyError{Pointer: info.pattern + "/*", Reason: "no rule for this field"}
		}
		kept := make([]any, 0, len(v))
		for _, x := range v {
			y, keep, err := e.apply(nil, item, x)
			if err != nil {
				return nil, err
			}
			if keep {
				kept = append(kept, y)
			}
		}
		return kept, nil
	}
	return v, nil
}

func (e *run) rekey(v any) any {
	s, ok := v.(string)
	if !ok {
		return v
	}
	id, err := uuid.Parse(s)
	if err != nil {
		return v
	}
	return e.a.key.rekey(id).String()
}

func (e *run) generalise(parent map[string]any, pattern string, f complication.Field, v any) (any, bool, error) {
	switch pattern {
	case "/patient/age_at_treatment":
		n, ok := v.(json.Number)
		age, err := strconv.Atoi(string(n))
		if !ok || err != nil {
			return nil, false, &PolicyError{Pointer: pattern, Reason: "age is not a whole number"}
		}
		if parent != nil {
			parent["age_band"] = string(complication.BandOf(age))
		}
		return nil, false, nil
	case "/patient/postcode_district":
		if s, ok := v.(string); ok && parent != nil {
			if pc, ok := parsePostcode(s + " 1AA"); ok {
				parent["postcode_area"] = pc.area
			}
		}
		return nil, false, nil
	}
	switch f.Kind {
	case complication.KindPartialDate:
		d, err := parseDate(v)
		if err != nil {
			return nil, false, &PolicyError{Pointer: pattern, Reason: "not a partial date"}
		}
		return d.Truncate(complication.PrecisionMonth).String(), true, nil
	case complication.KindTimestamp:
		t, err := parseTimestamp(v)
		if err != nil {
			return nil, false, &PolicyError{Pointer: pattern, Reason: "not a timestamp"}
		}
		y, m, _ := t.UTC().Date()
		return time.Date(y, m, 1, 0, 0, 0, 0, time.UTC).Format(time.RFC3339), true, nil
	}
	return nil, false, &PolicyError{Pointer: pattern, Reason: "no generaliser"}
}

// shift moves a date by the patient's offset. Dates known to the day or
// minute move exactly, which keeps every interval between them. A date
// known only to the month or year covers a period; the shifted period is
// published as the coarsest partial date that contains all of it (a
// shifted month usually straddles two months, so it becomes its year). A
// period no partial date contains (a shifted year always straddles two) is
// dropped. Containment is what keeps the domain rules true: a date that
// was not before another is never before it after shifting.
func (e *run) shift(f complication.Field, v any) (any, bool, error) {
	switch f.Kind {
	case complication.KindPartialDate:
		d, err := parseDate(v)
		if err != nil {
			return nil, false, &PolicyError{Pointer: f.Pointer, Reason: "not a partial date"}
		}
		if moved, ok := d.AddDays(e.offset); ok {
			return moved.String(), true, nil
		}
		start, end := d.Start().AddDate(0, 0, e.offset), d.End().AddDate(0, 0, e.offset)
		for _, p := range []complication.Precision{d.Precision(), complication.PrecisionYear} {
			c := complication.DateOf(start, p)
			if !c.IsZero() && !c.End().Before(end) {
				return c.String(), true, nil
			}
		}
		e.st.notShiftable++
		if f.Required {
			return nil, false, &DateError{Pointer: f.Pointer}
		}
		return nil, false, nil
	case complication.KindTimestamp:
		t, err := parseTimestamp(v)
		if err != nil {
			return nil, false, &PolicyError{Pointer: f.Pointer, Reason: "not a timestamp"}
		}
		return t.AddDate(0, 0, e.offset).Format(time.RFC3339Nano), true, nil
	}
	return nil, false, &PolicyError{Pointer: f.Pointer, Reason: "only dates shift"}
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

func parseDate(v any) (complication.PartialDate, error) {
	s, ok := v.(string)
	if !ok {
		return complication.PartialDate{}, complication.ErrPartialDate
	}
	return complication.ParsePartialDate(s)
}

func parseTimestamp(v any) (time.Time, error) {
	s, ok := v.(string)
	if !ok {
		return time.Time{}, errors.New("not a string")
	}
	return time.Parse(time.RFC3339Nano, s)
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
