package export

import (
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"slices"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/stretchr/testify/require"

	"github.com/openaesthetics/casebook/complication"
	"github.com/openaesthetics/casebook/schema"
)

// requireAccounted checks the batch accounting of a reader's results:
// Read = Accepted + Rejected, indexes run 0, 1, 2 …, and every rejection
// has a line and findings.
func requireAccounted(t *testing.T, results []Result, tally Tally) {
	t.Helper()
	require.Equal(t, len(results), tally.Read)
	require.Equal(t, tally.Read, tally.Accepted+tally.Rejected)
	rejected := 0
	for i, res := range results {
		require.Equal(t, i, res.Index)
		require.Greater(t, res.Line, 0, "result %d", i)
		if res.Rejected() {
			rejected++
			require.NotEmpty(t, res.Findings, "result %d", i)
			require.True(t, res.Findings.Rejected(), "result %d", i)
		}
	}
	require.Equal(t, tally.Rejected, rejected)
}

func TestMaxRecords(t *testing.T) {
	recs := fixtures(t)
	lines := ndjsonLines(t, recs)
	ndjson := strings.Join(lines, "")
	env := envelopeBytes(t, recs)
	v := testValidator(t)
	for _, tc := range []struct {
		name     string
		max      int
		accepted int
	}{
		{"limit below the input", 2, 2},
		{"limit at the input", len(recs), len(recs)},
		{"no limit", -1, len(recs)},
		{"default", 0, len(recs)},
	} {
		t.Run("NDJSON "+tc.name, func(t *testing.T) {
			nr := NewNDJSONReader(strings.NewReader(ndjson), ReadOptions{Validator: v, MaxRecords: tc.max})
			got := readAllResults(nr.Next)
			require.NoError(t, got.err)
			require.Len(t, got.results, len(recs))
			requireAccounted(t, got.results, nr.Tally())
			require.Equal(t, tc.accepted, nr.Tally().Accepted)
			for i, res := range got.results[tc.accepted:] {
				require.Equal(t, tc.accepted+i+1, res.Line)
				require.Equal(t, complication.Findings{{Line: res.Line, Code: CodeTooManyRecords, Level: complication.LevelError,
					Message: "the input holds more than the 2-record limit; this record was not validated"}}, res.Findings)
			}
		})
		t.Run("envelope "+tc.name, func(t *testing.T) {
			er := NewEnvelopeReader(bytes.NewReader(env), ReadOptions{Validator: v, MaxRecords: tc.max})
			got := readAllResults(er.Next)
			require.NoError(t, got.err, "the counts still agree: every record is counted")
			require.Len(t, got.results, len(recs))
			requireAccounted(t, got.results, er.Tally())
			require.Equal(t, tc.accepted, er.Tally().Accepted)
			for _, res := range got.results[tc.accepted:] {
				require.True(t, res.Findings.Has(CodeTooManyRecords))
			}
		})
	}
}

// errInterrupted is the error of an input that breaks off.
var errInterrupted = errors.New("connection reset")

// TestNDJSONAccounting: however an NDJSON input is broken, every record
// read is accepted or rejected with its line, and the line numbers are
// those of the file.
func TestNDJSONAccounting(t *testing.T) {
	recs := fixtures(t)
	good := ndjsonLines(t, recs)
	v := testValidator(t)
	for _, tc := range []struct {
		name      string
		in        io.Reader
		lines     []int // line of each result
		rejected  []int // indexes of the rejected results
		err       error // what ends the stream, nil for io.EOF
		lastCode  complication.Code
		lastIndex int
	}{
		{"blank lines are not records", strings.NewReader("\n" + good[0] + "\r\n\n   \n" + good[1]), []int{2, 6}, nil, nil, "", 0},
		{"CRLF", strings.NewReader(strings.ReplaceAll(good[0]+good[1], "\n", "\r\n")), []int{1, 2}, nil, nil, "", 0},
		{"BOM", strings.NewReader("\xef\xbb\xbf" + good[0] + good[1]), []int{1, 2}, nil, nil, "", 0},
		{"truncated last line", strings.NewReader(good[0] + good[1] + good[2][:len(good[2])/2]), []int{1, 2, 3}, []int{2}, nil, schema.CodeSyntax, 2},
		{"NUL bytes", strings.NewReader(good[0] + "\x00\x00\x00\n" + good[1]), []int{1, 2, 3}, []int{1}, nil, schema.CodeSyntax, 1},
		{"interrupted mid-record", io.MultiReader(strings.NewReader(good[0]+good[1][:40]), iotest.ErrReader(errInterrupted)), []int{1}, nil, errInterrupted, "", 0},
		{"interrupted between records", io.MultiReader(strings.NewReader(good[0]+good[1]), iotest.ErrReader(errInterrupted)), []int{1, 2}, nil, errInterrupted, "", 0},
		{"one byte at a time", iotest.OneByteReader(strings.NewReader(good[0] + "{]\n" + good[1])), []int{1, 2, 3}, []int{1}, nil, schema.CodeSyntax, 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			nr := NewNDJSONReader(tc.in, ReadOptions{Validator: v})
			got := readAllResults(nr.Next)
			if tc.err == nil {
				require.NoError(t, got.err)
			} else {
				require.ErrorIs(t, got.err, tc.err)
				// The error is sticky.
				_, err := nr.Next()
				require.ErrorIs(t, err, tc.err)
			}
			requireAccounted(t, got.results, nr.Tally())
			var lines, rejected []int
			for i, res := range got.results {
				lines = append(lines, res.Line)
				if res.Rejected() {
					rejected = append(rejected, i)
				}
			}
			require.Equal(t, tc.lines, lines)
			require.Equal(t, tc.rejected, rejected)
			if tc.lastCode != "" {
				require.True(t, got.results[tc.lastIndex].Findings.Has(tc.lastCode), "%v", got.results[tc.lastIndex].Findings)
			}
		})
	}
}

// TestFlatReaderHostileCSV: broken CSV either reads back exactly, or
// stops with a positioned *ParseError after the reports before the break.
func TestFlatReaderHostileCSV(t *testing.T) {
	recs := fixtures(t)
	recs[0].Narrative = "line one\nline two, with \"quotes\"\r\nline three"
	data := flatFile(t, recs, ProfileMachine)
	want := make([]*complication.Report, len(recs))
	for i, r := range recs {
		want[i] = normalised(t, r)
	}
	rows, err := csv.NewReader(bytes.NewReader(data)).ReadAll()
	require.NoError(t, err)
	write := func(rows [][]string) []byte {
		var b bytes.Buffer
		w := csv.NewWriter(&b)
		require.NoError(t, w.WriteAll(rows))
		return b.Bytes()
	}
	reordered := func() []byte {
		out := make([][]string, len(rows))
		for i, r := range rows {
			out[i] = slices.Clone(r)
			slices.Reverse(out[i])
		}
		return write(out)
	}()
	// The physical lines of the file: the first report's narrative spans
	// three.
	text := string(data)
	physical := strings.SplitAfter(text, "\n")

	t.Run("embedded newlines and reordered columns read back", func(t *testing.T) {
		requireSameRecords(t, want, readAllFlat(t, data, CSVReadOptions{}))
		requireSameRecords(t, want, readAllFlat(t, reordered, CSVReadOptions{}))
	})
	for _, tc := range []struct {
		name    string
		data    []byte
		before  int // reports returned before the error
		line    int
		column  int // -1: not checked
		field   string
		wantErr error
	}{
		{"ragged row: a cell too many", []byte(strings.Join(physical[:4], "") + strings.TrimSuffix(physical[4], "\n") + ",extra\n" + strings.Join(physical[5:], "")), 0, 5, 0, "", csv.ErrFieldCount},
		{"ragged row: a cell short", write(append(slices.Clone(rows[:2]), rows[2][:len(rows[2])-1])), 0, 5, 0, "", csv.ErrFieldCount},
		{"unbalanced quote", []byte(strings.Join(physical[:len(physical)-2], "") + `"` + physical[len(physical)-2] + physical[len(physical)-1]), len(recs) - 2, 0, 0, "", csv.ErrQuote},
		{"header missing", write(rows[1:]), 0, 1, -1, "", ErrColumns},
		{"empty input", nil, 0, 1, 0, "", ErrColumns},
		{"header duplicated", write(append([][]string{append(slices.Clone(rows[0]), rows[0][0])}, appendCell(rows[1:])...)), 0, 1, len(rows[0]) + 1, rows[0][0], ErrColumns},
		{"column missing", write(dropColumn(rows, 3)), 0, 1, 0, rows[0][3], ErrColumns},
	} {
		t.Run(tc.name, func(t *testing.T) {
			fr := NewFlatReader(bytes.NewReader(tc.data), CSVReadOptions{})
			n := 0
			var err error
			for {
				var r *complication.Report
				r, err = fr.Read()
				if err != nil {
					break
				}
				n++
				require.NotNil(t, r)
			}
			require.Equal(t, tc.before, n)
			require.ErrorIs(t, err, tc.wantErr)
			var perr *ParseError
			require.ErrorAs(t, err, &perr)
			if tc.line > 0 {
				require.Equal(t, tc.line, perr.Line)
			} else {
				require.Greater(t, perr.Line, 0)
			}
			if tc.column >= 0 {
				require.Equal(t, tc.column, perr.Column)
			}
			require.Equal(t, tc.field, perr.Field)
			// Sticky: the rest of a broken file cannot be trusted.
			_, err2 := fr.Read()
			require.Equal(t, err, err2)
		})
	}
}

// appendCell adds an empty cell to every row.
func appendCell(rows [][]string) [][]string {
	out := make([][]string, len(rows))
	for i, r := range rows {
		out[i] = append(slices.Clone(r), "")
	}
	return out
}

// dropColumn removes column i from every row.
func dropColumn(rows [][]string, i int) [][]string {
	out := make([][]string, len(rows))
	for j, r := range rows {
		out[j] = slices.Delete(slices.Clone(r), i, i+1)
	}
	return out
}
