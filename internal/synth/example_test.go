package synth_test

import (
	"fmt"

	"github.com/openaesthetics/casebook/internal/synth"
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
