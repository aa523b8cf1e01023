package main

import (
	"bytes"
	"io"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/openaesthetics/casebook/export"
)

type memFile struct {
	bytes.Buffer
}

func (*memFile) Close() error { return nil }

func TestRun(t *testing.T) {
	files := map[string]*memFile{}
	sink := export.SinkFunc(func(name string) (io.WriteCloser, error) {
		f := &memFile{}
		files[name] = f
		return f, nil
	})
	var out bytes.Buffer
	require.NoError(t, run(bytes.NewReader(sampleExport), sink, &out))
	text := out.String()
	assert.Contains(t, text, "150 records read, 150 accepted, 0 rejected")
	assert.Contains(t, text, "<5", "small counts are suppressed")
	for _, line := range strings.Split(text, "\n") {
		fields := strings.Fields(line)
		if len(fields) == 0 {
			continue
		}
		last := fields[len(fields)-1]
		for _, small := range []string{"1", "2", "3", "4"} {
			assert.NotEqual(t, small, last, "no count under 5 is published: %q", line)
		}
	}
	// Suppressed rows come last, alphabetically: their order must not
	// reveal their counts.
	var suppressed []string
	for _, line := range strings.Split(text, "\n") {
		if strings.HasSuffix(line, "<5") {
			suppressed = append(suppressed, strings.TrimSpace(strings.TrimSuffix(line, "<5")))
		}
	}
	require.NotEmpty(t, suppressed)
	assert.True(t, slices.IsSorted(suppressed), "%v", suppressed)
	tail := text[strings.Index(text, suppressed[0]):]
	assert.NotRegexp(t, `\s\d+\n`, tail[:strings.Index(tail, "\n\n")+1], "no published count after the first suppressed row")
	for _, name := range []string{"reports.csv", "events.csv", "products.csv", "codebook.csv", "datapackage.json"} {
		require.Contains(t, files, name)
		assert.NotZero(t, files[name].Len(), name)
	}
	assert.Equal(t, 151, strings.Count(files["reports.csv"].String(), "\n"), "a header and one row per report")
}

func TestSuppress(t *testing.T) {
	for n, want := range map[int]string{0: "0", 1: "<5", 4: "<5", 5: "5", 120: "120"} {
		assert.Equal(t, want, suppress(n))
	}
}
