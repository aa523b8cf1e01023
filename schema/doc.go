// Package schema holds casebook's published JSON Schemas and the
// [Validator] that applies them.
//
// The schemas are JSON Schema draft 2020-12 documents embedded in the
// package, each with an $id under [BaseURL]: report.schema.json (a
// complication report as the clinic holds it, identity block included),
// report-submission.schema.json (the de-identified shape a registry
// accepts, which has no property for any direct identifier), the same pair
// for complaints (complaint.schema.json and
// complaint-submission.schema.json), and the shared defs, codes and
// identity documents they refer to. [Names] and
// [Document] return them; cite a [Shape]'s [Shape.ID] to say which
// contract a file follows. Every property carries a description and an
// x-privacy class (direct-identifier, quasi-identifier, free-text or none)
// that anonymisation, the leak gate and the codebook read.
//
// A [Validator] checks a document in three steps and reports every problem
// as a [complication.Finding] with an RFC 6901 JSON Pointer, the line in
// the input, a stable code and a level:
//
//  1. strict JSON: valid UTF-8, no duplicate member names, no trailing
//     data, within size and nesting limits (codes such as [CodeSyntax],
//     [CodeDuplicateKey], [CodeInvalidUTF8]);
//  2. the published schema, formats asserted ([CodeRequired],
//     [CodeUnknownField], [CodeEnum], [CodeFormat] …);
//  3. once the document is structurally valid, the domain rules of
//     [complication.Report.Check] (dates in order, fatal outcome and
//     seriousness, under-18 treatment …) or [complication.Complaint.Check]
//     (status changes, computed deadlines, practitioner conduct …).
//
// Findings never contain a value from the document: messages are built
// from the schema's own keywords, never from the underlying validator's
// text, so they can be logged and shown without leaking patient data.
// Findings are sorted, so the same document always gives the same list.
//
// # Speed
//
// Most documents a registry receives are valid, so the Validator first
// tries a fast path compiled from the same embedded schemas: one pass over
// the bytes that reads strict JSON, checks each value against the keywords
// of its subschema and fills the typed record, with no intermediate tree.
// It answers only "valid" or "not sure". Anything it is not sure of (an
// unknown member, a number near a bound, a limit reached, any violation) goes through the full path above, where
// jsonschema decides and the findings are written. Both paths therefore
// give identical findings and records; differential tests and a fuzz
// target hold them to that, and the fast path refuses to compile if a
// schema uses a keyword it does not implement. Validating a valid report
// costs less than decoding it with encoding/json (BENCHMARKS.md).
//
// The schemas are compiled once per process; a Validator is safe for
// concurrent use. The validator loads nothing but the embedded documents:
// a $ref to any other location fails to compile.
//
// Two custom formats are asserted: partial-date (a real calendar date at
// year, month, day or minute precision) and nhs-number (the NHS
// modulus-11 check). Other JSON Schema implementations that do not know
// them still apply the patterns stated beside them.
package schema
