package anonymize

import (
	"fmt"
	"slices"
	"strings"

	"github.com/openaesthetics/casebook/complication"
)

// DateMode says how the research profile treats dates.
type DateMode string

// Date modes.
const (
	// ShiftDates moves every date of a patient by the same keyed offset,
	// which keeps every interval between dates known to the day.
	ShiftDates DateMode = "shift"
	// MonthDates generalises every date to its month.
	MonthDates DateMode = "month"
)

// ResearchOptions adjust the [Research] profile. The zero value gives the
// defaults.
type ResearchOptions struct {
	Dates         DateMode // default ShiftDates
	MaxShiftDays  int      // default 182: dates move up to about six months either way
	K             int      // default 5
	MaxSuppressed float64  // default 0.05: at most 5% of records withheld to reach K
	Text          TextMode // default Placeholders
}

// defaultQuasiIdentifiers are the research profile's k-anonymity
// quasi-identifiers: what a motivated intruder could know about a patient
// from social media or the local press.
var defaultQuasiIdentifiers = []string{
	"/patient/age_band",
	"/patient/sex",
	"/patient/postcode_area",
	"/treatment/date",
	"/treatment/procedure",
	"/setting/premises",
}

// quasiIdentifiers are the research profile's quasi-identifiers under a
// date mode. A shifted date is not one: an intruder who knows when someone
// was treated cannot find the shifted date without the key. A date
// generalised to its month is.
func quasiIdentifiers(dates DateMode) []string {
	if dates == MonthDates {
		return slices.Clone(defaultQuasiIdentifiers)
	}
	return slices.DeleteFunc(slices.Clone(defaultQuasiIdentifiers), func(p string) bool { return p == "/treatment/date" })
}

// Registry returns the registry profile, version 1, for reports and
// complaints: patient, practitioner and clinic pseudonymised; age at treatment instead of date of birth;
// postcode to district; clinical dates, lot numbers and UDIs kept, because
// registries need them for product recalls; free text redacted with typed
// placeholders; the identity block dropped.
func Registry() *Policy {
	p := &Policy{
		ID:          "registry",
		Version:     "1",
		Description: "Registry submission: keyed pseudonyms, age at treatment, postcode district, clinical dates kept, free text redacted.",
		Text:        Placeholders,
	}
	p.Reports = rules(complication.ReportFields(), registryAction)
	p.Complaints = rules(complication.ComplaintFields(), registryAction)
	return p
}

func registryAction(f complication.Field) Action {
	if _, ok := pseudonymFields[f.Pointer]; ok {
		return Pseudonymise
	}
	switch {
	case !f.Submission:
		return Drop
	case f.Privacy == complication.PrivacyFreeText:
		return Redact
	}
	return Keep
}

// Research returns the research profile, version 1: everything the
// registry profile does, plus dates shifted by a keyed per-patient offset
// (or generalised to the month), ages in bands with an explicit under-18
// band and 90+ top-coded, postcode to area only, lot numbers, UDIs,
// regulator and ombudsman references and weight dropped, record identifiers re-keyed,
// and a k-anonymity target (default k = 5) on declared quasi-identifiers,
// reached by local suppression, with ℓ-diversity of the complication term
// reported.
func Research(opts ResearchOptions) *Policy {
	if opts.Dates == "" {
		opts.Dates = ShiftDates
	}
	if opts.MaxShiftDays <= 0 {
		opts.MaxShiftDays = 182
	}
	if opts.K <= 0 {
		opts.K = 5
	}
	if opts.MaxSuppressed == 0 {
		opts.MaxSuppressed = 0.05
	}
	if opts.Text == "" {
		opts.Text = Placeholders
	}
	p := &Policy{
		ID:          "research",
		Version:     "1",
		Description: fmt.Sprintf("Research extract: registry profile plus dates %s, age bands, postcode area, re-keyed identifiers and k-anonymity (k=%d).", dateWords(opts.Dates), opts.K),
		Text:        opts.Text,
		KAnonymity: &KAnonymity{
			K:                opts.K,
			QuasiIdentifiers: quasiIdentifiers(opts.Dates),
			Sensitive:        "/events/*/term",
			MaxSuppressed:    opts.MaxSuppressed,
		},
	}
	if opts.Dates == ShiftDates {
		p.MaxShiftDays = opts.MaxShiftDays
	}
	dateAction := Shift
	if opts.Dates == MonthDates {
		dateAction = Generalise
	}
	research := func(f complication.Field) Action {
		a := registryAction(f)
		if a == Drop || a == Redact || a == Pseudonymise {
			return a
		}
		switch f.Pointer {
		case "/patient/age_at_treatment", "/patient/postcode_district":
			return Generalise
		case "/patient/weight_kg", "/treatment/products/*/lot", "/treatment/products/*/udi", "/reported_to/*/reference", "/escalations/*/reference":
			return Drop
		}
		if strings.HasPrefix(f.Pointer, "/deidentification") {
			return Keep
		}
		switch f.Kind {
		case complication.KindUUID:
			return Pseudonymise
		case complication.KindPartialDate, complication.KindTimestamp:
			return dateAction
		}
		return a
	}
	p.Reports = rules(complication.ReportFields(), research)
	p.Complaints = rules(complication.ComplaintFields(), research)
	return p
}

func dateWords(m DateMode) string {
	if m == MonthDates {
		return "generalised to the month"
	}
	return "shifted per patient"
}

func rules(fields []complication.Field, action func(complication.Field) Action) []Rule {
	out := make([]Rule, 0, len(fields))
	for _, f := range fields {
		out = append(out, Rule{Pointer: f.Pointer, Action: action(f)})
	}
	slices.SortFunc(out, func(a, b Rule) int { return strings.Compare(a.Pointer, b.Pointer) })
	return out
}

// Profile returns a built-in profile by name: "registry" or "research"
// (the research profile with default options).
func Profile(name string) (*Policy, error) {
	switch name {
	case "registry":
		return Registry(), nil
	case "research":
		return Research(ResearchOptions{}), nil
	}
	return nil, &PolicyError{Reason: fmt.Sprintf("unknown profile %q: want registry or research", name)}
}
