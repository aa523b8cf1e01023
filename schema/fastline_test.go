package schema

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/openaesthetics/casebook/internal/jsonscan"
)

// TestDecodedLinesMatchLineOf compares jsonscan.LineOfValid with jsonscan.Line on every
// pointer into documents the fast decoder accepts, and on pointers to
// members and elements that are not there.
func TestDecodedLinesMatchLineOf(t *testing.T) {
	c, err := compileOnce()
	require.NoError(t, err)
	var docs [][]byte
	want := 12 // documents, each in four spellings
	if raceEnabled {
		want = 2
	}
	for _, s := range samples(t, 20) {
		if len(docs) >= 4*want {
			break
		}
		if rec := newRecord(s.shape); c.plans[s.shape].decode(s.data, fastLimits, rec) {
			var indented bytes.Buffer
			require.NoError(t, json.Indent(&indented, s.data, "", "  "))
			crlf := bytes.ReplaceAll(indented.Bytes(), []byte("\n"), []byte("\r\n"))
			escaped := bytes.ReplaceAll(indented.Bytes(), []byte(`"report_type"`), []byte(`"report\u005ftype"`))
			escaped = bytes.ReplaceAll(escaped, []byte(`"events"`), []byte(`"ev\u0065nts"`))
			docs = append(docs, s.data, indented.Bytes(), crlf, escaped)
		}
	}
	require.Len(t, docs, 4*want)
	checked := 0
	for _, data := range docs {
		doc, err := jsonscan.Parse(data, jsonscan.Limits{})
		require.NoError(t, err)
		var ptrs []string
		var walk func(ptr string, v any)
		walk = func(ptr string, v any) {
			ptrs = append(ptrs, ptr, ptr+"/nope", ptr+"/0", ptr+"/00", ptr+"/-", ptr+"/99", ptr+"/~2", ptr+"/a~1b~0")
			switch v := v.(type) {
			case map[string]any:
				for k, x := range v {
					walk(jsonscan.AppendToken(ptr, k), x)
				}
			case []any:
				for i, x := range v {
					walk(jsonscan.AppendIndex(ptr, i), x)
				}
			}
		}
		walk("", doc)
		for _, ptr := range ptrs {
			require.Equal(t, lineOf(data, ptr, jsonscan.Line), lineOf(data, ptr, jsonscan.LineOfValid), "%q", ptr)
			checked++
		}
	}
	t.Logf("%d pointers", checked)
}
