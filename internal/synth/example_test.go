package synth_test

import (
	"fmt"
	"slices"
	"time"

	"github.com/google/uuid"

	"github.com/openaesthetics/casebook/internal/synth"
	"github.com/openaesthetics/casebook/schema"
)

// Example prints the procedure and the main complication of the first
// records of seed 1. The same seed gives the same records on every run.
func Example() {
	g := synth.New(synth.Options{Seed: 1})
	for range 3 {
		rec := g.Next()
		r := rec.Report
		fmt.Println(rec.Index, r.Treatment.Procedure, r.Events[0].Term)
	}
	// Output:
	// 0 dermal_filler biofilm
	// 1 lipolysis pain_tenderness
	// 2 botulinum_toxin headache
}

// Example_faults shows a stream with faulty records and what a validator
// must report for them.
func Example_faults() {
	g := synth.New(synth.Options{Seed: 1, InvalidRate: 1})
	for range 3 {
		rec := g.Next()
		fmt.Println(rec.Fault, rec.Fault.Level(), rec.Expect, rec.Report == nil)
	}
	// Output:
	// syntax error [syntax] true
	// missing_and_present error [missing_and_present] false
	// fatal_not_serious error [fatal_not_serious] false
}

// Example_complaint makes a report and then a complaint about the same
// episode: the complaint names the report in complication_ids and its
// categories fit the complication. Validated as of the generator's Today,
// it passes with warnings that record how it was handled: acknowledged
// later than the nation's deadline, and the practitioner blocked or
// ignored the patient.
func Example_complaint() {
	g := synth.New(synth.Options{Seed: 1})
	rep := g.Next()
	rec := g.NextComplaint()
	x := rec.Complaint
	fmt.Println(rec.Index, rec.Kind, slices.Equal(x.ComplicationIDs, []uuid.UUID{rep.Report.ID}))
	fmt.Println(rep.Report.Events[0].Term, x.Categories)
	fmt.Println(x.Channel, x.Status())

	v, err := schema.New(schema.Options{Now: func() time.Time { return time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC) }})
	if err != nil {
		panic(err)
	}
	for _, f := range v.Validate(schema.Complaint, rec.JSON) {
		fmt.Println(f.Level, f.Code)
	}
	// Output:
	// 1 complaint true
	// biofilm [complication aftercare communication cost_refund]
	// in_person closed
	// warning acknowledgement_overdue
	// warning complainant_blocked_or_ignored
}
