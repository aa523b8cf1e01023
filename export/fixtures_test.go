package export

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/openaesthetics/casebook/schema"
)

// TestUpstreamFixtures de-identifies the current ../testdata/valid reports
// and puts them through every writer and back, so a change there that the
// exporters cannot carry shows up here. With -update it also rewrites
// testdata/fixtures.ndjson from them (review the free text by hand after).
func TestUpstreamFixtures(t *testing.T) {
	recs := upstreamFixtures(t)
	v := testValidator(t)
	for _, r := range recs {
		require.False(t, v.ValidateReport(schema.ReportSubmission, r).Rejected())
	}
	if *update {
		var buf bytes.Buffer
		w := NewNDJSONWriter(&buf, JSONOptions{Validator: v})
		for _, r := range recs {
			require.NoError(t, w.Write(r))
		}
		require.NoError(t, w.Flush())
		require.NoError(t, os.WriteFile(filepath.Join("testdata", "fixtures.ndjson"), buf.Bytes(), 0o644))
	}
	want := make([]*report, len(recs))
	for i, r := range recs {
		want[i] = normalised(t, r)
	}
	var flat bytes.Buffer
	fw := NewFlatWriter(&flat, CSVOptions{Validator: v})
	sink := newMemSink()
	tw, err := NewTablesWriter(sink, CSVOptions{Validator: v})
	require.NoError(t, err)
	for _, r := range recs {
		require.NoError(t, fw.Write(r))
		require.NoError(t, tw.Write(r))
	}
	require.NoError(t, fw.Flush())
	require.NoError(t, tw.Close())
	requireSameRecords(t, want, readAllFlat(t, flat.Bytes(), CSVReadOptions{}))
	requireSameRecords(t, want, readAllTables(t, sink, CSVReadOptions{}))
}
