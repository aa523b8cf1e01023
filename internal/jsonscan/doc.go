// Package jsonscan is a strict JSON (RFC 8259) parser for untrusted
// documents that are later checked against a JSON Schema.
//
// It produces the plain Go values that schema validators expect
// (map[string]any, []any, json.Number, string, bool and nil), like
// encoding/json decoding into an any with UseNumber, but it rejects what
// encoding/json lets through: duplicate member names, invalid UTF-8, lone
// UTF-16 surrogates in escapes, a leading byte order mark, and documents
// that exceed configurable resource limits. Every rejection is an *Error
// that locates the problem by byte offset, line, column and JSON Pointer
// and that never repeats document content, because the documents it was
// written for hold patient data that must not reach logs.
//
// For a document Parse accepts, the result equals what encoding/json
// produces; for valid UTF-8 without lone surrogates or duplicate names and
// within the limits, Parse accepts whatever encoding/json accepts.
//
// Line maps a JSON Pointer back to the line where its value starts, for
// annotating findings about an accepted document, and AppendToken,
// AppendIndex and Tokens build and split RFC 6901 pointers.
//
// Parse, Line and the pointer functions are safe for concurrent use.
package jsonscan
