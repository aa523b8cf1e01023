package schema_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/openaesthetics/casebook/complication"
	"github.com/openaesthetics/casebook/internal/jsonscan"
	"github.com/openaesthetics/casebook/schema"
)

// FuzzValidate checks that the validator survives any input: it never
// panics, every finding is complete (a code, a level, a message, a
// well-formed pointer), and a document is decoded exactly when its
// findings do not reject it. Small limits let short inputs reach them.
func FuzzValidate(f *testing.F) {
	for _, dir := range []string{"valid", "invalid"} {
		files, _ := filepath.Glob(filepath.Join("..", "testdata", dir, "*.json"))
		for i, file := range files {
			if data, err := os.ReadFile(file); err == nil {
				f.Add(data, uint8(i))
			}
		}
	}
	f.Add([]byte(`{"patient":{"age_at_treatment":1e999999999}}`), uint8(0))
	f.Add([]byte(`{"patient":{"Age_At_Treatment":47,"x\u0000":1}}`), uint8(1))
	shapes := schema.Shapes()
	v, err := schema.New(schema.Options{MaxItems: 8, MaxStringLength: 64, MaxNumberLength: 12, MaxDepth: 8, MaxFindings: 20})
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, data []byte, which uint8) {
		shape := shapes[int(which)%len(shapes)]
		fs := v.Validate(shape, data)
		for _, x := range fs {
			if x.Code == "" || x.Message == "" || (x.Level != complication.LevelError && x.Level != complication.LevelWarning) {
				t.Fatalf("incomplete finding %+v", x)
			}
			if _, err := jsonscan.Tokens(x.Pointer); err != nil {
				t.Fatalf("malformed pointer in %+v", x)
			}
		}
		var decoded bool
		var dfs complication.Findings
		switch shape {
		case schema.Report, schema.ReportSubmission:
			r, f := v.DecodeReport(shape, data)
			decoded, dfs = r != nil, f
		default:
			c, f := v.DecodeComplaint(shape, data)
			decoded, dfs = c != nil, f
		}
		if decoded == dfs.Rejected() {
			t.Fatalf("decoded %v with findings %v", decoded, dfs)
		}
		if fs.Rejected() != dfs.Rejected() {
			t.Fatalf("Validate and Decode disagree: %v, %v", fs, dfs)
		}
	})
}
