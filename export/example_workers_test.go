package export_test

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/openaesthetics/casebook/export"
	"github.com/openaesthetics/casebook/schema"
)

// With Workers, the reader validates records on several goroutines and
// still returns them in input order. A caller that stops before io.EOF
// calls Close to stop the goroutines.
func ExampleReadOptions_workers() {
	good, _ := json.Marshal(deidentified())
	bad := strings.Replace(string(good), `"severe"`, `"catastrophic"`, 1)
	var input strings.Builder
	for i := range 100 {
		if i%25 == 3 {
			input.WriteString(bad + "\n")
		} else {
			input.Write(good)
			input.WriteString("\n")
		}
	}
	v, err := schema.New(schema.Options{Now: fixedClock})
	if err != nil {
		panic(err)
	}
	nr := export.NewNDJSONReader(strings.NewReader(input.String()), export.ReadOptions{Validator: v, Workers: 4})
	defer nr.Close()
	for {
		res, err := nr.Next()
		if err == io.EOF {
			break // Next has released the goroutines
		}
		if err != nil {
			panic(err)
		}
		if res.Rejected() {
			fmt.Printf("line %d rejected: %s\n", res.Line, res.Findings[0].Code)
		}
	}
	fmt.Printf("%+v\n", nr.Tally())
	// Output:
	// line 4 rejected: enum
	// line 29 rejected: enum
	// line 54 rejected: enum
	// line 79 rejected: enum
	// {Read:100 Accepted:96 Rejected:4}
}
