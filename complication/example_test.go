package complication_test

import (
	"fmt"
	"time"

	"github.com/google/uuid"

	"github.com/openaesthetics/casebook/complication"
)

// A booking system records a complication: hard, lumpy lips six months
// after lip filler. Check runs the domain rules.
func ExampleReport_Check() {
	r := &complication.Report{
		ID:       uuid.MustParse("3f1c2f9e-6a4b-4c1e-9a57-0d5c2b7e8a10"),
		Type:     complication.ReportTypeInitial,
		Reporter: complication.Reporter{Role: complication.ReporterRoleTreatingPractitioner},
		Patient:  complication.Patient{AgeAtTreatment: new(29), Sex: complication.SexFemale},
		Treatment: complication.Treatment{
			Date:      complication.MustParsePartialDate("2026-05-14"),
			Procedure: complication.ProcedureDermalFiller,
			Sites:     []complication.SiteSide{{Site: complication.SiteUpperLip}},
			Products:  []complication.Product{{Name: "Lip filler 1 ml", Class: complication.ProductClassDevice}},
		},
		Events: []complication.Event{{
			ID:      uuid.MustParse("a0e0c6b2-1111-4c1e-9a57-0d5c2b7e8a10"),
			Term:    complication.TermNoduleInflammatory,
			Onset:   complication.MustParsePartialDate("2026-11"),
			Outcome: complication.OutcomeNotRecovered,
		}},
	}
	for _, f := range r.Check(complication.CheckOptions{Today: time.Date(2026, 11, 25, 0, 0, 0, 0, time.UTC)}) {
		fmt.Println(f)
	}
	// Output:
	// /treatment/products/0/lot: device_without_lot: a device needs its lot or batch number for recalls and vigilance (warning)
}

func ExampleParsePartialDate() {
	for _, s := range []string{"2026", "2026-05", "2026-05-14", "2026-05-14T10:30", "2026-02-30"} {
		d, err := complication.ParsePartialDate(s)
		if err != nil {
			fmt.Println(s, "rejected")
			continue
		}
		fmt.Println(d, d.Precision())
	}
	// Output:
	// 2026 year
	// 2026-05 month
	// 2026-05-14 day
	// 2026-05-14T10:30 minute
	// 2026-02-30 rejected
}

// Onset classes are derived from the dates under a named scheme. A month-
// precision onset six months after treatment is "late" under Rohrich and
// "delayed" under Urdiales-Gálvez 2018.
func ExampleClassifyOnset() {
	treated := complication.MustParsePartialDate("2026-05-14")
	onset := complication.MustParsePartialDate("2026-11")
	lo, hi, _ := complication.Interval(treated, onset)
	fmt.Printf("onset %d to %d days after treatment\n", lo, hi)
	for _, s := range []complication.OnsetScheme{complication.OnsetSchemeRohrich, complication.OnsetSchemeUrdialesGalvez2018, complication.OnsetSchemeDelayed14d} {
		class, ok := complication.ClassifyOnset(s, treated, onset)
		fmt.Println(s, class, ok)
	}
	// Output:
	// onset 171 to 200 days after treatment
	// rohrich late true
	// urdiales_galvez_2018 delayed true
	// delayed_14d delayed true
}

func ExampleCodeLists() {
	for _, l := range complication.CodeLists() {
		if l.Name == "severity" {
			for _, e := range l.Entries {
				fmt.Printf("%s: %s\n", e.Code, e.Display)
			}
		}
	}
	// Output:
	// mild: Mild
	// moderate: Moderate
	// severe: Severe
}
