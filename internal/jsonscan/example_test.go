package jsonscan_test

import (
	"errors"
	"fmt"

	"github.com/openaesthetics/casebook/internal/jsonscan"
)

func ExampleParse() {
	data := []byte(`{
  "patient": {"name": "Jane Canary", "age": 41},
  "events": [
    {"term": "ptosis", "onset": "2026-09-02"},
    {"term": "nodule", "term": "bruising"}
  ]
}`)
	_, err := jsonscan.Parse(data, jsonscan.Limits{})
	fmt.Println(err)

	var e *jsonscan.Error
	if errors.As(err, &e) {
		fmt.Println(e.Kind, e.Pointer, e.Line, e.Column)
	}

	v, err := jsonscan.Parse([]byte(`{"age": 41, "dose": 0.50}`), jsonscan.Limits{})
	fmt.Printf("%#v %v\n", v, err)
	// Output:
	// jsonscan: line 5, column 24: duplicate_key at /events/1/term
	// duplicate_key /events/1/term 5 24
	// map[string]interface {}{"age":"41", "dose":"0.50"} <nil>
}

func ExampleLine() {
	data := []byte(`{
  "events": [
    {"term": "ptosis"},
    {"term": "nodule",
     "sites/areas": ["lip"]}
  ]
}`)
	fmt.Println(jsonscan.Line(data, "/events/1"))
	fmt.Println(jsonscan.Line(data, "/events/1/sites~1areas/0"))
	fmt.Println(jsonscan.Line(data, "/events/2"))
	// Output:
	// 4
	// 5
	// 0
}

func ExampleTokens() {
	ptr := jsonscan.AppendToken(jsonscan.AppendIndex("/events", 0), "m~n/o")
	fmt.Println(ptr)
	toks, err := jsonscan.Tokens(ptr)
	fmt.Printf("%q %v\n", toks, err)
	// Output:
	// /events/0/m~0n~1o
	// ["events" "0" "m~n/o"] <nil>
}
