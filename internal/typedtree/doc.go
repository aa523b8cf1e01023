// Package typedtree converts casebook's record types to and from the
// plain JSON trees that internal/jsonscan produces: map[string]any,
// []any, string, json.Number, bool and nil.
//
// Both directions follow encoding/json for every type the record types
// use (struct fields by their json names, omitempty and omitzero,
// pointers, slices, string-keyed maps, json.Marshaler and
// encoding.TextMarshaler, encoding.TextUnmarshaler), so that
//
//	Encode(v)  equals  jsonscan.Parse(json.Marshal(v))
//	Decode(t)  equals  json.Unmarshal(json.Marshal(t))
//
// without the bytes in between. The tests hold both to those equations.
// One deliberate difference: Decode parses a time.Time from the decoded
// string, where time.Time.UnmarshalJSON reads the raw JSON text and so
// refuses a date-time written with escapes such as \u002B.
//
// The validator fills typed records from the tree it has already parsed,
// and the anonymiser, which applies its policy to a tree, converts each
// record in and out.
package typedtree
