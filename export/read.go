package export

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"

	"github.com/openaesthetics/casebook/complication"
	"github.com/openaesthetics/casebook/schema"
)

// Codes of the findings the JSON readers add to the validator's.
const (
	// CodePolicyMismatch: a record in an envelope names another
	// de-identification policy or key than the envelope's header.
	CodePolicyMismatch complication.Code = "policy_mismatch"
	// CodeTooManyRecords: the record comes after the first
	// ReadOptions.MaxRecords of its input. It was read, to find where the
	// next one starts, but not validated.
	CodeTooManyRecords complication.Code = "too_many_records"
)

// DefaultMaxRecords is the records-per-input limit when
// ReadOptions.MaxRecords is zero.
const DefaultMaxRecords = 1_000_000

// ReadOptions configure the JSON readers. The zero value is ready to use.
type ReadOptions struct {
	// Validator checks each record. Nil means a validator made with
	// schema.New(schema.Options{}).
	Validator *schema.Validator
	// Shape is the shape every record must have. For the NDJSON reader the
	// zero value means schema.ReportSubmission. An envelope names the
	// shape of its records in its schema member: with Shape zero the
	// envelope reader takes the kind from there (report-submission or
	// complaint-submission); with Shape set, the schema member must name
	// Shape or the envelope is refused (ErrHeader).
	Shape schema.Shape
	// DetectKind makes the NDJSON reader take each line's record kind,
	// report or complaint, from schema.Detect, for a stream that mixes
	// the two. The line is validated against the shape of that kind on
	// Shape's side: the submission shapes unless Shape is schema.Report
	// or schema.Complaint. Only the kind is detected, never the side, so
	// an identified record in a stream of submissions is still rejected
	// rather than accepted as an identified record. A line that is not a
	// JSON object is validated against Shape. The envelope reader ignores
	// DetectKind: an envelope holds one kind, named by its schema member.
	DetectKind bool
	// MaxRecordBytes caps one record (one NDJSON line, or one element of
	// an envelope's records array). A longer record is read past and
	// rejected with a too_large finding. Zero means 1 MiB.
	MaxRecordBytes int
	// MaxRecords caps the records of one input. Every record after the
	// first MaxRecords is still read, so that it is counted and its line
	// known, but not validated: it is rejected with a too_many_records
	// finding. The reader goes on to the end of the input, so a Tally
	// still accounts for every record (Read = Accepted + Rejected), and
	// an envelope's counts are still checked. Zero means
	// [DefaultMaxRecords]; a negative value means no limit.
	MaxRecords int
	// Workers is the number of goroutines validating records. Zero or one
	// validates each record inside Next, on the caller's goroutine. Above
	// one, Next validates the records ahead of the caller on that many
	// goroutines, holding at most 64 records per worker at once, and
	// still returns them in input order, with the same results and tally
	// as one worker; the reader then holds goroutines until Next returns
	// an error (io.EOF included) or Close is called, so call Close when
	// stopping early. Validator must be safe for concurrent use, as
	// schema.Validator is.
	Workers int
}

func (o *ReadOptions) defaults() error {
	if o.Shape == "" {
		o.Shape = schema.ReportSubmission
	}
	if o.MaxRecordBytes <= 0 {
		o.MaxRecordBytes = 1 << 20
	}
	if o.MaxRecords == 0 {
		o.MaxRecords = DefaultMaxRecords
	}
	if o.Validator == nil {
		v, err := schema.New(schema.Options{})
		if err != nil {
			return err
		}
		o.Validator = v
	}
	return nil
}

// isComplaintShape reports whether records of shape s are complaints.
func isComplaintShape(s schema.Shape) bool {
	return s == schema.Complaint || s == schema.ComplaintSubmission
}

// sameSide returns the shape of the kind of detected on the side
// (submission or identified) of side.
func sameSide(side, detected schema.Shape) schema.Shape {
	switch complaint := isComplaintShape(detected); {
	case complaint && side.Submission():
		return schema.ComplaintSubmission
	case complaint:
		return schema.Complaint
	case side.Submission():
		return schema.ReportSubmission
	}
	return schema.Report
}

// Result is one record read: where it was, and either the decoded record
// (a report or a complaint) or the findings that rejected it.
type Result struct {
	Index  int   // 0-based position among the records of the input, rejected ones included
	Line   int   // 1-based line where the record starts
	Offset int64 // 0-based byte offset where the record starts (after a leading byte order mark)
	// Shape is the shape the record was validated against, which says its
	// kind even when it was rejected.
	Shape schema.Shape
	// Report is the decoded record when it is an accepted report, and
	// Complaint when it is an accepted complaint; exactly one of them is
	// set for an accepted record, and neither when the findings reject it.
	Report    *complication.Report
	Complaint *complication.Complaint
	// Findings are the validator's findings (and the reader's own), sorted,
	// with Line set to absolute lines of the input. An accepted record may
	// have warnings.
	Findings complication.Findings
}

// Rejected reports whether the record was rejected.
func (r Result) Rejected() bool { return r.Report == nil && r.Complaint == nil }

// decode validates data against shape and sets the record or the
// findings.
func (r *Result) decode(v *schema.Validator, shape schema.Shape, data []byte) {
	r.Shape = shape
	if isComplaintShape(shape) {
		r.Complaint, r.Findings = v.DecodeComplaint(shape, data)
	} else {
		r.Report, r.Findings = v.DecodeReport(shape, data)
	}
}

// rawRecord is a record read but not yet validated: what a reader's
// sequential part finds, for validate, which may run on another
// goroutine.
type rawRecord struct {
	res     Result // position and default shape; findings when cut
	data    []byte // nil when the record is too large
	detect  bool   // take the record's kind from schema.Detect
	oneLine bool   // the record is one line (NDJSON): every finding is on it
	// header, for the records of an envelope of submissions, is the header
	// whose policy and key they must name.
	header *Header
}

// validate returns the record's result.
func (rr rawRecord) validate(v *schema.Validator) Result {
	res := rr.res
	if rr.data == nil {
		return res
	}
	shape := res.Shape
	if rr.detect {
		if d, ok := schema.Detect(rr.data); ok {
			shape = sameSide(shape, d)
		}
	}
	res.decode(v, shape, rr.data)
	for i := range res.Findings {
		if f := &res.Findings[i]; rr.oneLine || f.Line <= 0 {
			f.Line = res.Line // one line holds the whole document
		} else {
			f.Line += res.Line - 1
		}
	}
	if rr.header != nil && !res.Rejected() && !samePolicy(rr.header, res.deidentification()) {
		res.Report, res.Complaint = nil, nil
		res.Findings = append(res.Findings, complication.Finding{Pointer: "/deidentification", Line: res.Line,
			Code: CodePolicyMismatch, Level: complication.LevelError,
			Message: "the record was de-identified under another policy or key than the envelope header declares"})
		res.Findings.Sort()
	}
	return res
}

// deidentification returns the accepted record's deidentification block.
func (r *Result) deidentification() *complication.Deidentification {
	if r.Complaint != nil {
		return r.Complaint.Deidentification
	}
	return r.Report.Deidentification
}

// Tally accounts for every record a reader has read: Read = Accepted +
// Rejected, and every rejected record was returned as a [Result] with its
// index and line.
type Tally struct {
	Read     int
	Accepted int
	Rejected int
}

func (t *Tally) add(res *Result) {
	t.Read++
	if res.Rejected() {
		t.Rejected++
	} else {
		t.Accepted++
	}
}

// overLimit reports whether the next record, the read-th, is over the
// MaxRecords limit of opts (with defaults applied).
func overLimit(opts *ReadOptions, read int) bool {
	return opts.MaxRecords > 0 && read >= opts.MaxRecords
}

func tooManyRecords(line, max int) complication.Findings {
	return complication.Findings{{Line: line, Code: CodeTooManyRecords, Level: complication.LevelError,
		Message: fmt.Sprintf("the input holds more than the %d-record limit; this record was not validated", max)}}
}

func tooLarge(line, max int, what string) complication.Findings {
	return complication.Findings{{Line: line, Code: schema.CodeTooLarge, Level: complication.LevelError,
		Message: fmt.Sprintf("%s is larger than the %d-byte limit", what, max)}}
}

// NDJSONReader reads newline-delimited JSON one record per line and
// validates each against ReadOptions.Shape, or, with
// ReadOptions.DetectKind, against the shape of the line's own kind, so a
// stream may mix reports and complaints. Lines may end in LF or CRLF; a UTF-8 byte order mark at
// the start of the input is skipped; blank lines are skipped and are not
// records. A line that is not valid JSON, not UTF-8, too long, or not a
// valid record is rejected with findings and the reader goes on with the
// next line. Only an I/O error stops it.
//
// An NDJSONReader is not safe for concurrent use.
type NDJSONReader struct {
	br      *bufio.Reader
	opts    ReadOptions
	buf     []byte
	line    int
	off     int64
	scanned int // records read, validated or not
	tally   Tally
	par     *validating // the validation running ahead, with Workers > 1
	err     error
}

// NewNDJSONReader returns a reader of NDJSON records from r.
func NewNDJSONReader(r io.Reader, opts ReadOptions) *NDJSONReader {
	nr := &NDJSONReader{br: bufio.NewReaderSize(r, 64<<10)}
	nr.err = opts.defaults()
	nr.opts = opts
	return nr
}

// readLine returns the next line without its terminator; too is set (and
// the content dropped) when it is longer than the limit. size counts the
// bytes consumed, terminator included.
func (nr *NDJSONReader) readLine() (line []byte, size int, too bool, err error) {
	nr.buf = nr.buf[:0]
	limit := nr.opts.MaxRecordBytes + 2 // room for CRLF
	for {
		chunk, err := nr.br.ReadSlice('\n')
		size += len(chunk)
		if !too {
			if len(nr.buf)+len(chunk) > limit {
				too, nr.buf = true, nr.buf[:0]
			} else {
				nr.buf = append(nr.buf, chunk...)
			}
		}
		if err == bufio.ErrBufferFull {
			continue
		}
		if err == io.EOF && size == 0 {
			return nil, 0, false, io.EOF
		}
		if err != nil && err != io.EOF {
			return nil, size, false, err
		}
		break
	}
	if too {
		return nil, size, true, nil
	}
	line = bytes.TrimSuffix(nr.buf, []byte("\n"))
	line = bytes.TrimSuffix(line, []byte("\r"))
	if len(line) > nr.opts.MaxRecordBytes {
		return nil, size, true, nil
	}
	return line, size, false, nil
}

// Next returns the next record's result, or io.EOF after the last line.
// Any other error is an I/O error and is sticky.
func (nr *NDJSONReader) Next() (Result, error) {
	if nr.par != nil || nr.opts.Workers > 1 && nr.err == nil {
		return nr.nextParallel()
	}
	raw, err := nr.scan(false)
	if err != nil {
		return Result{}, err
	}
	res := raw.validate(nr.opts.Validator)
	nr.tally.add(&res)
	return res, nil
}

// scan reads up to the next record, with its data in the reader's buffer
// unless own is set.
func (nr *NDJSONReader) scan(own bool) (rawRecord, error) {
	for {
		if nr.err != nil {
			return rawRecord{}, nr.err
		}
		line, size, too, err := nr.readLine()
		if err != nil {
			nr.err = err
			return rawRecord{}, err
		}
		nr.line++
		off := nr.off
		nr.off += int64(size)
		if nr.line == 1 && bytes.HasPrefix(line, utf8BOM) {
			line = line[3:]
			nr.off -= 3
			off = 0
		}
		if !too && len(bytes.TrimSpace(line)) == 0 {
			continue
		}
		raw := rawRecord{res: Result{Index: nr.scanned, Line: nr.line, Offset: off, Shape: nr.opts.Shape},
			oneLine: true, detect: nr.opts.DetectKind}
		switch {
		case overLimit(&nr.opts, nr.scanned):
			raw.res.Findings = tooManyRecords(nr.line, nr.opts.MaxRecords)
		case too:
			raw.res.Findings = tooLarge(nr.line, nr.opts.MaxRecordBytes, "line")
		case own:
			raw.data = bytes.Clone(line)
		default:
			raw.data = line
		}
		nr.scanned++
		return raw, nil
	}
}

// Tally returns the accounting so far.
func (nr *NDJSONReader) Tally() Tally { return nr.tally }

// EnvelopeReader reads a registry JSON envelope written by
// [EnvelopeWriter], one record at a time, validating each. The header
// members (schema, generated_at, submitter, policy, key_id) must all come
// before records and counts after them. The schema member names the kind
// of every record: the $id of the report-submission or the
// complaint-submission shape (or of ReadOptions.Shape when that is set,
// which it must then equal). A record that is invalid (even invalid JSON,
// as long as its brackets and strings close) is rejected with findings and
// the reader goes on. A record from another policy or key than the header
// is rejected with a policy_mismatch finding.
//
// A break in the envelope's own structure (a missing comma between
// records, an unterminated string, a truncated file, a bad header or
// trailer) ends the stream with an *EnvelopeError that gives its byte
// offset, line and column and how many records were read before it. At the
// end, counts.records must equal the records read (rejected ones
// included) and, when every record was accepted, counts.events (for
// reports) or counts.escalations (for complaints) those read; otherwise the
// reader returns an *EnvelopeError wrapping ErrCounts instead of io.EOF.
// Counts members of the other kind are a header error.
//
// An EnvelopeReader is not safe for concurrent use.
type EnvelopeReader struct {
	s          *scanner
	opts       ReadOptions
	shapeGiven bool         // ReadOptions.Shape was set
	shape      schema.Shape // of the records, from the header
	header     Header
	counts     Counts
	haveCount  bool
	started    bool
	inRecords  bool
	buf        []byte
	events     int // events of the accepted reports
	escalated  int // escalations of the accepted complaints
	scanned    int // records read, validated or not
	tally      Tally
	par        *validating // the validation running ahead, with Workers > 1
	pending    error
	err        error
}

// NewEnvelopeReader returns a reader of the envelope in r.
func NewEnvelopeReader(r io.Reader, opts ReadOptions) *EnvelopeReader {
	er := &EnvelopeReader{s: newScanner(r), shapeGiven: opts.Shape != ""}
	er.err = opts.defaults()
	er.opts = opts
	return er
}

// Header returns the envelope's header, complete once Next has returned
// the first result (or io.EOF). Its Schema says the kind of the records.
func (er *EnvelopeReader) Header() Header { return er.header }

// Counts returns the envelope's counts, and whether they have been read
// (they come after the records).
func (er *EnvelopeReader) Counts() (Counts, bool) { return er.counts, er.haveCount }

// Tally returns the accounting so far.
func (er *EnvelopeReader) Tally() Tally { return er.tally }

// shapeOf returns the shape whose $id the header's schema member names,
// if the reader accepts it.
func (er *EnvelopeReader) shapeOf(id string) (schema.Shape, bool) {
	if er.shapeGiven {
		return er.opts.Shape, id == er.opts.Shape.ID()
	}
	for _, s := range []schema.Shape{schema.ReportSubmission, schema.ComplaintSubmission} {
		if id == s.ID() {
			return s, true
		}
	}
	return "", false
}

var errEmptyValue = errors.New("a value is missing")

// fail builds an EnvelopeError at p.
func (er *EnvelopeReader) fail(p pos, member string, err error) error {
	switch {
	case err == io.EOF:
		err = io.ErrUnexpectedEOF // the envelope ended early
	case err == errEmptyValue:
		err = fmt.Errorf("%w: %w", ErrSyntax, err)
	}
	// Otherwise err is already ErrSyntax, ErrHeader or ErrCounts (wrapped),
	// or an I/O error from the underlying reader.
	return &EnvelopeError{Offset: p.off, Line: p.line, Column: p.col, Member: member, Records: er.scanned, Err: err}
}

// expect consumes the next non-space byte, which must be c.
func (er *EnvelopeReader) expect(c byte) error {
	got, err := er.s.peek()
	if err != nil {
		return er.fail(er.s.pos(), "", err)
	}
	if got != c {
		return er.fail(er.s.pos(), "", fmt.Errorf("%w: want %q", ErrSyntax, c))
	}
	_, _ = er.s.next()
	return nil
}

// memberName reads "name" and the colon after it.
func (er *EnvelopeReader) memberName() (string, pos, error) {
	_, _ = er.s.peek()
	p := er.s.pos()
	if c, err := er.s.peek(); err != nil {
		return "", p, er.fail(p, "", err)
	} else if c != '"' {
		return "", p, er.fail(p, "", fmt.Errorf("%w: want a member name", ErrSyntax))
	}
	raw, cut, err := er.s.value(nil, 256)
	if err != nil {
		return "", p, er.fail(er.s.pos(), "", err)
	}
	var name string
	if cut || json.Unmarshal(raw, &name) != nil {
		return "", p, er.fail(p, "", fmt.Errorf("%w: unknown member", ErrHeader))
	}
	if err := er.expect(':'); err != nil {
		return "", p, err
	}
	return name, p, nil
}

// memberValue decodes a header or trailer member's value strictly.
func (er *EnvelopeReader) memberValue(name string, v any) error {
	_, _ = er.s.peek()
	p := er.s.pos()
	raw, cut, err := er.s.value(nil, 64<<10)
	if err != nil {
		return er.fail(er.s.pos(), name, err)
	}
	if cut {
		return er.fail(p, name, fmt.Errorf("%w: value is too large", ErrHeader))
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return er.fail(p, name, fmt.Errorf("%w: malformed value", ErrHeader))
	}
	return nil
}

// readHeader reads from the opening brace to the records' opening bracket.
func (er *EnvelopeReader) readHeader() error {
	if err := er.expect('{'); err != nil {
		return err
	}
	seen := map[string]bool{}
	for {
		name, p, err := er.memberName()
		if err != nil {
			return err
		}
		if seen[name] {
			return er.fail(p, name, fmt.Errorf("%w: member appears twice", ErrHeader))
		}
		seen[name] = true
		h := &er.header
		switch name {
		case "schema":
			err = er.memberValue(name, &h.Schema)
		case "generated_at":
			err = er.memberValue(name, &h.GeneratedAt)
		case "submitter":
			err = er.memberValue(name, &h.Submitter)
		case "policy":
			err = er.memberValue(name, &h.Policy)
		case "key_id":
			err = er.memberValue(name, &h.KeyID)
		case "records":
			for _, m := range []string{"schema", "generated_at", "submitter", "policy", "key_id"} {
				if !seen[m] {
					return er.fail(p, m, fmt.Errorf("%w: member missing before records", ErrHeader))
				}
			}
			shape, ok := er.shapeOf(h.Schema)
			if !ok {
				want := er.opts.Shape.ID()
				if !er.shapeGiven {
					want = schema.ReportSubmission.ID() + " or " + schema.ComplaintSubmission.ID()
				}
				return er.fail(p, "schema", fmt.Errorf("%w: schema is not %s", ErrHeader, want))
			}
			er.shape = shape
			if err := er.expect('['); err != nil {
				return err
			}
			c, err := er.s.peek()
			if err != nil {
				return er.fail(er.s.pos(), "records", err)
			}
			if c == ']' {
				_, _ = er.s.next()
				return nil
			}
			er.inRecords = true
			return nil
		default:
			return er.fail(p, "", fmt.Errorf("%w: unknown member", ErrHeader))
		}
		if err != nil {
			return err
		}
		if err := er.expect(','); err != nil {
			return err
		}
	}
}

// scanRecord reads one element of the records array and the separator
// after it, with its data in the reader's buffer unless own is set.
func (er *EnvelopeReader) scanRecord(own bool) (rawRecord, error) {
	if _, err := er.s.peek(); err != nil {
		return rawRecord{}, er.fail(er.s.pos(), "records", err)
	}
	p := er.s.pos()
	var cut bool
	var err error
	er.buf, cut, err = er.s.value(er.buf[:0], er.opts.MaxRecordBytes)
	if err != nil {
		return rawRecord{}, er.fail(er.s.pos(), "records", err)
	}
	raw := rawRecord{res: Result{Index: er.scanned, Line: p.line, Offset: p.off, Shape: er.shape}}
	switch {
	case overLimit(&er.opts, er.scanned):
		raw.res.Findings = tooManyRecords(p.line, er.opts.MaxRecords)
	case cut:
		raw.res.Findings = tooLarge(p.line, er.opts.MaxRecordBytes, "record")
	case own:
		raw.data = bytes.Clone(er.buf)
	default:
		raw.data = er.buf
	}
	er.scanned++
	if er.shape.Submission() {
		raw.header = &er.header
	}
	// The separator: a comma for more, a bracket for the end. A broken
	// separator ends the stream after this record is returned.
	c, err := er.s.peek()
	switch {
	case err != nil:
		er.pending = er.fail(er.s.pos(), "records", err)
	case c == ',':
		_, _ = er.s.next()
	case c == ']':
		_, _ = er.s.next()
		er.inRecords = false
	default:
		er.pending = er.fail(er.s.pos(), "records", fmt.Errorf("%w: want ',' or ']' after a record", ErrSyntax))
	}
	return raw, nil
}

// account adds a record's result to the tally and the counts.
func (er *EnvelopeReader) account(res *Result) {
	er.tally.add(res)
	if res.Report != nil {
		er.events += len(res.Report.Events)
	}
	if res.Complaint != nil {
		er.escalated += len(res.Complaint.Escalations)
	}
}

func samePolicy(h *Header, d *complication.Deidentification) bool {
	return d != nil && d.PolicyID == h.Policy.ID && d.PolicyVersion == h.Policy.Version &&
		d.PolicyHash == h.Policy.Hash && d.KeyID == h.KeyID
}

// readTrailer reads from after the records to the end of the input.
func (er *EnvelopeReader) readTrailer() error {
	for {
		c, err := er.s.peek()
		if err != nil {
			return er.fail(er.s.pos(), "", err)
		}
		if c == '}' {
			_, _ = er.s.next()
			break
		}
		if err := er.expect(','); err != nil {
			return err
		}
		name, p, err := er.memberName()
		if err != nil {
			return err
		}
		if name != "counts" || er.haveCount {
			return er.fail(p, "", fmt.Errorf("%w: only counts may follow the records, once", ErrHeader))
		}
		if err := er.readCounts(); err != nil {
			return err
		}
		er.haveCount = true
	}
	p := er.s.pos()
	if !er.haveCount {
		return er.fail(p, "counts", fmt.Errorf("%w: counts are missing", ErrHeader))
	}
	if _, err := er.s.peek(); err != io.EOF {
		return er.fail(er.s.pos(), "", fmt.Errorf("%w: data after the envelope", ErrSyntax))
	}
	c, all := er.counts, er.tally.Rejected == 0
	if c.Records != er.tally.Read || all && c.Events != er.events || all && c.Escalations != er.escalated {
		return er.fail(p, "counts", ErrCounts)
	}
	return nil
}

// readCounts reads the counts object: records, and the members of the
// envelope's kind (a missing one counts as zero); a member of the other
// kind is a header error.
func (er *EnvelopeReader) readCounts() error {
	_, _ = er.s.peek()
	p := er.s.pos()
	var c struct {
		Records     int  `json:"records"`
		Events      *int `json:"events"`
		Products    *int `json:"products"`
		Escalations *int `json:"escalations"`
	}
	if err := er.memberValue("counts", &c); err != nil {
		return err
	}
	other := c.Escalations != nil
	if isComplaintShape(er.shape) {
		other = c.Events != nil || c.Products != nil
	}
	if other {
		return er.fail(p, "counts", fmt.Errorf("%w: counts of another kind of record", ErrHeader))
	}
	val := func(n *int) int {
		if n == nil {
			return 0
		}
		return *n
	}
	er.counts = Counts{Records: c.Records, Events: val(c.Events), Products: val(c.Products), Escalations: val(c.Escalations)}
	return nil
}

// Next returns the next record's result, or io.EOF after the last record
// once the trailer has been read and the counts agree. Any other error is
// an *EnvelopeError (or an I/O error) and is sticky.
func (er *EnvelopeReader) Next() (Result, error) {
	if er.err != nil {
		return Result{}, er.err
	}
	if er.par != nil {
		if res, err, ok := er.nextParallel(); ok {
			return res, err
		}
	}
	if er.pending != nil {
		er.err = er.pending
		return Result{}, er.err
	}
	if !er.started {
		er.started = true
		if err := er.readHeader(); err != nil {
			er.err = err
			return Result{}, err
		}
	}
	if er.inRecords && er.opts.Workers > 1 {
		er.startParallel()
		return er.Next()
	}
	if er.inRecords {
		raw, err := er.scanRecord(false)
		if err != nil {
			er.err = err
			return Result{}, err
		}
		res := raw.validate(er.opts.Validator)
		er.account(&res)
		return res, nil
	}
	err := er.readTrailer()
	if err == nil {
		err = io.EOF
	}
	er.err = err
	return Result{}, err
}
