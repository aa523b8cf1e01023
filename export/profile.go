package export

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"unicode/utf8"

	"github.com/google/uuid"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
)

// Profile is a CSV dialect. Both profiles quote per RFC 4180 (through
// encoding/csv) and write the empty cell for a missing value, never NA or
// null.
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

// csvOut is the output side shared by the CSV writers: encoding/csv
// underneath, with the profile's BOM and line ends, and a sticky error.
type csvOut struct {
	bw      *bufio.Writer
	cw      *csv.Writer
	profile Profile
	started bool
	header  []string
	err     error
}

func newCSVOut(w io.Writer, p Profile, header []string) *csvOut {
	bw := bufio.NewWriterSize(w, 64<<10)
	cw := csv.NewWriter(bw) // reuses bw: it is already a large enough *bufio.Writer
	cw.UseCRLF = p == ProfileSpreadsheet
	return &csvOut{bw: bw, cw: cw, profile: p, header: header}
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

func (o *csvOut) write(row []string) error {
	if o.err != nil {
		return o.err
	}
	if err := o.cw.Write(row); err != nil {
		o.err = err
	}
	return o.err
}

func (o *csvOut) flush() error {
	if err := o.start(); err != nil {
		return err
	}
	o.cw.Flush()
	if err := o.cw.Error(); err != nil && o.err == nil {
		o.err = err
	}
	return o.err
}

// rowBuf builds the cells of one record's rows in one byte arena, which is
// turned into one string whose substrings are the cells: one allocation
// per record however many cells it has.
type rowBuf struct {
	arena []byte
	ends  []int // end offset of each cell in arena
	cells []string
	text  string
}

func (b *rowBuf) reset() {
	b.arena = b.arena[:0]
	b.ends = b.ends[:0]
}

// appendCells appends the cells of cols for t.
func appendCells[T any](b *rowBuf, cols []column[T], t T, p Profile) {
	for i := range cols {
		c := &cols[i]
		from := len(b.arena)
		b.arena = c.get(t, b.arena)
		if c.kind.stringy() {
			b.arena = normaliseLineBreaks(b.arena, from)
			if p == ProfileSpreadsheet {
				b.arena = neutralise(b.arena, from)
			}
		}
		b.ends = append(b.ends, len(b.arena))
	}
}

// intCell appends a cell holding n (a link column).
func (b *rowBuf) intCell(n int) {
	b.arena = appendInt(b.arena, n)
	b.ends = append(b.ends, len(b.arena))
}

// uuidCell appends a cell holding u (a link column).
func (b *rowBuf) uuidCell(u uuid.UUID) {
	b.arena = appendUUID(b.arena, u)
	b.ends = append(b.ends, len(b.arena))
}

// freeze makes the arena's string; call it after the last append.
func (b *rowBuf) freeze() { b.text = string(b.arena) }

// cell returns cell i (after freeze).
func (b *rowBuf) cell(i int) string {
	from := 0
	if i > 0 {
		from = b.ends[i-1]
	}
	return b.text[from:b.ends[i]]
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
