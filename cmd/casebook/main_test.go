package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"runtime/debug"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// casebook runs the command in-process and returns its exit status and
// output streams.
func casebook(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code := run(args, strings.NewReader(stdin), &out, &errOut)
	return code, out.String(), errOut.String()
}

func corpus(name string) string { return filepath.Join("..", "..", "testdata", name) }

func keyFile(t *testing.T) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "registry-2026.key")
	require.NoError(t, os.WriteFile(p, []byte("casebook-cli-test-secret-0123456789abcdef\n"), 0o600))
	return p
}

func TestUsage(t *testing.T) {
	code, _, errOut := casebook(t, "")
	assert.Equal(t, exitUsage, code)
	assert.Contains(t, errOut, "casebook validate")
	code, out, _ := casebook(t, "", "help")
	assert.Equal(t, exitOK, code)
	assert.Contains(t, out, "casebook demo")
	code, _, errOut = casebook(t, "", "frobnicate")
	assert.Equal(t, exitUsage, code)
	assert.Contains(t, errOut, `unknown command "frobnicate"`)
	code, _, errOut = casebook(t, "", "validate", "--nope", corpus("valid/report-toxin-ptosis.json"))
	assert.Equal(t, exitUsage, code)
	assert.Contains(t, errOut, "flag provided but not defined")
	code, _, errOut = casebook(t, "", "validate", "-h")
	assert.Equal(t, exitOK, code)
	assert.Contains(t, errOut, "Usage: casebook validate")
}

func TestValidate(t *testing.T) {
	t.Run("valid files", func(t *testing.T) {
		code, out, errOut := casebook(t, "", "validate", corpus("valid/report-toxin-ptosis.json"), corpus("valid/report-submission-registry.json"), corpus("valid/complaint-toxin-ptosis-wales.json"))
		assert.Equal(t, exitOK, code, out+errOut)
		assert.Empty(t, out)
		assert.Contains(t, errOut, "read 3, accepted 3, rejected 0")
	})
	t.Run("invalid file", func(t *testing.T) {
		code, out, errOut := casebook(t, "", "validate", corpus("invalid/report-onset-before-treatment.json"))
		assert.Equal(t, exitRejected, code)
		assert.Contains(t, out, "report-onset-before-treatment.json:35: /events/0/onset: date_order: onset must not be before the treatment date")
		assert.Contains(t, errOut, "read 1, accepted 0, rejected 1")
	})
	t.Run("flags after files", func(t *testing.T) {
		code, out, _ := casebook(t, "", "validate", corpus("invalid/report-under-18-warnings.json"), "--strict")
		assert.Equal(t, exitRejected, code, "--strict fails on warnings")
		assert.Contains(t, out, "under_18_treatment")
		code, _, _ = casebook(t, "", "validate", corpus("invalid/report-under-18-warnings.json"))
		assert.Equal(t, exitOK, code, "warnings alone pass")
	})
	t.Run("json findings", func(t *testing.T) {
		code, out, _ := casebook(t, "", "validate", "--format", "json", corpus("invalid/report-bad-formats.json"))
		assert.Equal(t, exitRejected, code)
		lines := strings.Split(strings.TrimSpace(out), "\n")
		require.Len(t, lines, 3)
		var f map[string]any
		require.NoError(t, json.Unmarshal([]byte(lines[0]), &f))
		assert.Equal(t, "/id", f["pointer"])
		assert.Equal(t, "format", f["code"])
		assert.Equal(t, float64(2), f["line"])
		assert.Equal(t, "error", f["level"])
	})
	t.Run("ndjson from stdin", func(t *testing.T) {
		_, synth, _ := casebook(t, "", "synth", "-n", "5", "--seed", "4")
		code, out, errOut := casebook(t, synth+"{not json}\n", "validate", "-")
		assert.Equal(t, exitRejected, code)
		assert.Contains(t, out, "<stdin>:6: /: syntax:")
		assert.Contains(t, errOut, "read 6, accepted 5, rejected 1")
	})
	t.Run("array", func(t *testing.T) {
		a, err := os.ReadFile(corpus("valid/report-toxin-ptosis.json"))
		require.NoError(t, err)
		b, err := os.ReadFile(corpus("invalid/report-fatal-not-serious.json"))
		require.NoError(t, err)
		p := filepath.Join(t.TempDir(), "batch.json")
		require.NoError(t, os.WriteFile(p, []byte("[\n"+string(a)+",\n"+string(b)+"]\n"), 0o644))
		code, out, errOut := casebook(t, "", "validate", p)
		assert.Equal(t, exitRejected, code)
		assert.Contains(t, errOut, "read 2, accepted 1, rejected 1")
		// "[" is line 1, the first record follows, then a line holding
		// ",", then the second record, whose finding is on its line 37.
		second := 1 + strings.Count(string(a), "\n") + 1 + 1
		assert.Contains(t, out, "batch.json:"+strconv.Itoa(second+36)+": /events/0/seriousness: fatal_not_serious", "lines are lines of the array file")
	})
	t.Run("missing file", func(t *testing.T) {
		code, _, errOut := casebook(t, "", "validate", "no-such-file.json")
		assert.Equal(t, exitUsage, code)
		assert.Contains(t, errOut, "no-such-file.json")
	})
	t.Run("findings never repeat values", func(t *testing.T) {
		code, out, errOut := casebook(t, "", "validate", corpus("invalid/report-nhs-number-checksum.json"))
		assert.Equal(t, exitRejected, code)
		assert.NotContains(t, out+errOut, "9990000019")
		assert.NotContains(t, out+errOut, "Jane")
	})
}

func TestAnonymizeAndExport(t *testing.T) {
	dir := t.TempDir()
	key := keyFile(t)
	_, synth, _ := casebook(t, "", "synth", "-n", "40", "--seed", "11")
	in := filepath.Join(dir, "clinic.ndjson")
	require.NoError(t, os.WriteFile(in, []byte(synth), 0o644))

	t.Run("no key", func(t *testing.T) {
		code, _, errOut := casebook(t, "", "anonymize", in)
		assert.Equal(t, exitUsage, code)
		assert.Contains(t, errOut, "a pseudonym key is required")
	})
	t.Run("short key", func(t *testing.T) {
		short := filepath.Join(dir, "short.key")
		require.NoError(t, os.WriteFile(short, []byte("too-short-secret"), 0o600))
		code, _, errOut := casebook(t, "", "anonymize", "--key-file", short, in)
		assert.Equal(t, exitUsage, code)
		assert.Contains(t, errOut, "at least 32")
		assert.NotContains(t, errOut, "too-short-secret", "the key is never printed")
	})

	sub := filepath.Join(dir, "submission.ndjson")
	audit := filepath.Join(dir, "audit.json")
	code, _, errOut := casebook(t, "", "anonymize", "--key-file", key, "-o", sub, "--audit", audit, in)
	require.Equal(t, exitOK, code, errOut)
	assert.Contains(t, errOut, "read 40, de-identified 40")
	assert.NotContains(t, errOut, "casebook-cli-test-secret")
	data, err := os.ReadFile(sub)
	require.NoError(t, err)
	assert.Equal(t, 40, strings.Count(string(data), "\n"))
	assert.Contains(t, string(data), `"key_id":"registry-2026"`)
	var a map[string]any
	b, err := os.ReadFile(audit)
	require.NoError(t, err)
	require.NoError(t, json.Unmarshal(b, &a))
	assert.Equal(t, float64(40), a["produced"])

	// The output validates as submissions, and identities are gone.
	code, _, errOut = casebook(t, "", "validate", sub)
	assert.Equal(t, exitOK, code, errOut)
	assert.NotContains(t, string(data), `"identity"`)

	t.Run("key from the environment", func(t *testing.T) {
		var out, errOut bytes.Buffer
		e := &env{stdin: strings.NewReader(""), stdout: &out, stderr: &errOut, getenv: func(k string) string {
			if k == keyEnv {
				return key
			}
			return ""
		}}
		assert.Equal(t, exitOK, runAnonymize(e, []string{"--quiet", in}))
		assert.Equal(t, string(data), out.String(), "same key, same bytes")
	})

	for _, to := range []string{"json", "ndjson", "csv", "fhir", "sdtm"} {
		t.Run("export "+to, func(t *testing.T) {
			out := filepath.Join(dir, "out."+to)
			code, _, errOut := casebook(t, "", "export", "--to", to, "-o", out, sub)
			assert.Equal(t, exitOK, code, errOut)
			st, err := os.Stat(out)
			require.NoError(t, err)
			assert.Positive(t, st.Size())
		})
	}
	t.Run("export json validates", func(t *testing.T) {
		code, _, errOut := casebook(t, "", "validate", filepath.Join(dir, "out.json"))
		assert.Equal(t, exitOK, code, errOut)
	})
	t.Run("spreadsheet csv", func(t *testing.T) {
		out := filepath.Join(dir, "sheet.csv")
		code, _, errOut := casebook(t, "", "export", "--to", "csv", "--spreadsheet", "-o", out, sub)
		require.Equal(t, exitOK, code, errOut)
		b, err := os.ReadFile(out)
		require.NoError(t, err)
		assert.True(t, bytes.HasPrefix(b, []byte("\xef\xbb\xbf")))
		assert.Contains(t, string(b), "\r\n")
		code, _, errOut = casebook(t, "", "validate", out)
		assert.Equal(t, exitOK, code, "the CSV reads back: %s", errOut)
	})
	t.Run("tables", func(t *testing.T) {
		out := filepath.Join(dir, "tables")
		code, _, errOut := casebook(t, "", "export", "--to", "csv-tables", "-o", out, sub)
		require.Equal(t, exitOK, code, errOut)
		for _, f := range []string{"reports.csv", "events.csv", "codebook.csv", "datapackage.json"} {
			assert.FileExists(t, filepath.Join(out, f))
		}
		// Running again replaces the directory casebook wrote.
		code, _, errOut = casebook(t, "", "export", "--to", "csv-tables", "-o", out, sub)
		assert.Equal(t, exitOK, code, errOut)
		// A directory casebook did not write is never overwritten.
		other := filepath.Join(dir, "precious")
		require.NoError(t, os.MkdirAll(other, 0o755))
		require.NoError(t, os.WriteFile(filepath.Join(other, "thesis.txt"), []byte("x"), 0o644))
		code, _, errOut = casebook(t, "", "export", "--to", "csv-tables", "-o", other, sub)
		assert.Equal(t, exitUsage, code)
		assert.Contains(t, errOut, "not written by casebook")
		assert.FileExists(t, filepath.Join(other, "thesis.txt"))
	})
	t.Run("identified records are refused", func(t *testing.T) {
		out := filepath.Join(dir, "leak.ndjson")
		code, _, errOut := casebook(t, "", "export", "--to", "ndjson", "-o", out, in)
		assert.Equal(t, exitRejected, code)
		assert.Contains(t, errOut, "refused")
		b, err := os.ReadFile(out)
		require.NoError(t, err)
		assert.NotContains(t, string(b), `"identity"`, "nothing identified reaches the output")
	})
}

// TestFailedRunLeavesNoFile checks that outputs are written atomically.
func TestFailedRunLeavesNoFile(t *testing.T) {
	dir := t.TempDir()
	_, synth, _ := casebook(t, "", "synth", "-n", "30", "--seed", "5")
	in := filepath.Join(dir, "clinic.ndjson")
	require.NoError(t, os.WriteFile(in, []byte(synth), 0o644))
	out := filepath.Join(dir, "research.ndjson")
	code, _, errOut := casebook(t, "", "anonymize", "--key-file", keyFile(t), "--profile", "research", "-k", "50", "-o", out, in)
	assert.Equal(t, exitRejected, code, errOut)
	assert.Contains(t, errOut, "nothing was written")
	assert.NoFileExists(t, out)
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	assert.Len(t, entries, 1, "no temporary file is left behind")
}

func TestSchemaCodebookSynth(t *testing.T) {
	code, out, _ := casebook(t, "", "schema")
	assert.Equal(t, exitOK, code)
	assert.Contains(t, out, "report-submission")
	code, out, _ = casebook(t, "", "schema", "report")
	assert.Equal(t, exitOK, code)
	assert.True(t, json.Valid([]byte(out)))
	assert.Contains(t, out, `"$id": "https://openaesthetics.github.io/casebook/schema/v1/report.schema.json"`)
	code, _, _ = casebook(t, "", "schema", "nope")
	assert.Equal(t, exitUsage, code)

	code, out, _ = casebook(t, "", "codebook")
	assert.Equal(t, exitOK, code)
	assert.Contains(t, out, "Variable / Field Name")
	code, out, _ = casebook(t, "", "codebook", "--format", "datapackage")
	assert.Equal(t, exitOK, code)
	assert.True(t, json.Valid([]byte(out)))

	_, a, _ := casebook(t, "", "synth", "-n", "20", "--seed", "9", "--invalid-rate", "0.3")
	_, b, _ := casebook(t, "", "synth", "-n", "20", "--seed", "9", "--invalid-rate", "0.3")
	assert.Equal(t, a, b, "the same seed gives the same records")
	assert.Equal(t, 20, strings.Count(a, "\n"))
	code, out, _ = casebook(t, "", "synth", "-n", "3", "--kind", "complaint")
	assert.Equal(t, exitOK, code)
	sc := bufio.NewScanner(strings.NewReader(out))
	for sc.Scan() {
		assert.Contains(t, sc.Text(), `"received_at"`)
	}
	code, _, _ = casebook(t, "", "synth", "--kind", "invoice")
	assert.Equal(t, exitUsage, code)
}

func TestDemo(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "demo")
	code, out, errOut := casebook(t, "", "demo", "-o", dir, "-n", "30")
	require.Equal(t, exitOK, code, errOut)
	assert.Contains(t, out, "DEMO KEY")
	for _, f := range []string{"clinic-records.ndjson", "registry-reports.json", "registry-complaints.json", "audit.json", "tables/reports.csv", "tables/complaints.csv", "tables/codebook.csv"} {
		assert.FileExists(t, filepath.Join(dir, f))
	}
	code, _, errOut = casebook(t, "", "validate", filepath.Join(dir, "registry-reports.json"), filepath.Join(dir, "registry-complaints.json"))
	assert.Equal(t, exitOK, code, errOut)
	// A second run replaces the first.
	code, _, errOut = casebook(t, "", "demo", "-o", dir, "-n", "10")
	assert.Equal(t, exitOK, code, errOut)
}

func TestTuneGC(t *testing.T) {
	old := debug.SetGCPercent(100)
	defer debug.SetGCPercent(old)
	tuneGC(func(string) string { return "" })
	assert.Equal(t, gcPercent, debug.SetGCPercent(100), "GOGC unset: casebook's target")
	tuneGC(func(k string) string {
		if k == "GOGC" {
			return "50"
		}
		return ""
	})
	assert.Equal(t, 100, debug.SetGCPercent(100), "GOGC set: the runtime's choice stands")
}
