package anonymize_test

import (
	"errors"
	"fmt"

	"github.com/google/uuid"

	"github.com/openaesthetics/casebook/anonymize"
	"github.com/openaesthetics/casebook/complication"
)

func exampleReport() *complication.Report {
	return &complication.Report{
		ID:       uuid.MustParse("6c1e8f52-3b7d-4a2e-9f10-2d4b6a8c0e11"),
		Reporter: complication.Reporter{Role: complication.ReporterRoleTreatingPractitioner},
		Patient:  complication.Patient{Sex: complication.SexFemale},
		Treatment: complication.Treatment{
			Date:      complication.MustParsePartialDate("2026-05-14"),
			Procedure: complication.ProcedureDermalFiller,
			Products:  []complication.Product{{Name: "Lip filler", Class: complication.ProductClassDevice, Lot: "L123"}},
		},
		Events: []complication.Event{{
			ID:    uuid.MustParse("0b8f4c1d-7e2a-4f3b-8c9d-1a2b3c4d5e6f"),
			Term:  complication.TermNoduleInflammatory,
			Onset: complication.MustParsePartialDate("2026-11"),
		}},
		Narrative: "Mrs Doe rang on 07700 900123 about hard lumps after 1 ml lip filler; 1500 IU hyaluronidase on day 14.",
		Identity: &complication.Identity{Patient: &complication.PersonIdentity{
			Title: "Mrs", GivenName: "Jane", FamilyName: "Doe",
			DateOfBirth: complication.MustParsePartialDate("1997-03-02"),
			NHSNumber:   "9990000018", Phones: []string{"07700 900123"},
			Address: &complication.Address{Postcode: "LS1 4AP"},
		}},
	}
}

// The registry profile: pseudonyms, age instead of date of birth, postcode
// district, free text redacted, identity dropped.
func ExampleAnonymizer_Report() {
	// In production the secret comes from a key file or a secrets store.
	key, err := anonymize.NewKey("registry-2026", []byte("example-only-secret-0123456789-abcdef"))
	if err != nil {
		panic(err)
	}
	a, err := anonymize.New(anonymize.Registry(), key)
	if err != nil {
		panic(err)
	}
	out, err := a.Report(exampleReport())
	if err != nil {
		panic(err)
	}
	fmt.Println("identity:", out.Identity)
	fmt.Println("age:", *out.Patient.AgeAtTreatment, "district:", out.Patient.PostcodeDistrict)
	fmt.Println("pseudonym:", out.Patient.Pseudonym[:3]+"…")
	fmt.Println(out.Narrative)
	fmt.Println("policy:", out.Deidentification.PolicyID, "key:", out.Deidentification.KeyID)
	// Output:
	// identity: <nil>
	// age: 29 district: LS1
	// pseudonym: pt_…
	// Mrs [NAME] rang on [PHONE] about hard lumps after 1 ml lip filler; 1500 IU hyaluronidase on day 14.
	// policy: registry key: registry-2026
}

// The leak gate refuses a record in which an identifier the record holds
// survives, and names the field, never the value.
func ExampleLeakError() {
	key, _ := anonymize.NewKey("registry-2026", []byte("example-only-secret-0123456789-abcdef"))
	a, _ := anonymize.New(anonymize.Registry(), key)
	r := exampleReport()
	r.Treatment.Products[0].Supplier = "bought from Jane Doe"
	_, err := a.Report(r)
	var leak *anonymize.LeakError
	if errors.As(err, &leak) {
		fmt.Println(leak.Pointer, leak.Kind)
	}
	fmt.Println(err)
	// Output:
	// /treatment/products/0/supplier NAME
	// anonymize: leak gate: a NAME survived at /treatment/products/0/supplier; the record is refused
}

// The research profile shifts each patient's dates by a keyed offset that
// keeps every interval between dates known to the day, and publishes age
// bands.
func ExampleResearch() {
	key, _ := anonymize.NewKey("study-42", []byte("example-only-secret-0123456789-abcdef"))
	a, _ := anonymize.New(anonymize.Research(anonymize.ResearchOptions{}), key)
	r := exampleReport()
	r.Events[0].Onset = complication.MustParsePartialDate("2026-05-28")
	out, err := a.Report(r)
	if err != nil {
		panic(err)
	}
	lo, _, _ := complication.Interval(out.Treatment.Date, out.Events[0].Onset)
	fmt.Println("age band:", out.Patient.AgeBand)
	fmt.Println("days from treatment to onset:", lo)
	fmt.Println("dates:", out.Deidentification.Dates, "shifted:", out.Treatment.Date != r.Treatment.Date)
	// Output:
	// age band: 25_34
	// days from treatment to onset: 14
	// dates: shifted shifted: true
}
