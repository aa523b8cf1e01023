package schema_test

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/openaesthetics/casebook/complication"
	"github.com/openaesthetics/casebook/internal/synth"
	"github.com/openaesthetics/casebook/schema"
)

var update = flag.Bool("update", false, "rewrite golden files")

var corpusToday = time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC)

func newValidator(t testing.TB) *schema.Validator {
	t.Helper()
	v, err := schema.New(schema.Options{Now: func() time.Time { return corpusToday }})
	require.NoError(t, err)
	return v
}

// shapeOf takes the shape from a corpus file name: report-submission-…,
// report-…, complaint-submission-… or complaint-….
func shapeOf(name string) schema.Shape {
	switch {
	case strings.HasPrefix(name, "report-submission-"):
		return schema.ReportSubmission
	case strings.HasPrefix(name, "complaint-submission-"):
		return schema.ComplaintSubmission
	case strings.HasPrefix(name, "complaint-"):
		return schema.Complaint
	}
	return schema.Report
}

func corpus(t *testing.T, dir string) []string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join("..", "testdata", dir, "*.json"))
	require.NoError(t, err)
	require.NotEmpty(t, files)
	return files
}

// TestValidCorpus checks that every valid record is accepted. A valid
// record has no finding at all, unless a golden file beside it lists the
// warnings it is meant to raise: the motivating complaint is valid data
// about conduct that must be flagged. Errors are never expected. Run with
// -update to rewrite the goldens of records that have findings.
func TestValidCorpus(t *testing.T) {
	v := newValidator(t)
	for _, file := range corpus(t, "valid") {
		t.Run(filepath.Base(file), func(t *testing.T) {
			data, err := os.ReadFile(file)
			require.NoError(t, err)
			fs := v.Validate(shapeOf(filepath.Base(file)), data)
			assert.Zero(t, fs.Errors(), "a valid corpus record is accepted: %v", fs)
			golden := strings.TrimSuffix(file, ".json") + ".golden"
			if *update && len(fs) > 0 {
				require.NoError(t, os.WriteFile(golden, []byte(formatFindings(fs)), 0o644))
			}
			want, err := os.ReadFile(golden)
			if os.IsNotExist(err) {
				assert.Empty(t, fs, "a valid corpus record without a golden file has no finding at all")
				return
			}
			require.NoError(t, err)
			assert.Equal(t, string(want), formatFindings(fs))
		})
	}
}

func formatFindings(fs complication.Findings) string {
	var b strings.Builder
	for _, f := range fs {
		fmt.Fprintf(&b, "%d: %s: %s: %s: %s\n", f.Line, f.Pointer, f.Code, f.Level, f.Message)
	}
	return b.String()
}

// TestInvalidCorpus compares the findings for each invalid record with its
// golden file. Run with -update to rewrite them after a deliberate change.
func TestInvalidCorpus(t *testing.T) {
	v := newValidator(t)
	for _, file := range corpus(t, "invalid") {
		t.Run(filepath.Base(file), func(t *testing.T) {
			data, err := os.ReadFile(file)
			require.NoError(t, err)
			fs := v.Validate(shapeOf(filepath.Base(file)), data)
			require.NotEmpty(t, fs, "an invalid corpus record must have findings")
			got := formatFindings(fs)
			golden := strings.TrimSuffix(file, ".json") + ".golden"
			if *update {
				require.NoError(t, os.WriteFile(golden, []byte(got), 0o644))
			}
			want, err := os.ReadFile(golden)
			require.NoError(t, err, "missing golden file; run go test ./schema -update")
			assert.Equal(t, string(want), got)
		})
	}
}

func TestStrictJSON(t *testing.T) {
	v := newValidator(t)
	valid, err := os.ReadFile("../testdata/valid/report-thread-extrusion.json")
	require.NoError(t, err)
	tests := []struct {
		name string
		data []byte
		code complication.Code
		line int
	}{
		{"empty", nil, schema.CodeSyntax, 1},
		{"whitespace", []byte("  \n "), schema.CodeSyntax, 2},
		{"trailing data", append(slices.Clone(valid), []byte("\n{}")...), schema.CodeSyntax, bytes.Count(valid, []byte("\n")) + 2},
		{"comment", []byte("// note\n{}"), schema.CodeSyntax, 1},
		{"NaN", []byte(`{"patient": {"weight_kg": NaN}}`), schema.CodeSyntax, 1},
		{"duplicate key", []byte("{\"id\": \"a\",\n\"id\": \"b\"}"), schema.CodeDuplicateKey, 2},
		{"escaped duplicate key", []byte(`{"id": "a", "\u0069d": "b"}`), schema.CodeDuplicateKey, 1},
		{"invalid UTF-8 in a string", []byte("{\"narrative\": \"caf\xe9\"}"), schema.CodeInvalidUTF8, 1},
		{"lone surrogate", []byte(`{"narrative": "\ud800"}`), schema.CodeSyntax, 1},
		{"too deep", []byte(strings.Repeat("[", 100) + strings.Repeat("]", 100)), schema.CodeTooDeep, 1},
		{"huge number", []byte(`{"patient": {"age_at_treatment": 1` + strings.Repeat("0", 500) + `}}`), schema.CodeTooLarge, 1},
		{"too large", bytes.Repeat([]byte(" "), 2<<20), schema.CodeTooLarge, 1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			fs := v.Validate(schema.Report, tc.data)
			require.Len(t, fs, 1, "%v", fs)
			assert.Equal(t, tc.code, fs[0].Code)
			assert.Equal(t, complication.LevelError, fs[0].Level)
			assert.Equal(t, tc.line, fs[0].Line)
		})
	}
}

func TestByteOrderMarkIsIgnored(t *testing.T) {
	v := newValidator(t)
	data, err := os.ReadFile("../testdata/valid/report-toxin-ptosis.json")
	require.NoError(t, err)
	assert.Empty(t, v.Validate(schema.Report, append([]byte("\xef\xbb\xbf"), data...)))
}

// TestFindingsCarryNoValues plants canary values where the schema rejects
// them (formats, bounds, unknown codes, patterns) and checks that no finding
// repeats any of them.
func TestFindingsCarryNoValues(t *testing.T) {
	v := newValidator(t)
	doc := `{
	  "id": "Canary Jane Doe",
	  "created_at": "Canary 14/05/1990",
	  "reporter": {"role": "Canary Jane"},
	  "patient": {"age_at_treatment": 9990000018, "sex": "Canary", "pseudonym": "no", "postcode_district": "CANARY LS1 4AP", "weight_kg": -123.456},
	  "treatment": {"date": "Canary-2026", "procedure": "dermal_filler", "products": [{"name": "", "class": "device", "lot": "` + strings.Repeat("Canary", 20) + `"}]},
	  "events": [{"id": "b6a0c1d2-0000-4000-8000-000000000000", "term": "canary@example.com", "onset": "07700 900123"}],
	  "identity": {"patient": {"nhs_number": "9990000019", "emails": ["Canary at example"], "phones": ["Canary phone"]}}
	}`
	fs := v.Validate(schema.Report, []byte(doc))
	require.GreaterOrEqual(t, len(fs), 10)
	for _, f := range fs {
		s := f.String()
		for _, canary := range []string{"Canary", "canary", "Jane", "1990", "9990000018", "9990000019", "07700", "LS1", "123.456", "example"} {
			assert.NotContains(t, s, canary, "finding %q leaks a value", s)
		}
	}
}

func TestDeterministic(t *testing.T) {
	v := newValidator(t)
	data, err := os.ReadFile("../testdata/invalid/report-bad-formats.json")
	require.NoError(t, err)
	first := formatFindings(v.Validate(schema.Report, data))
	for range 30 {
		require.Equal(t, first, formatFindings(v.Validate(schema.Report, data)), "findings must not depend on map order")
	}
}

func TestConcurrentValidation(t *testing.T) {
	v := newValidator(t)
	var docs [][]byte
	var want []string
	var shapes []schema.Shape
	for _, dir := range []string{"valid", "invalid"} {
		for _, file := range corpus(t, dir) {
			data, err := os.ReadFile(file)
			require.NoError(t, err)
			shape := shapeOf(filepath.Base(file))
			docs = append(docs, data)
			shapes = append(shapes, shape)
			want = append(want, formatFindings(v.Validate(shape, data)))
		}
	}
	var wg sync.WaitGroup
	errs := make(chan string, 8*len(docs))
	for w := range 8 {
		wg.Go(func() {
			for i := range docs {
				j := (i + w) % len(docs)
				if got := formatFindings(v.Validate(shapes[j], docs[j])); got != want[j] {
					errs <- got
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Errorf("concurrent result differs: %s", e)
	}
}

// TestValidateTypedMatchesValidate: a record decoded and validated as a Go
// value gets the same findings as its document, lines aside.
func TestValidateTypedMatchesValidate(t *testing.T) {
	v := newValidator(t)
	for _, dir := range []string{"valid", "invalid"} {
		for _, file := range corpus(t, dir) {
			data, err := os.ReadFile(file)
			require.NoError(t, err)
			shape := shapeOf(filepath.Base(file))
			var fs, typed complication.Findings
			switch shape {
			case schema.Report, schema.ReportSubmission:
				var r *complication.Report
				if r, fs = v.DecodeReport(shape, data); r != nil {
					typed = v.ValidateReport(shape, r)
				}
			default:
				var c *complication.Complaint
				if c, fs = v.DecodeComplaint(shape, data); c != nil {
					typed = v.ValidateComplaint(shape, c)
				}
			}
			if typed == nil && fs.Rejected() {
				continue
			}
			for i := range fs {
				fs[i].Line = 0
			}
			fs.Sort() // without lines, by pointer as the typed findings are
			assert.Equal(t, formatFindings(fs), formatFindings(typed), file)
		}
	}
}

func TestDecodeReport(t *testing.T) {
	v := newValidator(t)
	data, err := os.ReadFile("../testdata/valid/report-vascular-occlusion.json")
	require.NoError(t, err)
	r, fs := v.DecodeReport(schema.Report, data)
	require.Empty(t, fs)
	require.NotNil(t, r)
	assert.Equal(t, complication.TermVascularOcclusion, r.Events[0].Term)
	assert.Equal(t, "2026-09-02T14:25", r.Events[0].Management[0].Given.String())
	assert.Equal(t, "Siân", r.Identity.Patient.GivenName)

	// Re-encoding gives the same document: nothing is lost or invented.
	out, err := json.Marshal(r)
	require.NoError(t, err)
	assert.JSONEq(t, string(data), string(out))

	bad, err := os.ReadFile("../testdata/invalid/report-fatal-not-serious.json")
	require.NoError(t, err)
	r, fs = v.DecodeReport(schema.Report, bad)
	assert.Nil(t, r)
	assert.True(t, fs.Has(complication.CodeFatalNotSerious))
}

func TestSubmissionRefusesIdentity(t *testing.T) {
	v := newValidator(t)
	data, err := os.ReadFile("../testdata/valid/report-lip-filler-nodule.json")
	require.NoError(t, err)
	fs := v.Validate(schema.ReportSubmission, data)
	assert.True(t, fs.Has(complication.CodeIdentityInSubmission), "an identified record is not a submission: %v", fs)
	r, _ := v.DecodeReport(schema.Report, data)
	require.NotNil(t, r)
	assert.True(t, v.ValidateReport(schema.ReportSubmission, r).Has(complication.CodeIdentityInSubmission))
}

func TestFutureDatesUseNow(t *testing.T) {
	data, err := os.ReadFile("../testdata/valid/report-lip-filler-nodule.json")
	require.NoError(t, err)
	early, err := schema.New(schema.Options{Now: func() time.Time { return time.Date(2026, 10, 1, 0, 0, 0, 0, time.UTC) }})
	require.NoError(t, err)
	fs := early.Validate(schema.Report, data)
	assert.True(t, fs.Has(complication.CodeDateInFuture), "%v", fs)
}

func TestDecodeComplaint(t *testing.T) {
	v := newValidator(t)
	data, err := os.ReadFile("../testdata/valid/complaint-lip-filler-public-reply.json")
	require.NoError(t, err)
	c, fs := v.DecodeComplaint(schema.Complaint, data)
	require.NotNil(t, c)
	assert.False(t, fs.Rejected())
	assert.True(t, fs.Has(complication.CodePublicDisclosure))
	assert.Equal(t, complication.ComplaintStatusInvestigating, c.Status())
	assert.Equal(t, "Jane", c.Identity.Complainant.GivenName)
	assert.Equal(t, []complication.ResponseChannel{complication.ResponseChannelPublicComment, complication.ResponseChannelBlockedOrIgnored},
		c.Conduct.ResponseChannels)

	// Re-encoding gives the same document: nothing is lost or invented.
	out, err := json.Marshal(c)
	require.NoError(t, err)
	assert.JSONEq(t, string(data), string(out))

	bad, err := os.ReadFile("../testdata/invalid/complaint-illegal-transition.json")
	require.NoError(t, err)
	c, fs = v.DecodeComplaint(schema.Complaint, bad)
	assert.Nil(t, c)
	assert.True(t, fs.Has(complication.CodeStatusTransition))

	// The decoders refuse each other's shapes.
	_, fs = v.DecodeComplaint(schema.Report, data)
	assert.Equal(t, schema.CodeInvalid, fs[0].Code)
	_, fs = v.DecodeReport(schema.Complaint, data)
	assert.Equal(t, schema.CodeInvalid, fs[0].Code)
	assert.True(t, v.ValidateComplaint(schema.ReportSubmission, &complication.Complaint{}).Has(schema.CodeInvalid))
	assert.True(t, v.ValidateReport(schema.ComplaintSubmission, &complication.Report{}).Has(schema.CodeInvalid))
}

func TestComplaintSubmissionRefusesIdentity(t *testing.T) {
	v := newValidator(t)
	data, err := os.ReadFile("../testdata/valid/complaint-lip-filler-public-reply.json")
	require.NoError(t, err)
	fs := v.Validate(schema.ComplaintSubmission, data)
	assert.True(t, fs.Has(complication.CodeIdentityInSubmission), "an identified complaint is not a submission: %v", fs)
	c, _ := v.DecodeComplaint(schema.Complaint, data)
	require.NotNil(t, c)
	assert.True(t, v.ValidateComplaint(schema.ComplaintSubmission, c).Has(complication.CodeIdentityInSubmission))
	c.Identity = nil
	assert.True(t, v.ValidateComplaint(schema.ComplaintSubmission, c).Has(schema.CodeRequired), "a submission needs its deidentification block")
}

// TestComplaintFindingsCarryNoValues plants canary values in a complaint
// where the schema rejects them and checks that no finding repeats them.
func TestComplaintFindingsCarryNoValues(t *testing.T) {
	v := newValidator(t)
	doc := `{
	  "id": "Canary Jane Doe",
	  "received_at": "Canary 14/05/1990",
	  "channel": "canary@example.com",
	  "summary": "Canary summary",
	  "patient_pseudonym": "Canary LS1 4AP",
	  "treatment_date": "07700 900123",
	  "status_history": [{"status": "Canary", "at": "1990-05-14"}],
	  "practitioner_conduct": {"response_channels": ["Canary post"], "patient_information_disclosed_publicly": "Canary"},
	  "escalations": [{"to": "jccp", "reference": "` + strings.Repeat("Canary", 20) + `"}],
	  "identity": {"tracking_token": "Canary token!", "complainant": {"nhs_number": "9990000019"}}
	}`
	fs := v.Validate(schema.Complaint, []byte(doc))
	require.GreaterOrEqual(t, len(fs), 10, "%v", fs)
	for _, f := range fs {
		s := f.String()
		for _, canary := range []string{"Canary", "canary", "Jane", "1990", "9990000019", "07700", "LS1", "token!", "example"} {
			assert.NotContains(t, s, canary, "finding %q leaks a value", s)
		}
	}
}

func TestMaxFindings(t *testing.T) {
	v, err := schema.New(schema.Options{MaxFindings: 3})
	require.NoError(t, err)
	fs := v.Validate(schema.Report, []byte(`{"a":1,"b":2,"c":3,"d":4,"e":5}`))
	require.Len(t, fs, 4)
	assert.Equal(t, schema.CodeTooManyFindings, fs[3].Code)
}

func TestUnknownShape(t *testing.T) {
	v := newValidator(t)
	fs := v.Validate(schema.Shape("invoice"), []byte(`{}`))
	require.Len(t, fs, 1)
	assert.Equal(t, schema.CodeInvalid, fs[0].Code)
}

func TestDocuments(t *testing.T) {
	names := schema.Names()
	assert.Contains(t, names, "report.schema.json")
	assert.Contains(t, names, "report-submission.schema.json")
	assert.Contains(t, names, "complaint.schema.json")
	assert.Contains(t, names, "complaint-submission.schema.json")
	for _, s := range schema.Shapes() {
		doc, ok := schema.Document(string(s))
		require.True(t, ok, s)
		var d map[string]any
		require.NoError(t, json.Unmarshal(doc, &d))
		assert.Equal(t, s.ID(), d["$id"], "the $id constant and the file agree")
		assert.Equal(t, "https://json-schema.org/draft/2020-12/schema", d["$schema"])
	}
	_, ok := schema.Document("../../go.mod")
	assert.False(t, ok)
	_, ok = schema.Document("nope")
	assert.False(t, ok)
}

func BenchmarkValidate(b *testing.B) {
	v := newValidator(b)
	for _, name := range []string{"report-lip-filler-nodule", "report-vascular-occlusion"} {
		data, err := os.ReadFile("../testdata/valid/" + name + ".json")
		require.NoError(b, err)
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				if fs := v.Validate(schema.Report, data); len(fs) != 0 {
					b.Fatal(fs)
				}
			}
		})
	}
	data, err := os.ReadFile("../testdata/valid/report-vascular-occlusion.json")
	require.NoError(b, err)
	b.Run("decode-only", func(b *testing.B) {
		b.ReportAllocs()
		b.SetBytes(int64(len(data)))
		for b.Loop() {
			var r complication.Report
			if err := json.Unmarshal(data, &r); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// synthLines returns n valid synthetic identified reports, as NDJSON lines.
func synthLines(tb testing.TB, n int) [][]byte {
	tb.Helper()
	g := synth.New(synth.Options{Seed: 5, Today: corpusToday})
	lines := make([][]byte, n)
	for i := range lines {
		lines[i] = g.Next().JSON
	}
	return lines
}

// benchLines returns the records BenchmarkValidateSynth measures: the
// first 20,000 lines of the NDJSON file named by $CASEBOOK_BENCH_NDJSON
// (scripts/bench-compare.sh points it at the file Ajv reads), or 1,000
// valid synthetic reports. fromFile reports the first.
func benchLines(b *testing.B) (lines [][]byte, fromFile bool) {
	name := os.Getenv("CASEBOOK_BENCH_NDJSON")
	if name == "" {
		return synthLines(b, 1000), false
	}
	data, err := os.ReadFile(name)
	require.NoError(b, err)
	for _, l := range bytes.Split(data, []byte("\n")) {
		if len(bytes.TrimSpace(l)) > 0 && len(lines) < 20000 {
			lines = append(lines, l)
		}
	}
	require.NotEmpty(b, lines)
	return lines, true
}

// BenchmarkValidateSynth measures validation of identified reports against
// the baseline the performance targets name: a plain typed decode of the
// same records with encoding/json.
func BenchmarkValidateSynth(b *testing.B) {
	lines, fromFile := benchLines(b)
	var size int64
	for _, l := range lines {
		size += int64(len(l))
	}
	avg := size / int64(len(lines))
	v := newValidator(b)
	run := func(name string, fn func([]byte)) {
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(avg)
			i := 0
			for b.Loop() {
				fn(lines[i%len(lines)])
				i++
			}
		})
	}
	// A file may hold invalid records on purpose; synthetic ones may not.
	run("validate", func(data []byte) {
		if fs := v.Validate(schema.Report, data); fs.Rejected() && !fromFile {
			b.Fatal(fs)
		}
	})
	run("decode-report", func(data []byte) {
		if r, _ := v.DecodeReport(schema.Report, data); r == nil && !fromFile {
			b.Fatal("rejected")
		}
	})
	run("typed-unmarshal", func(data []byte) {
		var r complication.Report
		if err := json.Unmarshal(data, &r); err != nil && !fromFile {
			b.Fatal(err)
		}
	})
}

// BenchmarkValidateSize shows how validation cost grows with record size:
// the same synthetic reports with narratives padded to more words.
func BenchmarkValidateSize(b *testing.B) {
	v := newValidator(b)
	for _, words := range []int{0, 500, 2500} {
		g := synth.New(synth.Options{Seed: 5, Today: corpusToday, NarrativeWords: words})
		lines := make([][]byte, 200)
		var size int64
		for i := range lines {
			lines[i] = g.Next().JSON
			size += int64(len(lines[i]))
		}
		b.Run(fmt.Sprintf("narrative-words=%d", words), func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(size / int64(len(lines)))
			i := 0
			for b.Loop() {
				if fs := v.Validate(schema.Report, lines[i%len(lines)]); fs.Rejected() {
					b.Fatal(fs)
				}
				i++
			}
		})
	}
}
