// Command clinic shows what a clinic's booking system does with casebook
// when a patient comes back with a complication: it turns the form the
// practitioner filled in into a complication.Report, validates it, and
// keeps it; then it anonymises it with the registry profile and writes the
// registry submission (a JSON envelope) that goes to the registry.
//
//	go run ./examples/clinic                        # writes submission.json
//	CASEBOOK_KEY_FILE=registry.key go run ./examples/clinic -o out.json
//
// The pseudonym key belongs to the clinic and never leaves it. Without
// CASEBOOK_KEY_FILE the example uses a built-in demonstration key and says
// so: never send records made with it to a real registry.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/google/uuid"

	"github.com/openaesthetics/casebook/anonymize"
	"github.com/openaesthetics/casebook/complication"
	"github.com/openaesthetics/casebook/export"
	"github.com/openaesthetics/casebook/schema"
)

// form is what the booking system's complication form posts: strings, as
// a web form gives them. Field names are the system's own.
var form = map[string]string{
	"report_id":        "3f1c2f9e-6a4b-4c1e-9a57-0d5c2b7e8a10",
	"patient_title":    "Ms",
	"patient_first":    "Jane",
	"patient_last":     "Doe",
	"patient_dob":      "1997-03-02",
	"patient_nhs":      "999 000 0018",
	"patient_mobile":   "07700 900123",
	"patient_email":    "jane.doe@example.com",
	"patient_postcode": "LS1 4AP",
	"patient_sex":      "female",
	"treated_on":       "2026-05-14",
	"procedure":        "dermal_filler",
	"sites":            "upper_lip,lower_lip",
	"product":          "Lip filler 1 ml (unbranded)",
	"product_class":    "unknown",
	"volume_ml":        "1",
	"complication":     "nodule_inflammatory",
	"onset":            "2026-11",
	"seen_on":          "2026-11-18",
	"outcome":          "recovering",
	"hyaluronidase_iu": "300",
	"notes": "Jane came back six months after lip filler elsewhere with hard, tender lumps in both lips. " +
		"Her practitioner blocked her on Instagram when she asked for help. 300 IU hyaluronidase given; review on day 14.",
}

// demoSecret is for this example only.
var demoSecret = []byte("clinic-example-demo-key-NOT-FOR-REAL-USE")

func main() {
	out := flag.String("o", "submission.json", "where to write the registry submission")
	flag.Parse()
	key, demo, err := clinicKey(os.Getenv("CASEBOOK_KEY_FILE"))
	if err != nil {
		fmt.Fprintln(os.Stderr, "clinic:", err)
		os.Exit(2)
	}
	if demo {
		fmt.Fprintln(os.Stderr, "clinic: WARNING: using the built-in DEMO key; set CASEBOOK_KEY_FILE for real records")
	}
	f, err := os.Create(*out)
	if err != nil {
		fmt.Fprintln(os.Stderr, "clinic:", err)
		os.Exit(2)
	}
	if err := run(form, key, time.Now, f, os.Stdout); err != nil {
		f.Close()
		os.Remove(*out)
		fmt.Fprintln(os.Stderr, "clinic:", err)
		os.Exit(1)
	}
	if err := f.Close(); err != nil {
		fmt.Fprintln(os.Stderr, "clinic:", err)
		os.Exit(2)
	}
	fmt.Printf("Registry submission written to %s\n", *out)
}

func clinicKey(file string) (key anonymize.Key, demo bool, err error) {
	if file == "" {
		key, err = anonymize.NewKey("clinic-demo", demoSecret)
		return key, true, err
	}
	secret, err := os.ReadFile(file)
	if err != nil {
		return anonymize.Key{}, false, err
	}
	key, err = anonymize.NewKey("clinic-registry", secret)
	return key, false, err
}

// run is the whole flow: form → report → validate → anonymise → submission.
func run(form map[string]string, key anonymize.Key, now func() time.Time, submission, w io.Writer) error {
	r, err := reportFromForm(form, now())
	if err != nil {
		return err
	}
	v, err := schema.New(schema.Options{Now: now})
	if err != nil {
		return err
	}
	// 1. Validate the identified record, as the clinic keeps it.
	fs := v.ValidateReport(schema.Report, r)
	fmt.Fprintf(w, "Validated report %s: %d errors, %d warnings\n", r.ID, fs.Errors(), fs.Warnings())
	for _, f := range fs {
		fmt.Fprintf(w, "  %s\n", f)
	}
	if err := fs.Err(); err != nil {
		return err
	}
	// 2. Anonymise with the registry profile: pseudonyms, age instead of
	// date of birth, postcode district, free text redacted, identity gone.
	a, err := anonymize.New(anonymize.Registry(), key)
	if err != nil {
		return err
	}
	sub, err := a.Report(r)
	var leak *anonymize.LeakError
	if errors.As(err, &leak) {
		return fmt.Errorf("not sent: an identifier survived at %s (fix the record and try again)", leak.Pointer)
	}
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "Anonymised: patient %s, age %d, district %s\n", sub.Patient.Pseudonym, *sub.Patient.AgeAtTreatment, sub.Patient.PostcodeDistrict)
	fmt.Fprintf(w, "Narrative sent: %s\n", sub.Narrative)
	// 3. The submission: a registry envelope the registry validates on
	// arrival. The writer refuses anything still carrying an identity.
	hash, err := a.Policy().Hash()
	if err != nil {
		return err
	}
	env := export.NewEnvelopeWriter(submission, export.EnvelopeOptions{
		Now:       now,
		Validator: v,
		Header: export.Header{
			Submitter: key.Pseudonym(anonymize.DomainClinic, "cqc:1-000000001"),
			Policy:    export.Policy{ID: sub.Deidentification.PolicyID, Version: sub.Deidentification.PolicyVersion, Hash: hash},
			KeyID:     key.ID(),
		},
	})
	if err := env.Write(sub); err != nil {
		return err
	}
	return env.Close()
}

// reportFromForm turns the form's strings into a typed report. Every code
// is checked as it is parsed: an unknown code is an error naming the form
// field, never its value.
func reportFromForm(f map[string]string, now time.Time) (*complication.Report, error) {
	var bad []string
	date := func(field string) complication.PartialDate {
		d, err := complication.ParsePartialDate(f[field])
		if err != nil {
			bad = append(bad, field)
		}
		return d
	}
	code := func(field string, into interface{ UnmarshalText([]byte) error }) {
		if err := into.UnmarshalText([]byte(f[field])); err != nil {
			bad = append(bad, field)
		}
	}
	number := func(field string) *float64 {
		v, err := strconv.ParseFloat(f[field], 64)
		if err != nil {
			bad = append(bad, field)
			return nil
		}
		return &v
	}
	id, err := uuid.Parse(f["report_id"])
	if err != nil {
		bad = append(bad, "report_id")
	}
	r := &complication.Report{
		ID:           id,
		Type:         complication.ReportTypeInitial,
		Created:      now.UTC().Truncate(time.Second),
		Jurisdiction: complication.JurisdictionEngland,
		Reporter:     complication.Reporter{Role: complication.ReporterRoleOtherPractitioner, Profession: complication.ProfessionNurse},
		Setting:      &complication.Setting{Premises: complication.PremisesBeautySalon, CQCRegistered: new(false)},
		Narrative:    f["notes"],
		Identity: &complication.Identity{Patient: &complication.PersonIdentity{
			Title: f["patient_title"], GivenName: f["patient_first"], FamilyName: f["patient_last"],
			DateOfBirth: date("patient_dob"),
			NHSNumber:   strings.ReplaceAll(f["patient_nhs"], " ", ""),
			Phones:      []string{f["patient_mobile"]},
			Emails:      []string{f["patient_email"]},
			Address:     &complication.Address{Postcode: f["patient_postcode"]},
		}},
	}
	code("patient_sex", &r.Patient.Sex)
	r.Patient.Missing = complication.Missing{"fitzpatrick": complication.MissingReasonNotAsked}
	r.Treatment.Date = date("treated_on")
	code("procedure", &r.Treatment.Procedure)
	for _, s := range strings.Split(f["sites"], ",") {
		var site complication.Site
		if err := site.UnmarshalText([]byte(strings.TrimSpace(s))); err != nil {
			bad = append(bad, "sites")
			continue
		}
		r.Treatment.Sites = append(r.Treatment.Sites, complication.SiteSide{Site: site})
	}
	p := complication.Product{Name: f["product"], Dose: number("volume_ml"), DoseUnit: complication.DoseUnitMl,
		Missing: complication.Missing{"lot": complication.MissingReasonNotKnown}}
	code("product_class", &p.Class)
	r.Treatment.Products = []complication.Product{p}
	e := complication.Event{
		ID:       uuid.NewSHA1(id, []byte("event-1")),
		Onset:    date("onset"),
		Detected: date("seen_on"),
		Management: []complication.Management{{
			Action: complication.ActionHyaluronidase, Dose: number("hyaluronidase_iu"), DoseUnit: complication.DoseUnitIU,
			Given: date("seen_on"), GivenBy: complication.CareProviderOtherAestheticPractitioner,
		}},
		Seriousness: []complication.Seriousness{complication.SeriousnessNotSerious},
	}
	code("complication", &e.Term)
	code("outcome", &e.Outcome)
	r.Events = []complication.Event{e}
	if len(bad) > 0 {
		return nil, fmt.Errorf("the form has invalid fields: %s", strings.Join(bad, ", "))
	}
	return r, nil
}
