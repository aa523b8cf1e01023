package export

import (
	"errors"
	"strconv"
	"strings"
)

// Sentinel errors. Writers wrap the first group (but ErrClosed) in a [*RecordError]; CSV
// readers wrap the second in a [*ParseError]; the envelope reader wraps the
// third in an [*EnvelopeError]. Match them with [errors.Is]. None of them,
// and no error of this package, ever contains a value from a record.
var (
	// ErrIdentified: a writer for the registry or research shapes was given
	// a record that still carries an identity block (pointer "/identity").
	ErrIdentified = errors.New("record carries an identity block; de-identify it first")
	// ErrNotDeidentified: a writer for the registry or research shapes was
	// given a record with no deidentification block (pointer
	// "/deidentification").
	ErrNotDeidentified = errors.New("record has no deidentification block; de-identify it first")
	// ErrPolicyMismatch: a record's deidentification block names another
	// policy or key than the envelope header.
	ErrPolicyMismatch = errors.New("record was de-identified under another policy or key than the envelope declares")
	// ErrNotFinite: a number is NaN or infinite, which neither JSON nor the
	// schema can hold.
	ErrNotFinite = errors.New("number is NaN or infinite")
	// ErrNoID: a record or event lacks the id that links its rows across
	// tables (or in a FHIR bundle).
	ErrNoID = errors.New("id is missing; rows cannot be linked without it")
	// ErrDuplicateID: two events of one record, or two consecutive records
	// of one kind, share an id, so their rows could not be told apart.
	ErrDuplicateID = errors.New("id is not unique")
	// ErrRecordKind: a writer was given a kind of record its output does
	// not carry: a complaint to a writer of reports only (flat CSV, FHIR,
	// SDTM), or a record of the other kind to an envelope (an envelope
	// holds one kind).
	ErrRecordKind = errors.New("this output does not carry this kind of record")
	// ErrClosed: Write or Close was called on a writer already closed.
	ErrClosed = errors.New("export: writer is closed")

	// ErrValue: a cell does not have its column's form (a number, a
	// partial date, a UUID …). The wrapping error says which form.
	ErrValue = errors.New("value does not have the column's form")
	// ErrUnknownCode: a cell of a code column holds something that is not a
	// code of the column's list.
	ErrUnknownCode = errors.New("not a code of the column's list")
	// ErrInvalidUTF8: a cell holds bytes that are not UTF-8 (after decoding
	// the input's charset).
	ErrInvalidUTF8 = errors.New("invalid UTF-8")
	// ErrColumns: the header row names an unknown column, repeats one, or
	// lacks one the layout needs.
	ErrColumns = errors.New("header does not match the layout")
	// ErrInconsistent: the rows of one record in a flat file disagree on a
	// record-level column.
	ErrInconsistent = errors.New("rows of one record disagree on a record-level column")
	// ErrLink: a row does not link to its record or event: an unknown
	// report_id, complaint_id or event_id, rows out of order, or an index
	// that is not the next one.
	ErrLink = errors.New("row does not link to its record")

	// ErrSyntax: the envelope is not well-formed JSON where the reader
	// needs its structure (outside the records, or between them).
	ErrSyntax = errors.New("envelope is not well-formed")
	// ErrHeader: an envelope header member is missing, malformed, unknown,
	// out of order, or names another shape than the reader expects.
	ErrHeader = errors.New("envelope header is invalid")
	// ErrCounts: the envelope's counts disagree with the records read.
	ErrCounts = errors.New("envelope counts disagree with the records read")
)

// RecordError reports a record that a writer refused. Nothing of the record
// was written and the writer stays usable: refusals are not sticky, unlike
// I/O errors. Use [errors.As] to reach the position, and [errors.Is] with
// the sentinels to learn why:
//
//	var rerr *export.RecordError
//	if errors.As(err, &rerr) && errors.Is(err, export.ErrIdentified) {
//		log.Printf("record %d refused at %s", rerr.Index, rerr.Pointer)
//	}
//
// Keep keyed fields when building one; fields may be added.
type RecordError struct {
	Index   int    // 0-based position of the record among the writer's Write and WriteComplaint calls, refused ones included
	Pointer string // RFC 6901 JSON Pointer to the offending member, such as "/identity"; "" is the whole record
	Err     error  // why: a sentinel such as ErrIdentified, or a *complication.ValidationError
}

// Error names the record's index, the pointer and the reason; it is for
// people and may change.
func (e *RecordError) Error() string {
	ptr := e.Pointer
	if ptr == "" {
		ptr = "/"
	}
	return "export: record " + strconv.Itoa(e.Index) + " refused at " + ptr + ": " + e.Err.Error()
}

// Unwrap returns the reason.
func (e *RecordError) Unwrap() error { return e.Err }

// ParseError reports a problem in CSV input. Line and Column are 1-based:
// Line is the line of the file where the offending field starts (for a
// CSV syntax error, where encoding/csv found it), counting lines as
// encoding/csv does, after any charset decoding; Column is
// the position of the field in its row, that is the CSV column, not a byte
// offset. Column is 0 when the problem concerns a whole row or the file;
// for a CSV syntax error the wrapped *csv.ParseError, reachable with
// [errors.As], also has the byte column. Field is the column's header name
// ("" when Column is 0, except for a header problem such as a missing
// column, which Field names; and "" when the header cell itself is empty,
// not UTF-8, or names no column of any layout: such a name is withheld,
// since whoever made the file chose it and it may hold patient data).
//
//	var perr *export.ParseError
//	if errors.As(err, &perr) {
//		fmt.Printf("%s line %d column %d (%s)\n", perr.File, perr.Line, perr.Column, perr.Field)
//	}
//
// Its text never contains the cell's value.
type ParseError struct {
	File   string // table file name, such as "events.csv"; "" for a single-file input
	Line   int    // 1-based line
	Column int    // 1-based CSV column; 0 for the whole row
	Field  string // header name of the column
	Err    error  // what is wrong: ErrValue, ErrUnknownCode, ErrLink … or a *csv.ParseError
}

// Error names the file, line, column, field and reason, never the cell's
// value; it is for people and may change.
func (e *ParseError) Error() string {
	var b strings.Builder
	b.WriteString("export: ")
	if e.File != "" {
		b.WriteString(e.File)
		b.WriteString(": ")
	}
	b.WriteString("line ")
	b.WriteString(strconv.Itoa(e.Line))
	if e.Column > 0 {
		b.WriteString(", column ")
		b.WriteString(strconv.Itoa(e.Column))
	}
	if e.Field != "" {
		b.WriteString(" (")
		b.WriteString(e.Field)
		b.WriteString(")")
	}
	b.WriteString(": ")
	b.WriteString(e.Err.Error())
	return b.String()
}

// Unwrap returns the underlying error.
func (e *ParseError) Unwrap() error { return e.Err }

// EnvelopeError reports a problem with a registry JSON envelope as a whole,
// as opposed to one record in it (those are findings of a [Result]). Offset
// is the 0-based byte offset in the input, Line and Column the 1-based line
// and byte column, all after a leading byte order mark. Records is how many
// records the reader had read before the problem; they were returned.
//
//	var eerr *export.EnvelopeError
//	if errors.As(err, &eerr) {
//		fmt.Printf("envelope broken at line %d after %d records\n", eerr.Line, eerr.Records)
//	}
type EnvelopeError struct {
	Offset  int64  // 0-based byte offset
	Line    int    // 1-based line
	Column  int    // 1-based byte column
	Member  string // the top-level member concerned, such as "policy"; "" if none or unknown
	Records int    // records read before the problem
	Err     error  // ErrSyntax, ErrHeader, ErrCounts, or io.ErrUnexpectedEOF for a truncated file
}

// Error names the position, the member and how many records were read;
// it is for people and may change.
func (e *EnvelopeError) Error() string {
	s := "export: envelope line " + strconv.Itoa(e.Line) + ", column " + strconv.Itoa(e.Column) +
		" (byte " + strconv.FormatInt(e.Offset, 10) + ")"
	if e.Member != "" {
		s += ", member " + strconv.Quote(e.Member)
	}
	return s + ", after " + strconv.Itoa(e.Records) + " records: " + e.Err.Error()
}

// Unwrap returns the underlying error.
func (e *EnvelopeError) Unwrap() error { return e.Err }
