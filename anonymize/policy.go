package anonymize

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"github.com/openaesthetics/casebook/complication"
)

// Action is what a policy does to one field.
type Action string

// Actions.
const (
	// Keep copies the value. For derived fields (age at treatment,
	// postcode district and area) it also fills them from the identity
	// block when the clinic did not.
	Keep Action = "keep"
	// Drop removes the value.
	Drop Action = "drop"
	// Pseudonymise replaces the value with a keyed one: the patient,
	// practitioner and clinic pseudonyms are computed from the identity
	// block, and record identifiers are re-keyed to unrelated UUIDs.
	Pseudonymise Action = "pseudonymise"
	// Generalise coarsens the value: an age becomes an age band, a date
	// its month, a postcode district its area.
	Generalise Action = "generalise"
	// Shift moves a date by the patient's keyed offset, so every interval
	// between the patient's dates is kept.
	Shift Action = "shift"
	// Redact removes identifiers from free text: the record's own known
	// identifiers in every surface form, then anything the generic
	// detectors find.
	Redact Action = "redact"
)

// Rule gives the action for one field, named by its pointer pattern as in
// [complication.Field] ("/events/*/onset").
type Rule struct {
	Pointer string `json:"pointer"`
	Action  Action `json:"action"`
}

// TextMode says what replaces an identifier in free text.
type TextMode string

// Text modes.
const (
	// Placeholders writes typed placeholders such as [NAME] and [PHONE],
	// so a reader sees what was removed.
	Placeholders TextMode = "placeholders"
	// Surrogates writes consistent, realistic fake values (chosen by the
	// key) so that any identifier a detector missed hides among fakes.
	Surrogates TextMode = "surrogates"
)

// KAnonymity is a policy's k-anonymity target for a batch of records.
type KAnonymity struct {
	// K is the smallest equivalence class allowed over QuasiIdentifiers.
	K int `json:"k"`
	// QuasiIdentifiers are the pointers whose combined values form the
	// equivalence classes. Keep the set small: above about ten,
	// k-anonymity suppresses almost everything.
	QuasiIdentifiers []string `json:"quasi_identifiers"`
	// Sensitive is the attribute whose diversity within each class is
	// reported (ℓ-diversity), such as the complication term.
	Sensitive string `json:"sensitive"`
	// MaxSuppressed is the largest share of records (0 to 1) that may be
	// withheld to reach K; beyond it the batch stops for a human decision.
	MaxSuppressed float64 `json:"max_suppressed"`
}

// Policy is versioned data: one action per field of every record shape,
// and the settings the actions use. Its [Policy.Hash] is recorded in every
// record it produces, so which rules produced a file always has an answer.
// Build one with [Registry], [Research] or [Profile]; change it only by
// giving it a new ID or Version.
type Policy struct {
	ID           string      `json:"id"`
	Version      string      `json:"version"`
	Description  string      `json:"description"`
	Text         TextMode    `json:"text"`
	MaxShiftDays int         `json:"max_shift_days,omitempty"` // for Shift
	KAnonymity   *KAnonymity `json:"k_anonymity,omitempty"`    // for reports
	Reports      []Rule      `json:"reports"`                  // one per field of complication.ReportFields, sorted by pointer
	Complaints   []Rule      `json:"complaints"`               // one per field of complication.ComplaintFields, sorted by pointer
}

// Hash returns the SHA-256 of the policy's canonical JSON encoding (rules
// sorted by pointer), in lower-case hex. It fails only for a policy that
// does not encode, such as one with a NaN suppression budget.
func (p *Policy) Hash() (string, error) {
	c := *p
	c.Reports, c.Complaints = slices.Clone(p.Reports), slices.Clone(p.Complaints)
	slices.SortFunc(c.Reports, compareRules)
	slices.SortFunc(c.Complaints, compareRules)
	b, err := json.Marshal(&c)
	if err != nil {
		return "", &PolicyError{Reason: "policy does not encode as JSON"}
	}
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:]), nil
}

func compareRules(a, b Rule) int { return strings.Compare(a.Pointer, b.Pointer) }

// ReportAction returns the action for a report field's pointer pattern,
// and whether the policy has a rule for it.
func (p *Policy) ReportAction(pointer string) (Action, bool) { return action(p.Reports, pointer) }

// ComplaintAction returns the action for a complaint field's pointer
// pattern, and whether the policy has a rule for it.
func (p *Policy) ComplaintAction(pointer string) (Action, bool) { return action(p.Complaints, pointer) }

func action(rules []Rule, pointer string) (Action, bool) {
	i, ok := slices.BinarySearchFunc(rules, pointer, func(r Rule, ptr string) int { return strings.Compare(r.Pointer, ptr) })
	if !ok {
		return "", false
	}
	return rules[i].Action, true
}

// PolicyError reports a policy that cannot be applied safely: a field with
// no rule, or an action the field's privacy class or kind does not allow.
type PolicyError struct {
	Pointer string // the field pattern, e.g. "/events/*/description"
	Reason  string
}

func (e *PolicyError) Error() string {
	if e.Pointer == "" {
		return "anonymize: policy: " + e.Reason
	}
	return fmt.Sprintf("anonymize: policy: %s: %s", e.Pointer, e.Reason)
}

// generalisable lists the fields Generalise knows how to coarsen beyond
// dates (which go to their month).
var generalisable = map[string]bool{
	"/patient/age_at_treatment":  true, // to /patient/age_band
	"/patient/postcode_district": true, // to /patient/postcode_area
}

// pseudonymFields are the fields Pseudonymise fills from the identity
// block, in reports and complaints.
var pseudonymFields = map[string]Domain{
	"/patient/pseudonym":        DomainPatient,
	"/patient_pseudonym":        DomainPatient,
	"/practitioner/pseudonym":   DomainPractitioner,
	"/setting/clinic_pseudonym": DomainClinic,
}

// check verifies the policy against the fields of a record shape: every
// field has exactly one rule, and each action suits the field. This is the
// fail-closed half of "the policy is derived from x-privacy": a schema
// change that adds a field stops every policy that does not say what to do
// with it.
func (p *Policy) check(reports, complaints []complication.Field) error {
	if p.ID == "" || p.Version == "" {
		return &PolicyError{Reason: "id and version are required"}
	}
	switch p.Text {
	case Placeholders, Surrogates:
	default:
		return &PolicyError{Reason: "text must be placeholders or surrogates"}
	}
	shifts := false
	for _, set := range []struct {
		rules  []Rule
		fields []complication.Field
	}{{p.Reports, reports}, {p.Complaints, complaints}} {
		if !slices.IsSortedFunc(set.rules, compareRules) {
			return &PolicyError{Reason: "rules must be sorted by pointer"}
		}
		for i := 1; i < len(set.rules); i++ {
			if set.rules[i].Pointer == set.rules[i-1].Pointer {
				return &PolicyError{Pointer: set.rules[i].Pointer, Reason: "more than one rule"}
			}
		}
		known := map[string]bool{}
		for _, f := range set.fields {
			known[f.Pointer] = true
			a, ok := action(set.rules, f.Pointer)
			if !ok {
				return &PolicyError{Pointer: f.Pointer, Reason: "no rule for this field"}
			}
			if err := allowed(f, a); err != nil {
				return err
			}
			shifts = shifts || a == Shift
		}
		for _, r := range set.rules {
			if !known[r.Pointer] {
				return &PolicyError{Pointer: r.Pointer, Reason: "a rule for a field the schema does not have"}
			}
		}
	}
	if shifts && p.MaxShiftDays <= 0 {
		return &PolicyError{Reason: "a policy that shifts dates needs max_shift_days"}
	}
	if k := p.KAnonymity; k != nil {
		if k.K < 2 {
			return &PolicyError{Reason: "k must be at least 2"}
		}
		if len(k.QuasiIdentifiers) == 0 {
			return &PolicyError{Reason: "k-anonymity needs quasi-identifiers"}
		}
		if !(k.MaxSuppressed >= 0 && k.MaxSuppressed <= 1) {
			return &PolicyError{Reason: "max_suppressed must be between 0 and 1"}
		}
	}
	return nil
}

// allowed says whether action a may apply to field f.
func allowed(f complication.Field, a Action) error {
	bad := func(why string) error {
		return &PolicyError{Pointer: f.Pointer, Reason: fmt.Sprintf("%s cannot apply to a %s %s field: %s", a, f.Privacy, f.Kind, why)}
	}
	if !f.Submission && a != Drop {
		return bad("the submission shape has no such field, so it must be dropped")
	}
	switch a {
	case Keep:
		switch f.Privacy {
		case complication.PrivacyDirect:
			return bad("direct identifiers never leave the identity block")
		case complication.PrivacyFreeText:
			return bad("free text must be redacted or dropped")
		}
		if _, ok := pseudonymFields[f.Pointer]; ok {
			return bad("a clinic-supplied pseudonym is not keyed; pseudonymise or drop it")
		}
	case Drop:
	case Pseudonymise:
		if _, ok := pseudonymFields[f.Pointer]; !ok && f.Kind != complication.KindUUID {
			return bad("only pseudonym fields and identifiers can be pseudonymised")
		}
	case Generalise:
		if !generalisable[f.Pointer] && f.Kind != complication.KindPartialDate && f.Kind != complication.KindTimestamp {
			return bad("no generaliser is defined for it")
		}
	case Shift:
		if f.Kind != complication.KindPartialDate && f.Kind != complication.KindTimestamp {
			return bad("only dates can be shifted")
		}
	case Redact:
		if f.Privacy != complication.PrivacyFreeText {
			return bad("only free text is redacted")
		}
	default:
		return bad("unknown action")
	}
	return nil
}
