package main

import (
	"bytes"
	"maps"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/openaesthetics/casebook/anonymize"
	"github.com/openaesthetics/casebook/export"
)

func fixedNow() time.Time { return time.Date(2026, 11, 25, 10, 0, 0, 0, time.UTC) }

func TestRun(t *testing.T) {
	key, demo, err := clinicKey("")
	require.NoError(t, err)
	assert.True(t, demo)
	var sub, out bytes.Buffer
	require.NoError(t, run(form, key, fixedNow, &sub, &out))
	text := out.String()
	assert.Contains(t, text, "0 errors")
	assert.Contains(t, text, "age 29, district LS1")
	assert.Contains(t, text, "[NAME] came back six months after lip filler")
	for _, leaked := range []string{"Jane", "Doe", "9990000018", "999 000 0018", "07700", "example.com", "LS1 4AP", "1997"} {
		assert.NotContains(t, sub.String(), leaked, "the submission holds no identifier")
		assert.NotContains(t, text, leaked)
	}
	// The registry can read what the clinic sent.
	reader := export.NewEnvelopeReader(bytes.NewReader(sub.Bytes()), export.ReadOptions{})
	res, err := reader.Next()
	require.NoError(t, err)
	require.NotNil(t, res.Report, "%v", res.Findings)
	assert.Equal(t, "clinic-demo", reader.Header().KeyID)

	// Deterministic: the same form and key give the same submission.
	var again bytes.Buffer
	require.NoError(t, run(form, key, fixedNow, &again, &bytes.Buffer{}))
	assert.Equal(t, sub.String(), again.String())
}

func TestBadForm(t *testing.T) {
	bad := maps.Clone(form)
	bad["complication"] = "lumps"
	bad["treated_on"] = "14/05/2026"
	key, _ := anonymize.NewKey("k", make([]byte, 32))
	err := run(bad, key, fixedNow, &bytes.Buffer{}, &bytes.Buffer{})
	require.Error(t, err)
	assert.Contains(t, err.Error(), "complication")
	assert.Contains(t, err.Error(), "treated_on")
	assert.NotContains(t, err.Error(), "lumps", "errors name the field, not the value")
	assert.NotContains(t, err.Error(), "14/05/2026")
}
