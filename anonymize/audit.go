package anonymize

import (
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"
)

// Audit is the record of what an Anonymizer did. It holds no personal
// data: counts, the policy's identity and hash, and the key ID only. Its
// JSON form is the machine-readable audit report; [Audit.Summary] is the
// readable one.
type Audit struct {
	PolicyID      string   `json:"policy_id"`
	PolicyVersion string   `json:"policy_version"`
	PolicyHash    string   `json:"policy_hash"`
	KeyID         string   `json:"key_id"`
	TextMode      TextMode `json:"text_mode"`

	Records  int `json:"records"`  // records given to the anonymizer
	Produced int `json:"produced"` // de-identified records produced
	// Refused counts refused records by reason: "leak" (the gate found an
	// identifier), "date" (a required date could not be shifted), "input"
	// (the record could not be processed), "policy".
	Refused map[string]int `json:"refused"`
	// Fields counts field values by the action applied to them (keep is
	// not counted).
	Fields map[Action]int `json:"fields"`
	// Identifiers counts identifiers removed from free text, by kind
	// (NAME, PHONE, NHS_NUMBER …).
	Identifiers map[string]int `json:"identifiers"`
	// Unlinkable counts patients with no identifier to pseudonymise: each
	// got a pseudonym unique to its report.
	Unlinkable int `json:"unlinkable"`
	// DatesDropped counts dates known only to the month or year whose
	// shifted period no partial date contains.
	DatesDropped int `json:"dates_dropped"`
	// KAnonymity is the k-anonymity result, when a batch was made
	// k-anonymous.
	KAnonymity *KReport `json:"k_anonymity,omitempty"`
}

func newAudit(p *Policy, hash, keyID string) Audit {
	return Audit{
		PolicyID: p.ID, PolicyVersion: p.Version, PolicyHash: hash, KeyID: keyID, TextMode: p.Text,
		Refused: map[string]int{}, Fields: map[Action]int{}, Identifiers: map[string]int{},
	}
}

func (a *Audit) add(st stats) {
	a.Produced++
	for k, v := range st.fields {
		a.Fields[k] += v
	}
	for k, v := range st.entities {
		a.Identifiers[k] += v
	}
	if st.unlinkable {
		a.Unlinkable++
	}
	a.DatesDropped += st.notShiftable
}

func (a *Audit) refuse(err error) {
	var leak *LeakError
	var perr *PolicyError
	var derr *DateError
	switch {
	case errors.As(err, &leak):
		a.Refused["leak"]++
	case errors.As(err, &derr):
		a.Refused["date"]++
	case errors.As(err, &perr):
		a.Refused["policy"]++
	default:
		a.Refused["input"]++
	}
}

// Audit returns a snapshot of the audit so far.
func (a *Anonymizer) Audit() Audit {
	a.mu.Lock()
	defer a.mu.Unlock()
	c := a.audit
	c.Refused = maps.Clone(a.audit.Refused)
	c.Fields = maps.Clone(a.audit.Fields)
	c.Identifiers = maps.Clone(a.audit.Identifiers)
	if a.audit.KAnonymity != nil {
		k := *a.audit.KAnonymity
		c.KAnonymity = &k
	}
	return c
}

// Summary returns the audit as a short readable report.
func (a Audit) Summary() string {
	var b strings.Builder
	fmt.Fprintf(&b, "policy %s version %s (sha256 %s), key %s, free text as %s\n", a.PolicyID, a.PolicyVersion, a.PolicyHash, a.KeyID, a.TextMode)
	refused := 0
	for _, n := range a.Refused {
		refused += n
	}
	fmt.Fprintf(&b, "records: %d in, %d de-identified, %d refused", a.Records, a.Produced, refused)
	if refused > 0 {
		fmt.Fprintf(&b, " (%s)", counts(a.Refused))
	}
	b.WriteString("\n")
	if len(a.Fields) > 0 {
		fmt.Fprintf(&b, "field values: %s\n", counts(a.Fields))
	}
	if len(a.Identifiers) > 0 {
		fmt.Fprintf(&b, "identifiers removed from free text: %s\n", counts(a.Identifiers))
	}
	if a.Unlinkable > 0 {
		fmt.Fprintf(&b, "patients with no identifier to link: %d\n", a.Unlinkable)
	}
	if a.DatesDropped > 0 {
		fmt.Fprintf(&b, "dates dropped because they could not be shifted: %d\n", a.DatesDropped)
	}
	if k := a.KAnonymity; k != nil {
		b.WriteString(k.Summary())
	}
	return b.String()
}

func counts[K ~string](m map[K]int) string {
	var parts []string
	for _, k := range slices.Sorted(maps.Keys(m)) {
		parts = append(parts, fmt.Sprintf("%s %d", k, m[k]))
	}
	return strings.Join(parts, ", ")
}
