package schema_test

import (
	"bytes"
	"encoding/json"
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

func TestDetectEdgeCases(t *testing.T) {
	for _, tc := range []struct {
		name string
		in   string
		want schema.Shape
		ok   bool
	}{
		{"escaped name", `{"received\u005fat": "x"}`, schema.Complaint, true},
		{"brackets inside strings", `{"narrative": "a } ] { [ \" b", "channel": "email"}`, schema.Complaint, true},
		{"nested names do not count", `{"x": {"channel": 1}, "y": [{"deidentification": {}}]}`, schema.Report, true},
		{"numbers and literals", `{"a": 1.5e3, "b": true, "c": null, "deidentification": {}}`, schema.ReportSubmission, true},
		{"names after a syntax error are not read", `{"a": 1 "channel": "email"}`, schema.Report, true},
		{"unterminated string", `{"channel`, schema.Report, true},
		{"whitespace before the object", " \r\n\t{\"complainant_role\": \"patient\"}", schema.Complaint, true},
		{"not an object", `"channel"`, "", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			shape, ok := schema.Detect([]byte(tc.in))
			assert.Equal(t, tc.ok, ok)
			assert.Equal(t, tc.want, shape)
		})
	}
}

func BenchmarkDetect(b *testing.B) {
	data, err := os.ReadFile("../testdata/valid/report-vascular-occlusion.json")
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if s, _ := schema.Detect(data); s != schema.Report {
			b.Fatal(s)
		}
	}
}

// FuzzDetect checks Detect against a reference built on encoding/json for
// every well-formed document, and that it never panics on the rest.
func FuzzDetect(f *testing.F) {
	for _, s := range []string{`{"events": []}`, `{"received_at": "x", "deidentification": {}}`,
		`{"a": {"channel": 1}}`, `{"x": "\"}", "channel": 2}`, `[1]`, `{"a"`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		shape, ok := schema.Detect(data)
		if !json.Valid(data) {
			return
		}
		var members map[string]json.RawMessage
		isObject := json.Unmarshal(data, &members) == nil && members != nil
		if !isObject {
			if ok && !bytes.HasPrefix(bytes.TrimLeft(data, " \t\r\n"), []byte("{")) {
				t.Fatalf("ok for a document that is not an object")
			}
			return
		}
		_, sub := members["deidentification"]
		_, ra := members["received_at"]
		_, ch := members["channel"]
		_, cr := members["complainant_role"]
		want := schema.Report
		switch complaint := ra || ch || cr; {
		case complaint && sub:
			want = schema.ComplaintSubmission
		case complaint:
			want = schema.Complaint
		case sub:
			want = schema.ReportSubmission
		}
		if !ok || shape != want {
			t.Fatalf("Detect = %q, %v; want %q", shape, ok, want)
		}
	})
}
