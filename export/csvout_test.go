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

// ourCSV is what the CSV writers write for rows, both ways: rows of
// strings through csvOut, and rows built in a rowBuf.
func ourCSV(t testing.TB, crlf bool, rows ...[]string) (strs, cells []byte) {
	p := ProfileMachine
	if crlf {
		p = ProfileSpreadsheet
	}
	var a bytes.Buffer
	o := newCSVOut(&a, p, nil)
	rb := newRowBuf(p)
	for _, row := range rows {
		require.NoError(t, o.write(row))
		for _, f := range row {
			rb.textCell(f)
		}
		rb.endRow()
	}
	require.NoError(t, o.bw.Flush())
	return a.Bytes(), rb.arena
}

// textCell appends a cell holding s as it is.
func (b *rowBuf) textCell(s string) {
	from := b.startCell()
	b.arena = append(b.arena, s...)
	b.endCell(from)
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

// TestRowBufRows covers the rows the flat writer builds: cells continued
// after a row's first part, and empty cells.
func TestRowBufRows(t *testing.T) {
	b := newRowBuf(ProfileMachine)
	b.textCell("a")
	b.textCell("b,c")
	rep := len(b.arena)
	b.continueRow()
	b.emptyCells(3)
	b.endRow()
	p1 := len(b.arena)
	b.continueRow()
	b.intCell(7)
	b.textCell("")
	b.endRow()
	p2 := len(b.arena)
	b.emptyCells(3)
	b.endRow()
	b.emptyCells(1)
	b.endRow()
	got := string(b.arena[:rep]) + string(b.arena[rep:p1]) + string(b.arena[:rep]) + string(b.arena[p1:p2]) + string(b.arena[p2:])
	want := stdCSV(t, false,
		[]string{"a", "b,c", "", "", ""},
		[]string{"a", "b,c", "7", ""},
		[]string{"", "", ""},
		[]string{""},
	)
	require.Equal(t, string(want), got)
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
