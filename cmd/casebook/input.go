package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"iter"
	"os"
	"path/filepath"
	"strings"

	"github.com/openaesthetics/casebook/complication"
	"github.com/openaesthetics/casebook/export"
	"github.com/openaesthetics/casebook/pipeline"
	"github.com/openaesthetics/casebook/schema"
)

// record is one record read from an input, with its verdict.
type record struct {
	file      string
	index     int // 0-based among the file's records
	line      int // 1-based line where the record starts, 0 if unknown
	shape     schema.Shape
	report    *complication.Report    // set when accepted and a report
	complaint *complication.Complaint // set when accepted and a complaint
	findings  complication.Findings
}

func (r *record) accepted() bool { return r.report != nil || r.complaint != nil }

// inputFormat is how a file holds its records.
type inputFormat int

const (
	formatNDJSON   inputFormat = iota // one record per line
	formatArray                       // a JSON array of records
	formatObject                      // one JSON record
	formatEnvelope                    // a registry envelope
	formatCSV                         // the flat CSV export
)

// reader reads and validates the records of the command's inputs.
type reader struct {
	e         *env
	v         *schema.Validator
	shape     schema.Shape // "" detects each record's shape
	meter     *meter
	records   int
	maxRecord int
	// maxRecords caps the records of one file (--max-records); 0 means
	// no limit.
	maxRecords int
	// workers is the number of goroutines validating records; 0 or 1
	// validates them one after another.
	workers int
}

// maxRecordsFlag defines --max-records on fs.
func maxRecordsFlag(fs *flag.FlagSet) *int {
	return fs.Int("max-records", export.DefaultMaxRecords, "most records read from one input file; later ones are rejected unvalidated (too_many_records); 0 for no limit")
}

// overLimit rejects a record past the file's --max-records limit, unless
// the export reader already did.
func (rd *reader) overLimit(r *record) {
	if rd.maxRecords <= 0 || r.index < rd.maxRecords || r.findings.Has(export.CodeTooManyRecords) {
		return
	}
	r.report, r.complaint = nil, nil
	r.findings = complication.Findings{{Line: r.line, Code: export.CodeTooManyRecords, Level: complication.LevelError,
		Message: fmt.Sprintf("the input holds more than the %d-record limit; this record was not validated", rd.maxRecords)}}
}

// pool returns the options of the reader's worker pool.
func (rd *reader) pool() pipeline.Options {
	return pipeline.Options{Workers: max(rd.workers, 1)}
}

// seq returns the records of the named files as a sequence, as each
// gives them; an error that stops the run ends it.
func (rd *reader) seq(files []string) iter.Seq2[*record, error] {
	return func(yield func(*record, error) bool) {
		errStop := errors.New("stopped")
		err := rd.each(files, func(r *record) error {
			if !yield(r, nil) {
				return errStop
			}
			return nil
		})
		if err != nil && err != errStop {
			yield(nil, err)
		}
	}
}

// each calls fn for every record of every named file, in order. An error
// from fn or an I/O or format error that ends a file stops the run.
func (rd *reader) each(files []string, fn func(*record) error) error {
	for _, name := range files {
		if err := rd.file(name, fn); err != nil {
			return err
		}
	}
	return nil
}

func (rd *reader) file(name string, fn func(*record) error) error {
	var in io.Reader
	var size int64
	display := name
	if name == "-" {
		in, display = rd.e.stdin, "<stdin>"
	} else {
		f, err := os.Open(name)
		if err != nil {
			return err
		}
		defer f.Close()
		if st, err := f.Stat(); err == nil {
			if st.IsDir() {
				return fmt.Errorf("%s is a directory; give the files inside it", name)
			}
			size = st.Size()
		}
		in = f
	}
	counted := &countingReader{r: in}
	rd.meter.total = size
	br := bufio.NewReaderSize(counted, 1<<16)
	format, err := classify(name, br)
	if err != nil {
		return fmt.Errorf("%s: %w", display, err)
	}
	emit := func(r *record) error {
		r.file = display
		rd.overLimit(r)
		rd.records++
		rd.meter.tick(rd.records, counted.n)
		return fn(r)
	}
	switch format {
	case formatNDJSON:
		return rd.ndjson(br, sideOf(br), emit)
	case formatEnvelope:
		return rd.envelope(br, display, emit)
	case formatCSV:
		return rd.csv(br, display, emit)
	}
	return rd.json(br, format, display, emit)
}

// classify decides an input's format from its name, or from its first
// bytes when the name does not say (standard input, a .json file).
func classify(name string, br *bufio.Reader) (inputFormat, error) {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".ndjson", ".jsonl":
		return formatNDJSON, nil
	case ".csv":
		return formatCSV, nil
	}
	head, _ := br.Peek(1 << 16)
	head = bytes.TrimPrefix(head, []byte("\xef\xbb\xbf"))
	trimmed := bytes.TrimLeft(head, " \t\r\n")
	if len(trimmed) == 0 {
		if len(head) == 0 {
			return formatNDJSON, nil // an empty input holds no records
		}
		return formatNDJSON, nil
	}
	switch trimmed[0] {
	case '[':
		return formatArray, nil
	case '{':
	default:
		if name == "-" {
			return formatCSV, nil
		}
		return 0, errors.New("not JSON: expected an object or an array (use .csv for CSV)")
	}
	if isEnvelope(trimmed) {
		return formatEnvelope, nil
	}
	// NDJSON when the first line is a whole JSON value and more follows.
	if i := bytes.IndexByte(trimmed, '\n'); i >= 0 && json.Valid(trimmed[:i]) && len(bytes.TrimSpace(trimmed[i:])) > 0 {
		return formatNDJSON, nil
	}
	return formatObject, nil
}

// isEnvelope reports whether a JSON object begins like a registry
// envelope: a "schema" member and a "records" array.
func isEnvelope(head []byte) bool {
	dec := json.NewDecoder(bytes.NewReader(head))
	if tok, err := dec.Token(); err != nil || tok != json.Delim('{') {
		return false
	}
	seenSchema := false
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return false
		}
		switch tok {
		case "schema":
			seenSchema = true
		case "records":
			next, err := dec.Token()
			return err == nil && next == json.Delim('[') && seenSchema
		}
		var skip json.RawMessage
		if dec.Decode(&skip) != nil {
			return false
		}
	}
	return false
}

// decode validates one JSON document and decodes it when accepted. lineBase
// is the line the document starts on, to make finding lines absolute.
func (rd *reader) decode(data []byte, lineBase int) *record {
	shape := rd.shape
	if shape == "" {
		if s, ok := schema.Detect(data); ok {
			shape = s
		} else {
			shape = schema.Report
		}
	}
	r := &record{shape: shape, line: lineBase}
	switch shape {
	case schema.Complaint, schema.ComplaintSubmission:
		r.complaint, r.findings = rd.v.DecodeComplaint(shape, data)
	default:
		r.report, r.findings = rd.v.DecodeReport(shape, data)
	}
	if lineBase > 1 {
		for i := range r.findings {
			if r.findings[i].Line > 0 {
				r.findings[i].Line += lineBase - 1
			}
		}
	}
	return r
}

// json reads a single record or an array of records, one element at a
// time, so a large array never sits in memory whole.
func (rd *reader) json(br *bufio.Reader, format inputFormat, display string, emit func(*record) error) error {
	lr := &lineCounter{r: br, line: 1}
	dec := json.NewDecoder(lr)
	if format == formatObject {
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			// Let the validator describe what is wrong, with its position.
			data, _ := io.ReadAll(io.MultiReader(bytes.NewReader(lr.seen), br))
			return emit(rd.decode(data, 1))
		}
		return emit(rd.decode(raw, lr.lineAt(dec.InputOffset()-int64(len(raw)))))
	}
	if _, err := dec.Token(); err != nil {
		return fmt.Errorf("%s: not a JSON array", display)
	}
	// The elements are cut out in order, and validated on the workers.
	type element struct {
		data        json.RawMessage
		line, index int
	}
	elements := func(yield func(element, error) bool) {
		for i := 0; dec.More(); i++ {
			var raw json.RawMessage
			start := dec.InputOffset()
			if err := dec.Decode(&raw); err != nil {
				yield(element{}, fmt.Errorf("%s: element %d is not valid JSON near line %d; the rest of the array cannot be read", display, i, lr.lineAt(start)))
				return
			}
			if !yield(element{raw, lr.lineAt(dec.InputOffset() - int64(len(raw))), i}, nil) {
				return
			}
		}
	}
	decode := func(el element) *record {
		rec := rd.decode(el.data, el.line)
		rec.index = el.index
		return rec
	}
	for rec, err := range pipeline.Map(context.Background(), elements, decode, rd.pool()) {
		if err != nil {
			return err
		}
		if err := emit(rec); err != nil {
			return err
		}
	}
	return nil
}

// ndjson reads one record per line with the export package's reader,
// which survives malformed lines and accounts for every record. With no
// shape given, each line's kind (report or complaint) is detected, and the
// side (identified or submission) is the first record's.
func (rd *reader) ndjson(br *bufio.Reader, side schema.Shape, emit func(*record) error) error {
	opts := rd.readOptions()
	if rd.shape == "" {
		opts.Shape, opts.DetectKind = side, true
	}
	return rd.readResults(export.NewNDJSONReader(br, opts), emit)
}

// sideOf peeks at the first record of an NDJSON stream and returns the
// shape whose side (identified or submission) it has.
func sideOf(br *bufio.Reader) schema.Shape {
	head, _ := br.Peek(1 << 16)
	for _, line := range bytes.Split(head, []byte("\n")) {
		if len(bytes.TrimSpace(line)) == 0 {
			continue
		}
		if s, ok := schema.Detect(line); ok && s.Submission() {
			return schema.ReportSubmission
		}
		break
	}
	return schema.Report
}

func (rd *reader) envelope(br *bufio.Reader, display string, emit func(*record) error) error {
	er := export.NewEnvelopeReader(br, rd.readOptions())
	if err := rd.readResults(er, emit); err != nil {
		return fmt.Errorf("%s: %w", display, err)
	}
	return nil
}

func (rd *reader) readOptions() export.ReadOptions {
	maxRecords := rd.maxRecords
	if maxRecords <= 0 {
		maxRecords = -1 // no limit
	}
	return export.ReadOptions{Validator: rd.v, Shape: rd.shape, MaxRecordBytes: rd.maxRecord, MaxRecords: maxRecords, Workers: rd.workers}
}

type resultReader interface {
	Next() (export.Result, error)
	Close() error
}

func (rd *reader) readResults(rr resultReader, emit func(*record) error) error {
	defer rr.Close() // stops the validating goroutines when emit stops the run
	for {
		res, err := rr.Next()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return err
		}
		r := &record{index: res.Index, line: res.Line, report: res.Report, complaint: res.Complaint, findings: res.Findings, shape: res.Shape}
		if err := emit(r); err != nil {
			return err
		}
	}
}

// csv reads the flat CSV export (reports only) and validates each rebuilt
// record, on the workers: as a submission when it carries a
// deidentification block.
func (rd *reader) csv(br *bufio.Reader, display string, emit func(*record) error) error {
	fr := export.NewFlatReader(br, export.CSVReadOptions{})
	// A row is a record to validate (rep set) or one the CSV reader
	// rejected, whose findings are made.
	type row struct {
		r   *record
		rep *complication.Report
	}
	rows := func(yield func(row, error) bool) {
		for i := 0; ; i++ {
			rep, err := fr.Read()
			if errors.Is(err, io.EOF) {
				return
			}
			var perr *export.ParseError
			var cerr *csv.ParseError
			if errors.Is(err, export.ErrColumns) || errors.As(err, &cerr) {
				// The header or the CSV structure is broken: the reader
				// returns this error for ever after, and the rest of the
				// file cannot be read, so it ends the file.
				yield(row{}, fmt.Errorf("%s: %w", display, err))
				return
			}
			if errors.As(err, &perr) {
				r := &record{index: i, line: perr.Line, shape: schema.ReportSubmission, findings: complication.Findings{{
					Line: perr.Line, Code: schema.CodeSyntax, Level: complication.LevelError,
					Message: fmt.Sprintf("CSV column %d (%s): %v", perr.Column, perr.Field, errors.Unwrap(perr)),
				}}}
				if !yield(row{r: r}, nil) {
					return
				}
				continue
			}
			if err != nil {
				yield(row{}, fmt.Errorf("%s: %w", display, err))
				return
			}
			shape := schema.Report
			if rep.Deidentification != nil {
				shape = schema.ReportSubmission
			}
			if !yield(row{r: &record{index: i, shape: shape}, rep: rep}, nil) {
				return
			}
		}
	}
	validate := func(x row) *record {
		if x.rep != nil {
			if x.r.findings = rd.v.ValidateReport(x.r.shape, x.rep); !x.r.findings.Rejected() {
				x.r.report = x.rep
			}
		}
		return x.r
	}
	for r, err := range pipeline.Map(context.Background(), rows, validate, rd.pool()) {
		if err != nil {
			return err
		}
		if err := emit(r); err != nil {
			return err
		}
	}
	return nil
}

// countingReader counts the bytes read through it, for progress.
type countingReader struct {
	r io.Reader
	n int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}

// lineCounter turns byte offsets of the stream read through it into line
// numbers. Offsets must be asked for in increasing order, which lets it
// forget newlines already counted, so its memory stays bounded by one
// read buffer's worth of newlines. It keeps the first MiB read for the
// error path of a single document.
type lineCounter struct {
	r        io.Reader
	line     int     // line of the last offset asked for
	newlines []int64 // offsets of newlines not yet counted
	off      int64
	seen     []byte
}

func (l *lineCounter) Read(p []byte) (int, error) {
	n, err := l.r.Read(p)
	for i, b := range p[:n] {
		if b == '\n' {
			l.newlines = append(l.newlines, l.off+int64(i))
		}
	}
	if len(l.seen) < 1<<20 {
		l.seen = append(l.seen, p[:n]...)
	}
	l.off += int64(n)
	return n, err
}

// lineAt returns the 1-based line of a byte offset no smaller than any
// asked for before.
func (l *lineCounter) lineAt(off int64) int {
	i := 0
	for i < len(l.newlines) && l.newlines[i] < off {
		i++
	}
	l.line += i
	l.newlines = l.newlines[i:]
	return l.line
}
