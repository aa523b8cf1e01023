package export

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/stretchr/testify/require"

	"github.com/openaesthetics/casebook/complication"
	"github.com/openaesthetics/casebook/schema"
)

// golden compares got with testdata/golden/name byte for byte (BOM, line
// ends and quoting matter); go test ./export -update rewrites the files.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", "golden", name)
	if *update {
		require.NoError(t, os.MkdirAll(filepath.Dir(path), 0o755))
		require.NoError(t, os.WriteFile(path, got, 0o644))
		return
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err, "run go test ./export -update to create it")
	if bytes.Equal(want, got) {
		return
	}
	wl, gl := strings.SplitAfter(string(want), "\n"), strings.SplitAfter(string(got), "\n")
	for i := 0; i < len(wl) || i < len(gl); i++ {
		var w, g string
		if i < len(wl) {
			w = wl[i]
		}
		if i < len(gl) {
			g = gl[i]
		}
		if w != g {
			t.Fatalf("%s differs from the golden file at line %d:\nwant %q\ngot  %q\n(run go test ./export -update if the change is intended)", name, i+1, w, g)
		}
	}
}

// goldenRecords are the fixtures plus a few generated records with the
// awkward text (quotes, commas, semicolons, line breaks, formula triggers)
// the generator puts in.
func goldenRecords(t *testing.T) []*report {
	recs := fixtures(t)
	for i := range 4 {
		recs = append(recs, genReport(i))
	}
	return recs
}

// goldenComplaints are the complaint fixtures, one with every field set
// and awkward text, and one whose dates were shifted (so its deadline
// columns are empty).
func goldenComplaints(t *testing.T) []*complication.Complaint {
	cs := complaintFixtures(t)
	shifted := normalisedComplaint(t, cs[3])
	shifted.ID = uuid.MustParse("7d1f3a5c-2b4e-4d6f-8a9b-0c1d2e3f4a5b")
	shifted.Deidentification.Dates = complication.DateHandlingShifted
	return append(cs, fullComplaint(t), shifted)
}

func TestGolden(t *testing.T) {
	recs := goldenRecords(t)
	complaints := goldenComplaints(t)
	clock := func() time.Time { return testNow }
	for _, p := range []Profile{ProfileMachine, ProfileSpreadsheet} {
		t.Run("flat/"+p.String(), func(t *testing.T) {
			var buf bytes.Buffer
			w := NewFlatWriter(&buf, CSVOptions{Profile: p})
			for _, r := range recs {
				require.NoError(t, w.Write(r))
			}
			require.NoError(t, w.Flush())
			golden(t, "flat-"+p.String()+".csv", buf.Bytes())
		})
		t.Run("tables/"+p.String(), func(t *testing.T) {
			sink := newMemSink()
			w, err := NewTablesWriter(sink, CSVOptions{Profile: p})
			require.NoError(t, err)
			for _, r := range recs {
				require.NoError(t, w.Write(r))
			}
			for _, c := range complaints {
				require.NoError(t, w.WriteComplaint(c))
			}
			require.NoError(t, w.Close())
			for name, b := range sink.files {
				golden(t, "tables-"+p.String()+"/"+name, b.Bytes())
			}
		})
		t.Run("sdtm/"+p.String(), func(t *testing.T) {
			var buf bytes.Buffer
			w := NewSDTMWriter(&buf, SDTMOptions{Profile: p, StudyID: "CASEBOOK-TEST"})
			for _, r := range recs {
				require.NoError(t, w.Write(r))
			}
			require.NoError(t, w.Flush())
			golden(t, "sdtm-ae-"+p.String()+".csv", buf.Bytes())
		})
	}
	t.Run("codebook/flat", func(t *testing.T) {
		var dict, pkg bytes.Buffer
		require.NoError(t, WriteDictionary(&dict, CodebookOptions{Layout: LayoutFlat}))
		require.NoError(t, WriteDataPackage(&pkg, CodebookOptions{Layout: LayoutFlat}))
		golden(t, "flat-codebook.csv", dict.Bytes())
		golden(t, "flat-datapackage.json", pkg.Bytes())
	})
	t.Run("ndjson", func(t *testing.T) {
		var buf bytes.Buffer
		w := NewNDJSONWriter(&buf, JSONOptions{})
		for _, r := range recs {
			require.NoError(t, w.Write(r))
		}
		require.NoError(t, w.Flush())
		golden(t, "records.ndjson", buf.Bytes())
	})
	t.Run("envelope", func(t *testing.T) {
		var buf bytes.Buffer
		w := NewEnvelopeWriter(&buf, EnvelopeOptions{Header: testHeader(), Now: clock})
		for _, r := range recs {
			require.NoError(t, w.Write(r))
		}
		require.NoError(t, w.Close())
		golden(t, "envelope.json", buf.Bytes())
	})
	t.Run("complaints/ndjson", func(t *testing.T) {
		var buf bytes.Buffer
		w := NewNDJSONWriter(&buf, JSONOptions{})
		for _, c := range complaints {
			require.NoError(t, w.WriteComplaint(c))
		}
		require.NoError(t, w.Flush())
		golden(t, "complaints.ndjson", buf.Bytes())
	})
	t.Run("complaints/envelope", func(t *testing.T) {
		var buf bytes.Buffer
		w := NewEnvelopeWriter(&buf, EnvelopeOptions{Header: complaintHeader(t), Shape: schema.ComplaintSubmission, Now: clock})
		for _, c := range complaintFixtures(t) {
			require.NoError(t, w.WriteComplaint(c))
		}
		require.NoError(t, w.Close())
		golden(t, "complaints-envelope.json", buf.Bytes())
	})
	t.Run("fhir", func(t *testing.T) {
		london, err := time.LoadLocation("Europe/London")
		require.NoError(t, err)
		golden(t, "fhir-bundle.json", fhirBundle(t, recs, FHIROptions{Location: london}))
	})
}

// The same input gives the same bytes, run after run.
func TestDeterministic(t *testing.T) {
	recs := goldenRecords(t)
	complaints := goldenComplaints(t)
	run := func() []byte {
		var out bytes.Buffer
		sink := newMemSink()
		w, err := NewTablesWriter(sink, CSVOptions{Profile: ProfileSpreadsheet})
		require.NoError(t, err)
		for _, r := range recs {
			require.NoError(t, w.Write(r))
		}
		for _, c := range complaints {
			require.NoError(t, w.WriteComplaint(c))
		}
		require.NoError(t, w.Close())
		for _, name := range []string{"reports.csv", "events.csv", "products.csv", "complaints.csv", "complaint_escalations.csv", DictionaryFile, DataPackageFile} {
			out.Write(sink.files[name].Bytes())
		}
		out.Write(fhirBundle(t, recs, FHIROptions{}))
		return out.Bytes()
	}
	first := run()
	for range 3 {
		require.Equal(t, first, run())
	}
}
