package export

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"time"

	"github.com/openaesthetics/casebook/complication"
	"github.com/openaesthetics/casebook/schema"
)

// JSONOptions configure the NDJSON writers. The zero value applies only
// the fail-closed checks.
type JSONOptions struct {
	// Validator, when set, validates each record against the shape of its
	// kind on the writer's side (report-submission or complaint-submission;
	// report or complaint for the identified backup), schema and domain
	// rules, before writing it; a rejected record is refused with a
	// *RecordError wrapping the *complication.ValidationError.
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
// registry's submission shapes, which fails closed; [NewIdentifiedBackupWriter]
// makes one for the clinic's own identified records. Reports (Write) and
// complaints (WriteComplaint) may be mixed in one stream; each line is one
// record of either kind, and a reader tells them apart with
// ReadOptions.DetectKind.
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
// submission shapes (report-submission, complaint-submission). It refuses,
// with a *RecordError naming the pointer /identity or /deidentification,
// any record that still carries an identity block or lacks a
// deidentification block.
func NewNDJSONWriter(w io.Writer, opts JSONOptions) *NDJSONWriter {
	return &NDJSONWriter{bw: bufio.NewWriterSize(w, 64<<10), enc: newJSONEnc(),
		gate: gate{deidentified: true, validator: opts.Validator}}
}

// NewIdentifiedBackupWriter returns a writer of records in the identified
// shapes (report, complaint), identity blocks included, for a clinic's own
// backup or transfer between its systems. Its output holds direct
// identifiers: it is never a registry submission or a research export.
// With a Validator it validates reports against schema.Report and
// complaints against schema.Complaint.
func NewIdentifiedBackupWriter(w io.Writer, opts JSONOptions) *NDJSONWriter {
	return &NDJSONWriter{bw: bufio.NewWriterSize(w, 64<<10), enc: newJSONEnc(),
		gate: gate{validator: opts.Validator}}
}

// Write writes one report as one line. A refused record (*RecordError) is
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
	return w.line(idx, r)
}

// WriteComplaint writes one complaint as one line, with the same checks
// as Write: the fail-closed checks (for [NewNDJSONWriter]) and the
// Validator against the complaint shape. Write and WriteComplaint share
// the record index of a *RecordError.
func (w *NDJSONWriter) WriteComplaint(c *complication.Complaint) error {
	idx := w.writes
	w.writes++
	if w.err != nil {
		return w.err
	}
	if err := w.gate.checkComplaint(idx, c); err != nil {
		return err
	}
	return w.line(idx, c)
}

func (w *NDJSONWriter) line(idx int, rec any) error {
	b, err := w.enc.encode(rec)
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
	// Schema is the $id of the records' shape, which says the kind of
	// record the envelope holds: the report-submission or the
	// complaint-submission schema. The writer sets it from
	// EnvelopeOptions.Shape; the reader fills it from the file.
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
// records because a streaming writer knows them only at the end. An
// envelope of reports has the members records, events and products; one
// of complaints has records and escalations. The members of the other
// kind are zero and absent from the file.
type Counts struct {
	Records     int `json:"records"`
	Events      int `json:"events"`      // reports: events of all records
	Products    int `json:"products"`    // reports: products of all records
	Escalations int `json:"escalations"` // complaints: escalations of all records
}

// appendJSON appends the counts as the envelope writes them for shape.
func (c Counts) appendJSON(b []byte, shape schema.Shape) []byte {
	b = append(b, `{"records":`...)
	b = strconv.AppendInt(b, int64(c.Records), 10)
	if shape == schema.ComplaintSubmission {
		b = append(b, `,"escalations":`...)
		b = strconv.AppendInt(b, int64(c.Escalations), 10)
	} else {
		b = append(b, `,"events":`...)
		b = strconv.AppendInt(b, int64(c.Events), 10)
		b = append(b, `,"products":`...)
		b = strconv.AppendInt(b, int64(c.Products), 10)
	}
	return append(b, '}')
}

// EnvelopeOptions configure an [EnvelopeWriter].
type EnvelopeOptions struct {
	// Header is written first. Submitter, Policy (all three members) and
	// KeyID must be set; Schema is set by the writer.
	Header Header
	// Shape is the kind of record the envelope holds: schema.ReportSubmission
	// (the zero value) or schema.ComplaintSubmission. Any other shape is a
	// header error (ErrHeader). The header's schema member is its $id.
	Shape schema.Shape
	// Now gives the time for a zero Header.GeneratedAt; nil means
	// time.Now. Set it for reproducible files.
	Now func() time.Time
	// Validator, as in JSONOptions, against Shape.
	Validator *schema.Validator
}

// EnvelopeWriter writes the registry's JSON envelope without holding the
// records in memory. The members come in this order, and readers rely on
// it:
//
//	{"schema": …, "generated_at": …, "submitter": …, "policy": {"id", "version", "hash"},
//	 "key_id": …, "records": [ …one record per line… ], "counts": {"records", …}}
//
// The header members come first, then the records, one compact record per
// line, then the counts, which are known only at the end: {"records",
// "events", "products"} for reports, {"records", "escalations"} for
// complaints. The file ends with a newline.
//
// An envelope holds one kind of record, set by EnvelopeOptions.Shape:
// reports (Write) or complaints (WriteComplaint). A record of the other
// kind is refused with a *RecordError wrapping ErrRecordKind (after the
// fail-closed checks, so an identified record is refused as identified).
// Besides the fail-closed checks the writer refuses (with
// ErrPolicyMismatch at /deidentification) a record whose
// deidentification block names another policy id, version, hash or key id
// than the header.
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
	if opts.Shape == "" {
		opts.Shape = schema.ReportSubmission
	}
	opts.Header.Schema = opts.Shape.ID()
	return &EnvelopeWriter{bw: bufio.NewWriterSize(w, 64<<10), opts: opts, enc: newJSONEnc(),
		gate: gate{deidentified: true, validator: opts.Validator}}
}

func (w *EnvelopeWriter) start() error {
	if w.started || w.err != nil {
		return w.err
	}
	w.started = true
	if s := w.opts.Shape; s != schema.ReportSubmission && s != schema.ComplaintSubmission {
		w.err = fmt.Errorf("export: envelope shape must be %s or %s: %w", schema.ReportSubmission, schema.ComplaintSubmission, ErrHeader)
		return w.err
	}
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

// Write appends one report to an envelope of reports. A refused record
// (*RecordError) is not written and the writer stays usable; header and
// I/O errors are sticky.
func (w *EnvelopeWriter) Write(r *complication.Report) error {
	idx := w.writes
	w.writes++
	if err := w.ready(); err != nil {
		return err
	}
	if w.opts.Shape != schema.ReportSubmission {
		return w.gate.refuseReport(idx, r)
	}
	if err := w.gate.check(idx, r); err != nil {
		return err
	}
	if err := w.record(idx, r.Deidentification, r); err != nil {
		return err
	}
	w.counts.Events += len(r.Events)
	w.counts.Products += len(r.Treatment.Products)
	return nil
}

// WriteComplaint appends one complaint to an envelope of complaints, as
// Write does a report.
func (w *EnvelopeWriter) WriteComplaint(c *complication.Complaint) error {
	idx := w.writes
	w.writes++
	if err := w.ready(); err != nil {
		return err
	}
	if w.opts.Shape != schema.ComplaintSubmission {
		return w.gate.refuseComplaint(idx, c)
	}
	if err := w.gate.checkComplaint(idx, c); err != nil {
		return err
	}
	if err := w.record(idx, c.Deidentification, c); err != nil {
		return err
	}
	w.counts.Escalations += len(c.Escalations)
	return nil
}

// ready refuses writes after Close and writes the header before the
// first record.
func (w *EnvelopeWriter) ready() error {
	if w.closed {
		return ErrClosed
	}
	return w.start()
}

// record checks the record's policy against the header and writes it.
func (w *EnvelopeWriter) record(idx int, d *complication.Deidentification, rec any) error {
	h := w.opts.Header
	if d.PolicyID != h.Policy.ID || d.PolicyVersion != h.Policy.Version || d.PolicyHash != h.Policy.Hash || d.KeyID != h.KeyID {
		return &RecordError{Index: idx, Pointer: "/deidentification", Err: ErrPolicyMismatch}
	}
	b, err := w.enc.encode(rec)
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
	b := []byte("\n],\"counts\":")
	b = w.counts.appendJSON(b, w.opts.Shape)
	b = append(b, "}\n"...)
	if _, err := w.bw.Write(b); err != nil {
		w.err = err
		return err
	}
	return w.Flush()
}

// Counts returns what the writer has written so far.
func (w *EnvelopeWriter) Counts() Counts { return w.counts }
