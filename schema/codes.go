package schema

import "github.com/openaesthetics/casebook/complication"

// Codes of the structural findings: what a JSON document can get wrong
// before any domain rule applies. The domain rules' codes are the Code
// constants of package complication. Codes are API: they are never renamed,
// only added.
const (
	CodeSyntax          complication.Code = "syntax"          // not well-formed JSON
	CodeInvalidUTF8     complication.Code = "invalid_utf8"    // bytes that are not UTF-8
	CodeDuplicateKey    complication.Code = "duplicate_key"   // an object names a member twice
	CodeTooLarge        complication.Code = "too_large"       // over a size limit
	CodeTooDeep         complication.Code = "too_deep"        // nested deeper than the limit
	CodeRequired        complication.Code = "required"        // a required field is absent
	CodeUnknownField    complication.Code = "unknown_field"   // a field the schema does not define
	CodeInvalidKey      complication.Code = "invalid_key"     // a map key that names no field (in "missing")
	CodeType            complication.Code = "type"            // wrong JSON type
	CodeEnum            complication.Code = "enum"            // not a code of its list
	CodeFormat          complication.Code = "format"          // not a valid date, UUID, email …
	CodePattern         complication.Code = "pattern"         // does not have the required form
	CodeTooShort        complication.Code = "too_short"       // a string below its minimum length
	CodeTooLong         complication.Code = "too_long"        // a string over its maximum length
	CodeOutOfRange      complication.Code = "out_of_range"    // a number outside its bounds
	CodeTooFewItems     complication.Code = "too_few_items"   // an array below its minimum size
	CodeTooManyItems    complication.Code = "too_many_items"  // an array over its maximum size
	CodeDuplicateItems  complication.Code = "duplicate_items" // an array repeats an item
	CodeInvalid         complication.Code = "invalid"         // any other schema keyword
	CodeTooManyFindings complication.Code = "too_many_findings"
)
