package export

import (
	"errors"
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
	linkReportID    = "report_id"
	linkComplaintID = "complaint_id"
	linkEventID     = "event_id"
)

// recordKind describes a kind of record to its tables: the parent table
// (one row per record, keyed by id), the column that links child rows to
// it, and the published shape its columns' paths refer to.
type recordKind struct {
	noun   string // "report", "complaint"
	parent string // name of the parent table: "reports", "complaints"
	link   string // link column of the child tables: report_id, complaint_id
	shape  schema.Shape
}

func reportKind() recordKind {
	return recordKind{noun: "report", parent: "reports", link: linkReportID, shape: schema.ReportSubmission}
}

func complaintKind() recordKind {
	return recordKind{noun: "complaint", parent: "complaints", link: linkComplaintID, shape: schema.ComplaintSubmission}
}

// table is one tidy table of records of type R: *report for the report
// tables, *complaintRow for the complaint tables.
type table[R any] interface {
	name() string
	header() []string
	describe() tableDesc
	// appendRows appends the table's rows for r to b, each of width()
	// cells.
	appendRows(b *rowBuf, r R)
	width() int
	// bind maps a header to the table's columns and returns the function
	// that attaches one row to the record being rebuilt.
	bind(in *csvIn, header []string) (attachFunc[R], error)
}

type attachFunc[R any] func(row []string, r R) error

// tableSet is the tables of one kind of record, the parent table first: the
// order of the files' descriptions in the codebook and of rebuilding on
// reading.
type tableSet[R any] struct {
	kind   recordKind
	list   []table[R]
	id     func(R) uuid.UUID
	newRec func() R
}

func (s tableSet[R]) describe() []tableDesc {
	descs := make([]tableDesc, len(s.list))
	for i, t := range s.list {
		descs[i] = t.describe()
	}
	return descs
}

// reportTables is the tidy layout of reports.
func reportTables() tableSet[*report] {
	k := reportKind()
	return tableSet[*report]{
		kind:   k,
		id:     func(r *report) uuid.UUID { return r.ID },
		newRec: func() *report { return new(report) },
		list: []table[*report]{
			&parentTable[*report]{kind: k, title: "Reports: one row per complication report", cols: withoutLists(reportColumns())},
			&eventsTable{cols: withoutLists(eventColumns())},
			reportChild("notifications", "reported_to", "notification_index", levelRecord, notificationColumns(),
				func(r *report, _ *event) *[]notification { return &r.ReportedTo }),
			reportChild("products", "treatment.products", "product_index", levelRecord, productColumns(),
				func(r *report, _ *event) *[]product { return &r.Treatment.Products }),
			reportChild("treatment_sites", "treatment.sites", "site_index", levelRecord, siteColumns(),
				func(r *report, _ *event) *[]siteSide { return &r.Treatment.Sites }),
			reportChild("event_sites", "events.sites", "site_index", levelEvent, siteColumns(),
				func(_ *report, e *event) *[]siteSide { return &e.Sites }),
			reportChild("management", "events.management", "management_index", levelEvent, managementColumns(),
				func(_ *report, e *event) *[]management { return &e.Management }),
			reportChild("codes", "events.codes", "code_index", levelEvent, codeRefColumns(),
				func(_ *report, e *event) *[]codeRef { return &e.Codes }),
		},
	}
}

// allTables describes every table a TablesWriter writes: the report
// tables, then the complaint tables.
func allTables() []tableDesc {
	return append(reportTables().describe(), complaintTables().describe()...)
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
			return nil, nil, in.headerErr(i, header[i])
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

// parentTable: one row per record (reports.csv, complaints.csv), keyed by
// the record's id.
type parentTable[R any] struct {
	kind  recordKind
	title string
	cols  []column[R]
}

func (t *parentTable[R]) name() string { return t.kind.parent }
func (t *parentTable[R]) width() int   { return len(t.cols) }
func (t *parentTable[R]) header() []string {
	h := make([]string, len(t.cols))
	for i, c := range t.cols {
		h[i] = c.name
	}
	return h
}

func (t *parentTable[R]) appendRows(b *rowBuf, r R) {
	appendCells(b, t.cols, r)
	b.endRow()
}

func (t *parentTable[R]) bind(in *csvIn, header []string) (attachFunc[R], error) {
	_, cpos, err := bindColumns(in, header, nil, t.cols)
	if err != nil {
		return nil, err
	}
	return func(row []string, r R) error { return setColumns(in, row, t.cols, cpos, r) }, nil
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

func (t *eventsTable) appendRows(b *rowBuf, r *report) {
	for k := range r.Events {
		b.uuidCell(r.ID)
		b.intCell(k)
		appendCells(b, t.cols, b.eventRow(r, &r.Events[k]))
		b.endRow()
	}
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

// level says whether a child table's elements belong to the record or to
// an event of a report.
type level uint8

const (
	levelRecord level = iota
	levelEvent
)

// childTable holds the elements of an array of objects: one row per
// element, linked by the record's id (and the event's id) and the
// element's 0-based position in its array.
type childTable[R, E any] struct {
	kind   recordKind
	file   string // table name
	entity string // dotted JSON path of the array, for the codebook
	index  string // name of the position column
	level  level
	cols   []column[*E]
	id     func(r R) uuid.UUID
	events func(r R) []event // the events of a report, for levelEvent
	slot   func(r R, e *event) *[]E
}

// reportChild returns the child table of an array of a report or of its
// events.
func reportChild[E any](file, entity, index string, l level, cols []column[*E], slot func(*report, *event) *[]E) *childTable[*report, E] {
	return &childTable[*report, E]{kind: reportKind(), file: file, entity: entity, index: index, level: l, cols: cols,
		id:     func(r *report) uuid.UUID { return r.ID },
		events: func(r *report) []event { return r.Events },
		slot:   slot}
}

func (t *childTable[R, E]) name() string { return t.file }

func (t *childTable[R, E]) links() []string {
	if t.level == levelEvent {
		return []string{t.kind.link, linkEventID, t.index}
	}
	return []string{t.kind.link, t.index}
}

func (t *childTable[R, E]) width() int { return len(t.links()) + len(t.cols) }

func (t *childTable[R, E]) header() []string {
	h := t.links()
	for _, c := range t.cols {
		h = append(h, c.name)
	}
	return h
}

func (t *childTable[R, E]) appendRows(b *rowBuf, r R) {
	if t.level == levelRecord {
		t.appendGroup(b, r, nil)
		return
	}
	evs := t.events(r)
	for k := range evs {
		t.appendGroup(b, r, &evs[k])
	}
}

func (t *childTable[R, E]) appendGroup(b *rowBuf, r R, e *event) {
	s := *t.slot(r, e)
	for i := range s {
		b.uuidCell(t.id(r))
		if e != nil {
			b.uuidCell(e.ID)
		}
		b.intCell(i)
		appendCells(b, t.cols, &s[i])
		b.endRow()
	}
}

func (t *childTable[R, E]) bind(in *csvIn, header []string) (attachFunc[R], error) {
	links := t.links()
	lpos, cpos, err := bindColumns(in, header, links, t.cols)
	if err != nil {
		return nil, err
	}
	return func(row []string, r R) error {
		var e *event
		if t.level == levelEvent {
			id, err := linkUUID(in, row, lpos[1], linkEventID)
			if err != nil {
				return err
			}
			evs := t.events(r)
			for k := range evs {
				if evs[k].ID == id {
					e = &evs[k]
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

// TablesWriter writes de-identified records as tidy tables, one CSV file
// per entity, linked by ids, with a codebook beside them: reports (Write)
// to the report tables and complaints (WriteComplaint) to the complaint
// tables. See the package documentation for the files and their columns.
//
// Every table file of both kinds is created by NewTablesWriter and gets
// its header even when no record of its kind is written, so a run of
// reports only, complaints only or both always gives the same set of
// files, which the codebook describes. Rows appear in the order of the
// Write (or WriteComplaint) calls, which is what [TablesReader] relies on
// to rebuild records while holding only one; the order between a report
// and a complaint is not kept, since they go to different files.
//
// The tables need ids to link rows: Write refuses (with a *RecordError
// wrapping ErrNoID or ErrDuplicateID) a report without an id, a report
// with the same id as the report before it, and events without ids or
// with the same id as another event of their report; WriteComplaint
// refuses a complaint without an id or with the same id as the complaint
// before it.
//
// A TablesWriter is not safe for concurrent use.
type TablesWriter struct {
	sink       Sink
	profile    Profile
	reports    setOut[*report]
	complaints setOut[*complaintRow]
	files      []io.WriteCloser
	gate       gate
	buf        rowBuf
	complaint  complaintRow // the complaint being written
	writes     int
	closed     bool
	err        error
}

// setOut is the output side of one table set.
type setOut[R any] struct {
	tableSet[R]
	outs   []*csvOut
	ends   []int // end of each table's rows in the arena, for the record being written
	lastID uuid.UUID
}

// NewTablesWriter creates the table files in sink and returns a writer
// of them. If creating a file fails, the files already created are closed
// and the error is returned.
func NewTablesWriter(sink Sink, opts CSVOptions) (*TablesWriter, error) {
	w := &TablesWriter{
		sink:       sink,
		profile:    opts.Profile,
		reports:    setOut[*report]{tableSet: reportTables()},
		complaints: setOut[*complaintRow]{tableSet: complaintTables()},
		gate:       gate{deidentified: true, validator: opts.Validator},
		buf:        newRowBuf(opts.Profile),
	}
	err := createTables(w, &w.reports)
	if err == nil {
		err = createTables(w, &w.complaints)
	}
	if err != nil {
		for _, f := range w.files {
			f.Close()
		}
		return nil, err
	}
	return w, nil
}

func createTables[R any](w *TablesWriter, s *setOut[R]) error {
	for _, t := range s.list {
		f, err := w.sink.Create(t.name() + ".csv")
		if err != nil {
			return err
		}
		w.files = append(w.files, f)
		s.outs = append(s.outs, newCSVOut(f, w.profile, t.header()))
	}
	s.ends = make([]int, len(s.list))
	return nil
}

// Write writes the rows of one report to the report tables. It refuses a
// record that is not de-identified, or that the tables cannot link, with a
// *RecordError and writes nothing of it; the writer stays usable. I/O
// errors are sticky.
func (w *TablesWriter) Write(r *complication.Report) error {
	idx := w.writes
	w.writes++
	if err := w.ready(); err != nil {
		return err
	}
	if err := w.gate.check(idx, r); err != nil {
		return err
	}
	if err := checkLinks(idx, r, w.reports.lastID); err != nil {
		return err
	}
	return writeRows(w, &w.reports, r)
}

// WriteComplaint writes the rows of one complaint to the complaint tables,
// with the same checks as Write: the fail-closed checks, the Validator
// (against the complaint-submission shape) and the ids the tables need.
// Write and WriteComplaint share the record index of a *RecordError.
func (w *TablesWriter) WriteComplaint(c *complication.Complaint) error {
	idx := w.writes
	w.writes++
	if err := w.ready(); err != nil {
		return err
	}
	if err := w.gate.checkComplaint(idx, c); err != nil {
		return err
	}
	switch c.ID {
	case uuid.Nil:
		return &RecordError{Index: idx, Pointer: "/id", Err: ErrNoID}
	case w.complaints.lastID:
		return &RecordError{Index: idx, Pointer: "/id", Err: ErrDuplicateID}
	}
	w.complaint = complaintRow{c: c}
	return writeRows(w, &w.complaints, &w.complaint)
}

func (w *TablesWriter) ready() error {
	if w.closed {
		return ErrClosed
	}
	return w.err
}

// writeRows builds every row of r in one arena, then writes them table by
// table: a record is checked before any of it is written.
func writeRows[R any](w *TablesWriter, s *setOut[R], r R) error {
	b := &w.buf
	b.reset()
	for i, t := range s.list {
		t.appendRows(b, r)
		s.ends[i] = len(b.arena)
	}
	from := 0
	for i, out := range s.outs {
		if err := out.start(); err != nil {
			w.err = err
			return err
		}
		if err := out.writeBytes(b.arena[from:s.ends[i]]); err != nil {
			w.err = err
			return err
		}
		from = s.ends[i]
	}
	s.lastID = s.id(r)
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
		if id == uuid.Nil {
			return &RecordError{Index: idx, Pointer: "/events/" + strconv.Itoa(k) + "/id", Err: ErrNoID}
		}
		for j := range k {
			if r.Events[j].ID == id {
				return &RecordError{Index: idx, Pointer: "/events/" + strconv.Itoa(k) + "/id", Err: ErrDuplicateID}
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
	for _, outs := range [][]*csvOut{w.reports.outs, w.complaints.outs} {
		for _, out := range outs {
			if err := out.flush(); err != nil {
				w.err = err
				return err
			}
		}
	}
	return nil
}

// Close flushes the tables, writes the codebook (DictionaryFile and
// DataPackageFile, stating the profile and describing every table file)
// and closes every file. It returns the first error; the writer cannot be
// used afterwards.
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
	descs := append(w.reports.describe(), w.complaints.describe()...)
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

// TablesReader rebuilds reports ([TablesReader.Read]) and complaints
// ([TablesReader.ReadComplaint]) from tidy tables written by
// [TablesWriter]. It opens every table file at once and reads the tables
// of each kind in step, joining rows on report_id (and event_id) or
// complaint_id as it goes, so it holds one record of each kind at a time
// whatever the size of the files. Columns may come in any order; derived
// columns may be absent and are ignored. The two kinds are independent
// streams: read either, or both in any order.
//
// The tables of one kind may be absent as a whole, as when a researcher
// keeps only the report tables; that kind then reads as empty (io.EOF at
// once). A kind with only some of its files is an error, and so are
// tables with neither kind.
//
// The rows of each table must be in the order of its parent table
// (reports.csv or complaints.csv), as the writer leaves them. A row that
// links to no record, or comes out of order, is a *ParseError wrapping
// ErrLink, detected when the reader passes the record it should have
// belonged to (at the latest at the end of the parent table); records
// returned before it may lack that row, so treat any error from Read or
// ReadComplaint as failing that kind's whole input. Every error is sticky
// for its kind: once its tables disagree, no later record of that kind can
// be trusted.
//
// A TablesReader is not safe for concurrent use.
type TablesReader struct {
	reports    *setIn[*report]
	complaints *setIn[*complaintRow]
	files      []io.Closer
}

// setIn is the input side of one table set.
type setIn[R any] struct {
	tableSet[R]
	ins     []*tableIn[R]
	absent  bool  // no file of the set exists
	missing error // why, for the error when no set exists
	lastID  uuid.UUID
	err     error
}

// tableIn is one table being read: its reader, its one-row lookahead and
// the record id of that row.
type tableIn[R any] struct {
	in      *csvIn
	rid     int    // field of the record id
	ridName string // its header: id in the parent table, the link column in the others
	attach  attachFunc[R]
	next    []string
	nextID  uuid.UUID
	eof     bool
}

func (t *tableIn[R]) advance() error {
	row, err := t.in.read()
	if err == io.EOF {
		t.next, t.eof = nil, true
		return nil
	}
	if err != nil {
		return err
	}
	id, err := linkUUID(t.in, row, t.rid, t.ridName)
	if err != nil {
		return err
	}
	t.next, t.nextID = row, id
	return nil
}

// NewTablesReader opens the tables in fsys (os.DirFS(dir) for a
// directory) and reads their headers.
func NewTablesReader(fsys fs.FS, opts CSVReadOptions) (*TablesReader, error) {
	tr := &TablesReader{}
	var err error
	if tr.reports, err = openSet(fsys, reportTables(), opts, tr); err == nil {
		tr.complaints, err = openSet(fsys, complaintTables(), opts, tr)
	}
	if err == nil && tr.reports.absent && tr.complaints.absent {
		err = tr.reports.missing
	}
	if err != nil {
		tr.Close()
		return nil, err
	}
	return tr, nil
}

// openSet opens the files of one table set, reads their headers and the
// first row of each.
func openSet[R any](fsys fs.FS, s tableSet[R], opts CSVReadOptions, tr *TablesReader) (*setIn[R], error) {
	si := &setIn[R]{tableSet: s}
	files := make([]fs.File, len(s.list))
	absent := 0
	for i, t := range s.list {
		f, err := fsys.Open(t.name() + ".csv")
		switch {
		case err == nil:
			files[i] = f
			tr.files = append(tr.files, f)
		case errors.Is(err, fs.ErrNotExist):
			absent++
			if si.missing == nil {
				si.missing = err
			}
		default:
			return nil, err
		}
	}
	if absent == len(s.list) {
		si.absent = true
		return si, nil
	}
	if absent > 0 {
		return nil, si.missing
	}
	for i, t := range s.list {
		name := t.name() + ".csv"
		in := newCSVIn(name, files[i], opts.Profile, opts.Charset)
		header, err := in.read()
		if err == io.EOF {
			err = &ParseError{File: name, Line: 1, Err: ErrColumns}
		}
		if err != nil {
			return nil, err
		}
		attach, err := t.bind(in, header)
		if err != nil {
			return nil, err
		}
		ti := &tableIn[R]{in: in, attach: attach, ridName: s.kind.link}
		if i == 0 {
			ti.ridName = "id"
		}
		idx, _ := in.headerIndex(header)
		ti.rid = idx[ti.ridName]
		if err := ti.advance(); err != nil {
			return nil, err
		}
		si.ins = append(si.ins, ti)
	}
	return si, nil
}

// Read returns the next report, or nil and io.EOF after the last.
func (tr *TablesReader) Read() (*complication.Report, error) {
	return tr.reports.read()
}

// ReadComplaint returns the next complaint, or nil and io.EOF after the
// last. Its errors are those of Read, for the complaint tables.
func (tr *TablesReader) ReadComplaint() (*complication.Complaint, error) {
	x, err := tr.complaints.read()
	if err != nil {
		return nil, err
	}
	return x.c, nil
}

func (s *setIn[R]) read() (R, error) {
	var zero R
	if s.err != nil {
		return zero, s.err
	}
	r, err := s.next()
	if err != nil {
		s.err = err
		return zero, err
	}
	return r, nil
}

func (s *setIn[R]) next() (R, error) {
	var zero R
	if s.absent {
		return zero, io.EOF
	}
	parent := s.ins[0]
	if parent.eof {
		for _, t := range s.ins[1:] {
			if !t.eof {
				return zero, t.in.errAt(t.rid, s.kind.link, ErrLink)
			}
		}
		return zero, io.EOF
	}
	r := s.newRec()
	if err := parent.attach(parent.next, r); err != nil {
		return zero, err
	}
	id := s.id(r)
	if id == s.lastID {
		return zero, parent.in.errAt(parent.rid, "id", ErrDuplicateID)
	}
	if err := parent.advance(); err != nil {
		return zero, err
	}
	for _, t := range s.ins[1:] {
		for !t.eof && t.nextID == id {
			if err := t.attach(t.next, r); err != nil {
				return zero, err
			}
			if err := t.advance(); err != nil {
				return zero, err
			}
		}
		if !t.eof && t.nextID == s.lastID {
			return zero, t.in.errAt(t.rid, s.kind.link, ErrLink)
		}
	}
	s.lastID = id
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
