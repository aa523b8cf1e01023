package schema_test

import (
	"fmt"
	"time"

	"github.com/google/uuid"

	"github.com/openaesthetics/casebook/complication"
	"github.com/openaesthetics/casebook/schema"
)

// A registry validates an incoming submission. The findings name the field
// and the rule, never the submitted value.
func ExampleValidator_Validate() {
	v, err := schema.New(schema.Options{Now: func() time.Time { return time.Date(2026, 11, 25, 0, 0, 0, 0, time.UTC) }})
	if err != nil {
		panic(err)
	}
	doc := []byte(`{
  "id": "6c1e8f52-3b7d-4a2e-9f10-2d4b6a8c0e11",
  "reporter": {"role": "treating_practitioner"},
  "patient": {"pseudonym": "pt_4f3kq7xz2m9b6c8d1h5j0n4p7r", "sex": "female", "nhs_number": "9990000018"},
  "treatment": {"date": "2026-05-14", "procedure": "dermal_filler",
                "products": [{"name": "Lip filler", "class": "device", "lot": "L1"}]},
  "events": [{"id": "0b8f4c1d-7e2a-4f3b-8c9d-1a2b3c4d5e6f", "term": "nodule_inflamatory", "onset": "2026-11"}]
}`)
	fs := v.Validate(schema.ReportSubmission, doc)
	for _, f := range fs {
		fmt.Println(f)
	}
	fmt.Println("rejected:", fs.Rejected())
	// Output:
	// line 1: /deidentification: required: required field is missing
	// line 4: /patient/nhs_number: unknown_field: field is not defined by the schema (names are case-sensitive)
	// line 7: /events/0/term: enum: not a code of the term list
	// rejected: true
}

// Clinic software builds a report in Go and checks it before saving.
func ExampleValidator_ValidateReport() {
	v, err := schema.New(schema.Options{Now: func() time.Time { return time.Date(2026, 11, 25, 0, 0, 0, 0, time.UTC) }})
	if err != nil {
		panic(err)
	}
	r := &complication.Report{
		ID:       uuid.MustParse("3f1c2f9e-6a4b-4c1e-9a57-0d5c2b7e8a10"),
		Reporter: complication.Reporter{Role: complication.ReporterRolePatient},
		Patient:  complication.Patient{AgeAtTreatment: new(31)},
		Treatment: complication.Treatment{
			Date:      complication.MustParsePartialDate("2026-09-02T14:10"),
			Procedure: complication.ProcedureDermalFiller,
			Sites:     []complication.SiteSide{{Site: complication.SiteNasolabialFold, Side: complication.SideLeft}},
			Products:  []complication.Product{{Name: "Restylane Defyne", Class: complication.ProductClassDevice, Lot: "RD24117"}},
		},
		Events: []complication.Event{{
			ID:          uuid.MustParse("5d7f9b1c-3e5a-4c7e-9a1b-3c5e7a9b1d2f"),
			Term:        complication.TermVascularOcclusion,
			Onset:       complication.MustParsePartialDate("2026-09-02T14:20"),
			Seriousness: []complication.Seriousness{complication.SeriousnessNotSerious},
			Outcome:     complication.OutcomeRecovering,
		}},
	}
	for _, f := range v.ValidateReport(schema.Report, r) {
		fmt.Println(f)
	}
	// Output:
	// /events/0/seriousness: expected_serious: Vascular occlusion is expected to meet a seriousness criterion (warning)
}
