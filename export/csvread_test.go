package export

import (
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/stretchr/testify/require"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"

	"github.com/openaesthetics/casebook/complication"
)

func flatFile(t testing.TB, recs []*complication.Report, p Profile) []byte {
	t.Helper()
	var buf bytes.Buffer
	w := NewFlatWriter(&buf, CSVOptions{Profile: p})
	for _, r := range recs {
		require.NoError(t, w.Write(r))
	}
	require.NoError(t, w.Flush())
	return buf.Bytes()
}

// editCSV parses a machine-profile CSV, lets edit change the rows, and
// writes it back.
func editCSV(t testing.TB, data []byte, edit func(rows [][]string) [][]string) []byte {
	t.Helper()
	rows, err := csv.NewReader(bytes.NewReader(data)).ReadAll()
	require.NoError(t, err)
	rows = edit(rows)
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	require.NoError(t, w.WriteAll(rows))
	return buf.Bytes()
}

// rowLines returns a CSV file's header and the line where each row
// starts, as encoding/csv counts them.
func rowLines(t testing.TB, data []byte) ([]string, []int) {
	t.Helper()
	r := csv.NewReader(bytes.NewReader(data))
	var header []string
	var lines []int
	for {
		row, err := r.Read()
		if err == io.EOF {
			return header, lines
		}
		require.NoError(t, err)
		if header == nil {
			header = row
		}
		l, _ := r.FieldPos(0)
		lines = append(lines, l)
	}
}

func col(t testing.TB, header []string, name string) int {
	i := slices.Index(header, name)
	require.GreaterOrEqual(t, i, 0, name)
	return i
}

func TestFlatReaderCharsets(t *testing.T) {
	r := fixtures(t)[3]
	r.Treatment.Products[0].Name = "Siân's filler — “Défyne” €5"
	r.Narrative = "Zoë; Róisín, Ffion"
	want := []*complication.Report{normalised(t, r)}
	data := flatFile(t, []*complication.Report{r}, ProfileMachine)

	t.Run("CRLF", func(t *testing.T) {
		crlf := bytes.ReplaceAll(data, []byte("\n"), []byte("\r\n"))
		requireSameRecords(t, want, readAllFlat(t, crlf, CSVReadOptions{}))
	})
	t.Run("UTF-8 BOM", func(t *testing.T) {
		requireSameRecords(t, want, readAllFlat(t, append(slices.Clone(utf8BOM), data...), CSVReadOptions{}))
	})
	for _, tc := range []struct {
		name string
		enc  func([]byte) ([]byte, error)
	}{
		{"UTF-16LE", unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().Bytes},
		{"UTF-16BE", unicode.UTF16(unicode.BigEndian, unicode.UseBOM).NewEncoder().Bytes},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b, err := tc.enc(data)
			require.NoError(t, err)
			require.False(t, bytes.HasPrefix(b, utf8BOM))
			requireSameRecords(t, want, readAllFlat(t, b, CSVReadOptions{}))
		})
	}
	t.Run("Windows-1252", func(t *testing.T) {
		b, err := charmap.Windows1252.NewEncoder().Bytes(data)
		require.NoError(t, err)
		requireSameRecords(t, want, readAllFlat(t, b, CSVReadOptions{Charset: CharsetWindows1252}))

		// Read as UTF-8, the same bytes are an error with a position.
		_, err = NewFlatReader(bytes.NewReader(b), CSVReadOptions{}).Read()
		var perr *ParseError
		require.ErrorAs(t, err, &perr)
		require.ErrorIs(t, err, ErrInvalidUTF8)
		require.Equal(t, 2, perr.Line)
		require.Equal(t, "treatment.products.name", perr.Field)
		require.Equal(t, slices.Index(flatHeader(reportColumns(), eventColumns()), perr.Field)+1, perr.Column)
	})
}

func TestFlatReaderErrors(t *testing.T) {
	recs := fixtures(t)
	recs = append(recs, genReport(0)) // three events
	data := flatFile(t, recs, ProfileMachine)
	header := flatHeader(reportColumns(), eventColumns())
	set := func(row int, name, v string) func([][]string) [][]string {
		return func(rows [][]string) [][]string {
			rows[row][col(t, header, name)] = v
			return rows
		}
	}
	for _, tc := range []struct {
		name   string
		edit   func([][]string) [][]string
		row    int // 0-based row of the edited file (0 is the header)
		field  string
		err    error
		secret string // must not appear in the error text
	}{
		{"bad date", set(2, "events.onset", "2026-02-30"), 2, "events.onset", ErrValue, "2026-02-30"},
		{"unknown code", set(1, "patient.sex", "Female"), 1, "patient.sex", ErrUnknownCode, "Female"},
		{"bad number", set(3, "treatment.products.dose", "1,5"), 3, "treatment.products.dose", ErrValue, "1,5"},
		{"bad list escape", set(3, "treatment.products.name", `Bocouture\`), 3, "treatment.products.name", ErrValue, "Bocouture"},
		{"bad uuid", set(4, "events.id", "not-a-uuid"), 4, "events.id", ErrValue, "not-a-uuid"},
		{"bad boolean", set(4, "setting.cqc_registered", "yes"), 4, "setting.cqc_registered", ErrValue, ""},
		{"bad missing map", set(1, "patient.missing", "pregnancy"), 1, "patient.missing", ErrValue, ""},
		{"inconsistent rows", set(6, "narrative", "edited in a spreadsheet"), 6, "narrative", ErrInconsistent, "edited"},
		{"event index gap", set(7, "event_index", "5"), 7, "event_index", ErrLink, ""},
		{"continuation without start", func(rows [][]string) [][]string {
			return append(rows[:1], rows[6:]...) // drop the first row of the generated report
		}, 0, "", nil, ""},
		{"unknown column", func(rows [][]string) [][]string {
			for i := range rows {
				rows[i] = append(rows[i], "x")
			}
			rows[0][len(rows[0])-1] = "patient.nhs_number"
			return rows
		}, 0, "", ErrColumns, ""},
		{"unknown column name is withheld", func(rows [][]string) [][]string {
			for i := range rows {
				rows[i] = append(rows[i], "x")
			}
			rows[0][len(rows[0])-1] = "Quillfeather 9990000018"
			return rows
		}, 0, "", ErrColumns, "Quillfeather"},
		{"missing column", func(rows [][]string) [][]string {
			i := col(t, header, "events.term")
			for r := range rows {
				rows[r] = slices.Delete(rows[r], i, i+1)
			}
			return rows
		}, 0, "events.term", ErrColumns, ""},
		{"duplicate column", set(0, "narrative", "id"), 0, "id", ErrColumns, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			bad := editCSV(t, data, tc.edit)
			fr := NewFlatReader(bytes.NewReader(bad), CSVReadOptions{})
			var got []*complication.Report
			var errs []error
			for {
				r, err := fr.Read()
				if err == io.EOF {
					break
				}
				if err != nil {
					errs = append(errs, err)
					var perr *ParseError
					require.ErrorAs(t, err, &perr)
					require.Greater(t, perr.Line, 0)
					if errors.Is(err, ErrColumns) {
						break // sticky
					}
					continue
				}
				got = append(got, r)
			}
			require.NotEmpty(t, errs)
			if tc.err == nil {
				require.ErrorIs(t, errs[0], ErrLink)
				return
			}
			err := errs[0]
			var perr *ParseError
			require.ErrorAs(t, err, &perr)
			require.ErrorIs(t, err, tc.err)
			badHeader, lines := rowLines(t, bad)
			require.Equal(t, lines[tc.row], perr.Line)
			require.Equal(t, tc.field, perr.Field)
			if perr.Column > 0 && tc.field != "" {
				require.Equal(t, tc.field, badHeader[perr.Column-1])
			}
			if tc.secret != "" {
				require.NotContains(t, err.Error(), tc.secret)
			}
			if !errors.Is(err, ErrColumns) {
				// Field errors reject one report; the reader goes on.
				require.Len(t, errs, 1)
				require.Len(t, got, len(recs)-1)
			}
		})
	}
}

func TestFlatReaderSyntaxErrorIsSticky(t *testing.T) {
	data := flatFile(t, fixtures(t), ProfileMachine)
	lines := strings.SplitAfter(string(data), "\n")
	lines[2] = `"unterminated,` + lines[2][1:]
	fr := NewFlatReader(strings.NewReader(strings.Join(lines, "")), CSVReadOptions{})
	// The first report is not returned: the reader cannot tell whether the
	// broken row was one of its events.
	_, err := fr.Read()
	var perr *ParseError
	require.ErrorAs(t, err, &perr)
	var cerr *csv.ParseError
	require.ErrorAs(t, err, &cerr)
	require.Equal(t, cerr.Line, perr.Line)
	require.Equal(t, 3, cerr.StartLine)
	_, err2 := fr.Read()
	require.Equal(t, err, err2)
}

func tablesFS(t testing.TB, recs []*complication.Report) fstest.MapFS {
	sink := newMemSink()
	w, err := NewTablesWriter(sink, CSVOptions{})
	require.NoError(t, err)
	for _, r := range recs {
		require.NoError(t, w.Write(r))
	}
	require.NoError(t, w.Close())
	return sink.fs()
}

func TestTablesReaderErrors(t *testing.T) {
	recs := fixtures(t)
	edit := func(fsys fstest.MapFS, name string, f func([][]string) [][]string) {
		fsys[name] = &fstest.MapFile{Data: editCSV(t, fsys[name].Data, f)}
	}
	for _, tc := range []struct {
		name  string
		mut   func(fstest.MapFS)
		file  string
		line  int
		field string
		err   error
	}{
		{"orphan row", func(fsys fstest.MapFS) {
			edit(fsys, "management.csv", func(rows [][]string) [][]string {
				rows[1][0] = "00000000-0000-4000-8000-000000000001"
				return rows
			})
		}, "management.csv", 2, "report_id", ErrLink},
		{"unknown event", func(fsys fstest.MapFS) {
			edit(fsys, "codes.csv", func(rows [][]string) [][]string {
				rows[1][1] = "00000000-0000-4000-8000-000000000001"
				return rows
			})
		}, "codes.csv", 2, "event_id", ErrLink},
		{"index gap", func(fsys fstest.MapFS) {
			edit(fsys, "management.csv", func(rows [][]string) [][]string {
				rows[2][2] = "7"
				return rows
			})
		}, "management.csv", 3, "management_index", ErrLink},
		{"rows out of order", func(fsys fstest.MapFS) {
			edit(fsys, "products.csv", func(rows [][]string) [][]string {
				rows[1], rows[2] = rows[2], rows[1]
				return rows
			})
		}, "products.csv", 3, "report_id", ErrLink},
		{"bad cell", func(fsys fstest.MapFS) {
			edit(fsys, "events.csv", func(rows [][]string) [][]string {
				rows[2][col(t, rows[0], "severity")] = "catastrophic"
				return rows
			})
		}, "events.csv", 3, "severity", ErrUnknownCode},
		{"unknown column", func(fsys fstest.MapFS) {
			edit(fsys, "reports.csv", func(rows [][]string) [][]string {
				rows[0][col(t, rows[0], "narrative")] = "narative"
				return rows
			})
		}, "reports.csv", 1, "narrative", ErrColumns}, // the missing column is reported first
	} {
		t.Run(tc.name, func(t *testing.T) {
			fsys := tablesFS(t, recs)
			tc.mut(fsys)
			tr, err := NewTablesReader(fsys, CSVReadOptions{})
			if err == nil {
				for {
					_, err = tr.Read()
					if err != nil {
						break
					}
				}
				_, again := tr.Read()
				require.Equal(t, err, again, "errors are sticky")
				require.NoError(t, tr.Close())
			}
			var perr *ParseError
			require.ErrorAs(t, err, &perr)
			require.ErrorIs(t, err, tc.err)
			require.Equal(t, tc.file, perr.File)
			require.Equal(t, tc.line, perr.Line)
			require.Equal(t, tc.field, perr.Field)
		})
	}
	t.Run("missing file", func(t *testing.T) {
		fsys := tablesFS(t, recs)
		delete(fsys, "codes.csv")
		_, err := NewTablesReader(fsys, CSVReadOptions{})
		require.Error(t, err)
	})
}

func TestDirSink(t *testing.T) {
	dir := t.TempDir()
	w, err := NewTablesWriter(DirSink(dir), CSVOptions{Profile: ProfileSpreadsheet})
	require.NoError(t, err)
	recs := fixtures(t)
	for _, r := range recs {
		require.NoError(t, w.Write(r))
	}
	require.NoError(t, w.Close())
	tr, err := NewTablesReader(osDirFS(dir), CSVReadOptions{Profile: ProfileSpreadsheet})
	require.NoError(t, err)
	defer tr.Close()
	var got []*complication.Report
	for {
		r, err := tr.Read()
		if err == io.EOF {
			break
		}
		require.NoError(t, err)
		got = append(got, r)
	}
	requireSameRecords(t, recs, got)
	_, err = DirSink(dir).Create("../escape.csv")
	require.Error(t, err)
}
