package pii_test

import (
	"fmt"
	"time"

	"github.com/openaesthetics/casebook/internal/pii"
)

func Example() {
	// What the record already knows about the patient.
	m := pii.NewMatcher(pii.Known{
		Names:        []pii.Name{{Given: []string{"Zoë"}, Family: []string{"O'Neill"}}},
		DatesOfBirth: []time.Time{time.Date(1990, 5, 14, 0, 0, 0, 0, time.UTC)},
		NHSNumbers:   []string{"999 000 0018"},
		Phones:       []string{"07700 900123"},
	})

	note := "ZOE O’NEILL (DOB 14th May '90, NHS 999\u00a0000\u200b0018) rang +44 (0)7700 900 123. " +
		"Her husband Dave says 0.5 ml of Juvederm Volbella, lot 12345, was used at 10:30. " +
		"Reviewed by Dr. A. Patel (GMC 1234567) on 03/05/2024."

	out := pii.Redact(note, pii.Scan(note, m), pii.Placeholders, nil)
	fmt.Println(out)
	fmt.Println("leaks:", len(pii.Leaks(out, m)))
	// Output:
	// [NAME] (DOB [DATE], NHS [NHS_NUMBER]) rang [PHONE]. Her husband [NAME] says 0.5 ml of Juvederm Volbella, lot 12345, was used at 10:30. Reviewed by Dr. [NAME] (GMC [REGISTRATION]) on [DATE].
	// leaks: 0
}
