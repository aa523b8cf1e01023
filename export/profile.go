package export

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"encoding/csv"
	"errors"
	"io"
	stdunicode "unicode"
	"unicode/utf8"

	"github.com/google/uuid"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
)

// Profile is a CSV dialect. Both profiles quote per RFC 4180, exactly as
// encoding/csv does, and write the empty cell for a missing value, never
// NA or null.
type Profile uint8

const (
	// ProfileMachine is for R, pandas and other programs: UTF-8 without a
	// byte order mark, LF line ends, and every value written as it is.
	ProfileMachine Profile = iota
	// ProfileSpreadsheet is for Excel and other spreadsheets: a UTF-8 byte
	// order mark (so Excel does not guess the ANSI code page), CRLF line
	// ends (also inside quoted cells), and formula neutralisation of string
	// cells: a cell whose first character is an apostrophe, or whose first
	// character after leading spaces is = + - @ TAB CR LF or NUL, gets one
	// leading apostrophe. Numbers, dates, booleans and UUIDs are never
	// altered, and no valid code begins with a trigger, so codes are not
	// either. Look-alikes such as U+FF1D FULLWIDTH EQUALS SIGN are left
	// alone: spreadsheets do not evaluate them, and rewriting them would
	// alter ordinary CJK text. Only the first character of a cell matters:
	// a formula after a line break inside a cell is part of the same text
	// value and is not evaluated.
	ProfileSpreadsheet
)

// String returns "machine" or "spreadsheet".
func (p Profile) String() string {
	if p == ProfileSpreadsheet {
		return "spreadsheet"
	}
	return "machine"
}

func (p Profile) lineTerminator() string {
	if p == ProfileSpreadsheet {
		return "\r\n"
	}
	return "\n"
}

// Charset is the character encoding of CSV input. Whatever the charset, a
// byte order mark at the start of the input decides: a UTF-8 BOM is
// skipped, and a UTF-16 BOM (either byte order) switches to UTF-16.
type Charset uint8

const (
	// CharsetUTF8 reads UTF-8; cells that are not valid UTF-8 are errors.
	CharsetUTF8 Charset = iota
	// CharsetWindows1252 reads Windows-1252, the "ANSI" code page Excel
	// uses for "CSV (Comma delimited)" on Western European Windows.
	CharsetWindows1252
)

var utf8BOM = []byte{0xEF, 0xBB, 0xBF}

// decodeInput returns a reader of r's text as UTF-8, following a leading
// byte order mark and otherwise cs.
func decodeInput(r io.Reader, cs Charset) io.Reader {
	br := bufio.NewReaderSize(r, 64<<10)
	head, _ := br.Peek(3)
	switch {
	case bytes.HasPrefix(head, utf8BOM):
		_, _ = br.Discard(3)
		return br
	case bytes.HasPrefix(head, []byte{0xFF, 0xFE}):
		return transform.NewReader(br, unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewDecoder())
	case bytes.HasPrefix(head, []byte{0xFE, 0xFF}):
		return transform.NewReader(br, unicode.UTF16(unicode.BigEndian, unicode.UseBOM).NewDecoder())
	}
	if cs == CharsetWindows1252 {
		return transform.NewReader(br, charmap.Windows1252.NewDecoder())
	}
	return br
}

// csvOut is the output side shared by the CSV writers: RFC 4180 rows
// exactly as encoding/csv's Writer writes them (see appendCSVField), with
// the profile's BOM and line ends, and a sticky error. Rows come encoded
// from a rowBuf (writeBytes), or as strings (write: the header, SDTM),
// which are encoded into one reused buffer; either way writing a row
// allocates nothing.
type csvOut struct {
	bw      *bufio.Writer
	profile Profile
	crlf    bool
	started bool
	header  []string
	line    []byte // the row being encoded
	err     error
}

func newCSVOut(w io.Writer, p Profile, header []string) *csvOut {
	return &csvOut{bw: bufio.NewWriterSize(w, 64<<10), profile: p, crlf: p == ProfileSpreadsheet, header: header}
}

// start writes the BOM and the header once.
func (o *csvOut) start() error {
	if o.err != nil || o.started {
		return o.err
	}
	o.started = true
	if o.profile == ProfileSpreadsheet {
		if _, err := o.bw.Write(utf8BOM); err != nil {
			o.err = err
			return err
		}
	}
	return o.write(o.header)
}

// write writes one row of strings.
func (o *csvOut) write(row []string) error {
	o.line = o.line[:0]
	for i, f := range row {
		if i > 0 {
			o.line = append(o.line, ',')
		}
		o.line = appendCSVField(o.line, f, o.crlf)
	}
	return o.endRow()
}

// writeBytes writes rows already encoded (by a rowBuf).
func (o *csvOut) writeBytes(rows []byte) error {
	if o.err != nil {
		return o.err
	}
	if _, err := o.bw.Write(rows); err != nil {
		o.err = err
	}
	return o.err
}

// endRow ends the row being encoded and hands it to the bufio.Writer.
func (o *csvOut) endRow() error {
	if o.err != nil {
		return o.err
	}
	if o.crlf {
		o.line = append(o.line, '\r', '\n')
	} else {
		o.line = append(o.line, '\n')
	}
	if _, err := o.bw.Write(o.line); err != nil {
		o.err = err
	}
	return o.err
}

func (o *csvOut) flush() error {
	if err := o.start(); err != nil {
		return err
	}
	if err := o.bw.Flush(); err != nil && o.err == nil {
		o.err = err
	}
	return o.err
}

// appendCSVField appends one field as encoding/csv's Writer (Comma ',',
// UseCRLF crlf) writes it: as it is, unless it holds a quote, a comma, CR
// or LF, begins with a white-space character or is exactly `\.`; then in
// double quotes, with quotes doubled and, when crlf is set, LF written as
// CRLF and a lone CR dropped. TestAppendCSVField and FuzzAppendCSVField
// hold it to encoding/csv, and rowBuf.endCell does the same for its cells.
func appendCSVField(dst []byte, field string, crlf bool) []byte {
	special := false
	for i := 0; i < len(field); i++ {
		if c := field[i]; c < 64 && csvSpecial>>c&1 != 0 {
			special = true
			break
		}
	}
	if !special && !csvQuotedAnyway(field) {
		return append(dst, field...)
	}
	return appendCSVQuoted(dst, field, crlf)
}

// Bit sets of bytes below 64: those that make a field quoted, those
// rewritten inside quotes, and the ASCII white space (unicode.IsSpace)
// that makes a field quoted when it comes first.
const (
	csvSpecial uint64 = 1<<'\n' | 1<<'\r' | 1<<'"' | 1<<','
	csvQuoted  uint64 = 1<<'\n' | 1<<'\r' | 1<<'"'
	csvSpace   uint64 = 1<<' ' | 1<<'\t' | 1<<'\n' | 1<<'\v' | 1<<'\f' | 1<<'\r'
)

// hasCSVSpecial reports whether b holds LF, CR, '"' or ','. It looks at
// eight bytes at a time: it sees every cell of every row.
func hasCSVSpecial(b []byte) bool {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	// zero has a high bit set for a zero byte of v (and none when v has
	// no zero byte).
	zero := func(v uint64) uint64 { return (v - ones) &^ v & highs }
	for len(b) >= 8 {
		v := binary.LittleEndian.Uint64(b)
		if zero(v^(ones*'\n'))|zero(v^(ones*'\r'))|zero(v^(ones*'"'))|zero(v^(ones*',')) != 0 {
			return true
		}
		b = b[8:]
	}
	for _, c := range b {
		if c < 64 && csvSpecial>>c&1 != 0 {
			return true
		}
	}
	return false
}

// csvQuotedAnyway reports whether a field without special bytes is quoted
// all the same: it is `\.`, or begins with white space.
func csvQuotedAnyway[S ~string | ~[]byte](field S) bool {
	if len(field) == 0 {
		return false
	}
	c := field[0]
	switch {
	case c == '\\':
		return len(field) == 2 && field[1] == '.'
	case c < 64:
		return csvSpace>>c&1 != 0
	case c < utf8.RuneSelf:
		return false
	}
	var head [utf8.UTFMax]byte
	n := copy(head[:], field[:min(len(field), utf8.UTFMax)])
	r, _ := utf8.DecodeRune(head[:n])
	return stdunicode.IsSpace(r)
}

// appendCSVQuoted appends field in double quotes, as encoding/csv does.
func appendCSVQuoted[S ~string | ~[]byte](dst []byte, field S, crlf bool) []byte {
	dst = append(dst, '"')
	from := 0
	for i := 0; i < len(field); i++ {
		c := field[i]
		if c >= 64 || csvQuoted>>c&1 == 0 {
			continue
		}
		dst = append(dst, field[from:i]...)
		from = i + 1
		switch c {
		case '"':
			dst = append(dst, '"', '"')
		case '\r':
			if !crlf {
				dst = append(dst, '\r')
			}
		case '\n':
			if crlf {
				dst = append(dst, '\r', '\n')
			} else {
				dst = append(dst, '\n')
			}
		}
	}
	dst = append(dst, field[from:]...)
	return append(dst, '"')
}

// rowBuf builds the rows of one record in one reused byte arena, already
// encoded as CSV for a profile: cells (after line-break normalisation and,
// for the spreadsheet profile, formula neutralisation) are quoted as
// encoding/csv quotes them and joined with commas, and each row ends with
// the profile's line end. A writer then hands ranges of the arena to its
// csvOut as they are.
type rowBuf struct {
	arena    []byte
	profile  Profile
	crlf     bool
	rowCells int      // cells in the row being built
	scratch  []byte   // a cell being quoted
	event    eventRow // reused by eventRow
}

func newRowBuf(p Profile) rowBuf { return rowBuf{profile: p, crlf: p == ProfileSpreadsheet} }

func (b *rowBuf) reset() {
	b.arena = b.arena[:0]
	b.rowCells = 0
}

// eventRow returns the event e of r as a row, in storage reused from event
// to event: it is valid until the next call.
func (b *rowBuf) eventRow(r *report, e *event) *eventRow {
	b.event = eventRow{r: r, e: e}
	return &b.event
}

// startCell begins a cell: a comma unless it is the row's first. It
// returns where the cell's text begins.
func (b *rowBuf) startCell() int {
	if b.rowCells > 0 {
		b.arena = append(b.arena, ',')
	}
	b.rowCells++
	return len(b.arena)
}

// endCell quotes the cell's text, arena[from:], if CSV needs it.
func (b *rowBuf) endCell(from int) {
	cell := b.arena[from:]
	if !hasCSVSpecial(cell) && !csvQuotedAnyway(cell) {
		return
	}
	b.scratch = append(b.scratch[:0], cell...)
	b.arena = appendCSVQuoted(b.arena[:from], b.scratch, b.crlf)
}

// continueRow makes the next cell follow the cells already built, as if
// they were in the same row: the flat layout writes the report's cells
// once and puts them before each event's.
func (b *rowBuf) continueRow() { b.rowCells = max(b.rowCells, 1) }

// endRow ends the row with the profile's line end.
func (b *rowBuf) endRow() {
	if b.crlf {
		b.arena = append(b.arena, '\r', '\n')
	} else {
		b.arena = append(b.arena, '\n')
	}
	b.rowCells = 0
}

// appendCells appends the cells of cols for t to the row being built.
func appendCells[T any](b *rowBuf, cols []column[T], t T) {
	for i := range cols {
		c := &cols[i]
		from := b.startCell()
		b.arena = c.get(t, b.arena)
		if len(b.arena) == from {
			continue // empty: never quoted
		}
		if c.kind.stringy() {
			b.arena = normaliseLineBreaks(b.arena, from)
			if b.profile == ProfileSpreadsheet {
				b.arena = neutralise(b.arena, from)
			}
		}
		b.endCell(from)
	}
}

// emptyCells appends n empty cells.
func (b *rowBuf) emptyCells(n int) {
	for range n {
		b.startCell()
	}
}

// intCell appends a cell holding n (a link column).
func (b *rowBuf) intCell(n int) {
	b.startCell()
	b.arena = appendInt(b.arena, n)
}

// uuidCell appends a cell holding u (a link column).
func (b *rowBuf) uuidCell(u uuid.UUID) {
	b.startCell()
	b.arena = appendUUID(b.arena, u)
}

// csvIn is the input side shared by the CSV readers.
type csvIn struct {
	file    string
	cr      *csv.Reader
	profile Profile
	err     error // sticky: I/O or CSV syntax
}

func newCSVIn(file string, r io.Reader, p Profile, cs Charset) *csvIn {
	cr := csv.NewReader(decodeInput(r, cs))
	cr.FieldsPerRecord = 0
	return &csvIn{file: file, cr: cr, profile: p}
}

// read returns the next row, or io.EOF. CSV syntax and I/O errors are
// sticky.
func (in *csvIn) read() ([]string, error) {
	if in.err != nil {
		return nil, in.err
	}
	row, err := in.cr.Read()
	if err != nil {
		if err != io.EOF {
			line := 0
			var cerr *csv.ParseError
			if errors.As(err, &cerr) {
				line = cerr.Line
			}
			if line == 0 {
				line, _ = in.cr.FieldPos(0)
			}
			err = &ParseError{File: in.file, Line: line, Err: err}
		}
		in.err = err
		return nil, err
	}
	return row, nil
}

// line returns the line where field i of the last row starts.
func (in *csvIn) line(i int) int {
	l, _ := in.cr.FieldPos(i)
	return l
}

// errAt builds a ParseError for field i (0-based) of the last row.
func (in *csvIn) errAt(i int, field string, err error) *ParseError {
	return &ParseError{File: in.file, Line: in.line(i), Column: i + 1, Field: field, Err: err}
}

// cell returns field i of row, checked for UTF-8 and with the
// spreadsheet profile's neutralisation undone where the column's kind
// allows it.
func (in *csvIn) cell(row []string, i int, k kind, field string) (string, error) {
	s := row[i]
	if !utf8.ValidString(s) {
		return "", in.errAt(i, field, ErrInvalidUTF8)
	}
	if in.profile == ProfileSpreadsheet && k.stringy() {
		s = unneutralise(s)
	}
	return s, nil
}

// headerIndex maps each name in header to its position, reporting
// duplicates, empty names and invalid UTF-8.
func (in *csvIn) headerIndex(header []string) (map[string]int, error) {
	idx := make(map[string]int, len(header))
	for i, h := range header {
		if !utf8.ValidString(h) {
			return nil, in.errAt(i, "", ErrInvalidUTF8)
		}
		if _, dup := idx[h]; dup || h == "" {
			return nil, in.headerErr(i, h)
		}
		idx[h] = i
	}
	return idx, nil
}
