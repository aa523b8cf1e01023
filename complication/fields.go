package complication

// Privacy is the privacy class the published schema gives a field in its
// x-privacy annotation.
type Privacy string

// Privacy classes.
const (
	// PrivacyDirect marks a direct identifier: a name, date of birth, NHS
	// number, address, phone, email, handle or registration number. Direct
	// identifiers appear only inside the identity block.
	PrivacyDirect Privacy = "direct-identifier"
	// PrivacyQuasi marks a quasi-identifier: harmless alone, identifying in
	// combination (age, sex, dates, postcode district, pseudonyms).
	PrivacyQuasi Privacy = "quasi-identifier"
	// PrivacyFreeText marks free text, which may hold anything.
	PrivacyFreeText Privacy = "free-text"
	// PrivacyNone marks a field with no privacy risk of its own (codes,
	// doses, product names).
	PrivacyNone Privacy = "none"
)

// FieldKind is the kind of value a field holds.
type FieldKind string

// Field kinds.
const (
	KindObject      FieldKind = "object"
	KindArray       FieldKind = "array"
	KindString      FieldKind = "string"
	KindInteger     FieldKind = "integer"
	KindNumber      FieldKind = "number"
	KindBoolean     FieldKind = "boolean"
	KindCode        FieldKind = "code"         // a code of CodeList
	KindPartialDate FieldKind = "partial-date" // a PartialDate
	KindTimestamp   FieldKind = "timestamp"    // an RFC 3339 date-time
	KindUUID        FieldKind = "uuid"
	KindMissing     FieldKind = "missing" // a Missing map
)

// Field describes one field of a published record shape.
type Field struct {
	// Pointer is the field's JSON Pointer with "*" for array indices, such
	// as "/events/*/onset".
	Pointer     string
	Kind        FieldKind
	Privacy     Privacy
	CodeList    string // for KindCode, the list's name, e.g. "term"
	Identified  bool   // the identified shape has the field
	Submission  bool   // the de-identified submission shape has the field
	Required    bool   // the submission shape requires it (when its parent is present)
	Description string
}
