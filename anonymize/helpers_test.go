package anonymize_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/openaesthetics/casebook/anonymize"
	"github.com/openaesthetics/casebook/complication"
	"github.com/openaesthetics/casebook/schema"
)

var testSecret = []byte("casebook-test-key-0123456789-abcdef") // 35 bytes, test only

func testKey(t testing.TB) anonymize.Key {
	t.Helper()
	k, err := anonymize.NewKey("test-2026", testSecret)
	require.NoError(t, err)
	return k
}

func newAnonymizer(t testing.TB, p *anonymize.Policy) *anonymize.Anonymizer {
	t.Helper()
	a, err := anonymize.New(p, testKey(t))
	require.NoError(t, err)
	return a
}

func validator(t testing.TB) *schema.Validator {
	t.Helper()
	v, err := schema.New(schema.Options{Now: func() time.Time { return time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC) }})
	require.NoError(t, err)
	return v
}

// corpusReport loads an identified report from the shared valid corpus.
func corpusReport(t testing.TB, name string) *complication.Report {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "testdata", "valid", name+".json"))
	require.NoError(t, err)
	r, fs := validator(t).DecodeReport(schema.Report, data)
	require.NotNil(t, r, "%v", fs)
	return r
}

func identifiedReports(t testing.TB) []*complication.Report {
	return []*complication.Report{
		corpusReport(t, "report-lip-filler-nodule"),
		corpusReport(t, "report-vascular-occlusion"),
		corpusReport(t, "report-toxin-ptosis"),
		corpusReport(t, "report-thread-extrusion"),
	}
}

func mustJSON(t testing.TB, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	require.NoError(t, err)
	return string(b)
}

// shiftable are the corpus reports whose treatment date is known to the
// day, so the research profile can shift them.
func shiftable(t testing.TB) []*complication.Report {
	return identifiedReports(t)[:3]
}
