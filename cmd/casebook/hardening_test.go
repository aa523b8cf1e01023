package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestKeyFileChecks: a short key is refused, a key file others may read
// is warned about, and neither message shows the key.
func TestKeyFileChecks(t *testing.T) {
	dir := t.TempDir()
	_, synth, _ := casebook(t, "", "synth", "-n", "2", "--seed", "3")
	in := filepath.Join(dir, "in.ndjson")
	require.NoError(t, os.WriteFile(in, []byte(synth), 0o600))
	for _, tc := range []struct {
		name   string
		secret string
		mode   os.FileMode
		code   int
		want   string
		warned bool
	}{
		{"private key file", canaryKey, 0o600, exitOK, "", false},
		{"group-readable key file", canaryKey, 0o640, exitOK, "can be read by other users (mode 0640)", true},
		{"world-readable key file", canaryKey, 0o644, exitOK, "can be read by other users (mode 0644)", true},
		{"short key", "Pelargonium-31-bytes-long-xxxxx", 0o600, exitUsage, "at least 32 are required", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			key := filepath.Join(dir, "k.key")
			require.NoError(t, os.WriteFile(key, []byte(tc.secret), 0o600))
			require.NoError(t, os.Chmod(key, tc.mode))
			code, out, errOut := casebook(t, "", "anonymize", "--quiet", "--key-file", key, in)
			assert.Equal(t, tc.code, code, errOut)
			if tc.want != "" {
				assert.Contains(t, errOut, tc.want)
			}
			assert.Equal(t, tc.warned, strings.Contains(errOut, "warning"), errOut)
			for _, s := range []string{tc.secret, "Pelargonium", "KEYCANARY"} {
				assert.NotContains(t, errOut, s)
				assert.NotContains(t, out, s)
			}
		})
	}
}

// TestMaxRecordsFlag: records past --max-records are rejected, each with
// its line, and counted.
func TestMaxRecordsFlag(t *testing.T) {
	dir := t.TempDir()
	_, synth, _ := casebook(t, "", "synth", "-n", "3", "--seed", "3")
	for _, tc := range []struct {
		name string
		file string
		data string
	}{
		{"NDJSON", "in.ndjson", synth},
		{"JSON array", "in.json", "[" + strings.Join(strings.Split(strings.TrimSpace(synth), "\n"), ",\n") + "]"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			in := filepath.Join(dir, tc.file)
			require.NoError(t, os.WriteFile(in, []byte(tc.data), 0o600))
			code, out, errOut := casebook(t, "", "validate", "--max-records", "2", in)
			assert.Equal(t, exitRejected, code)
			assert.Contains(t, out, tc.file+":3: /: too_many_records: the input holds more than the 2-record limit")
			assert.Contains(t, errOut, "read 3, accepted 2, rejected 1")
			code, _, errOut = casebook(t, "", "validate", "--max-records", "0", in)
			assert.Equal(t, exitOK, code, errOut)
		})
	}
}

// TestBrokenCSVEndsTheFile: a CSV file whose header or structure is
// broken ends with one error at its line; the command once looped on it
// for ever.
func TestBrokenCSVEndsTheFile(t *testing.T) {
	dir := t.TempDir()
	for _, tc := range []struct {
		name, data, want string
	}{
		{"unknown header", "Quillfeather,9993141593\n1,2\n", "line 1 (id): header does not match the layout"},
		{"unbalanced quote", "\"Quillfeather,9993141593\n", "line 1"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			in := filepath.Join(dir, "in.csv")
			require.NoError(t, os.WriteFile(in, []byte(tc.data), 0o600))
			code, out, errOut := casebook(t, "", "validate", in)
			assert.Equal(t, exitUsage, code)
			assert.Empty(t, out)
			assert.Contains(t, errOut, tc.want)
			assert.NotContains(t, errOut, "Quillfeather")
			assert.NotContains(t, errOut, "9993141593")
		})
	}
}

// TestFailedRunKeepsPreviousFile: a run that fails leaves the previous
// output as it was, and no temporary file.
func TestFailedRunKeepsPreviousFile(t *testing.T) {
	dir := t.TempDir()
	_, synth, _ := casebook(t, "", "synth", "-n", "30", "--seed", "5")
	in := filepath.Join(dir, "clinic.ndjson")
	require.NoError(t, os.WriteFile(in, []byte(synth), 0o600))
	out := filepath.Join(dir, "out.ndjson")
	code, _, errOut := casebook(t, "", "anonymize", "--quiet", "--key-file", keyFile(t), "-o", out, in)
	require.Equal(t, exitOK, code, errOut)
	before, err := os.ReadFile(out)
	require.NoError(t, err)
	require.NotEmpty(t, before)
	for _, args := range [][]string{
		{"anonymize", "--quiet", "--key-file", keyFile(t), "--profile", "research", "-k", "50", "-o", out, in},  // k cannot be reached
		{"anonymize", "--quiet", "--key-file", keyFile(t), "-o", out, in, filepath.Join(dir, "missing.ndjson")}, // an input fails half-way
		{"export", "--quiet", "--to", "ndjson", "-o", out, in, filepath.Join(dir, "missing.ndjson")},            // an input fails half-way
	} {
		code, _, _ := casebook(t, "", args...)
		assert.NotEqual(t, exitOK, code, args)
		after, err := os.ReadFile(out)
		require.NoError(t, err)
		assert.Equal(t, before, after, "%v changed the previous file", args)
		entries, err := os.ReadDir(dir)
		require.NoError(t, err)
		assert.Len(t, entries, 2, "no temporary file is left behind")
	}
}
