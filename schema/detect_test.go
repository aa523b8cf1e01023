package schema_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/openaesthetics/casebook/schema"
)

func TestDetect(t *testing.T) {
	files, err := filepath.Glob("../testdata/valid/*.json")
	if err != nil || len(files) == 0 {
		t.Fatal("no corpus")
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		shape, ok := schema.Detect(data)
		assert.True(t, ok, f)
		assert.Equal(t, shapeOf(filepath.Base(f)), shape, f)
	}
	for _, tc := range []struct {
		in   string
		want schema.Shape
		ok   bool
	}{
		{`{"events": []}`, schema.Report, true},
		{"\xef\xbb\xbf{\"received_at\": \"x\"}", schema.Complaint, true},
		{`{"deidentification": {}, "channel": "email"}`, schema.ComplaintSubmission, true},
		{`{"identity": {"a": [1, {"deidentification": 1}]}}`, schema.Report, true},
		{`[{"events": []}]`, "", false},
		{``, "", false},
		{`{"a": `, schema.Report, true},
	} {
		shape, ok := schema.Detect([]byte(tc.in))
		assert.Equal(t, tc.ok, ok, tc.in)
		assert.Equal(t, tc.want, shape, strings.ToValidUTF8(tc.in, "?"))
	}
}
