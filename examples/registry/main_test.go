package main

import (
	"bytes"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/openaesthetics/casebook/complication"
)

type memStore map[string]*complication.Report

func (m memStore) Put(r *complication.Report) error {
	m[r.ID.String()] = r
	return nil
}

func TestRun(t *testing.T) {
	store := memStore{}
	var out bytes.Buffer
	rejected, err := run(bytes.NewReader(sampleBatch), "incoming.ndjson", store, &out)
	require.NoError(t, err)
	text := out.String()
	assert.Equal(t, 3, rejected)
	assert.Len(t, store, 5)
	assert.Contains(t, text, "8 records read: 5 accepted, 3 rejected")
	assert.Contains(t, text, "incoming.ndjson:3: rejected")
	assert.Contains(t, text, "/identity: identity_in_submission")
	assert.Contains(t, text, "incoming.ndjson:5: rejected")
	assert.Contains(t, text, "enum: not a code of the term list")
	assert.Contains(t, text, "incoming.ndjson:6: rejected")
	assert.Contains(t, text, "syntax")
	for _, leaked := range []string{"Jane", "Doe", "9990000018", "xunsatisfactory"} {
		assert.NotContains(t, text, leaked, "verdicts never repeat a submitted value")
	}
	for _, r := range store {
		assert.Nil(t, r.Identity)
		assert.NotNil(t, r.Deidentification)
	}
	assert.Equal(t, 5, strings.Count(text, ": accepted report "))
}
