package export

import (
	"io"

	"github.com/openaesthetics/casebook/complication"
	"github.com/openaesthetics/casebook/schema"
)

// CSVOptions configure the CSV writers: [FlatWriter], [TablesWriter] and
// [SDTMWriter]. The zero value writes the machine profile and applies only
// the fail-closed checks.
type CSVOptions struct {
	// Profile is the CSV dialect; the zero value is ProfileMachine.
	Profile Profile

	// Validator, when set, validates each record against the submission
	// shape of its kind (report-submission or complaint-submission: schema
	// and domain rules) before writing it, and a rejected record is refused
	// with a *RecordError wrapping the *complication.ValidationError. Nil
	// skips full validation; the fail-closed checks (no identity block, a
	// deidentification block, no NaN or infinite numbers) always run.
	Validator *schema.Validator
}

// CSVReadOptions configure the CSV readers: [FlatReader] and
// [TablesReader]. The zero value reads machine-profile UTF-8.
type CSVReadOptions struct {
	// Profile must be the profile that wrote the files (the codebook
	// states it). With ProfileSpreadsheet the reader removes exactly one
	// leading apostrophe from every string cell that begins with one,
	// which undoes the writer's formula neutralisation exactly.
	Profile Profile

	// Charset is the input's encoding when it has no byte order mark.
	Charset Charset
}

// The flat layout's link column, between the record's and the event's
// columns.
const flatEventIndex = "event_index"

func flatHeader(rc []column[*report], ec []column[*eventRow]) []string {
	h := make([]string, 0, len(rc)+1+len(ec))
	for _, c := range rc {
		h = append(h, c.name)
	}
	h = append(h, flatEventIndex)
	for _, c := range ec {
		h = append(h, "events."+c.name)
	}
	return h
}

// FlatWriter writes de-identified reports as one CSV file with one row per
// event: the report's columns, repeated on each of its rows, then
// event_index and the event's columns, then the derived columns. See the
// package documentation for the layout. A report with no events gets one
// row with the event columns empty.
//
// A FlatWriter is not safe for concurrent use.
type FlatWriter struct {
	out    *csvOut
	gate   gate
	rcols  []column[*report]
	ecols  []column[*eventRow]
	buf    rowBuf
	ends   []int // end of each event's cells in buf
	writes int
}

// NewFlatWriter returns a writer of the flat layout to w.
func NewFlatWriter(w io.Writer, opts CSVOptions) *FlatWriter {
	rc, ec := reportColumns(), eventColumns()
	return &FlatWriter{
		out:   newCSVOut(w, opts.Profile, flatHeader(rc, ec)),
		gate:  gate{deidentified: true, validator: opts.Validator},
		rcols: rc,
		ecols: ec,
		buf:   newRowBuf(opts.Profile),
	}
}

// Write writes the rows of one report, after the header if this is the
// first call. It refuses a record that is not de-identified with a
// *RecordError and writes nothing of it; the writer stays usable. I/O
// errors are sticky: every later call returns the first. Output is
// buffered; call Flush at the end.
func (w *FlatWriter) Write(r *complication.Report) error {
	idx := w.writes
	w.writes++
	if w.out.err != nil {
		return w.out.err
	}
	if err := w.gate.check(idx, r); err != nil {
		return err
	}
	if err := w.out.start(); err != nil {
		return err
	}
	// The report's cells are built once; each event's row is them, then
	// the event's cells.
	b := &w.buf
	b.reset()
	appendCells(b, w.rcols, r)
	rep := len(b.arena)
	if len(r.Events) == 0 {
		b.continueRow()
		b.emptyCells(len(w.ecols) + 1)
		b.endRow()
		return w.out.writeBytes(b.arena)
	}
	w.ends = w.ends[:0]
	for k := range r.Events {
		b.continueRow()
		b.intCell(k)
		appendCells(b, w.ecols, b.eventRow(r, &r.Events[k]))
		b.endRow()
		w.ends = append(w.ends, len(b.arena))
	}
	from := rep
	for _, end := range w.ends {
		if err := w.out.writeBytes(b.arena[:rep]); err != nil {
			return err
		}
		if err := w.out.writeBytes(b.arena[from:end]); err != nil {
			return err
		}
		from = end
	}
	return nil
}

// WriteComplaint refuses a complaint: the flat layout is one row per
// event of a report, and complaints have no events. After the fail-closed
// checks it returns a *RecordError wrapping ErrRecordKind; nothing is
// written and the writer stays usable. Write complaints as tidy tables
// ([TablesWriter.WriteComplaint]) or JSON. It exists so that one
// interface covers every writer of a mixed stream.
func (w *FlatWriter) WriteComplaint(c *complication.Complaint) error {
	idx := w.writes
	w.writes++
	if w.out.err != nil {
		return w.out.err
	}
	return w.gate.refuseComplaint(idx, c)
}

// Flush writes any buffered data (and the header, if nothing was written
// yet) to the underlying writer and returns the first error that occurred.
func (w *FlatWriter) Flush() error { return w.out.flush() }

// FlatReader reads reports back from a flat-layout CSV file written by
// [FlatWriter], in either profile and in any column order. Derived columns
// may be present or absent and are ignored. The rows of a report are those
// from a row with event_index 0 (or empty: a report with no events) to the
// next such row; their record-level cells must agree.
//
// A problem with one report is returned as a *ParseError and the reader
// skips to the next report; CSV syntax and I/O errors are sticky.
//
// A FlatReader is not safe for concurrent use.
type FlatReader struct {
	in    *csvIn
	rcols []column[*report]
	ecols []column[*eventRow]

	started bool
	rpos    []int // CSV field of each record-level column
	epos    []int // CSV field of each event column; -1 for an absent derived column
	ipos    int   // CSV field of event_index
	pending []string
	skip    bool
}

// NewFlatReader returns a reader of the flat layout from r.
func NewFlatReader(r io.Reader, opts CSVReadOptions) *FlatReader {
	return &FlatReader{
		in:    newCSVIn("", r, opts.Profile, opts.Charset),
		rcols: reportColumns(),
		ecols: eventColumns(),
	}
}

func (fr *FlatReader) header() error {
	if fr.started {
		return nil
	}
	row, err := fr.in.read()
	if err == io.EOF {
		return &ParseError{Line: 1, Err: ErrColumns}
	}
	if err != nil {
		return err
	}
	fr.started = true
	idx, err := fr.in.headerIndex(row)
	if err != nil {
		fr.in.err = err
		return err
	}
	used := 0
	need := func(name string, optional bool) (int, error) {
		i, ok := idx[name]
		if !ok {
			if optional {
				return -1, nil
			}
			return -1, &ParseError{Line: 1, Field: name, Err: ErrColumns}
		}
		used++
		return i, nil
	}
	fr.rpos = make([]int, len(fr.rcols))
	for j, c := range fr.rcols {
		if fr.rpos[j], err = need(c.name, false); err != nil {
			fr.in.err = err
			return err
		}
	}
	if fr.ipos, err = need(flatEventIndex, false); err != nil {
		fr.in.err = err
		return err
	}
	fr.epos = make([]int, len(fr.ecols))
	for j, c := range fr.ecols {
		if fr.epos[j], err = need("events."+c.name, c.derived); err != nil {
			fr.in.err = err
			return err
		}
	}
	if used != len(row) {
		known := map[int]bool{fr.ipos: true}
		for _, p := range fr.rpos {
			known[p] = true
		}
		for _, p := range fr.epos {
			known[p] = true
		}
		for i, h := range row {
			if !known[i] {
				fr.in.err = fr.in.headerErr(i, h)
				return fr.in.err
			}
		}
	}
	return nil
}

// Read returns the next report, or nil and io.EOF at the end of the input.
func (fr *FlatReader) Read() (*complication.Report, error) {
	if err := fr.header(); err != nil {
		return nil, err
	}
	var rep *report
	var first []string
	for {
		row := fr.pending
		fr.pending = nil
		if row == nil {
			var err error
			if row, err = fr.in.read(); err == io.EOF {
				if rep != nil {
					return rep, nil
				}
				return nil, io.EOF
			} else if err != nil {
				return nil, err
			}
		}
		k, err := fr.eventIndex(row)
		if fr.skip {
			if err != nil || k > 0 {
				continue
			}
			fr.skip = false
		}
		if err != nil {
			fr.skip = true
			return nil, err
		}
		if rep == nil {
			if k > 0 {
				fr.skip = true
				return nil, fr.in.errAt(fr.ipos, flatEventIndex, ErrLink)
			}
			rep, first = new(report), row
			if err := fr.setReport(rep, row); err != nil {
				fr.skip = true
				return nil, err
			}
		} else if k <= 0 {
			fr.pending = row
			return rep, nil
		} else if err := fr.sameReport(first, row); err != nil {
			fr.skip = true
			return nil, err
		}
		if k < 0 {
			continue
		}
		if k != len(rep.Events) {
			fr.skip = true
			return nil, fr.in.errAt(fr.ipos, flatEventIndex, ErrLink)
		}
		if err := fr.addEvent(rep, row); err != nil {
			fr.skip = true
			return nil, err
		}
	}
}

// eventIndex returns the row's event_index, or -1 when it is empty.
func (fr *FlatReader) eventIndex(row []string) (int, error) {
	s, err := fr.in.cell(row, fr.ipos, kindInt, flatEventIndex)
	if err != nil || s == "" {
		return -1, err
	}
	k, err := parseInt(s)
	if err != nil || k < 0 {
		return -1, fr.in.errAt(fr.ipos, flatEventIndex, errWantInt)
	}
	return k, nil
}

func (fr *FlatReader) setReport(rep *report, row []string) error {
	for j := range fr.rcols {
		c := &fr.rcols[j]
		if err := setCell(fr.in, row, fr.rpos[j], c.name, c, rep); err != nil {
			return err
		}
	}
	return nil
}

func (fr *FlatReader) sameReport(first, row []string) error {
	for j, p := range fr.rpos {
		if first[p] != row[p] {
			return fr.in.errAt(p, fr.rcols[j].name, ErrInconsistent)
		}
	}
	return nil
}

func (fr *FlatReader) addEvent(rep *report, row []string) error {
	rep.Events = append(rep.Events, complication.Event{})
	x := &eventRow{r: rep, e: &rep.Events[len(rep.Events)-1]}
	for j := range fr.ecols {
		c := &fr.ecols[j]
		if c.derived {
			continue
		}
		if err := setCell(fr.in, row, fr.epos[j], "events."+c.name, c, x); err != nil {
			return err
		}
	}
	return nil
}

// setCell parses field i of row into t with column c.
func setCell[T any](in *csvIn, row []string, i int, name string, c *column[T], t T) error {
	s, err := in.cell(row, i, c.kind, name)
	if err != nil {
		return err
	}
	if s == "" {
		return nil
	}
	if err := c.set(t, s); err != nil {
		return in.errAt(i, name, err)
	}
	return nil
}
