package export

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/openaesthetics/casebook/complication"
	"github.com/openaesthetics/casebook/schema"
)

func ndjsonLines(t testing.TB, recs []*complication.Report) []string {
	var buf bytes.Buffer
	w := NewNDJSONWriter(&buf, JSONOptions{})
	for _, r := range recs {
		require.NoError(t, w.Write(r))
	}
	require.NoError(t, w.Flush())
	return strings.SplitAfter(strings.TrimSuffix(buf.String(), "\n"), "\n")
}

type readResult struct {
	results []Result
	err     error
}

func readAllResults(next func() (Result, error)) readResult {
	var out readResult
	for {
		res, err := next()
		if err != nil {
			if err != io.EOF {
				out.err = err
			}
			return out
		}
		out.results = append(out.results, res)
	}
}

func TestNDJSONReaderSurvivesBadLines(t *testing.T) {
	recs := fixtures(t)
	good := ndjsonLines(t, recs)
	huge := `{"narrative":"` + strings.Repeat("x", 5000) + `"}` + "\n"
	ident, err := json.Marshal(identified(t))
	require.NoError(t, err)
	input := "\xef\xbb\xbf" + good[0] + // BOM at the start
		`{"id": "6c1e8f52-3b7d-4a2e-9f10-2d4b6a8c0e11", "reporter": ` + "\n" + // malformed JSON
		"\n" + "   \r\n" + // blank lines are not records
		strings.TrimSuffix(good[1], "\n") + "\r\n" + // CRLF
		huge + // over the cap
		"{\"narrative\":\"\xff\xfe\"}\n" + // invalid UTF-8
		"42\n" + // not an object
		string(ident) + "\n" + // identified
		strings.TrimSuffix(good[2], "\n") // no final newline
	nr := NewNDJSONReader(strings.NewReader(input), ReadOptions{Validator: testValidator(t), MaxRecordBytes: 4096})
	got := readAllResults(nr.Next)
	require.NoError(t, got.err)
	type want struct {
		line     int
		accepted bool
		code     complication.Code
	}
	wants := []want{
		{1, true, ""}, {2, false, schema.CodeSyntax}, {5, true, ""}, {6, false, schema.CodeTooLarge},
		{7, false, schema.CodeInvalidUTF8}, {8, false, schema.CodeType}, {9, false, ""}, {10, true, ""},
	}
	require.Len(t, got.results, len(wants))
	for i, w := range wants {
		res := got.results[i]
		require.Equal(t, i, res.Index)
		require.Equal(t, w.line, res.Line, "result %d", i)
		require.Equal(t, w.accepted, !res.Rejected(), "line %d: %v", w.line, res.Findings)
		if w.code != "" {
			require.True(t, res.Findings.Has(w.code), "line %d: %v", w.line, res.Findings)
		}
		for _, f := range res.Findings {
			require.Equal(t, w.line, f.Line, "finding lines are absolute")
		}
	}
	require.Equal(t, Tally{Read: 8, Accepted: 3, Rejected: 5}, nr.Tally())
	require.Equal(t, int64(0), got.results[0].Offset)
	require.Equal(t, int64(len(good[0])), got.results[1].Offset)
	requireSameRecords(t, recs[:3], []*complication.Report{got.results[0].Report, got.results[2].Report, got.results[7].Report})
}

func envelopeBytes(t testing.TB, recs []*complication.Report) []byte {
	var buf bytes.Buffer
	w := NewEnvelopeWriter(&buf, EnvelopeOptions{Header: testHeader()})
	for _, r := range recs {
		require.NoError(t, w.Write(r))
	}
	require.NoError(t, w.Close())
	return buf.Bytes()
}

func readEnvelope(t testing.TB, data []byte) (readResult, *EnvelopeReader) {
	er := NewEnvelopeReader(bytes.NewReader(data), ReadOptions{Validator: testValidator(t)})
	return readAllResults(er.Next), er
}

func TestEnvelopeReaderRecordErrors(t *testing.T) {
	recs := fixtures(t)
	lines := strings.Split(string(envelopeBytes(t, recs)), "\n")
	// lines[0] is the header up to "records":[, lines[1..4] the records.
	lines[2] = `{"id": nope, "reporter": {"role": [1, 2}]},` // invalid JSON, but its brackets close
	lines[3] = strings.Replace(lines[3], `"severity":"moderate"`, `"severity":"catastrophic"`, 1)
	r := *recs[3]
	d := *r.Deidentification
	d.PolicyVersion = "2"
	r.Deidentification = &d
	other, err := json.Marshal(&r)
	require.NoError(t, err)
	lines[4] = string(other)
	data := []byte("\xef\xbb\xbf" + strings.Join(lines, "\n"))
	got, er := readEnvelope(t, data)
	require.NoError(t, got.err)
	require.Len(t, got.results, 4)
	require.False(t, got.results[0].Rejected())
	require.True(t, got.results[1].Findings.Has(schema.CodeSyntax))
	require.True(t, got.results[2].Findings.Has(schema.CodeEnum))
	require.True(t, got.results[3].Findings.Has(CodePolicyMismatch))
	for i, res := range got.results {
		require.Equal(t, i+2, res.Line)
		for _, f := range res.Findings {
			require.Equal(t, i+2, f.Line)
		}
	}
	require.Equal(t, Tally{Read: 4, Accepted: 1, Rejected: 3}, er.Tally())
	c, ok := er.Counts()
	require.True(t, ok)
	require.Equal(t, 4, c.Records)
}

// In a pretty-printed envelope, finding lines are the lines of the file.
func TestEnvelopeReaderAbsoluteLines(t *testing.T) {
	recs := fixtures(t)
	recs[1].Events[0].Severity = "catastrophic"
	var pretty bytes.Buffer
	require.NoError(t, json.Indent(&pretty, envelopeBytes(t, recs), "", "  "))
	got, _ := readEnvelope(t, pretty.Bytes())
	require.NoError(t, got.err)
	res := got.results[1]
	require.True(t, res.Rejected())
	want := 0
	for i, l := range strings.Split(pretty.String(), "\n") {
		if strings.Contains(l, `"severity": "catastrophic"`) {
			want = i + 1
		}
	}
	require.Equal(t, want, res.Findings[0].Line)
	require.Equal(t, "/events/0/severity", res.Findings[0].Pointer)
}

func TestEnvelopeReaderStreamErrors(t *testing.T) {
	recs := fixtures(t)
	good := string(envelopeBytes(t, recs))
	lines := strings.Split(good, "\n")
	for _, tc := range []struct {
		name    string
		data    string
		records int // read before the error
		err     error
		member  string
		line    int
	}{
		{"missing comma", strings.Replace(good, "},\n{", "}\n{", 1), 1, ErrSyntax, "records", 3},
		{"truncated", good[:len(good)/2], 2, io.ErrUnexpectedEOF, "records", 0},
		{"unterminated string", lines[0] + "\n" + lines[1] + "\n" + `{"narrative": "never ends}` + "\n", 1, io.ErrUnexpectedEOF, "records", 0},
		{"wrong schema", strings.Replace(good, "report-submission.schema.json", "report.schema.json", 1), 0, ErrHeader, "schema", 1},
		{"missing key_id", strings.Replace(good, `"key_id":"demo-2026",`, "", 1), 0, ErrHeader, "key_id", 1},
		{"unknown member", strings.Replace(good, `"submitter"`, `"submiter"`, 1), 0, ErrHeader, "", 1},
		{"bad policy", strings.Replace(good, `"policy":{"id"`, `"policy":{"ident"`, 1), 0, ErrHeader, "policy", 1},
		{"counts disagree", strings.Replace(good, `"counts":{"records":4`, `"counts":{"records":5`, 1), 4, ErrCounts, "counts", 0},
		{"counts missing", strings.Replace(good, `,"counts":{"records":4,"events":4,"products":4}`, "", 1), 4, ErrHeader, "counts", 0},
		{"data after the end", good + "{}", 4, ErrSyntax, "", 0},
		{"empty value", strings.Replace(good, "},\n{", "},,\n{", 1), 1, ErrSyntax, "records", 2},
		{"not an object", "[]", 0, ErrSyntax, "", 1},
		{"empty input", "", 0, io.ErrUnexpectedEOF, "", 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, _ := readEnvelope(t, []byte(tc.data))
			require.Len(t, got.results, tc.records)
			var eerr *EnvelopeError
			require.ErrorAs(t, got.err, &eerr)
			require.ErrorIs(t, got.err, tc.err)
			require.Equal(t, tc.records, eerr.Records)
			require.Equal(t, tc.member, eerr.Member)
			if tc.line > 0 {
				require.Equal(t, tc.line, eerr.Line)
			}
			require.Greater(t, eerr.Line, 0)
			require.Greater(t, eerr.Column, 0)
			require.LessOrEqual(t, eerr.Offset, int64(len(tc.data)))
		})
	}
}

func TestEnvelopeReaderTooLarge(t *testing.T) {
	recs := fixtures(t)
	recs[1].Narrative = strings.Repeat("long narrative ", 500)
	er := NewEnvelopeReader(bytes.NewReader(envelopeBytes(t, recs)), ReadOptions{Validator: testValidator(t), MaxRecordBytes: 4096})
	got := readAllResults(er.Next)
	require.NoError(t, got.err)
	require.Len(t, got.results, 4)
	require.True(t, got.results[1].Findings.Has(schema.CodeTooLarge))
	require.Equal(t, Tally{Read: 4, Accepted: 3, Rejected: 1}, er.Tally())
}

func TestEnvelopeEmpty(t *testing.T) {
	data := envelopeBytes(t, nil)
	require.Contains(t, string(data), `"records":[`+"\n"+`],"counts":{"records":0,"events":0,"products":0}}`)
	got, er := readEnvelope(t, data)
	require.NoError(t, got.err)
	require.Empty(t, got.results)
	require.Equal(t, "clinic_7f3a9c2e", er.Header().Submitter)
	compact := strings.Replace(string(data), "[\n]", "[]", 1)
	got, _ = readEnvelope(t, []byte(compact))
	require.NoError(t, got.err)
}

func TestEnvelopeErrorText(t *testing.T) {
	err := &EnvelopeError{Offset: 10, Line: 2, Column: 3, Member: "records", Records: 1, Err: ErrSyntax}
	require.Equal(t, `export: envelope line 2, column 3 (byte 10), member "records", after 1 records: envelope is not well-formed`, err.Error())
	require.True(t, errors.Is(err, ErrSyntax))
}
