package pipeline_test

import (
	"context"
	"fmt"
	"strings"

	"github.com/openaesthetics/casebook/pipeline"
)

// ExampleMap upper-cases lines on two workers; the results come back in
// the order of the input.
func ExampleMap() {
	lines := func(yield func(string, error) bool) {
		for _, l := range []string{"lip filler", "toxin", "threads", "peel"} {
			if !yield(l, nil) {
				return
			}
		}
	}
	for s, err := range pipeline.Map(context.Background(), lines, strings.ToUpper, pipeline.Options{Workers: 2}) {
		if err != nil {
			fmt.Println("error:", err)
			return
		}
		fmt.Println(s)
	}
	// Output:
	// LIP FILLER
	// TOXIN
	// THREADS
	// PEEL
}
