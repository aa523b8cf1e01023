package export

import (
	"bytes"
	"encoding/csv"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// stdCSV is what encoding/csv writes for rows.
func stdCSV(t testing.TB, crlf bool, rows ...[]string) []byte {
	var buf bytes.Buffer
	cw := csv.NewWriter(&buf)
	cw.UseCRLF = crlf
	require.NoError(t, cw.WriteAll(rows))
	return buf.Bytes()
}

// ourCSV is what csvOut writes for rows, through both of its paths: rows
// of strings, and rows of rowBuf cells.
func ourCSV(t testing.TB, crlf bool, rows ...[]string) (strs, cells []byte) {
	p := ProfileMachine
	if crlf {
		p = ProfileSpreadsheet
	}
	var a, b bytes.Buffer
	oa, ob := newCSVOut(&a, p, nil), newCSVOut(&b, p, nil)
	for _, row := range rows {
		require.NoError(t, oa.write(row))
		var rb rowBuf
		for _, f := range row {
			rb.arena = append(rb.arena, f...)
			rb.endCell()
		}
		require.NoError(t, ob.writeCells(&rb, 0, len(row), 0))
	}
	require.NoError(t, oa.bw.Flush())
	require.NoError(t, ob.bw.Flush())
	return a.Bytes(), b.Bytes()
}

var csvFieldCases = []string{
	"", " ", "a", `\.`, `\.x`, `\`, ".", `"`, `""`, `a"b`, "a,b", ",", "a\nb", "a\r\nb", "a\rb", "\r", "\n",
	"\r\n", " a", "a ", "\ta", "\va", "\fa", "\u0085a", "\u00a0a", "\u2003a", "\u3000x", "a\u00a0",
	"\xff", "\xc2", "\xe2\x80", "é", "日本", "=1+2", "'quoted'", "x\"\"y", "\"start", "end\"",
}

// TestAppendCSVField holds csvOut to encoding/csv, byte for byte, in both
// line-end modes.
func TestAppendCSVField(t *testing.T) {
	for _, crlf := range []bool{false, true} {
		for _, f := range csvFieldCases {
			want := stdCSV(t, crlf, []string{f}, []string{f, f}, []string{"x", f, ""})
			strs, cells := ourCSV(t, crlf, []string{f}, []string{f, f}, []string{"x", f, ""})
			require.Equal(t, string(want), string(strs), "field %q crlf %v (strings)", f, crlf)
			require.Equal(t, string(want), string(cells), "field %q crlf %v (cells)", f, crlf)
		}
	}
	// Random fields built from the characters that matter.
	alphabet := []string{"a", " ", "\t", "\r", "\n", `"`, ",", `\`, ".", "\u00a0", "\u0085", "é", "\xff", ";", "="}
	rng := rand.New(rand.NewPCG(1, 2))
	for range 5000 {
		row := make([]string, 1+rng.IntN(4))
		for i := range row {
			var b strings.Builder
			for range rng.IntN(24) {
				b.WriteString(alphabet[rng.IntN(len(alphabet))])
			}
			row[i] = b.String()
		}
		crlf := rng.IntN(2) == 0
		want := stdCSV(t, crlf, row)
		strs, cells := ourCSV(t, crlf, row)
		require.Equal(t, string(want), string(strs), "row %q crlf %v (strings)", row, crlf)
		require.Equal(t, string(want), string(cells), "row %q crlf %v (cells)", row, crlf)
	}
}

// TestCSVOutEmptyCells covers the rows writeCells pads with empty cells
// and the rows writeCells2 joins.
func TestCSVOutEmptyCells(t *testing.T) {
	var rb rowBuf
	for _, f := range []string{"a", "b,c", "", "d"} {
		rb.arena = append(rb.arena, f...)
		rb.endCell()
	}
	var buf bytes.Buffer
	o := newCSVOut(&buf, ProfileMachine, nil)
	require.NoError(t, o.writeCells(&rb, 0, 2, 3))
	require.NoError(t, o.writeCells(&rb, 0, 0, 3))
	require.NoError(t, o.writeCells(&rb, 1, 1, 0))
	require.NoError(t, o.writeCells2(&rb, 0, 1, 2, 4))
	require.NoError(t, o.writeCells2(&rb, 0, 0, 2, 4))
	require.NoError(t, o.writeCells2(&rb, 0, 2, 3, 3))
	require.NoError(t, o.bw.Flush())
	want := stdCSV(t, false,
		[]string{"a", "b,c", "", "", ""},
		[]string{"", "", ""},
		[]string{""},
		[]string{"a", "", "d"},
		[]string{"", "d"},
		[]string{"a", "b,c"},
	)
	require.Equal(t, string(want), buf.String())
}

// FuzzAppendCSVField holds csvOut to encoding/csv on arbitrary fields.
func FuzzAppendCSVField(f *testing.F) {
	for _, c := range csvFieldCases {
		f.Add(c, c, false)
	}
	f.Fuzz(func(t *testing.T, a, b string, crlf bool) {
		want := stdCSV(t, crlf, []string{a, b})
		strs, cells := ourCSV(t, crlf, []string{a, b})
		if !bytes.Equal(want, strs) || !bytes.Equal(want, cells) {
			t.Fatalf("fields %q %q crlf %v: encoding/csv %q, csvOut %q and %q", a, b, crlf, want, strs, cells)
		}
	})
}
