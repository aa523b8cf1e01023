package export

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"time"

	"github.com/openaesthetics/casebook/complication"
	"github.com/openaesthetics/casebook/schema"
)

// JSONOptions configure the NDJSON writers. The zero value applies only
// the fail-closed checks.
type JSONOptions struct {
	// Validator, when set, validates each record against the writer's
	// shape (schema and domain rules) before writing it; a rejected record
	// is refused with a *RecordError wrapping the
	// *complication.ValidationError.
	Validator *schema.Validator
}

// jsonEnc encodes one value into a reused buffer: compact, no HTML
// escaping, deterministic (struct fields in order, map keys sorted).
type jsonEnc struct {
	buf bytes.Buffer
	enc *json.Encoder
}

func newJSONEnc() *jsonEnc {
	e := &jsonEnc{}
	e.enc = json.NewEncoder(&e.buf)
	e.enc.SetEscapeHTML(false)
	return e
}

// encode returns the value's JSON without a trailing newline; the bytes
// are valid until the next call.
func (e *jsonEnc) encode(v any) ([]byte, error) {
	e.buf.Reset()
	if err := e.enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(e.buf.Bytes(), []byte("\n")), nil
}

// NDJSONWriter writes one record per line (JSON Lines): compact JSON, LF
// line ends, no byte order mark. [NewNDJSONWriter] makes one for the
// registry's submission shape, which fails closed; [NewIdentifiedBackupWriter]
// makes one for the clinic's own identified records.
//
// An NDJSONWriter is not safe for concurrent use.
type NDJSONWriter struct {
	bw     *bufio.Writer
	gate   gate
	enc    *jsonEnc
	writes int
	err    error
}

// NewNDJSONWriter returns a writer of de-identified records in the
// report-submission shape. It refuses, with a *RecordError naming the
// pointer /identity or /deidentification, any record that still carries an
// identity block or lacks a deidentification block.
func NewNDJSONWriter(w io.Writer, opts JSONOptions) *NDJSONWriter {
	return &NDJSONWriter{bw: bufio.NewWriterSize(w, 64<<10), enc: newJSONEnc(),
		gate: gate{deidentified: true, validator: opts.Validator, shape: schema.ReportSubmission}}
}

// NewIdentifiedBackupWriter returns a writer of records in the identified
// report shape, identity blocks included, for a clinic's own backup or
// transfer between its systems. Its output holds direct identifiers: it is
// never a registry submission or a research export.
func NewIdentifiedBackupWriter(w io.Writer, opts JSONOptions) *NDJSONWriter {
	return &NDJSONWriter{bw: bufio.NewWriterSize(w, 64<<10), enc: newJSONEnc(),
		gate: gate{validator: opts.Validator, shape: schema.Report}}
}

// Write writes one record as one line. A refused record (*RecordError) is
// not written and the writer stays usable; I/O errors are sticky. Output
// is buffered; call Flush at the end.
func (w *NDJSONWriter) Write(r *complication.Report) error {
	idx := w.writes
	w.writes++
	if w.err != nil {
		return w.err
	}
	if err := w.gate.check(idx, r); err != nil {
		return err
	}
	b, err := w.enc.encode(r)
	if err != nil {
		return &RecordError{Index: idx, Err: err}
	}
	if _, err := w.bw.Write(b); err != nil {
		w.err = err
		return err
	}
	if err := w.bw.WriteByte('\n'); err != nil {
		w.err = err
	}
	return w.err
}

// Flush writes buffered data to the underlying writer.
func (w *NDJSONWriter) Flush() error {
	if w.err != nil {
		return w.err
	}
	w.err = w.bw.Flush()
	return w.err
}

// Header is the registry envelope's header: which contract the records
// follow, when and by whom the file was made, and under which
// de-identification policy and key.
type Header struct {
	// Schema is the $id of the records' shape. The writer sets it to the
	// report-submission shape's $id; the reader fills it from the file.
	Schema string `json:"schema"`
	// GeneratedAt is when the file was made. The writer uses
	// EnvelopeOptions.Now when it is zero and writes it in RFC 3339 to
	// the second.
	GeneratedAt time.Time `json:"generated_at"`
	// Submitter is the submitting clinic's pseudonymous id.
	Submitter string `json:"submitter"`
	// Policy is the de-identification policy every record was made under.
	Policy Policy `json:"policy"`
	// KeyID identifies the pseudonym key (never the key).
	KeyID string `json:"key_id"`
}

// Policy identifies a de-identification policy.
type Policy struct {
	ID      string `json:"id"`
	Version string `json:"version"`
	Hash    string `json:"hash"` // SHA-256 of the canonical policy, hex
}

// Counts are the envelope's trailer: what it holds, written after the
// records because a streaming writer knows them only at the end.
type Counts struct {
	Records  int `json:"records"`
	Events   int `json:"events"`
	Products int `json:"products"`
}

// EnvelopeOptions configure an [EnvelopeWriter].
type EnvelopeOptions struct {
	// Header is written first. Submitter, Policy (all three members) and
	// KeyID must be set; Schema is set by the writer.
	Header Header
	// Now gives the time for a zero Header.GeneratedAt; nil means
	// time.Now. Set it for reproducible files.
	Now func() time.Time
	// Validator, as in JSONOptions, against the report-submission shape.
	Validator *schema.Validator
}

// EnvelopeWriter writes the registry's JSON envelope without holding the
// records in memory. The members come in this order, and readers rely on
// it:
//
//	{"schema": …, "generated_at": …, "submitter": …, "policy": {"id", "version", "hash"},
//	 "key_id": …, "records": [ …one record per line… ], "counts": {"records", "events", "products"}}
//
// The header members come first, then the records, one compact record per
// line, then the counts, which are known only at the end. The file ends
// with a newline.
//
// Besides the fail-closed checks it refuses (with ErrPolicyMismatch at
// /deidentification) a record whose deidentification block names another
// policy id, version, hash or key id than the header.
//
// An EnvelopeWriter is not safe for concurrent use.
type EnvelopeWriter struct {
	bw      *bufio.Writer
	opts    EnvelopeOptions
	gate    gate
	enc     *jsonEnc
	started bool
	closed  bool
	writes  int
	counts  Counts
	err     error
}

// NewEnvelopeWriter returns an envelope writer to w. The header is checked
// and written by the first Write (or by Close for an empty envelope).
func NewEnvelopeWriter(w io.Writer, opts EnvelopeOptions) *EnvelopeWriter {
	if opts.Now == nil {
		opts.Now = time.Now
	}
	opts.Header.Schema = schema.ReportSubmission.ID()
	return &EnvelopeWriter{bw: bufio.NewWriterSize(w, 64<<10), opts: opts, enc: newJSONEnc(),
		gate: gate{deidentified: true, validator: opts.Validator, shape: schema.ReportSubmission}}
}

func (w *EnvelopeWriter) start() error {
	if w.started || w.err != nil {
		return w.err
	}
	w.started = true
	h := w.opts.Header
	for _, m := range []struct{ name, v string }{
		{"submitter", h.Submitter}, {"policy", h.Policy.ID}, {"policy", h.Policy.Version}, {"policy", h.Policy.Hash}, {"key_id", h.KeyID},
	} {
		if m.v == "" {
			w.err = fmt.Errorf("export: envelope header member %q is empty: %w", m.name, ErrHeader)
			return w.err
		}
	}
	if h.GeneratedAt.IsZero() {
		h.GeneratedAt = w.opts.Now()
	}
	var b []byte
	b = append(b, `{"schema":`...)
	b = appendJSONString(b, h.Schema)
	b = append(b, `,"generated_at":"`...)
	b = h.GeneratedAt.AppendFormat(b, time.RFC3339)
	b = append(b, `","submitter":`...)
	b = appendJSONString(b, h.Submitter)
	b = append(b, `,"policy":{"id":`...)
	b = appendJSONString(b, h.Policy.ID)
	b = append(b, `,"version":`...)
	b = appendJSONString(b, h.Policy.Version)
	b = append(b, `,"hash":`...)
	b = appendJSONString(b, h.Policy.Hash)
	b = append(b, `},"key_id":`...)
	b = appendJSONString(b, h.KeyID)
	b = append(b, `,"records":[`...)
	if _, err := w.bw.Write(b); err != nil {
		w.err = err
	}
	return w.err
}

func appendJSONString(b []byte, s string) []byte {
	q, _ := json.Marshal(s)
	return append(b, q...)
}

// Write appends one record to the envelope. A refused record
// (*RecordError) is not written and the writer stays usable; header and
// I/O errors are sticky.
func (w *EnvelopeWriter) Write(r *complication.Report) error {
	idx := w.writes
	w.writes++
	if w.closed {
		return ErrClosed
	}
	if err := w.start(); err != nil {
		return err
	}
	if err := w.gate.check(idx, r); err != nil {
		return err
	}
	h, d := w.opts.Header, r.Deidentification
	if d.PolicyID != h.Policy.ID || d.PolicyVersion != h.Policy.Version || d.PolicyHash != h.Policy.Hash || d.KeyID != h.KeyID {
		return &RecordError{Index: idx, Pointer: "/deidentification", Err: ErrPolicyMismatch}
	}
	b, err := w.enc.encode(r)
	if err != nil {
		return &RecordError{Index: idx, Err: err}
	}
	sep := ",\n"
	if w.counts.Records == 0 {
		sep = "\n"
	}
	if _, err := w.bw.WriteString(sep); err != nil {
		w.err = err
		return err
	}
	if _, err := w.bw.Write(b); err != nil {
		w.err = err
		return err
	}
	w.counts.Records++
	w.counts.Events += len(r.Events)
	w.counts.Products += len(r.Treatment.Products)
	return nil
}

// Flush writes buffered data to the underlying writer. The envelope is
// complete only after Close.
func (w *EnvelopeWriter) Flush() error {
	if w.err != nil {
		return w.err
	}
	w.err = w.bw.Flush()
	return w.err
}

// Close writes the counts and the end of the envelope and flushes. It
// does not close the underlying writer.
func (w *EnvelopeWriter) Close() error {
	if w.closed {
		return ErrClosed
	}
	if err := w.start(); err != nil {
		return err
	}
	w.closed = true
	b, err := json.Marshal(w.counts)
	if err != nil {
		return err
	}
	if _, err := w.bw.WriteString("\n],\"counts\":"); err != nil {
		w.err = err
		return err
	}
	_, _ = w.bw.Write(b)
	_, _ = w.bw.WriteString("}\n")
	return w.Flush()
}

// Counts returns what the writer has written so far.
func (w *EnvelopeWriter) Counts() Counts { return w.counts }
