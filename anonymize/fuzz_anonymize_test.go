package anonymize_test

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/openaesthetics/casebook/anonymize"
	"github.com/openaesthetics/casebook/complication"
)

// FuzzAnonymize feeds the registry anonymiser any report JSON can hold.
// It must never panic; a record it produces has no identity block and is
// the same on a second run; a record it refuses is refused again.
func FuzzAnonymize(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("..", "testdata", "valid", "report-*.json"))
	for _, file := range files {
		if data, err := os.ReadFile(file); err == nil {
			f.Add(data)
		}
	}
	f.Add([]byte(`{"narrative":"Jane Doe 9990000018 07700 900123","identity":{"patient":{"given_name":"Jane"}}}`))
	f.Add([]byte(`{"events":[{}],"treatment":{"products":[{"name":"jane.doe@example.com"}]}}`))
	a, err := anonymize.New(anonymize.Registry(), testKey(f))
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		var r, again complication.Report
		if json.Unmarshal(data, &r) != nil || json.Unmarshal(data, &again) != nil {
			return
		}
		out, err := a.Report(&r)
		out2, err2 := a.Report(&again)
		if (err == nil) != (err2 == nil) {
			t.Fatalf("not deterministic: %v, then %v", err, err2)
		}
		if err != nil {
			if err.Error() != err2.Error() {
				t.Fatalf("not deterministic: %v, then %v", err, err2)
			}
			return
		}
		if out.Identity != nil {
			t.Fatalf("output keeps the identity block")
		}
		b1, e1 := json.Marshal(out)
		b2, e2 := json.Marshal(out2)
		if e1 != nil || e2 != nil || !bytes.Equal(b1, b2) {
			t.Fatalf("not deterministic")
		}
	})
}
