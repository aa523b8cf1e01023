package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// runOutcome is everything a run leaves behind: its exit status, its
// streams and the files it wrote.
type runOutcome struct {
	code   int
	stdout string
	stderr string
	files  map[string]string
}

// runTime matches the times of a run that outputs carry (the envelope's
// generated_at, the FHIR bundle's timestamp): the only bytes that differ
// between two runs on the same input.
var runTime = regexp.MustCompile(`"(generated_at|timestamp)":"[^"]*"`)

// runWorkers runs the command with --workers n, writing into a fresh
// directory that {out} in args names, and collects what it wrote.
func runWorkers(t *testing.T, n string, args ...string) runOutcome {
	t.Helper()
	dir := t.TempDir()
	full := []string{args[0], "--workers", n}
	for _, a := range args[1:] {
		full = append(full, strings.ReplaceAll(a, "{out}", dir))
	}
	code, stdout, stderr := casebook(t, "", full...)
	o := runOutcome{code: code, stdout: stdout, stderr: stderr, files: map[string]string{}}
	require.NoError(t, filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		o.files[rel] = runTime.ReplaceAllString(string(b), `"$1":"T"`)
		return err
	}))
	return o
}

// TestWorkersSameOutput runs validate, anonymize and export with one and
// with four workers on synthetic input, faults included, and checks that
// every byte they write (findings on standard output in their order,
// messages and summaries on standard error, output files) is the same.
func TestWorkersSameOutput(t *testing.T) {
	if testing.Short() {
		t.Skip("runs every command twice on a few hundred records")
	}
	dir := t.TempDir()
	key := keyFile(t)
	write := func(name, data string) string {
		p := filepath.Join(dir, name)
		require.NoError(t, os.WriteFile(p, []byte(data), 0o644))
		return p
	}
	_, reports, _ := casebook(t, "", "synth", "-n", "160", "--seed", "21", "--invalid-rate", "0.25")
	_, complaints, _ := casebook(t, "", "synth", "-n", "60", "--seed", "22", "--kind", "complaint", "--invalid-rate", "0.25")
	_, clean, _ := casebook(t, "", "synth", "-n", "150", "--seed", "23")
	rep := write("reports.ndjson", reports)
	comp := write("complaints.ndjson", complaints)
	cleanIn := write("clean.ndjson", clean)
	// A JSON array of clean records, two of them spoiled, to validate as
	// an array.
	lines := strings.Split(strings.TrimSpace(clean), "\n")[:40]
	for _, i := range []int{3, 31} {
		require.Contains(t, lines[i], `"severity":"`)
		lines[i] = strings.Replace(lines[i], `"severity":"`, `"severity":"zz`, 1)
	}
	arr := write("batch.json", "[\n"+strings.Join(lines, ",\n")+"\n]\n")

	// De-identified input for export, made once.
	sub := filepath.Join(dir, "submission.ndjson")
	code, _, errOut := casebook(t, "", "anonymize", "--key-file", key, "--quiet", "-o", sub, rep, comp)
	require.Equal(t, exitRejected, code, errOut) // the faulty records are rejected
	flat := filepath.Join(dir, "flat.csv")
	code, _, errOut = casebook(t, "", "export", "--to", "csv", "--quiet", "-o", flat, sub)
	require.Equal(t, exitOK, code, errOut)
	env := filepath.Join(dir, "envelope.json")
	code, _, errOut = casebook(t, "", "export", "--to", "json", "--quiet", "-o", env, sub)
	require.Equal(t, exitOK, code, errOut)

	for _, tc := range []struct {
		name string
		args []string
		code int
	}{
		{"validate text", []string{"validate", rep, comp, arr}, exitRejected},
		{"validate json", []string{"validate", "--format", "json", rep, comp}, exitRejected},
		{"validate submissions", []string{"validate", sub, env, flat}, exitOK},
		{"anonymize registry", []string{"anonymize", "--key-file", key, "-o", "{out}/out.ndjson", "--audit", "{out}/audit.json", rep, comp}, exitRejected},
		{"anonymize research k-anonymous", []string{"anonymize", "--key-file", key, "--profile", "research", "-k", "2", "--max-withheld", "0.9",
			"-o", "{out}/out.ndjson", "--audit", "{out}/audit.json", cleanIn}, exitOK},
		{"anonymize research month", []string{"anonymize", "--key-file", key, "--profile", "research", "--dates", "month", "-k", "2", "--max-withheld", "0.9",
			"-o", "{out}/out.ndjson", "--audit", "{out}/audit.json", cleanIn}, exitOK},
		{"export csv-tables", []string{"export", "--to", "csv-tables", "-o", "{out}/tables", sub}, exitOK},
		{"export json", []string{"export", "--to", "json", "-o", "{out}/out.json", sub}, exitOK},
		{"export ndjson", []string{"export", "--to", "ndjson", "-o", "{out}/out.ndjson", sub, env}, exitOK},
		{"export fhir", []string{"export", "--to", "fhir", "-o", "{out}/out.json", sub}, exitOK},
		{"export sdtm", []string{"export", "--to", "sdtm", "-o", "{out}/out.csv", sub}, exitOK},
		{"export refuses identified records", []string{"export", "--to", "ndjson", "-o", "{out}/out.ndjson", rep}, exitRejected},
	} {
		t.Run(tc.name, func(t *testing.T) {
			one := runWorkers(t, "1", tc.args...)
			require.Equal(t, tc.code, one.code, one.stderr)
			four := runWorkers(t, "4", tc.args...)
			assert.Equal(t, one.code, four.code)
			sameBytes(t, "standard output (findings in order)", one.stdout, four.stdout)
			sameBytes(t, "standard error", one.stderr, four.stderr)
			require.Equal(t, len(one.files), len(four.files))
			for name, want := range one.files {
				sameBytes(t, "file "+name, want, four.files[name])
			}
			// The comparison has something to compare.
			assert.NotEmpty(t, one.stdout+one.stderr)
			if strings.Contains(strings.Join(tc.args, " "), "{out}") {
				assert.NotEmpty(t, one.files)
			}
		})
	}
	t.Run("validate reports findings", func(t *testing.T) {
		o := runWorkers(t, "4", "validate", rep)
		assert.GreaterOrEqual(t, strings.Count(o.stdout, "\n"), 20, "the faulty records give findings")
	})
	t.Run("research run withholds records", func(t *testing.T) {
		o := runWorkers(t, "4", "anonymize", "--key-file", key, "--profile", "research", "-k", "2", "--max-withheld", "0.9", "-o", "{out}/out.ndjson", cleanIn)
		require.Equal(t, exitOK, o.code, o.stderr)
		assert.Contains(t, o.stderr, "k-anonym")
	})
}

// sameBytes reports the first line where two outputs differ.
func sameBytes(t *testing.T, what, want, got string) {
	t.Helper()
	if want == got {
		return
	}
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := range min(len(w), len(g)) {
		if w[i] != g[i] {
			t.Errorf("%s differs at line %d:\n  --workers 1: %.300s\n  --workers 4: %.300s", what, i+1, w[i], g[i])
			return
		}
	}
	t.Errorf("%s differs: %d lines with --workers 1, %d with --workers 4", what, len(w), len(g))
}

func TestWorkersFlag(t *testing.T) {
	for _, cmd := range []string{"validate", "anonymize", "export"} {
		code, _, errOut := casebook(t, "", cmd, "--workers", "0", corpus("valid/report-toxin-ptosis.json"))
		assert.Equal(t, exitUsage, code, cmd)
		assert.Contains(t, errOut, "--workers", cmd)
		code, _, errOut = casebook(t, "", cmd, "-h")
		assert.Equal(t, exitOK, code)
		assert.Contains(t, errOut, "-workers", cmd)
	}
}
