package export

import (
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"

	"github.com/google/uuid"

	"github.com/openaesthetics/casebook/complication"
	"github.com/openaesthetics/casebook/schema"
)

// Sink creates the named files of a multi-file export, such as the tidy
// tables. Names are plain file names ("events.csv"), never paths.
type Sink interface {
	Create(name string) (io.WriteCloser, error)
}

// SinkFunc adapts a function to a [Sink], so tests can collect files in
// memory.
type SinkFunc func(name string) (io.WriteCloser, error)

// Create calls f(name).
func (f SinkFunc) Create(name string) (io.WriteCloser, error) { return f(name) }

// DirSink returns a [Sink] that creates (or truncates) files in the
// directory dir, which must exist. Read them back with os.DirFS(dir).
func DirSink(dir string) Sink {
	return SinkFunc(func(name string) (io.WriteCloser, error) {
		if name != filepath.Base(name) {
			return nil, &fs.PathError{Op: "create", Path: name, Err: fs.ErrInvalid}
		}
		return os.Create(filepath.Join(dir, name))
	})
}

// Names of the codebook files a TablesWriter writes beside the tables.
const (
	DictionaryFile  = "codebook.csv"     // REDCap-style data dictionary
	DataPackageFile = "datapackage.json" // Frictionless Data Package
)

// link columns of the tables.
const (
	linkReportID = "report_id"
	linkEventID  = "event_id"
)

// table is one tidy table of records of type R. The report tables
// (reports, events and the child tables of reports' arrays) are
// table[*report]; complaint and escalation tables will be
// table[*complication.Complaint], in a table set of their own beside
// reportTables, written by their own Write method and read in step the
// same way.
type table[R any] interface {
	name() string
	header() []string
	describe() tableDesc
	// appendRows appends the table's rows for r to b (each row is width()
	// cells) and returns how many rows it appended.
	appendRows(b *rowBuf, r R, p Profile) int
	width() int
	// bind maps a header to the table's columns and returns the function
	// that attaches one row to the record being rebuilt.
	bind(in *csvIn, header []string) (attachFunc[R], error)
}

type attachFunc[R any] func(row []string, r R) error

// reportTables is the tidy layout of reports, in the order of the files'
// descriptions in the codebook and of rebuilding on reading: the parent
// table first.
func reportTables() []table[*report] {
	return []table[*report]{
		&reportsTable{cols: withoutLists(reportColumns())},
		&eventsTable{cols: withoutLists(eventColumns())},
		&childTable[notification]{
			file: "notifications", entity: "reported_to", index: "notification_index", level: levelReport,
			cols: notificationColumns(),
			slot: func(r *report, _ *event) *[]notification { return &r.ReportedTo },
		},
		&childTable[product]{
			file: "products", entity: "treatment.products", index: "product_index", level: levelReport,
			cols: productColumns(),
			slot: func(r *report, _ *event) *[]product { return &r.Treatment.Products },
		},
		&childTable[siteSide]{
			file: "treatment_sites", entity: "treatment.sites", index: "site_index", level: levelReport,
			cols: siteColumns(),
			slot: func(r *report, _ *event) *[]siteSide { return &r.Treatment.Sites },
		},
		&childTable[siteSide]{
			file: "event_sites", entity: "events.sites", index: "site_index", level: levelEvent,
			cols: siteColumns(),
			slot: func(_ *report, e *event) *[]siteSide { return &e.Sites },
		},
		&childTable[management]{
			file: "management", entity: "events.management", index: "management_index", level: levelEvent,
			cols: managementColumns(),
			slot: func(_ *report, e *event) *[]management { return &e.Management },
		},
		&childTable[codeRef]{
			file: "codes", entity: "events.codes", index: "code_index", level: levelEvent,
			cols: codeRefColumns(),
			slot: func(_ *report, e *event) *[]codeRef { return &e.Codes },
		},
	}
}

// bindColumns maps the header to the link columns (required, in order of
// names) and the data columns (required unless derived). It returns the
// field of each link and each column (-1 for an absent derived column).
func bindColumns[T any](in *csvIn, header []string, links []string, cols []column[T]) (lpos, cpos []int, err error) {
	idx, err := in.headerIndex(header)
	if err != nil {
		return nil, nil, err
	}
	known := make([]bool, len(header))
	find := func(name string, optional bool) (int, error) {
		i, ok := idx[name]
		if !ok {
			if optional {
				return -1, nil
			}
			return -1, &ParseError{File: in.file, Line: 1, Field: name, Err: ErrColumns}
		}
		known[i] = true
		return i, nil
	}
	lpos = make([]int, len(links))
	for j, l := range links {
		if lpos[j], err = find(l, false); err != nil {
			return nil, nil, err
		}
	}
	cpos = make([]int, len(cols))
	for j, c := range cols {
		if cpos[j], err = find(c.name, c.derived); err != nil {
			return nil, nil, err
		}
	}
	for i, ok := range known {
		if !ok {
			return nil, nil, in.errAt(i, header[i], ErrColumns)
		}
	}
	return lpos, cpos, nil
}

// setColumns parses the row's cells into t.
func setColumns[T any](in *csvIn, row []string, cols []column[T], cpos []int, t T) error {
	for j := range cols {
		c := &cols[j]
		if c.derived {
			continue
		}
		if err := setCell(in, row, cpos[j], c.name, c, t); err != nil {
			return err
		}
	}
	return nil
}

// linkUUID parses a link column's UUID.
func linkUUID(in *csvIn, row []string, i int, name string) (uuid.UUID, error) {
	s, err := in.cell(row, i, kindUUID, name)
	if err != nil {
		return uuid.Nil, err
	}
	u, err := parseUUID(s)
	if err != nil {
		return uuid.Nil, in.errAt(i, name, err)
	}
	return u, nil
}

// linkIndex parses a link column's index and checks it is want.
func linkIndex(in *csvIn, row []string, i int, name string, want int) error {
	s, err := in.cell(row, i, kindInt, name)
	if err != nil {
		return err
	}
	n, err := parseInt(s)
	if err != nil {
		return in.errAt(i, name, err)
	}
	if n != want {
		return in.errAt(i, name, ErrLink)
	}
	return nil
}

// reportsTable: one row per report.
type reportsTable struct{ cols []column[*report] }

func (t *reportsTable) name() string { return "reports" }
func (t *reportsTable) width() int   { return len(t.cols) }
func (t *reportsTable) header() []string {
	h := make([]string, len(t.cols))
	for i, c := range t.cols {
		h[i] = c.name
	}
	return h
}

func (t *reportsTable) appendRows(b *rowBuf, r *report, p Profile) int {
	appendCells(b, t.cols, r, p)
	return 1
}

func (t *reportsTable) bind(in *csvIn, header []string) (attachFunc[*report], error) {
	_, cpos, err := bindColumns(in, header, nil, t.cols)
	if err != nil {
		return nil, err
	}
	return func(row []string, r *report) error { return setColumns(in, row, t.cols, cpos, r) }, nil
}

// eventsTable: one row per event, linked by report_id and event_index.
type eventsTable struct{ cols []column[*eventRow] }

const eventIndex = "event_index"

func (t *eventsTable) name() string { return "events" }
func (t *eventsTable) width() int   { return 2 + len(t.cols) }
func (t *eventsTable) header() []string {
	h := []string{linkReportID, eventIndex}
	for _, c := range t.cols {
		h = append(h, c.name)
	}
	return h
}

func (t *eventsTable) appendRows(b *rowBuf, r *report, p Profile) int {
	for k := range r.Events {
		b.uuidCell(r.ID)
		b.intCell(k)
		appendCells(b, t.cols, &eventRow{r: r, e: &r.Events[k]}, p)
	}
	return len(r.Events)
}

func (t *eventsTable) bind(in *csvIn, header []string) (attachFunc[*report], error) {
	lpos, cpos, err := bindColumns(in, header, []string{linkReportID, eventIndex}, t.cols)
	if err != nil {
		return nil, err
	}
	return func(row []string, r *report) error {
		if err := linkIndex(in, row, lpos[1], eventIndex, len(r.Events)); err != nil {
			return err
		}
		r.Events = append(r.Events, complication.Event{})
		return setColumns(in, row, t.cols, cpos, &eventRow{r: r, e: &r.Events[len(r.Events)-1]})
	}, nil
}

// level says whether a child table's elements belong to the report or to
// an event.
type level uint8

const (
	levelReport level = iota
	levelEvent
)

// childTable holds the elements of an array of objects: one row per
// element, linked by report_id (and event_id) and the element's 0-based
// position in its array.
type childTable[E any] struct {
	file   string // table name
	entity string // dotted JSON path of the array, for the codebook
	index  string // name of the position column
	level  level
	cols   []column[*E]
	slot   func(r *report, e *event) *[]E
}

func (t *childTable[E]) name() string { return t.file }

func (t *childTable[E]) links() []string {
	if t.level == levelEvent {
		return []string{linkReportID, linkEventID, t.index}
	}
	return []string{linkReportID, t.index}
}

func (t *childTable[E]) width() int { return len(t.links()) + len(t.cols) }

func (t *childTable[E]) header() []string {
	h := t.links()
	for _, c := range t.cols {
		h = append(h, c.name)
	}
	return h
}

func (t *childTable[E]) appendRows(b *rowBuf, r *report, p Profile) int {
	if t.level == levelReport {
		return t.appendGroup(b, r, nil, p)
	}
	n := 0
	for k := range r.Events {
		n += t.appendGroup(b, r, &r.Events[k], p)
	}
	return n
}

func (t *childTable[E]) appendGroup(b *rowBuf, r *report, e *event, p Profile) int {
	s := *t.slot(r, e)
	for i := range s {
		b.uuidCell(r.ID)
		if e != nil {
			b.uuidCell(e.ID)
		}
		b.intCell(i)
		appendCells(b, t.cols, &s[i], p)
	}
	return len(s)
}

func (t *childTable[E]) bind(in *csvIn, header []string) (attachFunc[*report], error) {
	links := t.links()
	lpos, cpos, err := bindColumns(in, header, links, t.cols)
	if err != nil {
		return nil, err
	}
	return func(row []string, r *report) error {
		var e *event
		if t.level == levelEvent {
			id, err := linkUUID(in, row, lpos[1], linkEventID)
			if err != nil {
				return err
			}
			for k := range r.Events {
				if r.Events[k].ID == id {
					e = &r.Events[k]
					break
				}
			}
			if e == nil {
				return in.errAt(lpos[1], linkEventID, ErrLink)
			}
		}
		s := t.slot(r, e)
		ip := lpos[len(lpos)-1]
		if err := linkIndex(in, row, ip, t.index, len(*s)); err != nil {
			return err
		}
		var zero E
		*s = append(*s, zero)
		return setColumns(in, row, t.cols, cpos, &(*s)[len(*s)-1])
	}, nil
}

// TablesWriter writes de-identified reports as tidy tables, one CSV file
// per entity, linked by ids, with a codebook beside them. See the package
// documentation for the files and their columns. Every table file is
// created by NewTablesWriter and gets its header even when no record is
// written; rows appear in the order of the Write calls, which is what
// [TablesReader] relies on to rebuild records while holding only one.
//
// The tables need ids to link rows: Write refuses (with a *RecordError
// wrapping ErrNoID or ErrDuplicateID) a report without an id, a report
// with the same id as the one before it, and events without ids or with
// the same id as another event of their report.
//
// A TablesWriter is not safe for concurrent use.
type TablesWriter struct {
	sink    Sink
	profile Profile
	tables  []table[*report]
	outs    []*csvOut
	files   []io.WriteCloser
	gate    gate
	buf     rowBuf
	counts  []int
	writes  int
	lastID  uuid.UUID
	closed  bool
	err     error
}

// NewTablesWriter creates the table files in sink and returns a writer
// of them. If creating a file fails, the files already created are closed
// and the error is returned.
func NewTablesWriter(sink Sink, opts CSVOptions) (*TablesWriter, error) {
	w := &TablesWriter{
		sink:    sink,
		profile: opts.Profile,
		tables:  reportTables(),
		gate:    gate{deidentified: true, validator: opts.Validator, shape: schema.ReportSubmission},
	}
	for _, t := range w.tables {
		f, err := sink.Create(t.name() + ".csv")
		if err != nil {
			for _, f := range w.files {
				f.Close()
			}
			return nil, err
		}
		w.files = append(w.files, f)
		w.outs = append(w.outs, newCSVOut(f, opts.Profile, t.header()))
	}
	w.counts = make([]int, len(w.tables))
	return w, nil
}

// Write writes the rows of one report to every table. It refuses a record
// that is not de-identified, or that the tables cannot link, with a
// *RecordError and writes nothing of it; the writer stays usable. I/O
// errors are sticky.
func (w *TablesWriter) Write(r *complication.Report) error {
	idx := w.writes
	w.writes++
	if w.closed {
		return ErrClosed
	}
	if w.err != nil {
		return w.err
	}
	if err := w.gate.check(idx, r); err != nil {
		return err
	}
	if err := checkLinks(idx, r, w.lastID); err != nil {
		return err
	}
	b := &w.buf
	b.reset()
	for i, t := range w.tables {
		w.counts[i] = t.appendRows(b, r, w.profile)
	}
	b.freeze()
	cell := 0
	for i, t := range w.tables {
		out := w.outs[i]
		if err := out.start(); err != nil {
			w.err = err
			return err
		}
		wd := t.width()
		for range w.counts[i] {
			b.cells = b.rangeCells(b.cells[:0], cell, cell+wd)
			cell += wd
			if err := out.write(b.cells); err != nil {
				w.err = err
				return err
			}
		}
	}
	w.lastID = r.ID
	return nil
}

// checkLinks refuses a report the tables could not link.
func checkLinks(idx int, r *report, last uuid.UUID) error {
	if r.ID == uuid.Nil {
		return &RecordError{Index: idx, Pointer: "/id", Err: ErrNoID}
	}
	if r.ID == last {
		return &RecordError{Index: idx, Pointer: "/id", Err: ErrDuplicateID}
	}
	for k := range r.Events {
		id := r.Events[k].ID
		ptr := "/events/" + strconv.Itoa(k) + "/id"
		if id == uuid.Nil {
			return &RecordError{Index: idx, Pointer: ptr, Err: ErrNoID}
		}
		for j := range k {
			if r.Events[j].ID == id {
				return &RecordError{Index: idx, Pointer: ptr, Err: ErrDuplicateID}
			}
		}
	}
	return nil
}

// Flush writes buffered rows of every table (and the headers, if nothing
// was written yet) to the files.
func (w *TablesWriter) Flush() error {
	if w.err != nil {
		return w.err
	}
	for _, out := range w.outs {
		if err := out.flush(); err != nil {
			w.err = err
			return err
		}
	}
	return nil
}

// Close flushes the tables, writes the codebook (DictionaryFile and
// DataPackageFile, stating the profile) and closes every file. It returns
// the first error; the writer cannot be used afterwards.
func (w *TablesWriter) Close() error {
	if w.closed {
		return ErrClosed
	}
	w.closed = true
	err := w.Flush()
	for _, f := range w.files {
		if cerr := f.Close(); cerr != nil && err == nil {
			err = cerr
		}
	}
	if err != nil {
		return err
	}
	descs := make([]tableDesc, len(w.tables))
	for i, t := range w.tables {
		descs[i] = t.describe()
	}
	if err := writeFile(w.sink, DictionaryFile, func(wr io.Writer) error {
		return writeDictionary(wr, LayoutTables, descs, w.profile)
	}); err != nil {
		return err
	}
	return writeFile(w.sink, DataPackageFile, func(wr io.Writer) error {
		return writeDataPackage(wr, LayoutTables, descs, w.profile)
	})
}

func writeFile(sink Sink, name string, write func(io.Writer) error) error {
	f, err := sink.Create(name)
	if err != nil {
		return err
	}
	err = write(f)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

// TablesReader rebuilds reports from tidy tables written by [TablesWriter].
// It opens every table file at once and reads them in step, joining rows
// on report_id (and event_id) as it goes, so it holds one report at a time
// whatever the size of the files. Columns may come in any order; derived
// columns may be absent and are ignored.
//
// The rows of each table must be in the order of reports.csv, as the
// writer leaves them. A row that links to no report, or comes out of
// order, is a *ParseError wrapping ErrLink, detected when the reader
// passes the report it should have belonged to (at the latest at the end
// of reports.csv); records returned before it may lack that row, so treat
// any error from Read as failing the whole input. Every error is sticky:
// once the tables disagree, no later record can be trusted.
//
// A TablesReader is not safe for concurrent use.
type TablesReader struct {
	tables []*tableIn
	files  []io.Closer
	lastID uuid.UUID
	err    error
}

// tableIn is one table being read: its reader, its one-row lookahead and
// the report id of that row.
type tableIn struct {
	in     *csvIn
	rid    int
	attach attachFunc[*report]
	next   []string
	nextID uuid.UUID
	eof    bool
}

func (t *tableIn) advance() error {
	row, err := t.in.read()
	if err == io.EOF {
		t.next, t.eof = nil, true
		return nil
	}
	if err != nil {
		return err
	}
	id, err := linkUUID(t.in, row, t.rid, t.ridName())
	if err != nil {
		return err
	}
	t.next, t.nextID = row, id
	return nil
}

func (t *tableIn) ridName() string {
	if t.in.file == "reports.csv" {
		return "id"
	}
	return linkReportID
}

// NewTablesReader opens the tables in fsys (os.DirFS(dir) for a
// directory) and reads their headers.
func NewTablesReader(fsys fs.FS, opts CSVReadOptions) (*TablesReader, error) {
	tr := &TablesReader{}
	for _, t := range reportTables() {
		name := t.name() + ".csv"
		f, err := fsys.Open(name)
		if err != nil {
			tr.Close()
			return nil, err
		}
		tr.files = append(tr.files, f)
		in := newCSVIn(name, f, opts.Profile, opts.Charset)
		header, err := in.read()
		if err == io.EOF {
			err = &ParseError{File: name, Line: 1, Err: ErrColumns}
		}
		if err != nil {
			tr.Close()
			return nil, err
		}
		attach, err := t.bind(in, header)
		if err != nil {
			tr.Close()
			return nil, err
		}
		ti := &tableIn{in: in, attach: attach}
		idx, _ := in.headerIndex(header)
		ti.rid = idx[ti.ridName()]
		if err := ti.advance(); err != nil {
			tr.Close()
			return nil, err
		}
		tr.tables = append(tr.tables, ti)
	}
	return tr, nil
}

// Read returns the next report, or nil and io.EOF after the last.
func (tr *TablesReader) Read() (*complication.Report, error) {
	if tr.err != nil {
		return nil, tr.err
	}
	r, err := tr.read()
	if err != nil {
		tr.err = err
	}
	return r, err
}

func (tr *TablesReader) read() (*complication.Report, error) {
	reports := tr.tables[0]
	if reports.eof {
		for _, t := range tr.tables[1:] {
			if !t.eof {
				return nil, t.in.errAt(t.rid, linkReportID, ErrLink)
			}
		}
		return nil, io.EOF
	}
	r := new(report)
	if err := reports.attach(reports.next, r); err != nil {
		return nil, err
	}
	if r.ID == tr.lastID {
		return nil, reports.in.errAt(reports.rid, "id", ErrDuplicateID)
	}
	if err := reports.advance(); err != nil {
		return nil, err
	}
	for _, t := range tr.tables[1:] {
		for !t.eof && t.nextID == r.ID {
			if err := t.attach(t.next, r); err != nil {
				return nil, err
			}
			if err := t.advance(); err != nil {
				return nil, err
			}
		}
		if !t.eof && t.nextID == tr.lastID {
			return nil, t.in.errAt(t.rid, linkReportID, ErrLink)
		}
	}
	tr.lastID = r.ID
	return r, nil
}

// Close closes every table file.
func (tr *TablesReader) Close() error {
	var err error
	for _, f := range tr.files {
		if cerr := f.Close(); cerr != nil && err == nil {
			err = cerr
		}
	}
	tr.files = nil
	return err
}
