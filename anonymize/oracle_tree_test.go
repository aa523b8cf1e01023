package anonymize

// This file is the anonymiser as it was before it worked on typed records:
// it applied the policy to the record's JSON tree (typedtree's Encode and
// Decode, the tree encoding/json would make) and gated that tree. It is
// kept verbatim, renamed, as the oracle TestTypedMatchesTree and
// FuzzTypedMatchesTree hold the typed anonymiser to. Do not change it to
// make a test pass; a deliberate change of behaviour changes both, and
// says so in the commit.

import (
	"encoding/json"
	"errors"
	"slices"
	"strconv"
	"time"

	"github.com/google/uuid"

	"github.com/openaesthetics/casebook/complication"
	"github.com/openaesthetics/casebook/internal/jsonscan"
	"github.com/openaesthetics/casebook/internal/pii"
)

// when the pattern has neither a rule nor a field. buf is scratch space.
func treeLookup(s *shape, buf *[]byte, parent, name string) *patternInfo {
	b := append(append(append((*buf)[:0], parent...), '/'), name...)
	*buf = b
	return s.info[string(b)]
}

// New returns an Anonymizer for the policy and key. It checks the policy
// against every field of the published record shapes and fails closed: a
// field without a rule, or an action its privacy class forbids (such as
// run is the state of one record's transformation.
type treeRun struct {
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
func (e *treeRun) sortedNames(obj map[string]any) (from, to int) {
	from = len(e.names)
	for k := range obj {
		e.names = append(e.names, k)
	}
	slices.Sort(e.names[from:])
	return from, len(e.names)
}

func treeNewRun(a *Anonymizer, sh *shape, known pii.Known) (*treeRun, *pii.Matcher) {
	e := &treeRun{a: a, sh: sh, st: stats{fields: map[Action]int{}, entities: map[string]int{}}}
	m := pii.NewMatcher(known)
	e.text = &textRedactor{matcher: m, mode: a.policy.Text, key: a.key, counts: e.st.entities}
	return e, m
}

func treeReport(a *Anonymizer, r *complication.Report) (*complication.Report, stats, error) {
	if r == nil {
		return nil, stats{}, ErrNilRecord
	}
	if r.Deidentification != nil {
		return nil, stats{}, ErrAlreadyDeidentified
	}
	e, matcher := treeNewRun(a, &a.report, knownFrom(r.Identity))
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

func treeComplaint(a *Anonymizer, c *complication.Complaint) (*complication.Complaint, stats, error) {
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
	e, matcher := treeNewRun(a, &a.complaint, knownFromComplaint(id))
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
func (e *treeRun) finish(tree map[string]any, matcher *pii.Matcher) error {
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
	g := &treeGate{sh: e.sh, m: matcher, mode: a.policy.Text, done: e.text}
	return g.walk(tree)
}

// pseudonyms computes the patient, practitioner and clinic pseudonyms and
// the patient's date offset, and writes the pseudonyms into the tree
// before the rules run (the rules then decide what of them to keep).
// patientPath is the pseudonym's path in the record; clinicPseudonym is a
// pseudonym the clinic assigned itself, and fallback names the record when
// nothing identifies the patient.
func (e *treeRun) pseudonyms(tree map[string]any, patientID *complication.PersonIdentity, practitioner *complication.PractitionerIdentity,
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
		parent = treeChild(parent, name)
	}
	parent[patientPath[len(patientPath)-1]] = pseudonym
	if pk, ok := practitionerKey(practitioner); ok {
		treeChild(tree, "practitioner")["pseudonym"] = e.a.key.Pseudonym(DomainPractitioner, pk)
	} else if p, ok := tree["practitioner"].(map[string]any); ok {
		delete(p, "pseudonym")
	}
	if hasClinic {
		treeChild(tree, "setting")["clinic_pseudonym"] = e.a.key.Pseudonym(DomainClinic, clinic)
	} else if s, ok := tree["setting"].(map[string]any); ok {
		delete(s, "clinic_pseudonym")
	}
}

// deriveReport fills a report's derived fields (age at treatment, postcode
// district and area) from the identity block.
func (e *treeRun) deriveReport(r *complication.Report, tree map[string]any) {
	id := r.Identity
	if id == nil {
		id = &complication.Identity{}
	}
	pt := treeChild(tree, "patient")
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
func treeChild(tree map[string]any, name string) map[string]any {
	if m, ok := tree[name].(map[string]any); ok {
		return m
	}
	m := map[string]any{}
	tree[name] = m
	return m
}

// object applies the rules to every member of obj, whose pattern is ptr.
func (e *treeRun) object(obj map[string]any, ptr string) error {
	from, to := e.sortedNames(obj)
	defer func() { e.names = e.names[:from] }()
	for i := from; i < to; i++ {
		name := e.names[i]
		info := treeLookup(e.sh, &e.buf, ptr, name)
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
func (e *treeRun) apply(parent map[string]any, info *patternInfo, v any) (any, bool, error) {
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
func (e *treeRun) descend(v any, info *patternInfo) (any, error) {
	switch v := v.(type) {
	case map[string]any:
		if info.field.Kind == complication.KindMissing {
			return v, nil
		}
		return v, e.object(v, info.pattern)
	case []any:
		item := treeLookup(e.sh, &e.buf, info.pattern, "*")
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

func (e *treeRun) rekey(v any) any {
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

func (e *treeRun) generalise(parent map[string]any, pattern string, f complication.Field, v any) (any, bool, error) {
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
		d, err := treeParseDate(v)
		if err != nil {
			return nil, false, &PolicyError{Pointer: pattern, Reason: "not a partial date"}
		}
		return d.Truncate(complication.PrecisionMonth).String(), true, nil
	case complication.KindTimestamp:
		t, err := treeParseTimestamp(v)
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
func (e *treeRun) shift(f complication.Field, v any) (any, bool, error) {
	switch f.Kind {
	case complication.KindPartialDate:
		d, err := treeParseDate(v)
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
		t, err := treeParseTimestamp(v)
		if err != nil {
			return nil, false, &PolicyError{Pointer: f.Pointer, Reason: "not a timestamp"}
		}
		return t.AddDate(0, 0, e.offset).Format(time.RFC3339Nano), true, nil
	}
	return nil, false, &PolicyError{Pointer: f.Pointer, Reason: "only dates shift"}
}

// DateError reports a required date that the policy cannot shift without
// revealing or falsifying it: one known only to the year. The record is
func treeParseDate(v any) (complication.PartialDate, error) {
	s, ok := v.(string)
	if !ok {
		return complication.PartialDate{}, complication.ErrPartialDate
	}
	return complication.ParsePartialDate(s)
}

func treeParseTimestamp(v any) (time.Time, error) {
	s, ok := v.(string)
	if !ok {
		return time.Time{}, errors.New("not a string")
	}
	return time.Parse(time.RFC3339Nano, s)
}

// treeGate re-scans every string of a de-identified tree. Every string is
// checked for the record's own identifiers in every surface form: this is
// the gate's complete promise, for values the record held. Free text is
// also re-scanned with every generic detector (for surrogate output only
// with the known identifiers, since the detectors rightly see the
// surrogates).
//
// Texts the redactor has already put through this very check (see
// textRedactor.checked) are not checked twice.
type treeGate struct {
	sh   *shape
	m    *pii.Matcher
	mode TextMode
	done *textRedactor
	// pattern is the field pattern of the value being walked; path its
	// pointer, kept as steps and spelled out only for an error.
	pattern []byte
	path    []step
	names   []string
}

// walk checks v, whose pattern is g.pattern, and everything inside it.
func (g *treeGate) walk(v any) error {
	switch v := v.(type) {
	case map[string]any:
		from := len(g.names)
		for k := range v {
			g.names = append(g.names, k)
		}
		slices.Sort(g.names[from:])
		to := len(g.names)
		defer func() { g.names = g.names[:from] }()
		for i := from; i < to; i++ {
			k := g.names[i]
			if err := g.child(v[k], k, -1); err != nil {
				return err
			}
		}
	case []any:
		for i, x := range v {
			if err := g.child(x, "*", i); err != nil {
				return err
			}
		}
	case string:
		// A pattern that is not a field is scanned, as everything is
		// unless known to be safe.
		scan, freeText := scanned(complication.Field{}), false
		if info := g.sh.info[string(g.pattern)]; info != nil {
			scan, freeText = info.scanned, info.freeText
		}
		if !scan || g.done.checked(v) {
			return nil
		}
		if spans := gateSpans(v, g.m, freeText, g.mode); len(spans) > 0 {
			return &LeakError{Pointer: g.pointer(), Kind: string(spans[0].Kind)}
		}
	}
	return nil
}

// child walks one member (index -1) or element of a container.
func (g *treeGate) child(v any, name string, index int) error {
	n := len(g.pattern)
	g.pattern = append(append(g.pattern, '/'), name...)
	g.path = append(g.path, step{name, index})
	err := g.walk(v)
	g.pattern, g.path = g.pattern[:n], g.path[:len(g.path)-1]
	return err
}

// pointer spells out the pointer of the value being walked.
func (g *treeGate) pointer() string {
	ptr := ""
	for _, s := range g.path {
		if s.index < 0 {
			ptr = jsonscan.AppendToken(ptr, s.name)
		} else {
			ptr = ptr + "/" + strconv.Itoa(s.index)
		}
	}
	return ptr
}
